import { ChangeEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, ParticipantsPage as Page } from '../api/client';
import { Link, useNavigation } from '../app/router';
import { PageHeading } from '../app/page-heading';
import { mark, MARKS, useMarkWhenShown } from '../app/performance-marks';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { EnrolmentForm } from './EnrolmentForm';

const PAGE_SIZE = 25;
/** Typing pauses this long before a search is sent: one request per pause, not per keystroke. */
const SEARCH_DELAY_MS = 300;
type StatusFilter = 'all' | 'active' | 'exited';
/** A Swedish personnummer or samordningsnummer as typed (10 or 12 digits, an optional - or +). */
const IDENTITY_NUMBER = /^(\d{2})?\d{6}[-+]?\d{4}$/;

/** The filter, search and page live in the URL (`?status=exited&q=anna&page=2`): a shared link shows the same list. */
function readSearch(search: string): { status: StatusFilter; page: number; q: string; enrol: boolean } {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const page = Number(params.get('page'));
  return {
    status: status === 'active' || status === 'exited' ? status : 'all',
    page: Number.isInteger(page) && page > 1 ? page : 1,
    q: params.get('q') ?? '',
    enrol: params.has('enrol'),
  };
}

/** The participants list, or the enrolment form (`?enrol`) opened from it. */
export function ParticipantsPage({ projectId }: { projectId: string }) {
  const { search } = useNavigation();
  return readSearch(search).enrol ? <EnrolmentForm projectId={projectId} /> : <ParticipantsList projectId={projectId} />;
}

/**
 * A project's participants: status filter, search, paging, a link to each pathway. The project's
 * caseworkers see names and search by name or identity number (the API audits it); everyone
 * else sees codes only and searches by code, and never asks the API for personal data.
 */
function ParticipantsList({ projectId }: { projectId: string }) {
  const t = useT();
  const intl = useIntl();
  const { search, navigate, path } = useNavigation();
  const { expired, state } = useSession();
  const { status, page, q } = readSearch(search);
  const user = state.status === 'signedIn' ? state.user : null;
  const caseworker = user?.role === 'caseworker' && user.projects.includes(projectId);
  const [typed, setTyped] = useState(q);
  const [result, setResult] = useState<Page | 'failed' | 'tooLarge' | null>(null);

  useEffect(() => {
    const query = {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      ...(status === 'all' ? {} : { status }),
      ...(caseworker ? { names: true } : {}),
      ...(q && caseworker && IDENTITY_NUMBER.test(q.replace(/\s/g, '')) ? { identityNumber: q } : q ? { q } : {}),
    };
    let current = true;
    void api
      .GET('/api/v1/projects/{projectId}/participants', { params: { path: { projectId }, query: query as never } })
      .then(({ data, error, response }) => {
        if (!current) return;
        if (response.status === 401) return expired();
        mark(MARKS.participantsData);
        const code = (error as { code?: string } | undefined)?.code;
        setResult(response.ok ? (data as unknown as Page) : code === 'PARTICIPANTS.NAME_SEARCH_TOO_LARGE' ? 'tooLarge' : 'failed');
      });
    return () => {
      current = false;
    };
  }, [projectId, status, page, q, caseworker, expired]);
  useMarkWhenShown(MARKS.participantsRendered, typeof result === 'object' && result);

  // After a page turn, focus goes to the new count, so a keyboard user keeps their place and
  // the next Tab enters the rows.
  const count = useRef<HTMLParagraphElement>(null);
  const focusCount = useRef(false);
  useEffect(() => {
    if (!focusCount.current || result === null) return;
    focusCount.current = false;
    count.current?.focus();
  }, [result]);

  const go = (next: { status?: StatusFilter; page?: number; q?: string }) => {
    const params = new URLSearchParams();
    const s = next.status ?? status;
    const p = next.page ?? page;
    const text = (next.q ?? q).trim();
    if (s !== 'all') params.set('status', s);
    if (text) params.set('q', text);
    if (p > 1) params.set('page', String(p));
    navigate(`${path}${params.size ? `?${params}` : ''}`);
  };
  const turnTo = (next: number) => {
    focusCount.current = true;
    go({ page: next });
  };
  useEffect(() => {
    if (typed.trim() === q) return;
    const timer = setTimeout(() => go({ q: typed, page: 1 }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // Only a pause in typing sends a search: `go` and `q` are read as they are when the pause ends.
  }, [typed]);
  const date = (iso: string | null) => (iso ? intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' }) : '–');
  const pages = typeof result === 'object' && result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeading title={`${t('participants.title')} ${projectId}`}>
        {t('participants.title')} <span className="muted">{projectId}</span>
      </PageHeading>
      <p>{t(caseworker ? 'participants.intro.caseworker' : 'participants.intro')}</p>
      {caseworker && (
        <p>
          <Link to={`${path}?enrol`} className="button primary">
            {t('participants.enrol')}
          </Link>
        </p>
      )}
      <div className="list-controls">
      <div className="field search">
        <label htmlFor="participant-search">{t('participants.search')}</label>
        <p className="hint" id="participant-search-hint">
          {t(caseworker ? 'participants.search.hint.caseworker' : 'participants.search.hint')}
        </p>
        <input id="participant-search" type="search" autoComplete="off" aria-describedby="participant-search-hint" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </div>
      <div className="field inline">
        <label htmlFor="status-filter">{t('participants.status')}</label>
        <select id="status-filter" value={status} onChange={(e: ChangeEvent<HTMLSelectElement>) => go({ status: e.target.value as StatusFilter, page: 1 })}>
          <option value="all">{t('participants.status.all')}</option>
          <option value="active">{t('participants.status.active')}</option>
          <option value="exited">{t('participants.status.exited')}</option>
          <option value="withdrawn">{t('participants.status.withdrawn')}</option>
        </select>
      </div>
      </div>
      {/* One live region, always present, so each new answer to a search is announced. */}
      <p role="status" aria-live="polite" tabIndex={-1} ref={count} className={result === 'failed' || result === 'tooLarge' ? 'error-message' : undefined}>
        {result === null && t('app.loading')}
        {result === 'failed' && t('app.error')}
        {result === 'tooLarge' && t('participants.search.tooLarge')}
        {typeof result === 'object' && result && result.items.length === 0 && t(q ? 'participants.search.none' : 'participants.none')}
        {typeof result === 'object' && result && result.items.length > 0 && t('participants.count', { from: result.offset + 1, to: result.offset + result.items.length, total: result.total })}
      </p>
      {typeof result === 'object' && result && result.items.length > 0 && (
        <>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('participants.column.id')}</th>
                  {caseworker && <th scope="col">{t('participants.column.name')}</th>}
                  <th scope="col">{t('participants.column.status')}</th>
                  <th scope="col">{t('participants.column.enrolledOn')}</th>
                  <th scope="col">{t('participants.column.exitedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((p) => (
                  <tr key={p.participantId}>
                    <th scope="row">
                      <Link to={`/participants/${encodeURIComponent(p.participantId)}`}>{p.participantId}</Link>
                    </th>
                    {caseworker && <td>{p.name ?? <span className="muted">{t('participants.name.none')}</span>}</td>}
                    <td>{t(`status.${p.status}`)}</td>
                    <td>{date(p.enrolledOn)}</td>
                    <td>{date(p.lastExitOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav aria-label={t('participants.paging')} className="paging">
              <button type="button" className="button" disabled={page <= 1} onClick={() => turnTo(page - 1)}>
                {t('participants.previous')}
              </button>
              <button type="button" className="button" disabled={page >= pages} onClick={() => turnTo(page + 1)}>
                {t('participants.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
