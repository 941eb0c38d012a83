import { AuditEntry, AuditFilter, AuditPage, RecordedAuditEntry } from './audit-log';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** The canonical form of an instant, so that stored text compares in time order on SQLite too. */
export function instant(value: string, name: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${name} is not an ISO instant: ${value}`);
  return date.toISOString();
}

/** The entry as stored: its instant made canonical, nothing else touched. */
export const normalized = (entry: AuditEntry): AuditEntry => ({ ...entry, at: instant(entry.at, 'at') });

/**
 * The SELECT for one page, with every value bound; `placeholder(n)` spells the nth parameter in
 * the engine's dialect. It asks for one row more than the page to know whether another follows.
 */
export function pageQuery(filter: AuditFilter, placeholder: (n: number) => string) {
  const limit = filter.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw new RangeError(`limit is 1 to ${MAX_PAGE_SIZE}: ${limit}`);
  if (filter.after !== undefined && (!Number.isInteger(filter.after) || filter.after < 0)) throw new RangeError(`after is a sequence: ${filter.after}`);

  const conditions: string[] = [];
  const params: Array<string | number> = [];
  const where = (sql: string, value: string | number | undefined) => {
    if (value === undefined) return;
    params.push(value);
    conditions.push(`${sql} ${placeholder(params.length)}`);
  };
  where('participant_id =', filter.participantId);
  where('subject =', filter.subject);
  where('at >=', filter.from === undefined ? undefined : instant(filter.from, 'from'));
  where('at <', filter.to === undefined ? undefined : instant(filter.to, 'to'));
  where('sequence >', filter.after);
  params.push(limit + 1);

  const sql =
    'SELECT sequence, at, subject, role, action, participant_id, project_id, correlation_id FROM audit_log' +
    (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '') +
    ` ORDER BY sequence LIMIT ${placeholder(params.length)}`;
  return { sql, params, limit };
}

export interface AuditRow {
  sequence: number | string;
  at: string | Date;
  subject: string;
  role: string;
  action: string;
  participant_id: string;
  project_id: string | null;
  correlation_id: string;
}

/** A page from the rows of `pageQuery` (up to limit + 1 of them). */
export function toPage(rows: AuditRow[], limit: number): AuditPage {
  const entries = rows.slice(0, limit).map(
    (row): RecordedAuditEntry => ({
      // PostgreSQL hands BIGINT back as text and TIMESTAMPTZ as a Date.
      sequence: Number(row.sequence),
      at: row.at instanceof Date ? row.at.toISOString() : row.at,
      subject: row.subject,
      role: row.role,
      action: row.action,
      participantId: row.participant_id,
      projectId: row.project_id,
      correlationId: row.correlation_id,
    }),
  );
  return { entries, next: rows.length > limit ? entries[entries.length - 1].sequence : null };
}
