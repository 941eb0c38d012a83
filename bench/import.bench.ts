import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CommandDependencies, registerProject } from '@pathway/application';
import { SqliteEventStore } from '@pathway/event-store';
import { parseParticipantSheet, readTable, runImport } from '@pathway/import';
import { IdentityIndex, MasterKeys, SqliteKeyStore } from '@pathway/privacy';
import { validateEnrolmentBody } from '../apps/api/src/imports/enrolment-body-validator';
import { xlsxOf } from '../libs/import/src/testing/sample-files';
import { progress, scaled, tempDir } from './measure';
import { Measurement } from './report';

const HEADER = ['Deltagar-id', 'Inskrivningsdatum', 'Namn', 'Kön', 'Ställning på arbetsmarknaden', 'Födelsedatum', 'I utbildning', 'Utbildningsnivå', 'Hemlös', 'E-post'];
const STATUSES = ['unemployed', 'long-term-unemployed', 'inactive', 'employed'];

/**
 * `pathway import` of an XLSX with N participant rows (10,000 at BENCH_SCALE=1; participant rows
 * only: milestone rows are not imported yet) into an SQLite store: the dry run (every row through
 * the enrolment DTO and the decider, and a read of its stream) against reading and parsing the
 * file alone; then the commit (sealing, enrolment, blind index) against the same enrolments made
 * straight through `runImport`'s own path without a file being read (the dry run's time is the
 * difference). Issue 12's targets: validated in at most 15 s, committed in at most 90 s.
 */
export async function importParticipants(): Promise<Measurement[]> {
  const dir = tempDir('import');
  const count = scaled(10_000);
  try {
    progress(`import: an XLSX of ${count} participants, dry run then commit`);
    const rows = Array.from({ length: count }, (_, i) => [
      `imp-${i}`, new Date(Date.UTC(2024, i % 12, 1 + (i % 28))), `Person ${i}`, i % 3 === 0 ? 'woman' : i % 3 === 1 ? 'man' : 'vill inte uppge',
      STATUSES[i % 4]!, `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`, i % 2 === 0 ? 'ja' : 'nej', 'isced-3-4', 'nej', `p${i}@example.org`,
    ]);
    const file = await xlsxOf([HEADER, ...rows]);
    const store = new SqliteEventStore(join(dir.path, 'events.db'), { synchronous: 'NORMAL' });
    const keys = new SqliteKeyStore(join(dir.path, 'keys.db'), new MasterKeys(randomBytes(32)));
    const commands: CommandDependencies = { store, now: () => new Date('2026-11-30T10:00:00Z'), newId: randomUUID };
    const admin = { actor: 'bench', actorRole: 'admin', correlationId: 'bench' };
    await registerProject(commands, { projectId: 'BENCH-IMP', name: 'Bench', owner: 'O', fund: 'ESF+', programme: 'X', specificObjective: 'A2A', region: 'SE12', startDate: '2023-01-01', endDate: '2026-12-31', plannedParticipants: count, timeZone: 'Europe/Stockholm' }, admin);
    const deps = { commands, keys, identities: new IdentityIndex(keys) };
    const options = (dryRun: boolean) => ({ projectId: 'BENCH-IMP', dryRun, validateBody: validateEnrolmentBody, request: admin });

    const parseStart = performance.now();
    parseParticipantSheet((await readTable(file)).sheets[0]!, '2026-11-30');
    const parseMs = performance.now() - parseStart;
    const dryStart = performance.now();
    const dry = await runImport(deps, file, options(true));
    const dryMs = performance.now() - dryStart;
    if (dry.counts.new !== count) throw new Error(`dry run: ${JSON.stringify(dry.counts)}`);
    const commitStart = performance.now();
    const commit = await runImport(deps, file, options(false));
    const commitMs = performance.now() - commitStart;
    if (commit.counts.enrolled !== count) throw new Error(`commit: ${JSON.stringify(commit.counts)}`);
    const againStart = performance.now();
    await runImport(deps, file, options(false));
    const againMs = performance.now() - againStart;
    await keys.close();
    await store.close();
    return [
      {
        name: `import: dry run of ${count.toLocaleString('en')} participant rows (XLSX)`, value: dryMs / 1000, unit: 's',
        baseline: { label: 'reading and parsing the file alone', value: parseMs / 1000 },
        target: { op: '<=', value: 15 * (count / 10_000) },
        note: 'participant rows only: milestone rows are not imported yet',
        details: { rows: count, fileBytes: file.length },
      },
      {
        name: `import: commit of ${count.toLocaleString('en')} participant rows (XLSX)`, value: commitMs / 1000, unit: 's',
        baseline: { label: 'the dry run of the same file', value: dryMs / 1000 },
        target: { op: '<=', value: 90 * (count / 10_000) },
        note: `the same file again (nothing written) took ${(againMs / 1000).toFixed(1)} s`,
      },
    ];
  } finally {
    dir.remove();
  }
}
