import { Command, Option } from 'commander';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Environment } from '@pathway/config';
import { DomainError } from '@pathway/domain';
import { subjectAccess, SUBJECT_ACCESS_LANGUAGES, SubjectAccessLanguage, subjectAccessXlsx } from '@pathway/runtime';
import { openDataProtectionStores } from './data-protection-stores';

interface SubjectAccessOptions {
  participant: string;
  format: 'json' | 'xlsx';
  lang: SubjectAccessLanguage;
  out?: string;
  actor: string;
}

/**
 * `pathway subject-access --participant ID [--format json|xlsx] [--lang en|sv] [--out FILE]`:
 * everything held about a participant, for the person (GDPR Articles 15 and 20): the same
 * document as `GET /participants/{id}/subject-access`, and the read audited the same way, under
 * the subject given with `--actor` (role admin). JSON goes to standard output without `--out`.
 */
export function subjectAccessCommand(env: Environment): Command {
  return new Command('subject-access')
    .description("everything held about a participant, for the person (GDPR art. 15 and 20); the read is audited")
    .requiredOption('--participant <id>', "the participant's pseudonymous id")
    .addOption(new Option('--format <format>', 'file format').choices(['json', 'xlsx']).default('json'))
    .addOption(new Option('--lang <lang>', 'language of the titles and explanations').choices([...SUBJECT_ACCESS_LANGUAGES]).default('en'))
    .option('--out <file>', 'where to write the document (required for xlsx)')
    .option('--actor <subject>', 'the pseudonymous subject of the admin asking, as the audit log records it', 'cli:admin')
    .action(async (options: SubjectAccessOptions) => {
      if (options.format === 'xlsx' && !options.out) return fail('An XLSX document needs --out <file>');
      const stores = await openDataProtectionStores(env);
      try {
        const document = await subjectAccess(
          { store: stores.deps.store, keys: stores.keys, audit: stores.audit, readModels: stores.readModels.db, kafkaEnabled: Boolean(env.KAFKA_BROKERS), now: stores.deps.now },
          { participantId: options.participant, requester: { subject: options.actor, role: 'admin' }, correlationId: randomUUID(), language: options.lang },
        );
        const body = options.format === 'xlsx' ? await subjectAccessXlsx(document) : `${JSON.stringify(document, null, 2)}\n`;
        if (!options.out) return void process.stdout.write(body);
        // Personal data: readable by the file's owner only.
        writeFileSync(options.out, body, { mode: 0o600 });
        console.error(`Subject-access document for ${options.participant} written to ${resolve(options.out)} (it holds personal data: hand it over securely, then delete it)`);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'PARTICIPANT.NOT_FOUND') return fail(`No participant ${options.participant}`);
        throw error;
      } finally {
        await stores.close();
      }
    });
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}
