import { Command, InvalidArgumentError, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Environment, openEventStore, readModelDbConfig } from '@pathway/config';
import { calendarDateIn, cutOffFor, isIsoDate } from '@pathway/domain';
import { EXPORT_FORMATS, ExportFormat, exportFile } from '@pathway/exports';
import { openReadModelDb, projectTimeZone } from '@pathway/read-models';
import { exportableReport, reportCutOff } from '@pathway/runtime';

interface ExportOptions {
  project?: string;
  all?: boolean;
  format: ExportFormat;
  from?: string;
  to?: string;
  asKnownOn?: string;
  outDir: string;
}

/** `pathway export`: funder export files, one per project, with their SHA-256 digests. */
export function exportCommand(env: Environment): Command {
  return new Command('export')
    .description('write indicator exports for funders (small counts suppressed) and print their digests')
    .option('--project <id>', 'the project to export')
    .option('--all', 'every project')
    .addOption(new Option('--format <format>', 'file format (csv-semicolon: for Swedish/Danish Excel)').choices([...EXPORT_FORMATS]).default('xlsx'))
    .option('--from <date>', 'first day of the period (default: the project start)', date)
    .option('--to <date>', 'last day of the period (default: today in the project\'s time zone)', date)
    .option('--as-known-on <date>', 'count only what was recorded by the end of that day in the project\'s time zone', date)
    .option('--out-dir <dir>', 'where to write the files', '.')
    .action(async (options: ExportOptions) => {
      if (Boolean(options.project) === Boolean(options.all)) throw new Error('give either --project <id> or --all');
      const readModels = openReadModelDb(readModelDbConfig(env));
      const store = openEventStore(env);
      try {
        const projects = options.all
          ? (await readModels.db.selectFrom('projects').select('project_id').orderBy('project_id').execute()).map((p) => p.project_id)
          : [options.project!];
        const now = new Date();
        for (const projectId of projects) {
          // Each project's own calendar: "today" and "the end of that day" are its local ones.
          const zone = await projectTimeZone(readModels.db, projectId);
          if (!zone) throw new Error(`No project ${projectId}`);
          const asKnownOn = options.asKnownOn ? cutOffFor(options.asKnownOn, zone) : null;
          if (asKnownOn !== null && asKnownOn > now.toISOString()) throw new Error('--as-known-on must not be in the future');
          // Counts what the store committed by the cut-off, once the read models hold all of it.
          const query = await reportCutOff(store, readModels, { from: options.from ?? null, to: options.to ?? calendarDateIn(now, zone), asKnownOn });
          const exportable = await exportableReport(readModels, projectId, query);
          if (!exportable) throw new Error(`No project ${projectId}`);
          const file = await exportFile(exportable.report, exportable.project, options.format, { suppressionThreshold: env.SUPPRESSION_THRESHOLD });
          const path = join(options.outDir, file.fileName);
          writeFileSync(path, file.body);
          console.log(`${path}  ${file.digest}`);
        }
      } finally {
        await readModels.db.destroy();
        await store.close();
      }
    });
}

function date(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('give a date as YYYY-MM-DD');
  return value;
}
