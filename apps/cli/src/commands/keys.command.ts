import { Command } from 'commander';
import { Environment, openKeyStore } from '@pathway/config';

/**
 * `pathway keys rewrap`: the second step of replacing the master key. With the new key in
 * MASTER_KEY and the old one in MASTER_KEY_PREVIOUS (the API runs like that meanwhile), every
 * data key still under the old one is wrapped again under the new one, in one transaction.
 */
export function keysCommand(env: Environment): Command {
  const keys = new Command('keys').description("participants' data keys");
  keys
    .command('rewrap')
    .description('wrap every data key under MASTER_KEY; afterwards MASTER_KEY_PREVIOUS can be removed')
    .action(async () => {
      if (!env.MASTER_KEY_PREVIOUS) {
        console.error('Set MASTER_KEY to the new master key and MASTER_KEY_PREVIOUS to the one it replaces.');
        process.exitCode = 2;
        return;
      }
      const store = await openKeyStore(env);
      try {
        const moved = await store.rewrap();
        console.log(`${moved} data keys wrapped under the new master key. Every key is under it now: remove MASTER_KEY_PREVIOUS everywhere.`);
      } finally {
        await store.close();
      }
    });
  return keys;
}
