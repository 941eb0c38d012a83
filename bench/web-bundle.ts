import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The budget for the app's initial JavaScript, compressed (KB of 1,000 bytes, as transfer sizes are read). */
export const INITIAL_JS_BUDGET_BYTES = 300_000;

export const WEB_DIST = join(__dirname, '..', 'dist', 'web');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface InitialJs {
  /** The files a first visit loads before the app runs: the entry and what it imports statically, never lazy chunks. */
  files: string[];
  raw: number;
  /** gzip -9, bytes. */
  gzip: number;
  /** Brotli quality 11, bytes. */
  brotli: number;
}

/**
 * Sizes of the web app's initial JavaScript from the Vite manifest of a build
 * (`dist/web/.vite/manifest.json`, `npm run build`): every entry chunk and its static imports,
 * each counted once, raw and compressed as a server would send them. Throws when there is no build.
 */
export function initialJs(dist = WEB_DIST): InitialJs {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No ${manifestPath}: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The Vite manifest names ${key} but has no entry for it`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (entries.length === 0) throw new Error(`${manifestPath} has no entry chunk`);
  entries.forEach(visit);
  const sizes = [...files].filter((file) => file.endsWith('.js')).map((file) => {
    const body = readFileSync(join(dist, file));
    return {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
    };
  });
  const sum = (pick: (s: (typeof sizes)[number]) => number) => sizes.reduce((total, s) => total + pick(s), 0);
  return { files: [...files].filter((file) => file.endsWith('.js')), raw: sum((s) => s.raw), gzip: sum((s) => s.gzip), brotli: sum((s) => s.brotli) };
}
