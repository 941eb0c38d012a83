import { DemoProject } from './demo-project';

/**
 * A 2014-2020 ESF preliminary study (förstudie), invented but typical: a year of short
 * mapping interventions with long-term unemployed adults, many of them born abroad, to
 * design a later full project. Stays are short and most leave still searching for work.
 */
export const preliminaryStudy: DemoProject = {
  details: {
    projectId: '2021-ESF-FS-07',
    name: 'Förstudie Vägar vidare',
    owner: 'Samordningsförbundet Sydväst, Trelleborg',
    fund: 'ESF',
    programme: '2014SE05M9OP001',
    specificObjective: '2.1',
    region: 'SE22',
    startDate: '2021-03-01',
    endDate: '2022-02-28',
    plannedParticipants: 140,
    timeZone: 'Europe/Stockholm',
  },
  registeredOn: '2021-02-15',
  cohort: {
    ages: [18, 64],
    genders: [['woman', 55], ['man', 41.5], ['non-binary', 1], [null, 2.5]],
    labourMarket: [['long-term-unemployed', 45], ['unemployed', 30], ['inactive', 25]],
    inEducationOrTraining: 0.08,
    education: [['isced-0-2', 45], ['isced-3-4', 40], ['isced-5-8', 15]],
    flags: { disability: 0.15, thirdCountryNational: 0.4, foreignBackground: 0.6, minority: 0.05, homeless: 0.03, ruralArea: 0.1 },
    undisclosed: 0.06,
    interventions: [['career-guidance', 40], ['group-activity', 30], ['study-visit', 15], ['mentoring', 15]],
    interventionsPerStay: [1, 2],
    stayDays: [21, 120],
    enrolmentClosesDaysBeforeEnd: 30,
    exitReasons: [['completed', 70], ['dropped-out', 15], ['moved', 8], ['other', 7]],
    outcomes: [['job-search', 50], ['education', 20], ['job', 15], ['inactive', 15]],
    contracts: [['subsidised', 55], ['temporary', 35], ['permanent', 10]],
    hoursPerWeek: [[40, 30], [30, 25], [20, 25], [null, 20]],
    selfEmployed: 0.04,
    programmes: [['adult-education', 70], ['vocational', 20], ['other', 10]],
    qualifications: { chance: 0.05, names: [['Swedish for immigrants, course D', 'isced-0-2']] },
    schoolCalendar: false,
    caseworkers: [5, 3],
  },
};
