import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BackupRefusedError, restoreBackup } from '@pathway/backup';
import { Environment } from '@pathway/config';
import { MasterKeys } from '@pathway/privacy';
import { embeddedOnly } from './embedded-only';
import { rebuildLiveReadModels } from './replay.command';

/**
 * `pathway restore --from DIR [--data-dir DIR] [--force]`: checks that the backup is one set
 * (manifest, log head, key store identity, erasures, checksums) and that the master key opens
 * it, restores it into the data directory and rebuilds the read models from the restored log.
 * Exit 2 when refused; nothing in the data directory is changed then.
 */
export function restoreCommand(env: Environment): Command {
  return new Command('restore')
    .description('restore a backup made by `pathway backup` and rebuild the read models')
    .requiredOption('--from <dir>', 'the backup directory')
    .option('--data-dir <dir>', 'the data directory to restore into (default: DATA_DIR)')
    .option('--force', 'replace the stores of a data directory that has some (the API must be stopped)')
    .action(async (options: { from: string; dataDir?: string; force?: boolean }) => {
      const refusal = embeddedOnly(env, 'restore');
      if (refusal) return fail(refusal);
      const dataDir = options.dataDir ?? env.DATA_DIR;
      try {
        const { manifest } = await restoreBackup({ from: options.from, dataDir, masterKeys: masterKeys(env, dataDir), force: options.force });
        console.log(`Backup ${manifest.backupId} restored into ${resolve(dataDir)}: event log up to position ${manifest.log.position}, ${manifest.keys?.live ?? 0} data keys`);
        const erasedAfter = manifest.keys?.erasedAfterLogHead ?? [];
        if (erasedAfter.length > 0) {
          console.log(
            `${erasedAfter.length} participants were erased while the backup ran (their keys are destroyed, the erasure event came after position ${manifest.log.position}): record their erasure again: ${erasedAfter.join(', ')}`,
          );
        }
      } catch (error) {
        if (error instanceof BackupRefusedError) return fail(`${error.code}: ${error.message}`);
        throw error;
      }
      await rebuildLiveReadModels({ ...env, DATA_DIR: dataDir });
    });
}

/** MASTER_KEY (and MASTER_KEY_PREVIOUS) from configuration, else the data directory's master.key; never a new one. */
function masterKeys(env: Environment, dataDir: string): MasterKeys | null {
  const previous = env.MASTER_KEY_PREVIOUS ? Buffer.from(env.MASTER_KEY_PREVIOUS, 'hex') : undefined;
  if (env.MASTER_KEY) return new MasterKeys(Buffer.from(env.MASTER_KEY, 'hex'), previous);
  try {
    return new MasterKeys(Buffer.from(readFileSync(join(dataDir, 'master.key'), 'utf8').trim(), 'hex'));
  } catch {
    return null;
  }
}


function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}
