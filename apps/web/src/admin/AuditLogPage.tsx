import { FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import { describeProblem, problemOf, ProblemMessages } from '../api/problems';
import { PageHeading } from '../app/page-heading';
import { Link, useNavigation } from '../app/router';
import { en, MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { ErrorSummary } from '../participants/form-parts';
import { useSession } from '../session/session';
import { AdminTextField } from './admin-fields';

/** One entry of `GET /api/v1/audit`: who (pseudonymous subject, role) did what to whose personal data, and when. */
interface AuditEntry {
  sequence: number;
  at: string;
  subject: string;
  role: string;
  action: string;
  participantId: string;
  projectId: string | null;
  correlationId: string;
}

/** The filters the API takes, as the URL keeps them: dates are whole days in UTC. */
const FILTERS = ['participantId', 'subject', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Record<Filter, string>;
const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const fieldId = (name: string) => `audit-${name}`;

const filtersOf = (search: string): Filters => {
  const params = new URLSearchParams(search);
  return Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Filters;
};

/** The day after a YYYY-MM-DD, for the API's exclusive `to`. */
const dayAfter = (date: string) => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
};

/**
 * The audit log of personal-data reads (`GET /api/v1/audit`, admins only): each read of a
 * person's personal data, subject access or erasure reason, with when, who (the pseudonymous
 * subject and role), which participant and project. Filters (participant, who, from and to
 * dates, both days included, in UTC) and the page (`after`, the API's cursor) live in the URL,
 * so a filtered view can be shared and the browser's Back goes to the page before.
 */
export function AuditLogPage() {
  const t = useT();
  const intl = useIntl();
  const { search, navigate } = useNavigation();
  const { expired } = useSession();
  const applied = filtersOf(search);
  const after = new URLSearchParams(search).get('after');
  const [values, setValues] = useState<Filters>(applied);
  const [page, setPage] = useState<{ entries: AuditEntry[]; next: number | null } | 'failed' | null>(null);
  const [problem, setProblem] = useState<ProblemMessages | null>(null);
  // `t` is a new function each render: the read below follows the URL and the language only.
  const translate = useRef(t);
  translate.current = t;

  useEffect(() => setValues(filtersOf(search)), [search]);

  useEffect(() => {
    const t = translate.current;
    const current = filtersOf(search);
    const afterParam = new URLSearchParams(search).get('after');
    // Dates the app checks itself: the API would take them only as instants.
    const wrong = Object.fromEntries((['from', 'to'] as const).filter((f) => current[f] && !DATE.test(current[f])).map((f) => [f, t('problem.field.date')]));
    if (Object.keys(wrong).length > 0) {
      setProblem({ summary: '', fields: wrong });
      setPage({ entries: [], next: null });
      return;
    }
    setProblem(null);
    setPage(null);
    const query = {
      ...(current.participantId ? { participantId: current.participantId } : {}),
      ...(current.subject ? { subject: current.subject } : {}),
      ...(current.from ? { from: `${current.from}T00:00:00Z` } : {}),
      ...(current.to ? { to: `${dayAfter(current.to)}T00:00:00Z` } : {}),
      ...(afterParam && /^\d+$/.test(afterParam) ? { after: Number(afterParam) } : {}),
      limit: PAGE_SIZE,
    };
    void api
      .GET('/api/v1/audit', { params: { query: query as never } })
      .then(({ data, error, response }) => {
        if (response.status === 401) return expired();
        if (response.ok && data) return setPage(data as unknown as { entries: AuditEntry[]; next: number | null });
        if (response.status === 400) {
          setProblem(describeProblem(problemOf(error, response), t, (iso) => iso));
          return setPage({ entries: [], next: null });
        }
        setPage('failed');
      })
      .catch(() => setPage('failed'));
  }, [search, expired, intl.locale]);

  const urlOf = (filters: Filters, cursor?: number | null) => {
    const params = new URLSearchParams();
    for (const f of FILTERS) if (filters[f].trim()) params.set(f, filters[f].trim());
    if (cursor !== undefined && cursor !== null) params.set('after', String(cursor));
    const query = params.toString();
    return `/admin/audit${query ? `?${query}` : ''}`;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(urlOf(values));
  };

  const label = (field: Filter) => t(`audit.filter.${field}` as MessageId);
  const hint = (field: Filter) => t(`audit.filter.${field}.hint` as MessageId);
  // An action the catalogue has no words for (one added later) shows as it is recorded.
  const action = (name: string) => (Object.hasOwn(en, `audit.action.${name}`) ? t(`audit.action.${name}` as MessageId) : name);
  const filtered = FILTERS.some((f) => applied[f]);
  const ordered: ProblemMessages | null = problem && {
    summary: problem.summary,
    fields: Object.fromEntries(FILTERS.filter((f) => problem.fields[f]).map((f) => [f, `${label(f)}: ${problem.fields[f]}`])),
  };

  return (
    <>
      <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
      <p>
        <Link to="/projects">{t('admin.back')}</Link>
      </p>
      <p>{t('audit.intro')}</p>
      {ordered && <ErrorSummary problem={ordered} fieldId={fieldId} title={t('audit.errors.title')} />}
      <form noValidate onSubmit={submit} role="search" aria-label={t('audit.filters')}>
        <div className="filters">
          {FILTERS.map((field) => (
            <AdminTextField
              key={field}
              id={fieldId(field)}
              label={label(field)}
              hint={hint(field)}
              error={problem?.fields[field]}
              value={values[field]}
              onChange={(value) => setValues((v) => ({ ...v, [field]: value }))}
              inputMode={field === 'from' || field === 'to' ? 'numeric' : undefined}
              spellCheck={false}
            />
          ))}
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            {t('audit.apply')}
          </button>
          {filtered && (
            <Link to="/admin/audit" className="button">
              {t('audit.clear')}
            </Link>
          )}
        </div>
      </form>
      <h2 id="audit-results">{t('audit.results')}</h2>
      {page === null && <p role="status">{t('app.loading')}</p>}
      {page === 'failed' && (
        <p role="alert" className="error-message">
          {t('app.error')}
        </p>
      )}
      {page && page !== 'failed' && page.entries.length === 0 && !problem && <p role="status">{t(filtered ? 'audit.empty.filtered' : 'audit.empty')}</p>}
      {page && page !== 'failed' && page.entries.length > 0 && (
        <>
          <p role="status" className="muted">
            {t('audit.shown', { count: page.entries.length })}
          </p>
          {/* A wide table scrolls inside itself (WCAG 1.4.10); focusable so a keyboard can scroll it. */}
          <div className="table-scroll" role="region" aria-labelledby="audit-results" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('audit.column.at')}</th>
                  <th scope="col">{t('audit.column.action')}</th>
                  <th scope="col">{t('audit.column.participant')}</th>
                  <th scope="col">{t('audit.column.project')}</th>
                  <th scope="col">{t('audit.column.subject')}</th>
                  <th scope="col">{t('audit.column.role')}</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((entry) => (
                  <tr key={entry.sequence}>
                    <td>
                      <time dateTime={entry.at}>{intl.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
                    </td>
                    <td>{action(entry.action)}</td>
                    <td>
                      <Link to={urlOf({ ...applied, participantId: entry.participantId })}>{entry.participantId}</Link>
                    </td>
                    <td>{entry.projectId ?? <span className="muted">–</span>}</td>
                    <td>
                      <Link to={urlOf({ ...applied, subject: entry.subject })}>{entry.subject}</Link>
                    </td>
                    <td>{KNOWN_ROLES.has(entry.role) ? t(`role.${entry.role}` as MessageId) : entry.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {page && page !== 'failed' && (after || page.next !== null) && (
        <nav className="pager" aria-label={t('audit.pages')}>
          {after && <Link to={urlOf(applied)}>{t('audit.first')}</Link>}
          {page.next !== null && <Link to={urlOf(applied, page.next)}>{t('audit.next')}</Link>}
        </nav>
      )}
    </>
  );
}

const KNOWN_ROLES = new Set(['caseworker', 'evaluator', 'funder', 'admin']);
