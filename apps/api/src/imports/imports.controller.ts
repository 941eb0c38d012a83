import { randomUUID } from 'node:crypto';
import { Controller, Get, Header, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { CommandDependencies } from '@pathway/application';
import { conflict, notFound } from '@pathway/domain';
import { ImportFileRefused, importTemplate, problemsWorkbook, readImport, ReadImport, runImport, XLSX_MEDIA_TYPE } from '@pathway/import';
import { KeyStore } from '@pathway/privacy';
import { COMMAND_DEPENDENCIES, KEY_STORE } from '@pathway/runtime';
import { Access } from '../auth/access.decorator';
import { EdgeRefusal, RequestValidationError } from '../http/problem';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { HEADER_TOKEN } from '../http/request-context.decorator';
import { principalOf } from '../auth/authenticated-request';
import { IMPORT_TYPES, importMediaTypeRefusal } from '../http/json-bodies';
import { ParticipantIdentityIndex } from '../participants/participant-identity-index';
import { validateEnrolmentBody } from './enrolment-body-validator';
import { milestoneRecorder, validateMilestoneBody } from './milestone-body-validator';
import { ImportJobDto } from './import-report.dto';
import { ImportJob, ImportJobs } from './import-jobs';
import { PROBLEMS_LANGUAGES, ProblemsLanguage, problemsTexts } from './import-problem-texts';

const JOB_ID = new ParseUUIDPipe({ exceptionFactory: () => new RequestValidationError([{ field: 'jobId', reason: 'jobId must be a UUID' }]) });

/** The status each refusal of a whole file answers. */
const FILE_REFUSAL_STATUS: Record<string, number> = { 'IMPORT.FILE_TOO_LARGE': 413, 'IMPORT.INFLATES_TOO_LARGE': 413 };

@ApiTags('imports')
@Controller()
export class ImportsController {
  private readonly jobs = new ImportJobs();

  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    private readonly identities: ParticipantIdentityIndex,
  ) {}

  /**
   * Starts importing participants, and milestones after them (an XLSX's milestone sheet,
   * "Milstolpar" / "Milestones", or a CSV whose header names milestone columns), from the
   * project's spreadsheet sent as the body (XLSX or CSV, at most 10 MB, Content-Type one of
   * IMPORT_TYPES). `dryRun=true` (the default) checks every row by the API's own rules and
   * writes nothing; `dryRun=false` records the rows that pass. Answers 202 with the job (and
   * `Location`); `GET …/imports/{jobId}` gives its progress, then the report: each row's outcome
   * and every problem by row, column and stable code, never a cell's content. A file refused
   * whole (too large, not a spreadsheet, a zip bomb, a header with no rows below it: 422
   * IMPORT.NO_DATA_ROWS, for an XLSX as for a CSV) is refused here, before a job starts; one
   * import per project at a time (409 IMPORT.ALREADY_RUNNING). Importing the same file again
   * writes nothing; a changed row is a conflict.
   */
  @Post('projects/:projectId/imports')
  @HttpCode(202)
  @Access('participants.import')
  @ApiConsumes(...IMPORT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiAcceptedResponse({ type: ImportJobDto })
  async import(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Query('dryRun') dryRun: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportJob> {
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') {
      throw new RequestValidationError([{ field: 'dryRun', reason: 'dryRun must be true or false' }]);
    }
    // No body at all, so no type to read it by (an empty body of a spreadsheet type is IMPORT.EMPTY_FILE below).
    if (!Buffer.isBuffer(request.body)) throw importMediaTypeRefusal();
    // Not the Caller decorator: each row brings its own Idempotency-Key, and fingerprinting a 10 MB body is not wanted.
    const correlation = request.header('X-Correlation-Id');
    if (correlation !== undefined && !HEADER_TOKEN.test(correlation)) {
      throw new RequestValidationError([{ field: 'X-Correlation-Id', reason: 'X-Correlation-Id must be 1 to 64 letters, digits or . _ : -' }]);
    }
    const correlationId = correlation ?? randomUUID();
    response.setHeader('X-Correlation-Id', correlationId);
    const { subject: actor, role: actorRole } = principalOf(request);
    const deps = { commands: this.deps, keys: this.keys, identities: this.identities };
    const milestones = { validate: validateMilestoneBody, record: milestoneRecorder(this.deps, this.keys) };
    // The file is read and its sheets parsed before the job (an XLSX's rows are known only then), so it is refused whole here.
    let read: ReadImport;
    try {
      read = await readImport(deps, request.body as Buffer, { projectId, milestones });
    } catch (error) {
      if (error instanceof ImportFileRefused) throw new EdgeRefusal(FILE_REFUSAL_STATUS[error.code] ?? 422, error.code, error.message);
      throw error;
    }
    const job = this.jobs.start(projectId, dryRun !== 'false', (onProgress) =>
      runImport(deps, read, {
        projectId,
        dryRun: dryRun !== 'false',
        validateBody: validateEnrolmentBody,
        milestones,
        request: { actor, actorRole, correlationId },
        onProgress,
      }),
    );
    response.setHeader('Location', `/api/v1/projects/${projectId}/imports/${job.jobId}`);
    return job;
  }

  /** An import's job: `running` with rows done of the total, then `succeeded` with the report, or `failed` with its problem. Kept an hour after it ends. */
  @Get('projects/:projectId/imports/:jobId')
  @Access('participants.import')
  @ApiOkResponse({ type: ImportJobDto })
  job(@Param('projectId', ParseIdPipe) projectId: string, @Param('jobId', JOB_ID) jobId: string): ImportJob {
    const job = this.jobs.find(projectId, jobId);
    if (!job) throw notFound('IMPORT.JOB_NOT_FOUND', 'No such import (a finished import is kept an hour)');
    return job;
  }

  /**
   * An import's problems as an XLSX (sheet, row, column, severity, code, and the message in
   * `lang`, Swedish or English; never a cell's value), once its job has succeeded: 409
   * IMPORT.JOB_NOT_DONE before.
   */
  @Get('projects/:projectId/imports/:jobId/problems')
  @Access('participants.import')
  @ApiQuery({ name: 'lang', required: false, enum: PROBLEMS_LANGUAGES })
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async problems(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Param('jobId', JOB_ID) jobId: string,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const language = lang ?? 'en';
    if (!(PROBLEMS_LANGUAGES as readonly string[]).includes(language)) throw new RequestValidationError([{ field: 'lang', reason: 'lang must be sv or en' }]);
    const { report } = this.job(projectId, jobId);
    if (!report) throw conflict('IMPORT.JOB_NOT_DONE', 'The import has not finished with a report');
    const { texts, messageOf } = problemsTexts(language as ProblemsLanguage);
    response.setHeader('Content-Type', XLSX_MEDIA_TYPE);
    response.setHeader('Content-Disposition', `attachment; filename="pathway-import-problems-${projectId}.xlsx"`);
    return new StreamableFile(await problemsWorkbook(report.problems, texts, messageOf));
  }

  /** The import template: XLSX with headers in Swedish and English, drop-down lists, and an instructions sheet. */
  @Get('imports/template')
  @Access('participants.import')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @Header('Content-Type', XLSX_MEDIA_TYPE)
  @Header('Content-Disposition', 'attachment; filename="pathway-import.xlsx"')
  async template(): Promise<StreamableFile> {
    return new StreamableFile(await importTemplate());
  }
}
