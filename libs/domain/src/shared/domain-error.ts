/**
 * A broken business rule. The code is a stable public contract (clients switch on it);
 * the kind tells the edge how to answer: missing thing, clash with what exists, or a rule.
 */
export type DomainErrorKind = 'not-found' | 'conflict' | 'rule';

/**
 * The values a client needs to say the rule in its own language (`{date: '2026-05-01',
 * earliest: '2026-05-03'}`): dates as ISO `YYYY-MM-DD`, counts as numbers. Never personal data.
 */
export type DomainErrorParams = Readonly<Record<string, string | number>>;

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly params?: DomainErrorParams,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (code: string, message: string) => new DomainError(code, 'not-found', message);
export const conflict = (code: string, message: string, params?: DomainErrorParams) => new DomainError(code, 'conflict', message, params);
export const ruleBroken = (code: string, message: string, params?: DomainErrorParams) => new DomainError(code, 'rule', message, params);

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
