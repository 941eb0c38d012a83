#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { validateEnvironment } from '@pathway/config';
import { backupCommand } from './commands/backup.command';
import { blindIndexCommand } from './commands/blind-index.command';
import { demoCommand } from './commands/demo.command';
import { eventsCommand } from './commands/events.command';
import { exportCommand } from './commands/export.command';
import { importCommand } from './commands/import.command';
import { keysCommand } from './commands/keys.command';
import { participantFileCommand } from './commands/participant-file.command';
import { replayCommand } from './commands/replay.command';
import { restoreCommand } from './commands/restore.command';
import { retentionCommand } from './commands/retention.command';
import { subjectAccessCommand } from './commands/subject-access.command';
import { tokenCommand } from './commands/token.command';
import { usersCommand } from './commands/users.command';

/** `pathway`: the command line for evaluators and admins, on the same configuration as the API. */
async function main(argv: string[]): Promise<void> {
  const env = validateEnvironment(process.env);
  const program = new Command('pathway').description('Pathway: participant pathways recorded as events');
  program.addCommand(eventsCommand(env));
  program.addCommand(replayCommand(env));
  program.addCommand(demoCommand(env));
  program.addCommand(exportCommand(env));
  program.addCommand(tokenCommand(env));
  program.addCommand(keysCommand(env));
  program.addCommand(blindIndexCommand(env));
  program.addCommand(backupCommand(env));
  program.addCommand(restoreCommand(env));
  program.addCommand(usersCommand(env));
  program.addCommand(subjectAccessCommand(env));
  program.addCommand(retentionCommand(env));
  program.addCommand(importCommand(env));
  program.addCommand(participantFileCommand(env));
  await program.parseAsync(argv);
}

main(process.argv).catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
