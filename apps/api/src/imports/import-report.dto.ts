import { ApiProperty } from '@nestjs/swagger';
import { ImportProblem, ImportReport, MilestoneOutcome, RowOutcome } from '@pathway/import';
import { ImportJob, ImportJobProblem } from './import-jobs';

/** One problem of an import, by row, column and stable code (`problem.<code>` in the web app's catalogues); never a cell's content. */
export class ImportProblemDto implements ImportProblem {
  /** The XLSX sheet the problem is on (absent for a CSV). */
  sheet?: string;
  /** The spreadsheet's row number (1 is the header row); null for the whole file. */
  row!: number | null;
  /** The column's header as written in the file; null for a whole row or the file. */
  column!: string | null;
  code!: string;
  /** What the code's message names: a header, a first row, the allowed values, a limit. */
  @ApiProperty({ required: false, type: Object, additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } })
  params?: Record<string, string | number>;
  /** An error keeps the row out; a warning is only said. */
  severity!: 'error' | 'warning';
}

export class ImportRowDto {
  row!: number;
  /** new (would be enrolled: dry run), enrolled, unchanged (imported before), conflict (exists with other values), invalid. */
  @ApiProperty({ enum: ['new', 'enrolled', 'unchanged', 'conflict', 'invalid'] })
  outcome!: RowOutcome;
  participantId?: string;
}

export class ImportCountsDto {
  new!: number;
  enrolled!: number;
  unchanged!: number;
  conflict!: number;
  invalid!: number;
}

export class ImportMilestoneRowDto {
  row!: number;
  /** new (would be recorded: dry run), recorded, unchanged (imported before), conflict (imported before with other fields), invalid. */
  @ApiProperty({ enum: ['new', 'recorded', 'unchanged', 'conflict', 'invalid'] })
  outcome!: MilestoneOutcome;
  participantId?: string;
}

export class ImportMilestoneCountsDto {
  new!: number;
  recorded!: number;
  unchanged!: number;
  conflict!: number;
  invalid!: number;
}

/** What an import did, or would do in a dry run. */
export class ImportReportDto implements ImportReport {
  projectId!: string;
  dryRun!: boolean;
  @ApiProperty({ enum: ['xlsx', 'csv'] })
  format!: 'xlsx' | 'csv';
  /** How a CSV was decoded. */
  @ApiProperty({ required: false, enum: ['utf-8', 'utf-8-bom', 'windows-1252'] })
  encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  @ApiProperty({ required: false, enum: [',', ';', '\t'] })
  separator?: ',' | ';' | '\t';
  /** Participant rows read (empty rows not counted). */
  rowsRead!: number;
  counts!: ImportCountsDto;
  rows!: ImportRowDto[];
  /** Milestone rows read from the milestone sheet (0 without one). */
  milestoneRowsRead!: number;
  milestoneCounts!: ImportMilestoneCountsDto;
  milestoneRows!: ImportMilestoneRowDto[];
  problems!: ImportProblemDto[];
}

/** Why an import job could not run: the whole file refused once read, or IMPORT.FAILED (import the file again). */
export class ImportJobProblemDto implements ImportJobProblem {
  code!: string;
  title!: string;
  @ApiProperty({ required: false, type: Object, additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } })
  params?: Record<string, string | number>;
}

/** An import run in the background (`POST /projects/{id}/imports` starts it): its progress, then its report. */
export class ImportJobDto implements ImportJob {
  @ApiProperty({ format: 'uuid' })
  jobId!: string;
  projectId!: string;
  dryRun!: boolean;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] })
  status!: 'running' | 'succeeded' | 'failed';
  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt!: string | null;
  /** Rows with their outcome decided (participant and milestone rows together). */
  rowsDone!: number;
  /** The file's participant and milestone rows; null while the file is being read. */
  @ApiProperty({ nullable: true, type: Number })
  rowsTotal!: number | null;
  /** Once succeeded: what the import did, or would do in a dry run. */
  @ApiProperty({ nullable: true, type: ImportReportDto })
  report!: ImportReportDto | null;
  /** Once failed: why. */
  @ApiProperty({ nullable: true, type: ImportJobProblemDto })
  problem!: ImportJobProblemDto | null;
}
