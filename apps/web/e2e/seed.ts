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

export const CASEWORKER = { role: 'caseworker', email: 'anna.karlsson@example.org', name: 'Anna Karlsson', password: 'correct horse battery staple' };
export const EVALUATOR = { role: 'evaluator', email: 'erik.evaluator@example.org', name: 'Erik Lund', password: 'another long passphrase' };

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
