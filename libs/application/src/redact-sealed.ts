import { LegacyClearText, SealedData } from '@pathway/domain';

/** What stands in for a sealed value wherever event data is shown. */
export const SEALED_PLACEHOLDER = 'sealed';

/** The type of `T` with its sealed values redacted. */
export type Redacted<T> = T extends SealedData | LegacyClearText
  ? typeof SEALED_PLACEHOLDER
  : T extends object
    ? { [K in keyof T]: Redacted<T[K]> }
    : T;

/**
 * The shape libs/privacy `seal` produces; anything that has it is treated as ciphertext. So is
 * free text stored in clear before it was sealed (`{ legacyClearText }`, from the upcasters):
 * it is personal data all the same.
 */
const isSealed = (value: object): boolean =>
  ['alg', 'iv', 'tag', 'ciphertext'].every((field) => typeof (value as Record<string, unknown>)[field] === 'string') ||
  typeof (value as Record<string, unknown>).legacyClearText === 'string';

/**
 * A deep copy of an event's data with every sealed value replaced by `'sealed'`. Ciphertext is
 * useless without the key, but it need not travel either: histories and the CLI show that
 * something personal was recorded, never the box itself.
 */
export function redactSealed<T>(data: T): Redacted<T> {
  return redact(data) as Redacted<T>;
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  if (isSealed(value)) return SEALED_PLACEHOLDER;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redact(inner)]));
}
