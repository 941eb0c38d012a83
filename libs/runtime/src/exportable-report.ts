import { IndicatorReportDocument, indicatorReport, IndicatorReportQuery, projectSummary, ProjectSummary, ReadModelDb } from '@pathway/read-models';

/** A project's indicator report with the project details an export names; null for an unknown project. */
export async function exportableReport(
  { db }: ReadModelDb,
  projectId: string,
  query: IndicatorReportQuery,
): Promise<{ report: IndicatorReportDocument; project: ProjectSummary } | null> {
  const [report, project] = await Promise.all([indicatorReport(db, projectId, query), projectSummary(db, projectId)]);
  return report && project ? { report, project } : null;
}
