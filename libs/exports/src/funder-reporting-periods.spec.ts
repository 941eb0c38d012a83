import fc from 'fast-check';
import { EntryProfile, Gender, LabourMarketStatus } from '@pathway/domain';
import { CATALOGUE_VERSION, computeIndicatorReport, deriveOutcome, ReportPeriod } from '@pathway/indicators';
import { SUPPRESSED } from './export-row';
import { buildFunderExport } from './funder-export';
import { endOfMonth, FunderPeriodKind, funderReportRefusal, periodKind } from './funder-reporting-periods';
import { FRAMTID } from './testing/report-fixture';

const PROJECT = { startDate: FRAMTID.startDate, endDate: FRAMTID.endDate }; // 2023-03-31 to 2026-03-30

describe('the reporting periods a funder may export', () => {
  it('knows a calendar quarter, a calendar year and the project\'s whole period', () => {
    expect(periodKind('2025-04-01', '2025-06-30', PROJECT)).toEqual(['quarter']);
    expect(periodKind('2024-10-01', '2024-12-31', PROJECT)).toEqual(['quarter']);
    expect(periodKind('2024-01-01', '2024-12-31', PROJECT)).toEqual(['year']);
    expect(periodKind(undefined, '2026-03-30', PROJECT)).toEqual(['project']);
    expect(periodKind('2023-03-31', '2026-03-30', PROJECT)).toEqual(['project']);
    for (const [from, to] of [['2025-04-01', '2025-06-29'], ['2025-04-02', '2025-06-30'], ['2025-02-01', '2025-04-30'], ['2024-12-01', '2025-02-28'], [undefined, '2025-12-31']]) {
      expect(periodKind(from, to!, PROJECT)).toEqual([]);
    }
  });

  it('takes month ends by the calendar, leap years included', () => {
    expect(['2024-02-15', '2025-02-01', '2025-04-30', '2025-12-01'].map(endOfMonth)).toEqual(['2024-02-29', '2025-02-28', '2025-04-30', '2025-12-31']);
  });

  it('lets a funder have a configured period as known on a month end on or after its last day', () => {
    expect(funderReportRefusal({ from: '2025-04-01', to: '2025-06-30', asKnownOn: '2025-06-30' }, PROJECT, ['quarter'])).toBeNull();
    expect(funderReportRefusal({ from: '2025-04-01', to: '2025-06-30', asKnownOn: '2026-02-28' }, PROJECT, ['quarter'])).toBeNull();
    expect(funderReportRefusal({ from: '2024-01-01', to: '2024-12-31', asKnownOn: '2025-01-31' }, PROJECT, ['year'])).toBeNull();
    expect(funderReportRefusal({ to: '2026-03-30', asKnownOn: '2026-03-31' }, PROJECT, ['project'])).toBeNull();
  });

  it('refuses other periods with REPORT.PERIOD_NOT_ALLOWED, naming the choices', () => {
    const refusal = funderReportRefusal({ from: '2025-04-01', to: '2025-05-31', asKnownOn: '2025-06-30' }, PROJECT, ['quarter']);
    expect(refusal).toEqual({ code: 'REPORT.PERIOD_NOT_ALLOWED', field: 'from', reason: expect.stringContaining('a calendar quarter') });
    expect(funderReportRefusal({ asKnownOn: '2025-06-30' }, PROJECT, ['quarter'])).toMatchObject({ code: 'REPORT.PERIOD_NOT_ALLOWED', field: 'to' });
    // A kind that is not configured is refused like any other period.
    expect(funderReportRefusal({ from: '2024-01-01', to: '2024-12-31', asKnownOn: '2025-01-31' }, PROJECT, ['quarter'])).toMatchObject({ code: 'REPORT.PERIOD_NOT_ALLOWED' });
    expect(funderReportRefusal({ to: '2026-03-30', asKnownOn: '2026-03-31' }, PROJECT, ['quarter', 'year'])).toMatchObject({ code: 'REPORT.PERIOD_NOT_ALLOWED', reason: expect.stringContaining('calendar year') });
  });

  it('refuses other cut-offs with REPORT.AS_KNOWN_ON_NOT_ALLOWED: none, an instant, not a month end, or before the period ended', () => {
    const quarter = { from: '2025-04-01', to: '2025-06-30' };
    for (const asKnownOn of [undefined, '2025-07-30', '2025-07-31T12:00:00Z', '2025-05-31', '2025-03-31']) {
      expect(funderReportRefusal({ ...quarter, asKnownOn }, PROJECT, ['quarter'])).toMatchObject({ code: 'REPORT.AS_KNOWN_ON_NOT_ALLOWED', field: 'asKnownOn' });
    }
  });
});

/**
 * Issue 14.5: two funder exports one day apart were differenced to reveal one woman's attributes.
 * The audit: over random cohorts, take every export a funder may have (each period of the
 * configured kinds, as known on every month end after it), and look for two exports A and B whose
 * populations differ by exactly a third allowed export X's population (B inside A, A minus B = X):
 * then every output cell of X equals A's minus B's, so a hidden cell of X must not have both of
 * those published. Outputs only: their population is who first enrolled in the period and was
 * recorded by the cut-off, and each person's entry profile never changes.
 */
describe('differencing funder exports', () => {
  const THRESHOLD = 5;
  const GENDERS: Array<Gender | null> = ['woman', 'man', 'non-binary', null];
  const STATUSES: LabourMarketStatus[] = ['unemployed', 'long-term-unemployed', 'inactive', 'employed'];

  interface Person { id: string; enrolledOn: string; recordedOn: string; profile: EntryProfile }
  interface AllowedExport { label: string; members: string; cells: Map<string, number | typeof SUPPRESSED> }

  const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  /** A funder export of the people recorded by `knownOn` who enrolled in `period`: its output cells and who is in them. */
  async function exportOf(people: Person[], period: ReportPeriod, knownOn: string): Promise<AllowedExport> {
    const counted = people.filter((p) => p.recordedOn <= knownOn);
    const outcomes = counted.map((p, i) =>
      deriveOutcome({ participantId: p.id, projectId: FRAMTID.projectId, enrolledOn: p.enrolledOn, profile: p.profile, recordedAt: `${p.recordedOn}T12:00:00Z`, position: i + 1 }, []),
    );
    const report = {
      projectId: FRAMTID.projectId,
      period,
      asKnownOn: `${knownOn}T23:59:59.999Z`,
      position: counted.length,
      cutOffPosition: counted.length,
      catalogueVersion: CATALOGUE_VERSION,
      ...computeIndicatorReport(outcomes, period, FRAMTID.plannedParticipants),
    };
    const { rows } = await buildFunderExport(report, FRAMTID, { suppressionThreshold: THRESHOLD });
    const members = counted.filter((p) => (period.from === null || p.enrolledOn >= period.from) && p.enrolledOn <= period.to).map((p) => p.id).sort();
    const cells = new Map(rows.filter((r) => r.kind === 'output').map((r) => [`${r.code}/${r.breakdown}`, r.value as number | typeof SUPPRESSED]));
    return { label: `${period.from ?? 'start'}..${period.to} as known on ${knownOn}`, members: members.join(','), cells };
  }

  /** Every (period, month-end cut-off) a funder may ask for under `kinds`, up to a year after the project. */
  function allowedRequests(kinds: readonly FunderPeriodKind[]): Array<{ period: ReportPeriod; knownOn: string }> {
    const periods: ReportPeriod[] = [];
    for (let year = 2023; year <= 2026; year++) {
      periods.push({ from: `${year}-01-01`, to: `${year}-12-31` });
      for (const [from, to] of [['01-01', '03-31'], ['04-01', '06-30'], ['07-01', '09-30'], ['10-01', '12-31']]) periods.push({ from: `${year}-${from}`, to: `${year}-${to}` });
    }
    periods.push({ from: null, to: PROJECT.endDate });
    const monthEnds: string[] = [];
    for (let month = endOfMonth('2023-03-01'); month <= '2027-03-31'; month = endOfMonth(addDays(month, 1))) monthEnds.push(month);
    return periods.flatMap((period) =>
      monthEnds
        .filter((knownOn) => funderReportRefusal({ from: period.from ?? undefined, to: period.to, asKnownOn: knownOn }, PROJECT, kinds) === null)
        .map((knownOn) => ({ period, knownOn })),
    );
  }

  /** Each way a pair of exports gives away a hidden cell of a third, as text; empty when none does. */
  function disclosures(exports: AllowedExport[]): string[] {
    const byMembers = new Map<string, AllowedExport[]>();
    for (const e of exports) byMembers.set(e.members, [...(byMembers.get(e.members) ?? []), e]);
    const found: string[] = [];
    for (const a of exports) {
      const inA = new Set(a.members.split(','));
      for (const b of exports) {
        if (a === b || b.members === '' || a.members === b.members) continue;
        const inB = b.members.split(',');
        if (!inB.every((id) => inA.has(id))) continue;
        const difference = [...inA].filter((id) => !inB.includes(id)).sort().join(',');
        for (const x of byMembers.get(difference) ?? []) {
          for (const [cell, value] of x.cells) {
            if (value === SUPPRESSED && a.cells.get(cell) !== SUPPRESSED && b.cells.get(cell) !== SUPPRESSED) {
              found.push(`${cell} of ${x.label} = ${a.label} minus ${b.label}`);
            }
          }
        }
      }
    }
    return found;
  }

  const profileArb = fc.record<EntryProfile>({
    birthDate: fc.constantFrom('1960-05-01', '1975-01-15', '1990-07-30', '2001-03-03', '2008-11-11', null),
    gender: fc.constantFrom(...GENDERS),
    labourMarketStatus: fc.constantFrom(...STATUSES),
    inEducationOrTraining: fc.constantFrom(true, false, null),
    educationLevel: fc.constantFrom('isced-0-2' as const, 'isced-3-4' as const, 'isced-5-8' as const, null),
    disability: fc.constantFrom(true, false, false, null),
    thirdCountryNational: fc.boolean(),
    foreignBackground: fc.boolean(),
    minority: fc.constantFrom(true, false, false, false),
    homeless: fc.constantFrom(true, false, false, false),
    ruralArea: fc.boolean(),
  });
  const projectDays = (Date.parse(`${PROJECT.endDate}T00:00:00Z`) - Date.parse(`${PROJECT.startDate}T00:00:00Z`)) / 86_400_000;
  const personArb = fc.record({
    day: fc.integer({ min: 0, max: projectDays }),
    // Most are recorded the day they enrol; some weeks or months late.
    delay: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 240 }) }),
    profile: profileArb,
  });
  const cohortArb = fc.array(personArb, { minLength: 1, maxLength: 70 }).map((drawn) =>
    drawn.map(({ day, delay, profile }, i): Person => {
      const enrolledOn = addDays(PROJECT.startDate, day);
      return { id: `p${String(i).padStart(3, '0')}`, enrolledOn, recordedOn: addDays(enrolledOn, delay), profile };
    }),
  );

  // Exports are built one after another (async: suppression's exact check runs on the HiGHS solver).
  const exportsOf = async (people: Person[], requests: Array<{ period: ReportPeriod; knownOn: string }>) => {
    const made: AllowedExport[] = [];
    for (const { period, knownOn } of requests) made.push(await exportOf(people, period, knownOn));
    return made;
  };

  it('finds no pair of allowed exports (quarters, the default) that differences to a hidden cell of another, over random cohorts', async () => {
    const requests = allowedRequests(['quarter']);
    await fc.assert(
      fc.asyncProperty(cohortArb, async (people) => {
        const found = disclosures(await exportsOf(people, requests));
        if (found.length > 0) throw new Error(`Disclosed: ${found.slice(0, 3).join('; ')}`);
      }),
      { numRuns: 20, seed: 1405 },
    );
  });

  it('holds for calendar years alone and the whole period alone too', async () => {
    for (const kinds of [['year'], ['project']] as FunderPeriodKind[][]) {
      const requests = allowedRequests(kinds);
      await fc.assert(
        fc.asyncProperty(cohortArb, async (people) => disclosures(await exportsOf(people, requests)).length === 0),
        { numRuns: 20, seed: 1406 },
      );
    }
  });

  // The audit has teeth: it finds the attack of the bug report, and the one nested kinds allow.
  const woman: EntryProfile = { birthDate: '1990-07-30', gender: 'woman', labourMarketStatus: 'inactive', inEducationOrTraining: false, educationLevel: 'isced-0-2', disability: true, thirdCountryNational: false, foreignBackground: true, minority: false, homeless: true, ruralArea: false };
  const others: Person[] = Array.from({ length: 30 }, (_, i) => ({
    id: `o${String(i).padStart(2, '0')}`,
    enrolledOn: addDays('2024-01-10', i),
    recordedOn: addDays('2024-01-10', i),
    profile: { ...woman, gender: i % 2 === 0 ? 'woman' : 'man', disability: i % 2 === 0 && i < 12, homeless: false, labourMarketStatus: 'unemployed' },
  }));
  const her: Person = { id: 'w', enrolledOn: '2024-04-15', recordedOn: '2024-04-15', profile: woman };

  it('finds the bug report\'s attack when dates are free: two exports one day apart give her away', async () => {
    const free = await Promise.all([
      exportOf([...others, her], { from: null, to: '2024-04-14' }, '2024-04-14'),
      exportOf([...others, her], { from: null, to: '2024-04-15' }, '2024-04-15'),
      exportOf([...others, her], { from: '2024-04-15', to: '2024-04-15' }, '2024-04-15'),
    ]);
    expect(disclosures(free)).toContain('EECO12/women of 2024-04-15..2024-04-15 as known on 2024-04-15 = start..2024-04-15 as known on 2024-04-15 minus start..2024-04-14 as known on 2024-04-14');
    expect(funderReportRefusal({ to: '2024-04-15', asKnownOn: '2024-04-15' }, PROJECT, ['quarter', 'year', 'project'])).not.toBeNull();
  });

  it('finds the differencing that nested kinds allow: a year as known on two month ends gives away a quarter', async () => {
    const people = [...others, her];
    const nested = await exportsOf(people, allowedRequests(['quarter', 'year']));
    const lateForQ2 = { ...her, recordedOn: '2024-07-05' }; // recorded after Q2 ended: year(July) minus year(June) is Q2 as known in July
    const nestedLate = await exportsOf([...others, lateForQ2], allowedRequests(['quarter', 'year']));
    expect([...disclosures(nested), ...disclosures(nestedLate)].length).toBeGreaterThan(0);
  });
});
