import { IndicatorReportSubmitted } from '@pathway/domain';
import { RecordedEvent } from '@pathway/event-store';

export const INDICATOR_REPORTS_TOPIC = 'pathway.indicator-reports.v1';
export const INDICATOR_REPORT_SCHEMA = 'pathway.indicator-report.v1';

/** A report as submitted to the funder: aggregated and suppressed, exactly as exported. */
export interface IndicatorReportPublishedV1 {
  schema: typeof INDICATOR_REPORT_SCHEMA;
  eventId: string;
  projectId: string;
  submittedAt: string;
  digest: string;
  meta: Record<string, unknown>;
  rows: Array<Record<string, unknown>>;
}

export function toIndicatorReportPublished(recorded: RecordedEvent): IndicatorReportPublishedV1 | null {
  if (recorded.type !== 'IndicatorReportSubmitted') return null;
  const { projectId, digest, content } = recorded.data as unknown as IndicatorReportSubmitted['data'];
  return {
    schema: INDICATOR_REPORT_SCHEMA,
    eventId: recorded.eventId,
    projectId,
    submittedAt: String(recorded.metadata.recordedAt),
    digest,
    meta: content.meta,
    rows: content.rows,
  };
}
