/**
 * One read of a participant's personal data. Holds no personal data itself: the subject is the
 * pseudonymous subject of the caller's token and the participant id is pseudonymous too.
 */
export interface AuditEntry {
  /** ISO instant. */
  at: string;
  subject: string;
  role: string;
  /** What was done, e.g. 'personal-data.read'. */
  action: string;
  participantId: string;
  projectId: string | null;
  correlationId: string;
}

export type RecordedAuditEntry = AuditEntry & { sequence: number };

export interface AuditFilter {
  participantId?: string;
  subject?: string;
  /** ISO instant, inclusive. */
  from?: string;
  /** ISO instant, exclusive. */
  to?: string;
  /** Sequence cursor: only entries after it (a page's `next`). */
  after?: number;
  /** Page size, 1 to 1000; 100 when left out. */
  limit?: number;
}

export interface AuditPage {
  /** In sequence order. */
  entries: RecordedAuditEntry[];
  /** The `after` for the following page; null on the last one. */
  next: number | null;
}

/** Append-only: nothing in the port (nor, by triggers, in the database) changes or removes an entry. */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  query(filter: AuditFilter): Promise<AuditPage>;
  close(): Promise<void>;
}
