import { Command } from 'commander';
import { Environment, openEventStore, openKeyStore } from '@pathway/config';
import { IdentityIndex, rebuildIdentityIndex } from '@pathway/privacy';

/**
 * `pathway blind-index rebuild`: files the identity number of every participant in the log in
 * the blind index. Run once after upgrading to a version with the index (participants enrolled
 * before it are not found by number until then), and after restoring a key store older than its
 * log. Idempotent, safe while the API runs, never files an erased person.
 */
export function blindIndexCommand(env: Environment): Command {
  const command = new Command('blind-index').description('the blind index that finds participants by identity number');
  command
    .command('rebuild')
    .description("file every participant's identity number from the log (after an upgrade; idempotent)")
    .action(async () => {
      const store = openEventStore(env);
      const keys = await openKeyStore(env);
      try {
        const { indexed, notOpened } = await rebuildIdentityIndex(store, new IdentityIndex(keys), keys);
        console.log(`${indexed} participants filed by identity number; ${notOpened} sealed records not opened (erased or key missing).`);
      } finally {
        await keys.close();
        await store.close();
      }
    });
  return command;
}
