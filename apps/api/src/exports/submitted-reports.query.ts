import { Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { projectStream } from '@pathway/application';
import { calendarDateIn, cutOffFor, IsoDate, notFound, SubmittedReport } from '@pathway/domain';
import { Environment } from '@pathway/config';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { ExportDifference, exportDifferences, ExportRow, FunderPeriodChoice, funderPeriodChoices, FunderPeriodKind, latestMonthEnd } from '@pathway/exports';
import { projectSummary, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS } from '@pathway/runtime';
import { FunderExports } from './funder-exports';

/** The reports submitted for a project, each against the same period as known on the latest month end before `now`. */
export class SubmittedReportsQuery {
  constructor(
    readonly projectId: string,
    readonly now: Date,
  ) {}
}

/** One submitted report: what was recorded, and whether its suppressed counts known now differ. */
export interface SubmittedReportSummary {
  reportId: string;
  submittedAt: string;
  /** The submitter's role (`admin`), never who they are. */
  submittedByRole: string;
  period: { from: IsoDate | null; to: IsoDate };
  /** The cut-off the report counts to (ISO instant, UTC). */
  asKnownOn: string | null;
  /** `sha-256=<base64>` of the JSON file submitted, as the export's `Digest` header. */
  digest: string;
  /**
   * Whether a month end has passed since the report's cut-off, so that it can be compared: false
   * until then (`differsNow` false, no changes).
   */
  comparable: boolean;
  /** Whether a count of the same period, as known on `comparedAsKnownOn` and suppressed by the same rule, differs. */
  differsNow: boolean;
  /** Each differing count, then and now, both suppressed: never a participant. */
  changes: ExportDifference[];
}

export interface SubmittedReports {
  project: { projectId: string; name: string; startDate: string; endDate: string; timeZone: string };
  /** Counts 1..threshold-1 are withheld (and others so they cannot be worked out). */
  suppressionThreshold: number;
  /** The periods a funder may download now (FunderReportingRule), newest first. */
  reportingPeriods: FunderPeriodChoice[];
  /**
   * The day "now" stands for in the comparisons: the latest month end that has passed in the
   * project's zone (YYYY-MM-DD; the figures as known at the end of that day). Never the present
   * instant: comparing a report with figures known at any moment a funder chooses would let them
   * single out the one person recorded since (README, "Funders ask for fixed periods as known on
   * month ends").
   */
  comparedAsKnownOn: IsoDate;
  reports: SubmittedReportSummary[];
}

/**
 * Submitted reports (IndicatorReportSubmitted events of the project's stream), newest first,
 * each compared with its period as known on the latest month end that has passed (when that is
 * after the report's cut-off). Both sides are funder exports: the submitted one
 * as recorded, the current one built by `FunderExports.figures` (the one suppression rule), and
 * `exportDifferences` compares their published cells. 404 PROJECT.NOT_FOUND for an unknown project.
 */
@QueryHandler(SubmittedReportsQuery)
export class SubmittedReportsHandler implements IQueryHandler<SubmittedReportsQuery, SubmittedReports> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly exports: FunderExports,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async execute({ projectId, now }: SubmittedReportsQuery): Promise<SubmittedReports> {
    const project = await projectSummary(this.readModels.db, projectId);
    if (!project) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    const events = await this.store.readStream(projectStream(projectId));
    const submitted = events.filter((e) => e.type === 'IndicatorReportSubmitted').reverse();
    const comparedAsKnownOn = latestMonthEnd(calendarDateIn(now, project.timeZone));
    const comparedCutOff = cutOffFor(comparedAsKnownOn, project.timeZone);
    const reports: SubmittedReportSummary[] = [];
    for (const event of submitted) {
      const { digest, content } = event.data as unknown as SubmittedReport;
      const meta = content.meta as { period: { from: IsoDate | null; to: IsoDate }; asKnownOn: string | null };
      const cutOff = meta.asKnownOn ?? String(event.metadata.recordedAt);
      const comparable = Date.parse(cutOff) < Date.parse(comparedCutOff);
      const current = comparable ? await this.exports.figures(projectId, { ...meta.period, asKnownOn: comparedCutOff }) : null;
      const changes = current ? exportDifferences(content.rows as unknown as ExportRow[], current.rows) : [];
      reports.push({
        reportId: event.eventId,
        submittedAt: String(event.metadata.recordedAt),
        submittedByRole: String(event.metadata.actorRole),
        period: meta.period,
        asKnownOn: cutOff,
        digest,
        comparable,
        differsNow: changes.length > 0,
        changes,
      });
    }
    const allowed = this.config.get('FUNDER_REPORTING_PERIODS').split(',') as FunderPeriodKind[];
    return {
      project: { projectId, name: project.name, startDate: project.startDate, endDate: project.endDate, timeZone: project.timeZone },
      suppressionThreshold: this.config.get('SUPPRESSION_THRESHOLD'),
      reportingPeriods: funderPeriodChoices(project, allowed, calendarDateIn(now, project.timeZone)),
      comparedAsKnownOn,
      reports,
    };
  }
}
