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
  /** The project's IANA zone: the period's dates and a date-only cut-off are days there. */
  timeZone: string;
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
    timeZone: project.timeZone,
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
    'the figures add up (gender cells to totals; EECO02 + EECO04 + EECO05 = EECO01; ISCED levels and their data '
      + 'missing to EECO01; rate numerators and denominators that are other figures), so further cells are hidden '
      + 'with the same mark until no hidden cell can be worked out from what is shown, checked by linear '
      + 'programming (complementary suppression)',
    `where a total is ${small}, all its parts are hidden, zeros included; other zeros are shown`,
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
    ['timeZone', meta.timeZone],
    ['periodFrom', meta.period.from],
    ['periodTo', meta.period.to],
    ['asKnownOn', meta.asKnownOn],
    ['position', meta.position],
    ['catalogueVersion', meta.catalogueVersion],
    ['suppressionThreshold', meta.suppression.threshold],
    ['suppressionRule', meta.suppression.rule],
  ];
}
