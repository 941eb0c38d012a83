import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = join(__dirname, '..', '..');
const CLI = ['-r', '@swc-node/register', 'apps/cli/src/main.ts'];

/** The `pathway` command line as a user runs it: its own process, on the given data directory. */
export function pathway(dataDir: string, ...args: string[]) {
  return pathwayWith({}, dataDir, ...args);
}

/** The same, with more settings in its environment. */
export function pathwayWith(settings: Record<string, string>, dataDir: string, ...args: string[]) {
  return promisify(execFile)('node', [...CLI, ...args], { cwd: ROOT, env: { ...process.env, ...settings, DATA_DIR: dataDir } });
}

export function spawnPathway(dataDir: string, ...args: string[]) {
  return spawn('node', [...CLI, ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, stdio: 'ignore' });
}
