import { EducationLevel, LabourMarketStatus, PROFILE_FLAGS, Situation } from '@pathway/domain';
import { CatalogueEntry, IndicatorDefinition, isIndicator, isRate, ratio, share, weightedMedian } from './catalogue-entry';
import { participantsIn } from './cohort';

/**
 * Regulation (EU) 2021/1057, Annex I, point 1 (participants), then `-rN`: the revision of our rules.
 * Bump with any change of rule or wording (r2: one settled situation upon leaving; EECR06 only for
 * those employed at entry).
 */
export const CATALOGUE_VERSION = '2021/1057-annex-I.1-r2';

type Rule = IndicatorDefinition['counts'];
type Flag = (typeof PROFILE_FLAGS)[number];
const EMPLOYED: readonly Situation[] = ['employed', 'self-employed'];
const AT_ENTRY = 'at first entry';
const AGE = `${AT_ENTRY} (full years on the first enrolment date). A birth date not disclosed, or not plausible (before 1900 or over 120 years before entry, recorded before such dates were refused), is reported as data missing.`;
const ISCED = `${AT_ENTRY}. An education level not disclosed is reported as data missing.`;
const LEAVING = 'Participants who last exited in the period';
const WITHIN_FOUR_WEEKS = '"Upon leaving" reaches four weeks after leaving (the Commission\'s ESF+ indicator guidance).';
/** The rule `settleSituationUponLeaving` implements. */
const SETTLED = `${WITHIN_FOUR_WEEKS} `
  + 'The situation upon leaving is settled once per leaver from the situation stated at the last exit and '
  + 'the job placements, education entered and job searches started dated from the last entry (first '
  + 'enrolment or re-entry) to 28 days after the last exit, both days included. The latest-dated known '
  + 'situation wins: a later job search, or an exit to inactivity, replaces any job or studies before it; '
  + 'a later job placement or education entered replaces a job search or inactivity and adds to the other '
  + '(employment and education may both hold). On one date, employment and education outrank a job '
  + 'search, which outranks inactivity. Only when nothing at all is known (the situation on leaving '
  + 'recorded as unknown and no such milestone in the window) is the participant reported as data '
  + 'missing.';
const FOLLOW_UP = 'Counted at the six-month follow-up after the last exit (within the period). When the six-month point '
  + 'has come by the end of the period and no follow-up is recorded, the participant is reported as data missing; '
  + 'follow-ups not yet due are left out.'
  + ' A six-month follow-up is dated from 5 to 9 months after the last exit; one dated otherwise is refused when recorded.';
const EXITED = 'all participants whose last exit falls in the period (re-entered and not exited again: not counted)';

// `reads`: the outcome fields the rule reads, and no other (a grouped count keeps only these).
type Reads = IndicatorDefinition['reads'];
const output = (code: string, name: string, counts: Rule, definition: string, reads: Reads): IndicatorDefinition =>
  ({ code, name, kind: 'output', definition, population: 'outputs', reads, counts });
const result = (code: string, name: string, counts: Rule, definition: string, reads: Reads): IndicatorDefinition =>
  ({ code, name, kind: 'result', definition, population: 'results', reads, counts });
const sixMonths = (code: string, name: string, counts: Rule, definition: string, reads: Reads,
  population: IndicatorDefinition['population'] = 'follow-up'): IndicatorDefinition =>
  ({ code, name, kind: 'result', definition, population, reads, counts });

const statusIn = (...statuses: LabourMarketStatus[]): Rule => (o) => statuses.includes(o.labourMarketStatus);
const status = (code: string, name: string, what: string, ...statuses: LabourMarketStatus[]) =>
  output(code, name, statusIn(...statuses), `Participants ${what} ${AT_ENTRY}. Always known (a required answer).`,
    ['labourMarketStatus']);
const aged = (code: string, name: string, min: number, max: number, what: string) =>
  output(code, name, (o) => (o.ageAtEntry === null ? null : o.ageAtEntry >= min && o.ageAtEntry <= max),
    `Participants aged ${what} ${AGE}`, ['ageAtEntry']);
const educated = (code: string, name: string, level: EducationLevel, what: string) =>
  output(code, name, (o) => (o.educationLevel === null ? null : o.educationLevel === level),
    `Participants whose highest education was ${what} ${ISCED}`, ['educationLevel']);
const saidYes = (code: string, name: string, flag: Flag, question: string) =>
  output(code, name, (o) => o[flag],
    `Participants who answered yes to ${question} ${AT_ENTRY}. An answer not disclosed is reported as data missing.`,
    [flag]);

// The settled situation (`deriveOutcome`): null only when nothing at all is known upon leaving.
const jobSearchingUponLeaving: Rule = (o) => o.leavingJobSearching;
const inEducationUponLeaving: Rule = (o) => o.leavingInEducation;
const employedUponLeaving: Rule = (o) => o.leavingEmployed;

/**
 * EECR06: an improvement is a change within work (precarious to stable, under- to full employment,
 * a job needing higher skills, a promotion), so a follow-up finding no job is a known "no"; with a
 * job (or an unknown situation) the follow-up's own answer decides, and no answer is data missing.
 */
const improvedAtFollowUp: Rule = (o) => {
  if (o.followUpSituation === null) return null;
  const withoutWork = !EMPLOYED.includes(o.followUpSituation) && o.followUpSituation !== 'unknown';
  return withoutWork ? false : o.followUpImproved;
};

export const CATALOGUE: readonly CatalogueEntry[] = [
  output('EECO01', 'Total number of participants', () => true,
    'Every participant first enrolled in the period, counted once however often they re-entered.', []),
  status('EECO02', 'Unemployed, including long-term unemployed', 'unemployed or long-term unemployed',
    'unemployed', 'long-term-unemployed'),
  status('EECO03', 'Long-term unemployed', 'long-term unemployed', 'long-term-unemployed'),
  status('EECO04', 'Inactive', 'inactive (neither employed nor unemployed)', 'inactive'),
  status('EECO05', 'Employed, including self-employed', 'employed or self-employed', 'employed', 'self-employed'),
  aged('EECO06', 'Children below 18 years of age', 0, 17, 'under 18'),
  aged('EECO07', 'Young people between 18 and 29 years of age', 18, 29, '18 to 29 inclusive'),
  aged('EECO08', 'Participants aged 55 years and above', 55, Infinity, '55 or over'),
  educated('EECO09', 'Participants with lower secondary education or less (ISCED 0-2)', 'isced-0-2', 'ISCED 0-2'),
  educated('EECO10', 'Participants with upper secondary (ISCED 3) or post-secondary education (ISCED 4)',
    'isced-3-4', 'ISCED 3-4'),
  educated('EECO11', 'Participants with tertiary education (ISCED 5 to 8)', 'isced-5-8', 'ISCED 5-8'),
  saidYes('EECO12', 'Participants with disabilities', 'disability', 'having a disability'),
  saidYes('EECO13', 'Third-country nationals', 'thirdCountryNational', 'being a third-country national'),
  saidYes('EECO14', 'Participants with a foreign background', 'foreignBackground', 'having a foreign background'),
  saidYes('EECO15', 'Minorities (including marginalised communities such as the Roma)', 'minority', 'belonging to a minority'),
  saidYes('EECO16', 'Homeless or affected by housing exclusion', 'homeless', 'being homeless or affected by housing exclusion'),
  saidYes('EECO17', 'Participants from rural areas', 'ruralArea', 'living in a rural area'),

  result('EECR01', 'Participants engaged in job searching upon leaving', jobSearchingUponLeaving,
    `${LEAVING} whose settled situation upon leaving is job searching (neither employed nor in education or `
    + `training). ${SETTLED}`, ['leavingJobSearching']),
  result('EECR02', 'Participants in education or training upon leaving', inEducationUponLeaving,
    `${LEAVING} whose settled situation upon leaving includes education or training. ${SETTLED}`,
    ['leavingInEducation']),
  result('EECR03', 'Participants gaining a qualification upon leaving', (o) => o.leavingQualified,
    `${LEAVING} having gained a qualification or completed a school level dated from first enrolment to 28 days `
    + 'after the last exit, both days included. A qualification is an achievement, not a situation: a re-entry does '
    + `not reset it and a later situation does not undo it. Never data missing: none recorded is none gained. `
    + WITHIN_FOUR_WEEKS, ['leavingQualified']),
  result('EECR04', 'Participants in employment, including self-employment, upon leaving', employedUponLeaving,
    `${LEAVING} whose settled situation upon leaving includes employment or self-employment. ${SETTLED}`,
    ['leavingEmployed']),
  sixMonths('EECR05', 'Participants in employment, including self-employment, six months after leaving',
    (o) => (o.followUpSituation === null ? null : EMPLOYED.includes(o.followUpSituation)),
    `Participants employed or self-employed at the follow-up. ${FOLLOW_UP}`, ['followUpSituation']),
  sixMonths('EECR06', 'Participants with an improved labour market situation six months after leaving',
    improvedAtFollowUp,
    'Only participants employed or self-employed at first entry (the Commission\'s definition, carried over from '
    + '2014-2020: SFC FAQ on "improved labour market situation"); others are outside this indicator, neither counted '
    + 'nor missing (their move into work is EECR05). Of those, participants whose follow-up found an improved '
    + 'labour-market situation: precarious to stable job, under-employment to full employment, a job needing higher '
    + 'skills, or a promotion. A follow-up finding them without work (in education, job searching or inactive) '
    + `counts as not improved. ${FOLLOW_UP} A follow-up that does not say whether a job improved is also data missing.`,
    ['followUpSituation', 'followUpImproved'], 'follow-up-employed-at-entry'),

  { code: 'COMPLETION_RATE', name: 'Completion rate', kind: 'rate',
    definition: `Participants who exited having completed the programme, divided by ${EXITED}.`,
    reads: ['exitReason'], ...share('results', (o) => o.exitReason === 'completed') },
  { code: 'DROP_OUT_RATE', name: 'Drop-out rate', kind: 'rate',
    definition: `Participants who exited having dropped out, divided by ${EXITED}.`,
    reads: ['exitReason'], ...share('results', (o) => o.exitReason === 'dropped-out') },
  { code: 'PLACEMENT_RATE', name: 'Job placement rate upon leaving', kind: 'rate',
    definition: `Participants in employment upon leaving (the settled situation, as counted in EECR04), divided by `
      + `${EXITED}; participants about whose situation upon leaving nothing is known stay in the denominator.`,
    reads: ['leavingEmployed'], ...share('results', (o) => employedUponLeaving(o) === true) },
  { code: 'EDUCATION_OR_WORK_RATE', name: 'In education, training or work upon leaving', kind: 'rate',
    definition: 'Participants in education or training or in employment upon leaving (the settled situation of EECR02 '
      + `or EECR04, each person once), divided by ${EXITED}; nothing known upon leaving stays in the denominator.`,
    reads: ['leavingInEducation', 'leavingEmployed'],
    ...share('results', (o) => inEducationUponLeaving(o) === true || employedUponLeaving(o) === true) },
  { code: 'SCHOOL_COMPLETION_RATE', name: 'School completion rate', kind: 'rate',
    definition: 'Of the participants first enrolled in the period with at most lower secondary education (ISCED 0-2) '
      + 'at entry, the share with a completed school level recorded.',
    reads: ['schoolCompleted', 'educationLevel'],
    ...share('outputs', (o) => o.schoolCompleted, (o) => o.educationLevel === 'isced-0-2') },
  { code: 'MEDIAN_DAYS_TO_PLACEMENT', name: 'Median days from enrolment to first job placement', kind: 'rate',
    definition: 'Among participants first enrolled in the period whose first job placement is dated by the end of the '
      + 'period, the median number of days from first enrolment to that placement (for an even count, the mean of the '
      + 'two middle values). Numerator: the median (0 when no one was placed); denominator: how many were placed.',
    population: 'outputs',
    reads: ['firstPlacementOn', 'daysToFirstPlacement'],
    measure: (cohort) => {
      const days = cohort.populations.outputs.flatMap(({ outcome: o, participants }) =>
        o.firstPlacementOn !== null && o.firstPlacementOn <= cohort.to && o.daysToFirstPlacement !== null
          ? [{ value: o.daysToFirstPlacement, participants }] : []);
      const value = weightedMedian(days);
      return { numerator: value ?? 0, denominator: participantsIn(days), value };
    } },
  { code: 'TARGET_ACHIEVEMENT', name: 'Participants against plan', kind: 'rate',
    definition: "Total participants (EECO01) divided by the project's planned number of participants. By gender, each "
      + "group's participants are divided by the whole plan, so the groups add up to the total.",
    population: 'outputs',
    reads: [],
    // EECO01 counts the whole outputs population.
    measure: (cohort) => ratio(participantsIn(cohort.populations.outputs), cohort.plannedParticipants) },
];

export const INDICATORS: readonly IndicatorDefinition[] = CATALOGUE.filter(isIndicator);
export const RATES = CATALOGUE.filter(isRate);
