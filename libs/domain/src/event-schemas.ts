import { FREE_TEXT_SCHEMA_VERSIONS, FREE_TEXT_UPCASTERS } from './participant/free-text-upcasters';
import { EventSchemas } from './shared/upcaster';

/**
 * The schema versions of every event type and the upcasters from older shapes.
 * A type not listed is at version 1; a changed shape bumps its version here and adds a step.
 */
export const PATHWAY_EVENT_SCHEMAS: EventSchemas = {
  currentVersions: { ...FREE_TEXT_SCHEMA_VERSIONS },
  upcasters: { ...FREE_TEXT_UPCASTERS },
};
