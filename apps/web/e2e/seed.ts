/** What the browser tests find in the app: one project, 30 participants (two pages), two users. */
export const PROJECT = {
  id: '22-015-S01',
  registration: {
    id: '22-015-S01', name: '#framtid', owner: 'Stiftelsen Activa, Örebro', fund: 'ESF+', programme: '2021SE05SFPR',
    specificObjective: 'A2A', region: 'SE12', startDate: '2023-03-31', endDate: '2026-03-30', plannedParticipants: 80,
  },
  profile: {
    birthDate: '2003-08-14', gender: 'woman', labourMarketStatus: 'long-term-unemployed', inEducationOrTraining: false,
    educationLevel: 'isced-0-2', disability: null, thirdCountryNational: false, foreignBackground: true, minority: null,
    homeless: false, ruralArea: false,
  },
};

/**
 * A second project with its own caseworker, for the tests that enrol and record (pathway.pw.ts):
 * what they add never changes the counts the first project's screens are tested against.
 */
export const RECORDING_PROJECT = {
  id: '23-102-S03',
  registration: { ...PROJECT.registration, id: '23-102-S03', name: '#nystart' },
};
export const RECORDER = { role: 'caseworker', email: 'bo.nilsson@example.org', name: 'Bo Nilsson', password: 'a passphrase for recording' };

/** The installation's administrator (admin.pw.ts): registers projects and adds users in the browser. */
export const ADMIN = { role: 'admin', email: 'ada.admin@example.org', name: 'Ada Admin', password: 'administrator passphrase' };

export const CASEWORKER = { role: 'caseworker', email: 'anna.karlsson@example.org', name: 'Anna Karlsson', password: 'correct horse battery staple' };
export const EVALUATOR = { role: 'evaluator', email: 'erik.evaluator@example.org', name: 'Erik Lund', password: 'another long passphrase' };

/**
 * The group-session tests enrol participants of their own as they run: in a project of their own,
 * with a caseworker of their own, so the counts the other tests check never move.
 */
export const GROUP_PROJECT = { id: '22-015-S09', registration: { ...PROJECT.registration, id: '22-015-S09', name: '#tillsammans' } };
export const GROUP_CASEWORKER = { role: 'caseworker', email: 'maja.lind@example.org', name: 'Maja Lind', password: 'group sessions on tuesdays' };

const pad = (n: number) => String(n).padStart(4, '0');

/** p-0001 has a pathway through exit (its job placement retracted); it and every fifth have left: 7 of 30. */
export const PARTICIPANTS = Array.from({ length: 30 }, (_, i) => {
  const id = `p-${pad(i + 1)}`;
  const exited = i === 0 || i % 5 === 4;
  return {
    id,
    name: `Seeded Person ${i + 1}`,
    enrolledOn: '2024-01-15',
    milestones: [
      { type: 'intervention-started', occurredOn: '2024-02-01', interventionId: 'ips-1', kind: 'ips' },
      ...(exited
        ? [
            { type: 'intervention-ended', occurredOn: '2024-06-28', interventionId: 'ips-1', outcome: 'completed' },
            { type: 'exited', occurredOn: '2024-09-30', reason: 'completed', situation: 'job-searching' },
            { type: 'job-placed', occurredOn: '2024-10-14', employment: 'employee', contract: 'temporary', hoursPerWeek: 30 },
          ]
        : []),
    ],
  };
});

/** Today (the worklist): a date `days` from now, as YYYY-MM-DD (the server's clock is the real one). */
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const projectRegistration = (id: string, name: string) => ({ ...PROJECT.registration, id, name, startDate: '2023-01-01', endDate: '2030-12-31' });

/**
 * A project whose participants are dated from today, so its worklist holds each kind: the
 * caseworker's second project. Deadlines are days away from any midnight, so the test does not
 * depend on the hour it runs or on the project's zone.
 */
export const TODAY_PROJECT = {
  id: '22-015-S02',
  registration: projectRegistration('22-015-S02', '#framtid Today'),
  participants: [
    // Left 10 and 26 days ago, situation unknown: record it (18 and 2 days left).
    { id: 't-0001', enrolledOn: daysFromNow(-200), milestones: [{ type: 'exited', occurredOn: daysFromNow(-10), reason: 'completed', situation: 'unknown' }] },
    { id: 't-0002', enrolledOn: daysFromNow(-200), milestones: [{ type: 'exited', occurredOn: daysFromNow(-26), reason: 'dropped-out', situation: 'unknown' }] },
    // Left about 6 months and a week ago, and 5 and a half months ago: a follow-up late, one due.
    { id: 't-0003', enrolledOn: daysFromNow(-400), milestones: [{ type: 'exited', occurredOn: daysFromNow(-190), reason: 'completed', situation: 'job-searching' }] },
    { id: 't-0004', enrolledOn: daysFromNow(-400), milestones: [{ type: 'exited', occurredOn: daysFromNow(-165), reason: 'completed', situation: 'employed' }] },
    // A work practice open for 120 days (a job search 20 days ago keeps them heard from).
    {
      id: 't-0005',
      enrolledOn: daysFromNow(-200),
      milestones: [
        { type: 'intervention-started', occurredOn: daysFromNow(-120), interventionId: 'wp-1', kind: 'work-practice' },
        { type: 'job-search-started', occurredOn: daysFromNow(-20) },
      ],
    },
    // Nothing recorded for 75 days.
    {
      id: 't-0006',
      enrolledOn: daysFromNow(-150),
      milestones: [
        { type: 'intervention-started', occurredOn: daysFromNow(-80), interventionId: 'cg-1', kind: 'career-guidance' },
        { type: 'intervention-ended', occurredOn: daysFromNow(-75), interventionId: 'cg-1', outcome: 'completed' },
      ],
    },
    // Left 50 days ago, nothing known: the four weeks have run out.
    { id: 't-0007', enrolledOn: daysFromNow(-300), milestones: [{ type: 'exited', occurredOn: daysFromNow(-50), reason: 'moved', situation: 'unknown' }] },
    // Enrolled a month ago: nothing to do.
    { id: 't-0008', enrolledOn: daysFromNow(-30), milestones: [] },
  ],
};

/** A project with no participants yet: its Today is the empty state. */
export const EMPTY_PROJECT = { id: '22-015-S03', registration: projectRegistration('22-015-S03', '#framtid Empty') };
/**
 * The enrolment tests' own project and caseworker, so the participants they enrol never change
 * the counts the other screens expect. Its period includes today (the form offers today).
 * One participant with an identity number is there already: the duplicate warning finds them.
 */
export const ENROL_PROJECT = {
  id: '23-101-S02',
  registration: {
    id: '23-101-S02', name: 'Steget', owner: 'Örebro kommun', fund: 'ESF+', programme: '2021SE05SFPR',
    specificObjective: 'A2A', region: 'SE12', startDate: '2024-01-01', endDate: '2029-12-31', plannedParticipants: 120,
  },
};
export const ENROLLER = { role: 'caseworker', email: 'sara.enrol@example.org', name: 'Sara Lind', password: 'enrolment passphrase here' };
export const ENROLLED = { id: 's-0001', name: 'Dana Dubblett', identityNumber: '19900101-2385', enrolledOn: '2025-02-03' };

/**
 * The corrections tests' own project and caseworker: they correct and withdraw participants they
 * enrol as they run, so no other test's counts ever change.
 */
export const CORRECTION_PROJECT = { id: '23-104-S05', registration: projectRegistration('23-104-S05', '#rättelse') };
export const CORRECTOR = { role: 'caseworker', email: 'lena.ratt@example.org', name: 'Lena Rätt', password: 'corrections are kept in history' };

/**
 * The likely-duplicates tests' own project and caseworker (duplicates.pw.ts): they enrol pairs as
 * they run, with numbers and names of their own, and withdraw one of each; the conflict tests of
 * the pathway's dialogs enrol there too.
 */
export const DUPLICATES_PROJECT = { id: '24-301-S01', registration: projectRegistration('24-301-S01', '#dubbletter') };
export const DUPLICATES_CASEWORKER = { role: 'caseworker', email: 'dup.karin@example.org', name: 'Karin Dubbe', password: 'one person enrolled twice' };

/**
 * Subject access and retention (data-protection.pw.ts): a project that ended long ago, whose
 * retention end has passed, with one participant who still holds personal data and one erased;
 * and two running projects without a retention end, one for each language's test to set.
 */
export const ARCHIVE_PROJECT = {
  id: '24-302-S01',
  registration: { ...PROJECT.registration, id: '24-302-S01', name: '#arkiv', startDate: '2018-01-01', endDate: '2019-12-31' },
  retention: { retentionEnd: '2020-12-31', basis: 'Regulation (EU) 2021/1060, Article 82' },
};
export const ARCHIVED = { id: 'sar-0001', name: 'Sam Arkivsson', enrolledOn: '2018-02-01', milestone: { type: 'intervention-started', occurredOn: '2018-03-01', interventionId: 'cg-1', kind: 'career-guidance' } };
export const ERASED = { id: 'sar-0002', name: 'Sigrid Raderad', enrolledOn: '2018-02-01', reason: 'The person asked to be forgotten' };
export const RETENTION_PROJECTS = {
  sv: { id: '24-302-S02', registration: { ...PROJECT.registration, id: '24-302-S02', name: '#lagring sv', startDate: '2024-01-01', endDate: '2026-12-31' } },
  en: { id: '24-302-S03', registration: { ...PROJECT.registration, id: '24-302-S03', name: '#lagring en', startDate: '2024-01-01', endDate: '2026-12-31' } },
};

/**
 * The indicator report's tests (report.pw.ts): a project of their own, with one evaluator. Six
 * participants enrolled first (one of each gender answer, two of them left with a job); then,
 * after the instant `REPORT_KNOWN_ON` the global set-up notes, a seventh is recorded late (enrolled
 * on 1 March 2025): as known on that instant EECO01 is 6, as known now 7.
 */
export const REPORT_PROJECT = { id: '24-305-S01', registration: { ...projectRegistration('24-305-S01', '#rapport'), timeZone: 'Europe/Stockholm' } };
/** A project with no participants: the report's empty state. */
export const REPORT_EMPTY_PROJECT = { id: '24-305-S02', registration: { ...projectRegistration('24-305-S02', '#rapport tom'), timeZone: 'Europe/Stockholm' } };
export const REPORT_EVALUATOR = { role: 'evaluator', email: 'report.evaluator@example.org', name: 'Rut Rapport', password: 'figures as known on a day' };
const reportProfile = (gender: string | null) => ({ ...PROJECT.profile, gender });
export const REPORT_PARTICIPANTS = [
  { id: 'rep-0001', profile: reportProfile('woman'), enrolledOn: '2025-01-15', milestones: [{ type: 'exited', occurredOn: '2025-06-30', reason: 'completed', situation: 'employed' }] },
  { id: 'rep-0002', profile: reportProfile('man'), enrolledOn: '2025-01-15', milestones: [{ type: 'exited', occurredOn: '2025-06-30', reason: 'completed', situation: 'employed' }] },
  { id: 'rep-0003', profile: reportProfile('non-binary'), enrolledOn: '2025-01-15', milestones: [] },
  { id: 'rep-0004', profile: reportProfile(null), enrolledOn: '2025-01-15', milestones: [] },
  { id: 'rep-0005', profile: reportProfile('woman'), enrolledOn: '2025-01-15', milestones: [] },
  { id: 'rep-0006', profile: reportProfile('man'), enrolledOn: '2025-01-15', milestones: [] },
];
export const REPORT_LATE_PARTICIPANT: (typeof REPORT_PARTICIPANTS)[number] = { id: 'rep-0007', profile: reportProfile('woman'), enrolledOn: '2025-03-01', milestones: [] };
/** The first day of the month `back` months before this one (UTC: the seeded days are mid-month, far from any zone's edge). */
const monthStartBack = (back: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - back);
  return d.toISOString().slice(0, 10);
};

/**
 * The monthly participant file (SCB) on an admin's Today: a project started three months ago
 * whose first two months were sent, then a late enrolment in the first: it is to be sent again
 * (changed), the second follows it, and last month is still to send.
 */
export const FILE_PROJECT = {
  id: '24-303-S01',
  registration: { ...PROJECT.registration, id: '24-303-S01', name: '#månadsfil', startDate: monthStartBack(3), endDate: '2030-12-31' },
  first: monthStartBack(3).slice(0, 7),
  second: monthStartBack(2).slice(0, 7),
};

/**
 * The participant file's own screen (participant-file.pw.ts): a project started four months ago
 * whose first two months were sent before a late enrolment in the first; so the first is to send
 * again (changed), the second follows it, and the third and fourth are still to send. Each test
 * records a different month, so they run side by side.
 */
export const PF_PROJECT = {
  id: '24-312-S01',
  registration: { ...PROJECT.registration, id: '24-312-S01', name: '#deltagarfil', startDate: monthStartBack(4), endDate: '2030-12-31' },
  months: [4, 3, 2, 1].map((back) => monthStartBack(back).slice(0, 7)) as [string, string, string, string],
};

/**
 * Erasure, the audit log and submitting a report (admin-records.pw.ts): one project with a
 * participant to erase for each language's test, and one whose personal data a caseworker has
 * read (so the audit log has a read to find).
 */
export const RECORDS_PROJECT = { id: '24-309-S01', registration: { ...PROJECT.registration, id: '24-309-S01', name: '#radering' } };
export const TO_ERASE = {
  sv: { id: 'era-sv-01', name: 'Elsa Raderasson', enrolledOn: '2024-05-02' },
  en: { id: 'era-en-01', name: 'Erin Eraseson', enrolledOn: '2024-05-02' },
};
export const AUDITED = { id: 'aud-0001', name: 'Alva Granskad', enrolledOn: '2024-05-02' };

/**
 * The import screen's tests (imports.pw.ts): a project per test, so each imports its own file
 * into an empty project and a second import of it finds nothing new; one caseworker of them all.
 */
export const IMPORT_PROJECTS = {
  sv: { id: '24-310-S01', registration: projectRegistration('24-310-S01', '#import sv') },
  en: { id: '24-310-S02', registration: projectRegistration('24-310-S02', '#import en') },
  keyboard: { id: '24-310-S03', registration: projectRegistration('24-310-S03', '#import tangentbord') },
  // An XLSX with a milestone sheet, one per language, and a file with a header but no rows.
  milestonesSv: { id: '24-314-B01', registration: projectRegistration('24-314-B01', '#import händelser sv') },
  milestonesEn: { id: '24-314-B02', registration: projectRegistration('24-314-B02', '#import händelser en') },
  headerOnly: { id: '24-314-B03', registration: projectRegistration('24-314-B03', '#import bara rubriker') },
};
export const IMPORTER = { role: 'caseworker', email: 'import2.ida@example.org', name: 'Ida Import', password: 'spreadsheets move in here' };

/**
 * Compare two days and the drill-down (compare.pw.ts): a project of their own and one evaluator.
 * cmp-0001 (a woman) and cmp-0002 (a man, left with a job) are recorded first; then, after the
 * instant `COMPARE_KNOWN_ON` the global set-up notes, cmp-0003 (a woman) is enrolled and
 * cmp-0001 leaves job searching. As known on that instant EECO01 is 2 (women 1), now 3 (women 2);
 * EECR01 0, now 1.
 */
export const COMPARE_PROJECT = { id: '24-311-S01', registration: { ...projectRegistration('24-311-S01', '#jämförelse'), timeZone: 'Europe/Stockholm' } };
export const COMPARE_EVALUATOR = { role: 'evaluator', email: 'cmpweb.evaluator@example.org', name: 'Jenny Jämför', password: 'two days side by side' };
export const COMPARE_FIRST = [
  { id: 'cmp-0001', profile: { ...PROJECT.profile, gender: 'woman' }, enrolledOn: '2025-01-15', milestones: [] as Array<Record<string, unknown>> },
  { id: 'cmp-0002', profile: { ...PROJECT.profile, gender: 'man' }, enrolledOn: '2025-01-15', milestones: [{ type: 'exited', occurredOn: '2025-06-30', reason: 'completed', situation: 'employed' }] },
];
export const COMPARE_LATE = { id: 'cmp-0003', profile: { ...PROJECT.profile, gender: 'woman' }, enrolledOn: '2025-02-01' };
export const COMPARE_LATE_EXIT = { type: 'exited', occurredOn: '2025-09-30', reason: 'completed', situation: 'job-searching' };

/**
 * The funder screens (funder.pw.ts): a project a funder funds, with 7 women enrolled, a report
 * submitted, and then 2 men enrolled, so the men's count (2) is small and withheld, and the
 * report's figures differ from those known now. Participant codes `fd-0001`..`fd-0009`.
 */
export const FUNDED_PROJECT = { id: '24-308-S01', registration: { ...PROJECT.registration, id: '24-308-S01', name: '#finansierat', startDate: '2024-01-01', endDate: '2026-12-31' } };
export const FUNDER = { role: 'funder', email: 'funder.fia@example.org', name: 'Fia Finansiär', password: 'funders see counts only' };
export const FUNDED_PARTICIPANTS = Array.from({ length: 9 }, (_, i) => ({ id: `fd-${pad(i + 1)}`, gender: i < 7 ? 'woman' : 'man', submittedBefore: i < 7 }));

/**
 * Submitted reports compared with now, and the report page's latency (submitted.pw.ts): sub-0001
 * (a woman) and sub-0002 (a man) enrolled, a report submitted for 2025, then sub-0003 (a woman)
 * enrolled late: the report says EECO01 2 (women 1), now 3 (women 2), explained by sub-0003.
 * A second project with nothing submitted. One evaluator of both.
 */
export const SUBMITTED_PROJECT = { id: '24-313-E01', registration: { ...projectRegistration('24-313-E01', '#inlämnad'), timeZone: 'Europe/Stockholm' } };
export const UNSUBMITTED_PROJECT = { id: '24-313-E02', registration: { ...projectRegistration('24-313-E02', '#ej inlämnad'), timeZone: 'Europe/Stockholm' } };
export const EVALWEB_EVALUATOR = { role: 'evaluator', email: 'evalweb-evaluator@example.org', name: 'Vera Värdering', password: 'a report then and now' };
export const SUBMITTED_FIRST = [
  { id: 'sub-0001', profile: { ...PROJECT.profile, gender: 'woman' }, enrolledOn: '2025-01-15' },
  { id: 'sub-0002', profile: { ...PROJECT.profile, gender: 'man' }, enrolledOn: '2025-01-15' },
];
export const SUBMITTED_LATE = { id: 'sub-0003', profile: { ...PROJECT.profile, gender: 'woman' }, enrolledOn: '2025-02-01' };
/** A figure with more participants than the drill-down draws at once (200): 205 enrolled, `many-0001`…. */
export const MANY_PROJECT = { id: '24-313-E03', registration: projectRegistration('24-313-E03', '#många'), participants: 205 };

/**
 * Project details and users (project-details.pw.ts): a project per language whose details an
 * admin changes, each with one participant enrolled on 2024-06-03 (so a period leaving that day
 * out, or a new time zone, is refused), and a caseworker per language whose account is changed.
 */
export const DETAILS_PROJECTS = {
  sv: { id: '24-313-D01', registration: projectRegistration('24-313-D01', '#uppgifter'), enrolled: { id: 'det-0001', enrolledOn: '2024-06-03' } },
  en: { id: '24-313-D02', registration: projectRegistration('24-313-D02', '#details'), enrolled: { id: 'det-0002', enrolledOn: '2024-06-03' } },
};
export const DETAILS_USERS = {
  sv: { role: 'caseworker', email: 'projects-sv@example.org', name: 'Projekt Svensson', password: 'accounts change over time' },
  en: { role: 'caseworker', email: 'projects-en@example.org', name: 'Project English', password: 'accounts change over time' },
};
