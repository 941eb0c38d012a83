import { currentSchemaVersion, upcast } from './shared/upcaster';
import { PATHWAY_EVENT_SCHEMAS, ZONE_OF_PROJECTS_BEFORE_TIME_ZONES } from './event-schemas';
import { framtid } from './testing/fixtures';

describe('pathway event schemas', () => {
  // As written before projects had a zone: the same details without `timeZone`.
  const { timeZone: _unknownThen, ...registeredBeforeTimeZones } = framtid;

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
