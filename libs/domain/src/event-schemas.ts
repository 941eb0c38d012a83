import { EventSchemas } from './shared/upcaster';

/**
 * The schema versions of every event type and the upcasters from older shapes.
 * All events are at version 1 so far; a changed shape bumps its version here and adds a step.
 */
export const PATHWAY_EVENT_SCHEMAS: EventSchemas = {
  currentVersions: {},
  upcasters: {},
};
