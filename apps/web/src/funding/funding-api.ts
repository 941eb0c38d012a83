import type { components } from '../api/schema';
import type { useT } from '../i18n/t';

type Translate = ReturnType<typeof useT>;

export type SubmittedReports = components['schemas']['SubmittedReportsDto'];
export type SubmittedReportSummary = components['schemas']['SubmittedReportSummaryDto'];
export type PeriodChoice = components['schemas']['FunderPeriodChoiceDto'];

export const EXPORT_FORMATS = ['csv', 'csv-semicolon', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A published count: the number, or `suppressed` when withheld (the export's one mark). */
export type Published = number | 'suppressed' | null;

/** One row of the funder export's JSON (libs/exports ExportRow). */
export interface ExportRow {
  code: string;
  name: string;
  kind: 'output' | 'result' | 'rate';
  breakdown: string;
  value: Published;
  numerator: Published;
  denominator: Published;
}

/** A downloaded export: its bytes as a blob URL, file name and SHA-256 as the server stated it. */
export interface ExportedFile {
  format: ExportFormat;
  url: string;
  fileName: string;
  /** Lower-case hex, as `sha256sum` prints it (the `Digest` header is base64). */
  sha256: string;
  /** The JSON export's rows (json only). */
  rows?: ExportRow[];
}

/** `sha-256=<base64>` (RFC 3230 `Digest`) to lower-case hex; empty when it is not one. */
export function digestHex(digest: string | null): string {
  const match = /^sha-256=(.+)$/i.exec(digest ?? '');
  if (!match) return '';
  return Array.from(atob(match[1]!), (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
}

export function exportPath(projectId: string, period: PeriodChoice, format: ExportFormat): string {
  const query = new URLSearchParams({ format, to: period.to, asKnownOn: period.asKnownOn });
  if (period.from) query.set('from', period.from);
  return `/api/v1/projects/${encodeURIComponent(projectId)}/indicators/export?${query}`;
}

/** Fetches one export; the status when it fails. */
export async function fetchExport(projectId: string, period: PeriodChoice, format: ExportFormat): Promise<ExportedFile | number> {
  const response = await fetch(exportPath(projectId, period, format), { credentials: 'same-origin', headers: { 'X-Requested-With': 'pathway-web' } });
  if (!response.ok) return response.status;
  const blob = await response.blob();
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `indicators.${format}`;
  const rows = format === 'json' ? (JSON.parse(await blob.text()) as { rows: ExportRow[] }).rows : undefined;
  return { format, url: URL.createObjectURL(blob), fileName, sha256: digestHex(response.headers.get('Digest')), rows };
}

/** Yes or no; before a month end has passed since the report's cut-off, that nothing is compared yet. */
export function differsText(t: Translate, report: { comparable: boolean; differsNow: boolean }): string {
  if (!report.comparable) return t('funding.notYetComparable');
  return report.differsNow ? t('funding.yes') : t('funding.no');
}
