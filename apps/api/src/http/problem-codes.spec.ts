import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODES } from './problem-codes';

const ROOT = join(__dirname, '../../../..');

/** Source files (not tests) of the API and the libraries it runs. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'testing' ? [] : sources(path);
    return /\.ts$/.test(entry.name) && !/spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Quoted `AREA.WHAT` literals: how every code is written where it is thrown. */
function codesIn(files: string[]): Set<string> {
  const codes = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'([A-Z][A-Z_]*\.[A-Z][A-Z_]*)'/g)) codes.add(match[1]);
  }
  return codes;
}

describe('the catalogue of problem codes', () => {
  const thrown = codesIn([...sources(join(ROOT, 'libs')), ...sources(join(ROOT, 'apps/api/src'))].filter((f) => !f.endsWith('problem-codes.ts')));

  /** Literals of the same shape that are no answer: the CLI's backup codes, and the worklist's rule sources (`PATHWAY.*`, libs/indicators/src/worklist.ts). */
  const notProblems = (code: string) => code.startsWith('BACKUP.') || code.startsWith('PATHWAY.');

  it('lists every code the API and its libraries write (the CLI-only BACKUP.* and the worklist rule names aside)', () => {
    const missing = [...thrown].filter((code) => !notProblems(code) && !(PROBLEM_CODES as readonly string[]).includes(code));
    expect(missing).toEqual([]);
  });

  it('lists no code that nothing answers any more', () => {
    expect(PROBLEM_CODES.filter((code) => !thrown.has(code))).toEqual([]);
  });
});
