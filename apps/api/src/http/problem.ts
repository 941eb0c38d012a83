/** An RFC 9457 problem details document, with Pathway's extension members. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Stable machine-readable code, e.g. `PARTICIPANT.ALREADY_EXITED`. */
  code: string;
  /** What the refusal names besides its code (e.g. `{ exitedOn: '2024-09-30' }`), for clients to word it. */
  params?: Readonly<Record<string, string | number>>;
  /** Validation failures: which field, and why. */
  errors?: FieldError[];
  /** On a version conflict: the stream's version now. */
  currentVersion?: number;
}

export interface FieldError {
  field: string;
  reason: string;
}

export const problemType = (code: string) => `urn:pathway:problem:${code}`;

/**
 * Thrown by validation at the edge; the filter answers it with 400 and the field errors. The
 * code is `REQUEST.INVALID` unless a rule of its own names the refusal (e.g. `REPORT.PERIOD_NOT_ALLOWED`).
 */
export class RequestValidationError extends Error {
  constructor(
    readonly errors: FieldError[],
    readonly code = 'REQUEST.INVALID',
    message = 'The request is not valid',
  ) {
    super(message);
    this.name = 'RequestValidationError';
  }
}

/**
 * A request refused at the edge, before any handler, with its own status and stable code:
 * 415 `REQUEST.UNSUPPORTED_MEDIA_TYPE`, 400 `REQUEST.TOO_DEEP`, 412 `PRECONDITION.WEAK_ETAG`.
 */
export class EdgeRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly errors?: FieldError[],
  ) {
    super(title);
    this.name = 'EdgeRefusal';
  }
}
