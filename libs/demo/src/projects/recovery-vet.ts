import { DemoProject } from './demo-project';

/**
 * An Erasmus+ cooperation partnership in vocational education and training (KA220-VET),
 * invented but typical: adult job seekers in recovery from drug misuse, trained in
 * short vocational courses and work practice, with a study visit to a partner country.
 */
export const recoveryVet: DemoProject = {
  details: {
    projectId: '2022-1-SE01-KA220-VET-000085419',
    name: 'Recovery to Work: vocational pathways after drug misuse',
    owner: 'Föreningen Nytt Steg, Göteborg',
    fund: 'Erasmus+',
    programme: 'Erasmus+ KA2',
    specificObjective: 'KA220-VET',
    region: 'SE23',
    startDate: '2022-11-01',
    endDate: '2024-10-31',
    plannedParticipants: 60,
    timeZone: 'Europe/Stockholm',
  },
  registeredOn: '2022-10-20',
  cohort: {
    ages: [25, 60],
    genders: [['man', 66], ['woman', 30], ['non-binary', 1], [null, 3]],
    labourMarket: [['long-term-unemployed', 60], ['unemployed', 25], ['inactive', 15]],
    inEducationOrTraining: 0.05,
    education: [['isced-0-2', 50], ['isced-3-4', 45], ['isced-5-8', 5]],
    flags: { disability: 0.35, thirdCountryNational: 0.08, foreignBackground: 0.2, minority: 0.04, homeless: 0.25, ruralArea: 0.08 },
    undisclosed: 0.07,
    interventions: [
      ['training-course', 35],
      ['work-practice', 25],
      ['mentoring', 20],
      ['study-visit', 10],
      ['supported-employment', 10],
    ],
    interventionsPerStay: [1, 3],
    stayDays: [90, 300],
    enrolmentClosesDaysBeforeEnd: 90,
    exitReasons: [['completed', 62], ['dropped-out', 25], ['moved', 5], ['other', 8]],
    outcomes: [['job', 35], ['education', 15], ['job-search', 35], ['inactive', 15]],
    contracts: [['subsidised', 50], ['temporary', 35], ['permanent', 15]],
    hoursPerWeek: [[40, 25], [30, 20], [20, 30], [25, 15], [null, 10]],
    selfEmployed: 0.05,
    programmes: [['vocational', 60], ['adult-education', 35], ['other', 5]],
    qualifications: {
      chance: 0.45,
      names: [
        ['Forklift licence (A+B)', null],
        ['Construction site safety certificate (BAS-U)', null],
        ['Vocational certificate, property maintenance', 'isced-3-4'],
        ['Hygiene certificate, food handling', null],
      ],
    },
    schoolCalendar: false,
    caseworkers: [8, 3],
  },
};
