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
  recordSent?: boolean;
  asKnownOn?: string;
  fileDigest?: string;
  actor: string;
}

const DIGEST = /^sha-256=[A-Za-z0-9+/]{43}=$/;

/**
 * `pathway participant-file --project ID --month YYYY-MM [--format xlsx|csv|csv-semicolon] --out FILE`:
 * the month's participant file for Statistics Sweden, as `GET /projects/{id}/participant-files/{month}`
 * gives it (same code path, same layout settings), each participant's read audited under `--actor`
 * (role admin). `pathway participant-file --project ID --status [--json]`: every ended month, sent,
 * due, overdue or to be sent again and why, as `GET /projects/{id}/participant-files`.
 * `pathway participant-file --project ID --month YYYY-MM --record-sent --as-known-on INSTANT
 * [--file-digest sha-256=…]`: records the month as sent with the cut-off (and digest) the file
 * was written with, as the admin screen does (`POST …/participant-files/{month}/sent`).
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
    .option('--record-sent', 'record --month as sent to SCB, with --as-known-on (and --file-digest) as printed when its file was written')
    .option('--as-known-on <instant>', 'with --record-sent: the instant the sent file counted to (ISO 8601)', instant)
    .option('--file-digest <digest>', 'with --record-sent: the sent file\'s digest, sha-256=<base64>', digest)
    .option('--actor <subject>', 'the pseudonymous subject of the admin asking, as the audit log records it', 'cli:admin')
    .action(async (options: ParticipantFileOptions) => {
      if (Boolean(options.status) === Boolean(options.month)) return fail('give either --month YYYY-MM (with --out FILE or --record-sent) or --status');
      if (options.recordSent && !options.asKnownOn) return fail('--record-sent needs --as-known-on <instant>, as printed when the file was written');
      if (options.month && !options.recordSent && !options.out) return fail('a participant file needs --out <file>');
      const stores = await openDataProtectionStores(env);
      const files = new ParticipantFiles({ deps: stores.deps, store: stores.deps.store, readModels: stores.readModels, keys: stores.keys, audit: stores.audit, layout: participantFileLayout(env) });
      try {
        if (options.status) {
          const months = await files.months(options.project);
          process.stdout.write(options.json ? `${JSON.stringify(months, null, 2)}\n` : statusText(months));
          return;
        }
        if (options.recordSent) {
          const { sent } = await files.recordSent(options.project, options.month!, options.asKnownOn!, options.fileDigest ?? null, {
            actor: options.actor,
            actorRole: 'admin',
            correlationId: randomUUID(),
          });
          console.log(`${sent.month} recorded as sent: as known on ${sent.asKnownOn}, ${sent.rows} row(s)${sent.fileDigest ? `, ${sent.fileDigest}` : ''}`);
          return;
        }
        const { file, asKnownOn } = await files.file(options.project, options.month!, options.format, { subject: options.actor, role: 'admin' }, randomUUID());
        // Identity numbers: readable by the file's owner only.
        writeFileSync(options.out!, file.body, { mode: 0o600 });
        console.log(`${resolve(options.out!)}  ${file.digest}  as known on ${asKnownOn}`);
        console.error(`Once sent, record it: pathway participant-file --project ${options.project} --month ${options.month} --record-sent --as-known-on ${asKnownOn} --file-digest ${file.digest}`);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'PROJECT.NOT_FOUND') return fail(`No project ${options.project}`);
        if (error instanceof DomainError) return fail(`${error.code}: ${error.message}`);
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

function instant(value: string): string {
  const parsed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) throw new InvalidArgumentError('give an ISO 8601 instant with its zone, e.g. 2025-02-05T09:00:00Z');
  return parsed.toISOString();
}

function digest(value: string): string {
  if (!DIGEST.test(value)) throw new InvalidArgumentError('give the digest as printed, sha-256= and 44 base64 characters');
  return value;
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}
