import { Command } from 'commander';
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { Environment, openEventStore, openKeyStore } from '@pathway/config';
import { DEFAULT_ZIP_LIMITS, ImportFileRefused, ImportReport, runImport } from '@pathway/import';
import { IdentityIndex } from '@pathway/privacy';
import { validateEnrolmentBody } from '../../../api/src/imports/enrolment-body-validator';
import { milestoneRecorder, validateMilestoneBody } from '../../../api/src/imports/milestone-body-validator';
import { progressBar } from '../progress-bar';

/**
 * `pathway import --project ID FILE [--dry-run]`: the participants of a project's spreadsheet
 * (XLSX or CSV), checked by the enrolment API's own rules and, without `--dry-run`, enrolled
 * through its command path (see `runImport`). Progress goes to stderr (counts only); the report
 * (rows, outcomes, problems by row, column and code, never a cell's content) is JSON on stdout.
 * Exits 1 when any row is invalid or in conflict. Running it again after an interruption
 * completes the import; rows imported before are `unchanged`.
 */
export function importCommand(env: Environment): Command {
  return new Command('import')
    .description("import participants from the project's spreadsheet (XLSX or CSV); --dry-run writes nothing")
    .requiredOption('--project <id>', 'the project the participants are enrolled in')
    .option('--dry-run', 'check every row, write nothing')
    .option('--actor <subject>', 'the pseudonymous subject the enrolments are recorded under', 'cli:import')
    .argument('<file>', 'the spreadsheet')
    .action(async (file: string, options: { project: string; dryRun?: boolean; actor: string }) => {
      if (statSync(file).size > DEFAULT_ZIP_LIMITS.maxFileBytes) {
        throw new Error(`The file is larger than an import takes (${DEFAULT_ZIP_LIMITS.maxFileBytes} bytes)`);
      }
      const store = openEventStore(env);
      const keys = await openKeyStore(env);
      const bar = progressBar(options.dryRun ? 'import: checking' : 'import: importing', process.stderr, 'rows');
      const commands = { store, now: () => new Date(), newId: randomUUID };
      try {
        const report: ImportReport = await runImport(
          { commands, keys, identities: new IdentityIndex(keys) },
          readFileSync(file),
          {
            projectId: options.project,
            dryRun: Boolean(options.dryRun),
            validateBody: validateEnrolmentBody,
            milestones: { validate: validateMilestoneBody, record: milestoneRecorder(commands, keys) },
            request: { actor: options.actor, actorRole: 'admin', correlationId: randomUUID() },
            onProgress: ({ done, total }) => bar.update(done, total, done === 0 || done === total),
          },
        );
        bar.done();
        const { counts } = report;
        process.stderr.write(
          `import: ${report.rowsRead} rows read; ${report.dryRun ? `${counts.new} would be enrolled` : `${counts.enrolled} enrolled`}, ` +
            `${counts.unchanged} unchanged, ${counts.conflict} in conflict, ${counts.invalid} invalid; ` +
            (report.milestoneRowsRead > 0 ? `milestones: ${report.milestoneRowsRead} rows read, ${report.dryRun ? report.milestoneCounts.new : report.milestoneCounts.recorded} ${report.dryRun ? 'would be recorded' : 'recorded'}, ${report.milestoneCounts.unchanged} unchanged, ${report.milestoneCounts.conflict} in conflict, ${report.milestoneCounts.invalid} invalid; ` : '') +
            `${report.problems.length} problems${report.dryRun ? ' (dry run: nothing written)' : ''}\n`,
        );
        console.log(JSON.stringify(report, null, 2));
        if (counts.invalid > 0 || counts.conflict > 0 || report.milestoneCounts.invalid > 0 || report.milestoneCounts.conflict > 0 || report.problems.some((p) => p.severity === 'error')) process.exitCode = 1;
      } catch (error) {
        if (error instanceof ImportFileRefused) throw new Error(`${error.code}: ${error.message}`);
        throw error;
      } finally {
        await keys.close();
        await store.close();
      }
    });
}
