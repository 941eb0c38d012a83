import { createHash } from 'node:crypto';
import { ExportMeta } from './export-meta';

/** `csv-semicolon`: the CSV dialect Swedish and Danish Excel open in columns (see to-csv.ts). */
export const EXPORT_FORMATS = ['csv', 'csv-semicolon', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const EXTENSION: Record<ExportFormat, string> = { csv: 'csv', 'csv-semicolon': 'semicolon.csv', xlsx: 'xlsx', json: 'json' };

/** A finished export. Everything here follows from the inputs, so the same inputs give the same file. */
export interface ExportFile {
  contentType: string;
  fileName: string;
  body: Buffer;
  /** `sha-256=` and the base64 SHA-256 of `body` (the form of the HTTP `Digest` header, RFC 3230). */
  digest: string;
}

export function exportedFile(body: Buffer, contentType: string, fileName: string): ExportFile {
  return { contentType, fileName, body, digest: `sha-256=${createHash('sha256').update(body).digest('base64')}` };
}

/**
 * E.g. `indicators-<project>-start-to-2025-12-31-as-known-on-20260115T120000Z.csv`: the name says
 * which cut of the figures it holds, and keeps to characters every file system and header accepts.
 */
export function exportFileName(meta: ExportMeta, format: ExportFormat): string {
  const period = `${meta.period.from ?? 'start'}-to-${meta.period.to}`;
  const known = meta.asKnownOn === null ? '' : `-as-known-on-${meta.asKnownOn.replace(/[-:]|\.\d+/g, '')}`;
  const safe = `indicators-${meta.projectId}-${period}${known}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${safe}.${EXTENSION[format]}`;
}
