import type { IndicatorReportDocument } from '@pathway/read-models';
import { ExportProject } from './export-input';
import { SUPPRESSED } from './export-row';
import { suppressionOn } from './suppress';

/**
 * What a funder needs to know to trust and reproduce the figures. No generation time: the same
 * report must give the same bytes (and digest); the caller sends the time beside the file.
 */
export interface ExportMeta {
  projectId: string;
  projectName: string;
  fund: string;
  programme: string;
  specificObjective: string;
  region: string;
  /** `from: null`: since the project started (ESF+ figures are cumulative). */
  period: { from: string | null; to: string };
  /** Only events the event store committed by this instant count (its commit order, not replicas' clocks); null: everything up to `position`. */
  asKnownOn: string | null;
  /** The last event-log position the figures include. */
  position: number;
  catalogueVersion: string;
  suppression: { threshold: number; rule: string };
}

export function exportMeta(report: IndicatorReportDocument, project: ExportProject, threshold: number): ExportMeta {
  return {
    projectId: project.projectId,
    projectName: project.name,
    fund: project.fund,
    programme: project.programme,
    specificObjective: project.specificObjective,
    region: project.region,
    period: { from: report.period.from, to: report.period.to },
    asKnownOn: report.asKnownOn,
    position: report.position,
    catalogueVersion: report.catalogueVersion,
    suppression: { threshold, rule: suppressionRule(threshold) },
  };
}

export function suppressionRule(threshold: number): string {
  if (!suppressionOn(threshold)) return 'none: every count is shown exactly';
  const small = `1-${threshold - 1}`;
  return [
    `counts of ${small} are shown as "${SUPPRESSED}"`,
    'where a hidden gender cell could still be worked out from the total, the smallest other non-zero gender cell '
      + 'is hidden too, with the same mark (complementary suppression)',
    `a row whose total is ${small} is hidden whole, zeros included; other zeros are shown`,
    `data missing is hidden when it is ${small}`,
    'a rate is hidden when its numerator or denominator is hidden (a median goes with its denominator)',
  ].join('; ');
}

/** The metadata as flat key / value pairs, in a fixed order, for the CSV header and the XLSX sheet. */
export function metaEntries(meta: ExportMeta): Array<[string, string | number | null]> {
  return [
    ['projectId', meta.projectId],
    ['projectName', meta.projectName],
    ['fund', meta.fund],
    ['programme', meta.programme],
    ['specificObjective', meta.specificObjective],
    ['region', meta.region],
    ['periodFrom', meta.period.from],
    ['periodTo', meta.period.to],
    ['asKnownOn', meta.asKnownOn],
    ['position', meta.position],
    ['catalogueVersion', meta.catalogueVersion],
    ['suppressionThreshold', meta.suppression.threshold],
    ['suppressionRule', meta.suppression.rule],
  ];
}
