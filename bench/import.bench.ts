import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CommandDependencies, registerProject } from '@pathway/application';
import { SqliteEventStore } from '@pathway/event-store';
import { readTable, runImport } from '@pathway/import';
import { IdentityIndex, MasterKeys, SqliteKeyStore } from '@pathway/privacy';
import { validateEnrolmentBody } from '../apps/api/src/imports/enrolment-body-validator';
import { milestoneRecorder, validateMilestoneBody } from '../apps/api/src/imports/milestone-body-validator';
import { workbookOf } from '../libs/import/src/testing/sample-files';
import { progress, scaled, tempDir } from './measure';
import { Measurement } from './report';

const HEADER = ['Deltagar-id', 'Inskrivningsdatum', 'Namn', 'Kön', 'Ställning på arbetsmarknaden', 'Födelsedatum', 'I utbildning', 'Utbildningsnivå', 'Hemlös', 'E-post'];
const STATUSES = ['unemployed', 'long-term-unemployed', 'inactive', 'employed'];
const MILESTONE_HEADER = ['Deltagar-id', 'Händelse', 'Datum', 'Insats-id', 'Slag', 'Utfall'];
/** Five milestones per participant, in 2025 (after every enrolment of 2024): an intervention begun and ended, two group sessions, a job search. */
const milestonesOf = (i: number, id: string): (string | Date)[][] => {
  const on = (month: number) => new Date(Date.UTC(2025, month, 1 + (i % 28)));
  return [
    [id, 'Insats påbörjad', on(0), `iv-${i}`, 'ips', ''],
    [id, 'Gruppträff', on(1), '', 'workshop', ''],
    [id, 'Gruppträff', on(2), '', 'study-visit', ''],
    [id, 'Började söka arbete', on(3), '', '', ''],
    [id, 'Insats avslutad', on(4), `iv-${i}`, '', 'completed'],
  ];
};

const cpuSeconds = ({ user, system }: NodeJS.CpuUsage) => (user + system) / 1e6;

/**
 * `pathway import` of an XLSX with N participant rows and 5·N milestone rows (10,000 and 50,000
 * at BENCH_SCALE=1, issue 12's figures) into an SQLite store: the dry run (every row through its
 * DTO and the decider, and a read of its stream) against reading the file alone; then the commit
 * (sealing, enrolment, blind index, each milestone through the API's handler) against the dry
 * run; then the same file again (nothing new written). Issue 12's targets: validated in at most
 * 15 s, committed in at most 90 s.
 */
export async function importParticipants(): Promise<Measurement[]> {
  const dir = tempDir('import');
  const count = scaled(10_000);
  try {
    progress(`import: an XLSX of ${count} participants and ${count * 5} milestones, dry run then commit`);
    const rows = Array.from({ length: count }, (_, i) => [
      `imp-${i}`, new Date(Date.UTC(2024, i % 12, 1 + (i % 28))), `Person ${i}`, i % 3 === 0 ? 'woman' : i % 3 === 1 ? 'man' : 'vill inte uppge',
      STATUSES[i % 4]!, `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`, i % 2 === 0 ? 'ja' : 'nej', 'isced-3-4', 'nej', `p${i}@example.org`,
    ]);
    const milestones = rows.flatMap((row, i) => milestonesOf(i, row[0] as string));
    const file = await workbookOf({ Deltagare: [HEADER, ...rows], Milstolpar: [MILESTONE_HEADER, ...milestones] });
    const store = new SqliteEventStore(join(dir.path, 'events.db'), { synchronous: 'NORMAL' });
    const keys = new SqliteKeyStore(join(dir.path, 'keys.db'), new MasterKeys(randomBytes(32)));
    const commands: CommandDependencies = { store, now: () => new Date('2026-11-30T10:00:00Z'), newId: randomUUID };
    const admin = { actor: 'bench', actorRole: 'admin', correlationId: 'bench' };
    await registerProject(commands, { projectId: 'BENCH-IMP', name: 'Bench', owner: 'O', fund: 'ESF+', programme: 'X', specificObjective: 'A2A', region: 'SE12', startDate: '2023-01-01', endDate: '2026-12-31', plannedParticipants: count, timeZone: 'Europe/Stockholm' }, admin);
    const deps = { commands, keys, identities: new IdentityIndex(keys) };
    const options = (dryRun: boolean) => ({
      projectId: 'BENCH-IMP', dryRun, validateBody: validateEnrolmentBody, request: admin,
      milestones: { validate: validateMilestoneBody, record: milestoneRecorder(commands, keys) },
    });

    const readStart = performance.now();
    await readTable(file);
    const readMs = performance.now() - readStart;
    const dryStart = performance.now();
    const dryCpu = process.cpuUsage();
    const dry = await runImport(deps, file, options(true));
    const dryMs = performance.now() - dryStart;
    const dryCpuS = cpuSeconds(process.cpuUsage(dryCpu));
    if (dry.counts.new !== count || dry.milestoneCounts.new !== milestones.length) throw new Error(`dry run: ${JSON.stringify([dry.counts, dry.milestoneCounts, dry.problems.slice(0, 3)])}`);
    const commitStart = performance.now();
    const commitCpu = process.cpuUsage();
    const commit = await runImport(deps, file, options(false));
    const commitMs = performance.now() - commitStart;
    const commitCpuS = cpuSeconds(process.cpuUsage(commitCpu));
    if (commit.counts.enrolled !== count || commit.milestoneCounts.recorded !== milestones.length) throw new Error(`commit: ${JSON.stringify([commit.counts, commit.milestoneCounts, commit.problems.slice(0, 3)])}`);
    const againStart = performance.now();
    const again = await runImport(deps, file, options(false));
    const againMs = performance.now() - againStart;
    if (again.counts.unchanged !== count || again.milestoneCounts.unchanged !== milestones.length) throw new Error(`again: ${JSON.stringify([again.counts, again.milestoneCounts])}`);
    await keys.close();
    await store.close();
    const rowsLabel = `${count.toLocaleString('en')} participant and ${milestones.length.toLocaleString('en')} milestone rows (XLSX)`;
    return [
      {
        name: `import: dry run of ${rowsLabel}`, value: dryMs / 1000, unit: 's',
        baseline: { label: 'reading the file alone', value: readMs / 1000 },
        target: { op: '<=', value: 15 * (count / 10_000) },
        note: `${dryCpuS.toFixed(1)} s of CPU (user and system): on a shared machine the wall clock waits for the rest`,
        details: { participantRows: count, milestoneRows: milestones.length, fileBytes: file.length },
      },
      {
        name: `import: commit of ${rowsLabel}`, value: commitMs / 1000, unit: 's',
        baseline: { label: 'the dry run of the same file', value: dryMs / 1000 },
        target: { op: '<=', value: 90 * (count / 10_000) },
        note: `${commitCpuS.toFixed(1)} s of CPU (user and system); the same file again (nothing written) took ${(againMs / 1000).toFixed(1)} s`,
      },
    ];
  } finally {
    dir.remove();
  }
}
