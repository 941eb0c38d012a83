import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ImportFileRefused, ImportOptions, ImportReport } from '@pathway/import';

/**
 * Why a job could not run: the whole file refused once read (a sheet exceljs cannot open, a
 * malformed CSV: the file's own code) or the import stopped (IMPORT.FAILED; run it again).
 */
export interface ImportJobProblem {
  code: string;
  title: string;
  params?: Record<string, string | number>;
}

/**
 * One import being run or run: rows done of the file's rows (participant and milestone rows
 * together; `rowsTotal` is null while the file is still being read), then the report
 * (`succeeded`) or why it could not be run (`failed`). Counts and codes only, never a cell.
 */
export interface ImportJob {
  jobId: string;
  projectId: string;
  dryRun: boolean;
  status: 'running' | 'succeeded' | 'failed';
  requestedAt: string;
  finishedAt: string | null;
  rowsDone: number;
  rowsTotal: number | null;
  report: ImportReport | null;
  problem: ImportJobProblem | null;
}

/** How long a finished import's job (and its report) stays to be read: one hour. */
export const IMPORT_JOB_KEPT_MS = 60 * 60 * 1000;

/** Runs an import with the job's progress callback (the controller binds file, project and caller). */
export type ImportRun = (onProgress: NonNullable<ImportOptions['onProgress']>) => Promise<ImportReport>;

/**
 * The imports this API process runs, in the background (`runImport` yields to the event loop
 * every hundred rows, so progress and other requests are answered meanwhile). Two imports of
 * one file at once are safe: each row's Idempotency-Key lets only one of them write it. Jobs live in this process's memory, as the evaluator's copies do: a restart
 * forgets them (a commit cut short is completed by importing the file again), and behind
 * several API replicas a job is found only on the replica that started it.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Starts `run` as a job of the project; answers the job at once (status `running`). */
  start(projectId: string, dryRun: boolean, run: ImportRun): ImportJob {
    this.sweep();
    const job: ImportJob = {
      jobId: randomUUID(),
      projectId,
      dryRun,
      status: 'running',
      requestedAt: this.now().toISOString(),
      finishedAt: null,
      rowsDone: 0,
      rowsTotal: null,
      report: null,
      problem: null,
    };
    this.jobs.set(job.jobId, job);
    // A macrotask later, so the 202 is on its way before the file is read.
    setImmediate(() => {
      run(({ done, total }) => Object.assign(job, { rowsDone: done, rowsTotal: total })).then(
        (report) => Object.assign(job, { status: 'succeeded', finishedAt: this.now().toISOString(), report }),
        (error: unknown) => {
          const problem: ImportJobProblem =
            error instanceof ImportFileRefused
              ? { code: error.code, title: error.message, ...(Object.keys(error.params).length > 0 ? { params: error.params } : {}) }
              : { code: 'IMPORT.FAILED', title: 'The import stopped; the API log says why. Importing the file again completes it.' };
          // The error's message only: the import puts no cell content in its errors.
          if (!(error instanceof ImportFileRefused)) new Logger('ImportJobs').error(`Import ${job.jobId} failed: ${error instanceof Error ? error.message : String(error)}`);
          Object.assign(job, { status: 'failed', finishedAt: this.now().toISOString(), problem });
        },
      );
    });
    return this.view(job);
  }

  /** The job as it stands if it is the project's, else undefined (unknown, another project's, or expired). */
  find(projectId: string, jobId: string): ImportJob | undefined {
    this.sweep();
    const job = this.jobs.get(jobId);
    return job && job.projectId === projectId ? this.view(job) : undefined;
  }

  private view(job: ImportJob): ImportJob {
    return { ...job };
  }

  /** Forgets finished jobs older than IMPORT_JOB_KEPT_MS. */
  private sweep(): void {
    const before = this.now().getTime() - IMPORT_JOB_KEPT_MS;
    for (const job of this.jobs.values()) if (job.finishedAt && Date.parse(job.finishedAt) < before) this.jobs.delete(job.jobId);
  }
}
