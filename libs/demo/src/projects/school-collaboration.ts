import { DemoProject } from './demo-project';

/**
 * An ESF+ collaboration between schools and social services, invented but typical: pupils
 * aged 14-18 at risk of leaving school without grades, given school support and mentors
 * until the end of a term. Pupils count as inactive and in education.
 */
export const schoolCollaboration: DemoProject = {
  details: {
    projectId: '23-041-S02',
    name: 'Hela vägen: skola och socialtjänst',
    owner: 'Kommunförbundet Norrdal, Sundsvall',
    fund: 'ESF+',
    programme: '2021SE05SFPR',
    specificObjective: 'A2F',
    region: 'SE32',
    startDate: '2023-08-14',
    endDate: '2025-12-19',
    plannedParticipants: 120,
    timeZone: 'Europe/Stockholm',
  },
  registeredOn: '2023-06-20',
  cohort: {
    ages: [14, 18],
    genders: [['man', 50], ['woman', 45], ['non-binary', 2], [null, 3]],
    labourMarket: [['inactive', 100]],
    inEducationOrTraining: 0.95,
    education: [['isced-0-2', 90], ['isced-3-4', 10]],
    flags: { disability: 0.2, thirdCountryNational: 0.15, foreignBackground: 0.35, minority: 0.04, homeless: 0.02, ruralArea: 0.25 },
    undisclosed: 0.04,
    interventions: [['school-support', 50], ['mentoring', 25], ['group-activity', 15], ['career-guidance', 10]],
    interventionsPerStay: [1, 3],
    stayDays: [120, 300],
    enrolmentClosesDaysBeforeEnd: 60,
    exitReasons: [['completed', 75], ['dropped-out', 15], ['moved', 7], ['other', 3]],
    outcomes: [['education', 80], ['job-search', 8], ['job', 5], ['inactive', 7]],
    contracts: [['temporary', 70], ['subsidised', 30]],
    hoursPerWeek: [[20, 40], [40, 30], [null, 30]],
    selfEmployed: 0,
    programmes: [['upper-secondary', 65], ['vocational', 25], ['other', 10]],
    qualifications: { chance: 0, names: [] },
    schoolCalendar: true,
    caseworkers: [11, 5],
  },
};
