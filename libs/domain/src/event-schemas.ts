import { FREE_TEXT_SCHEMA_VERSIONS, FREE_TEXT_UPCASTERS } from './participant/free-text-upcasters';
import { TimeZone } from './shared/time-zone';
import { EventSchemas } from './shared/upcaster';

/**
 * The zone of projects registered before projects had one. An upcaster is a pure function of the
 * stored event (a replay under any configuration must give the same read models), so it cannot
 * read `DEFAULT_TIME_ZONE`; every project recorded before was a Swedish ESF+ project, which is
 * what `DEFAULT_TIME_ZONE` defaults to as well.
 */
export const ZONE_OF_PROJECTS_BEFORE_TIME_ZONES: TimeZone = 'Europe/Stockholm';

/**
 * The schema versions of every event type and the upcasters from older shapes.
 * A type not listed is at version 1; a changed shape bumps its version here and adds a step.
 * `EntryProfileCorrected` and `EnrolmentWithdrawn` are at version 1: their reason was sealed from
 * the start, so they need no step.
 */
export const PATHWAY_EVENT_SCHEMAS: EventSchemas = {
  currentVersions: { ...FREE_TEXT_SCHEMA_VERSIONS, ProjectRegistered: 2 },
  upcasters: {
    ...FREE_TEXT_UPCASTERS,
    // Version 2 names the project's time zone.
    ProjectRegistered: { 1: (data) => ({ ...data, timeZone: data.timeZone ?? ZONE_OF_PROJECTS_BEFORE_TIME_ZONES }) },
  },
};
