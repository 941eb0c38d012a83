import { Command, InvalidArgumentError, Option } from 'commander';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Environment, participantFileLayout } from '@pathway/config';
import { DomainError, isMonth } from '@pathway/domain';
import { ParticipantFileFormat } from '@pathway/exports';
import { ParticipantFileMonth, ParticipantFiles } from '@pathway/runtime';
import { openDataProtectionStores } from './data-protection-stores';

interface ParticipantFileOptions {
  project: string;
  month?: string;
  status?: boolean;
  json?: boolean;
  format: ParticipantFileFormat;
  out?: string;
  actor: string;
}

/**
 * `pathway participant-file --project ID --month YYYY-MM [--format xlsx|csv|csv-semicolon] --out FILE`:
 * the month's participant file for Statistics Sweden, as `GET /projects/{id}/participant-files/{month}`
 * gives it (same code path, same layout settings), each participant's read audited under `--actor`
 * (role admin). `pathway participant-file --project ID --status [--json]`: every ended month, sent,
 * due, overdue or to be sent again and why, as `GET /projects/{id}/participant-files`.
 */
export function participantFileCommand(env: Environment): Command {
  return new Command('participant-file')
    .description("the monthly participant file for Statistics Sweden (SCB), or with --status which months are due and to resend; reads are audited")
    .requiredOption('--project <id>', 'the project')
    .option('--month <YYYY-MM>', 'the month to write the file of', month)
    .option('--status', 'list the months: sent, due, overdue, to resend and why')
    .option('--json', 'with --status: the list as JSON, as the API gives it')
    .addOption(new Option('--format <format>', 'file format (csv-semicolon: for Swedish Excel)').choices(['xlsx', 'csv', 'csv-semicolon']).default('xlsx'))
    .option('--out <file>', 'where to write the file (it holds identity numbers)')
    .option('--actor <subject>', 'the pseudonymous subject of the admin asking, as the audit log records it', 'cli:admin')
    .action(async (options: ParticipantFileOptions) => {
      if (Boolean(options.status) === Boolean(options.month)) return fail('give either --month YYYY-MM (with --out FILE) or --status');
      if (options.month && !options.out) return fail('a participant file needs --out <file>');
      const stores = await openDataProtectionStores(env);
      const files = new ParticipantFiles({ deps: stores.deps, store: stores.deps.store, readModels: stores.readModels, keys: stores.keys, audit: stores.audit, layout: participantFileLayout(env) });
      try {
        if (options.status) {
          const months = await files.months(options.project);
          process.stdout.write(options.json ? `${JSON.stringify(months, null, 2)}\n` : statusText(months));
          return;
        }
        const { file, asKnownOn } = await files.file(options.project, options.month!, options.format, { subject: options.actor, role: 'admin' }, randomUUID());
        // Identity numbers: readable by the file's owner only.
        writeFileSync(options.out!, file.body, { mode: 0o600 });
        console.log(`${resolve(options.out!)}  ${file.digest}  as known on ${asKnownOn}`);
        console.error(`Record it as sent with: POST /api/v1/projects/${options.project}/participant-files/${options.month}/sent {"asKnownOn":"${asKnownOn}","fileDigest":"${file.digest}"}`);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'PROJECT.NOT_FOUND') return fail(`No project ${options.project}`);
        throw error;
      } finally {
        await stores.close();
      }
    });
}

/** One line per month: the month, its status, its due date, and for a month to resend why. */
export function statusText(months: readonly ParticipantFileMonth[]): string {
  const lines = months.map((m) => {
    const sent = m.lastSent ? `  sent as known on ${m.lastSent.asKnownOn} (${m.lastSent.rows} rows)` : '';
    const why =
      m.status !== 'resend'
        ? ''
        : m.changes
          ? `  changed since sent: ${m.changes.added.length} row(s) to add, ${m.changes.removed.length} sent row(s) no longer hold`
          : `  follows ${m.after}: an earlier sent month changed, SCB reads every later month again`;
    return `${m.month}  ${m.status.padEnd(8)}  due ${m.dueBy}${sent}${why}`;
  });
  return lines.length === 0 ? 'No month of the project has ended yet.\n' : `${lines.join('\n')}\n`;
}

function month(value: string): string {
  if (!isMonth(value)) throw new InvalidArgumentError('give a month as YYYY-MM');
  return value;
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}
