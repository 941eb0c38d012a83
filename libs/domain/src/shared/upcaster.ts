/**
 * Events are public contracts: a stored event keeps the shape it was written with.
 * An upcaster lifts the data of `type` from `fromVersion` to `fromVersion + 1`;
 * reading chains them up to the current schema version.
 */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface EventSchemas {
  /** Current schema version per event type; a type not listed is at version 1. */
  currentVersions: Readonly<Record<string, number>>;
  /** upcasters[type][fromVersion] */
  upcasters: Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;
}

export function currentSchemaVersion(schemas: EventSchemas, type: string): number {
  return schemas.currentVersions[type] ?? 1;
}

export function upcast(
  schemas: EventSchemas,
  type: string,
  schemaVersion: number,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const target = currentSchemaVersion(schemas, type);
  let upcasted = data;
  for (let version = schemaVersion; version < target; version++) {
    const step = schemas.upcasters[type]?.[version];
    if (!step) throw new Error(`No upcaster for ${type} from schema version ${version}`);
    upcasted = step(upcasted);
  }
  return upcasted;
}
