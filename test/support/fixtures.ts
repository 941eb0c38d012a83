/** Request bodies modelled on a real ESF+ project and its participants. */
export const framtidProject = {
  id: '22-015-S01',
  name: '#framtid',
  owner: 'Stiftelsen Activa, Örebro',
  fund: 'ESF+',
  programme: '2021SE05SFPR',
  specificObjective: 'A2A',
  region: 'SE12',
  startDate: '2023-03-31',
  endDate: '2026-03-30',
  plannedParticipants: 80,
};

export const entryProfile = {
  birthDate: '2003-08-14',
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
