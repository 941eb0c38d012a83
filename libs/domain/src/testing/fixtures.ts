import { ProjectDetails } from '../project/project';
import { EntryProfile } from '../participant/entry-profile';

/** Modelled on a real ESF+ project for young people neither working nor studying. */
export const framtid: ProjectDetails = {
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
};

/** An entry profile with every field answered: a young unemployed woman. */
export const unemployedWoman: EntryProfile = {
  birthDate: '2003-08-14',
  gender: 'woman',
  labourMarketStatus: 'unemployed',
  inEducationOrTraining: false,
  educationLevel: 'isced-3-4',
  disability: null,
  thirdCountryNational: false,
  foreignBackground: false,
  minority: null,
  homeless: false,
  ruralArea: false,
};

/** An entry profile of a long-term unemployed young woman of foreign background, two answers not given. */
export const longTermUnemployedWoman: EntryProfile = {
  birthDate: '2004-05-17',
  gender: 'woman',
  labourMarketStatus: 'long-term-unemployed',
  inEducationOrTraining: false,
  educationLevel: 'isced-0-2',
  disability: null,
  thirdCountryNational: false,
  foreignBackground: true,
  minority: null,
  homeless: false,
  ruralArea: false,
};
