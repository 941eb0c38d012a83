import { currentSchemaVersion, upcast } from './shared/upcaster';
import { PATHWAY_EVENT_SCHEMAS, ZONE_OF_PROJECTS_BEFORE_TIME_ZONES } from './event-schemas';

describe('pathway event schemas', () => {
  const registeredBeforeTimeZones = {
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
  };

  it('writes a project registration with its time zone (version 2)', () => {
    expect(currentSchemaVersion(PATHWAY_EVENT_SCHEMAS, 'ProjectRegistered')).toBe(2);
  });

  it('reads a project registered before time zones as a Stockholm project, whatever the configuration', () => {
    expect(ZONE_OF_PROJECTS_BEFORE_TIME_ZONES).toBe('Europe/Stockholm');
    expect(upcast(PATHWAY_EVENT_SCHEMAS, 'ProjectRegistered', 1, registeredBeforeTimeZones)).toEqual({
      ...registeredBeforeTimeZones,
      timeZone: 'Europe/Stockholm',
    });
  });

  it('leaves a version 2 registration as it was written', () => {
    const auckland = { ...registeredBeforeTimeZones, timeZone: 'Pacific/Auckland' };
    expect(upcast(PATHWAY_EVENT_SCHEMAS, 'ProjectRegistered', 2, auckland)).toBe(auckland);
  });
});
