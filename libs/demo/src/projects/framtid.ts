import { DemoProject } from './demo-project';

/**
 * Modelled on the real ESF+ project #framtid: young people aged 16-29 neither working nor
 * studying, many with mental ill-health, supported into work or studies mainly by
 * Supported Employment and IPS.
 */
export const framtid: DemoProject = {
  details: {
    projectId: '22-015-S01',
    name: '#framtid',
    owner: 'Stiftelsen Activa, Örebro',
    fund: 'ESF+',
    programme: '2021SE05SFPR',
    specificObjective: 'A2A',
    region: 'SE12',
    startDate: '2023-03-31',
    endDate: '2026-03-30',
    plannedParticipants: 80,
    timeZone: 'Europe/Stockholm',
  },
  registeredOn: '2023-03-15',
  cohort: {
    ages: [16, 29],
    genders: [['woman', 44], ['man', 50], ['non-binary', 2.5], [null, 3.5]],
    labourMarket: [['unemployed', 35], ['long-term-unemployed', 25], ['inactive', 40]],
    inEducationOrTraining: 0.03,
    education: [['isced-0-2', 55], ['isced-3-4', 42], ['isced-5-8', 3]],
    flags: { disability: 0.3, thirdCountryNational: 0.1, foreignBackground: 0.3, minority: 0.03, homeless: 0.05, ruralArea: 0.15 },
    undisclosed: 0.05,
    interventions: [
      ['supported-employment', 40],
      ['ips', 30],
      ['career-guidance', 10],
      ['work-practice', 8],
      ['mentoring', 7],
      ['supported-education', 5],
    ],
    interventionsPerStay: [1, 3],
    stayDays: [120, 420],
    enrolmentClosesDaysBeforeEnd: 60,
    exitReasons: [['completed', 72], ['dropped-out', 17], ['moved', 6], ['other', 5]],
    outcomes: [['job', 45], ['education', 25], ['job-search', 20], ['inactive', 10]],
    contracts: [['temporary', 45], ['subsidised', 30], ['permanent', 25]],
    hoursPerWeek: [[40, 35], [30, 20], [20, 20], [25, 10], [35, 8], [null, 7]],
    selfEmployed: 0.03,
    programmes: [['adult-education', 45], ['upper-secondary', 20], ['vocational', 25], ['higher-education', 5], ['other', 5]],
    qualifications: {
      chance: 0.2,
      names: [
        ['Forklift licence (A+B)', null],
        ['Driving licence, category B', null],
        ['Hygiene certificate, food handling', null],
        ['Upper-secondary course grades in Swedish and English', 'isced-3-4'],
      ],
    },
    schoolCalendar: false,
    caseworkers: [1, 4],
  },
};
