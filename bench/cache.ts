import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { progress } from './measure';

/**
 * Inputs that take minutes to make (a seeded log of two million events, its read models) are
 * kept here between runs (gitignored). Each file is named by what it was made from, including a
 * hash of the source code that made it, so changed code makes it again; `rm -r bench/.cache`
 * forces everything to be made again.
 */
export const CACHE_DIR = join(__dirname, '.cache');
const REPO = join(__dirname, '..');

/** A short hash of the non-test TypeScript under the given folders (relative to the repository). */
export function sourceHash(folders: string[]): string {
  const hash = createHash('sha256');
  for (const folder of folders) {
    const files = readdirSync(join(REPO, folder), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.includes('spec'))
      .sort();
    for (const file of files) hash.update(`${folder}/${file}`).update(readFileSync(join(REPO, folder, file)));
  }
  return hash.digest('hex').slice(0, 8);
}

/**
 * The SQLite file at `path`, made by `make` if it is not there yet. `make` writes to a
 * `.partial` path that is renamed only once it succeeded (and closed its connections, so the
 * WAL is in the file): an interrupted run never leaves a file that looks finished. Older files
 * whose names start with `stalePrefix` (other versions of the same input, and what was
 * derived from them) are removed first.
 */
export async function cachedFile(path: string, stalePrefix: string, make: (partial: string) => Promise<void>): Promise<string> {
  if (existsSync(path)) {
    progress(`reusing ${path}`);
    return path;
  }
  mkdirSync(dirname(path), { recursive: true });
  // Each is up to a gigabyte: keep only the version in use. (`path` itself does not exist here.)
  for (const name of readdirSync(dirname(path))) if (name.startsWith(stalePrefix)) rmSync(join(dirname(path), name));
  const partial = `${path}.partial`;
  removeDb(partial);
  await make(partial);
  renameSync(partial, path);
  return path;
}

export function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
