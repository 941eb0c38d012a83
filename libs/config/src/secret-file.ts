import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Embedded mode's secrets (token signing key, master key) when configuration gives none: made
 * on first start, readable by their owner only. `wx` lets only the first of two racing starts
 * write the file; the other reads what it wrote.
 */
export async function readOrCreateSecretFile(path: string, make: () => Promise<string>): Promise<string> {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = await make();
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, secret, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8');
}
