import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The `pathway` package version, from the nearest package.json above this file (source or dist). */
export function toolVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'pathway' && pkg.version) return pkg.version;
  }
  return 'unknown';
}
