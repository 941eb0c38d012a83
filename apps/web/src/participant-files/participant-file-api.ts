import type { components } from '../api/schema';
import { digestHex } from '../funding/funding-api';

/** `GET /projects/{id}/participant-files`: one ended month, as the API's OpenAPI document spells it out. */
export type ParticipantFileMonth = components['schemas']['ParticipantFileMonthDto'];

export const FILE_FORMATS = ['xlsx', 'csv', 'csv-semicolon'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** A month's file as downloaded: what recording it as sent needs (`X-As-Known-On`, `Digest`). */
export interface DownloadedFile {
  month: string;
  format: FileFormat;
  fileName: string;
  /** The `X-As-Known-On` header: the instant its rows were counted to (the cut-off recorded). */
  asKnownOn: string;
  /** The `Digest` header, `sha-256=<base64>`, as the API takes it back. */
  digest: string;
  /** The same digest as lower-case hex, as `sha256sum` prints it. */
  sha256: string;
}

export const participantFilesPath = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/participant-files`;

/**
 * Downloads a month's file with the session cookie (the API audits every identity number it
 * opens) and hands it to the browser to save; returns what recording it as sent needs, or the
 * HTTP status when the API refused.
 */
export async function downloadFile(projectId: string, month: string, format: FileFormat): Promise<DownloadedFile | number> {
  const response = await fetch(`${participantFilesPath(projectId)}/${encodeURIComponent(month)}?format=${format}`, {
    credentials: 'same-origin',
    headers: { 'X-Requested-With': 'pathway-web' },
  });
  if (!response.ok) return response.status;
  const blob = await response.blob();
  const extension = format === 'xlsx' ? 'xlsx' : 'csv';
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `participant-file-${month}.${extension}`;
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  const digest = response.headers.get('Digest') ?? '';
  return { month, format, fileName, asKnownOn: response.headers.get('X-As-Known-On') ?? '', digest, sha256: digestHex(digest) };
}
