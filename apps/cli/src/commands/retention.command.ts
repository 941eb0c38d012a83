import { Command } from 'commander';
import { randomUUID } from 'node:crypto';
import { Environment } from '@pathway/config';
import { runRetention } from '@pathway/runtime';
import { openDataProtectionStores } from './data-protection-stores';

/**
 * `pathway retention [--dry-run]`: erases the personal data of every participant of every
 * project whose retention end has passed (in the project's time zone), through the same
 * erasure path as `DELETE /participants/{id}/personal-data`, with the reason "retention period
 * ended". Counts stay as they were. Safe to run again, and to run after an interruption: who is
 * erased already is skipped. `--dry-run` lists them (pseudonymous ids only) and changes nothing.
 */
export function retentionCommand(env: Environment): Command {
  return new Command('retention')
    .description("erase the personal data of participants of projects whose retention end has passed (--dry-run: list them)")
    .option('--dry-run', 'list who would be erased, change nothing')
    .option('--actor <subject>', 'the pseudonymous subject the erasures are recorded under', 'system:retention')
    .action(async (options: { dryRun?: boolean; actor: string }) => {
      const stores = await openDataProtectionStores(env);
      try {
        const caller = { actor: options.actor, actorRole: 'admin', correlationId: randomUUID() };
        const run = await runRetention({ deps: stores.deps, keys: stores.keys, readModels: stores.readModels.db }, { dryRun: Boolean(options.dryRun), caller });
        for (const project of run.projects) {
          console.log(`${project.projectId}: retention ended ${project.retentionEnd} (${project.timeZone}; ${project.basis}); ${project.participants.length} participants with personal data`);
          if (options.dryRun) for (const participantId of project.participants) console.log(`  ${participantId}`);
        }
        if (run.projects.length === 0) console.log('No project has passed its retention end.');
        if (options.dryRun) console.log(`Dry run: ${run.projects.reduce((n, p) => n + p.participants.length, 0)} participants would be erased; nothing was changed.`);
        else console.log(`Erased ${run.erased.length} participants (reason "retention period ended"); ${run.alreadyErased.length} were erased already.`);
      } finally {
        await stores.close();
      }
    });
}
