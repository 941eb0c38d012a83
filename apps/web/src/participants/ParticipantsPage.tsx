import { ChangeEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, ParticipantsPage as Page } from '../api/client';
import { Link, useNavigation } from '../app/router';
import { PageHeading } from '../app/page-heading';
import { mark, MARKS, useMarkWhenShown } from '../app/performance-marks';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';

const PAGE_SIZE = 25;
type StatusFilter = 'all' | 'active' | 'exited';

/** The filter and page live in the URL (`?status=exited&page=2`): a shared link shows the same list. */
function readSearch(search: string): { status: StatusFilter; page: number } {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const page = Number(params.get('page'));
  return { status: status === 'active' || status === 'exited' ? status : 'all', page: Number.isInteger(page) && page > 1 ? page : 1 };
}

/** A project's participants by pseudonymous id: status filter, paging, a link to each pathway. */
export function ParticipantsPage({ projectId }: { projectId: string }) {
  const t = useT();
  const intl = useIntl();
  const { search, navigate, path } = useNavigation();
  const { expired } = useSession();
  const { status, page } = readSearch(search);
  const [result, setResult] = useState<Page | 'failed' | null>(null);

  useEffect(() => {
    setResult(null);
    const query = { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, ...(status === 'all' ? {} : { status }) };
    void api
      .GET('/api/v1/projects/{projectId}/participants', { params: { path: { projectId }, query: query as never } })
      .then(({ data, response }) => {
        if (response.status === 401) return expired();
        mark(MARKS.participantsData);
        setResult(response.ok ? (data as unknown as Page) : 'failed');
      });
  }, [projectId, status, page, expired]);
  useMarkWhenShown(MARKS.participantsRendered, result !== 'failed' && result);

  // The paging buttons unmount while a page loads: focus then goes to the new count, so a
  // keyboard user keeps their place and the next Tab enters the rows.
  const count = useRef<HTMLParagraphElement>(null);
  const focusCount = useRef(false);
  useEffect(() => {
    if (!focusCount.current || result === null) return;
    focusCount.current = false;
    count.current?.focus();
  }, [result]);

  const go = (next: { status?: StatusFilter; page?: number }) => {
    const params = new URLSearchParams();
    const s = next.status ?? status;
    const p = next.page ?? page;
    if (s !== 'all') params.set('status', s);
    if (p > 1) params.set('page', String(p));
    navigate(`${path}${params.size ? `?${params}` : ''}`);
  };
  const turnTo = (next: number) => {
    focusCount.current = true;
    go({ page: next });
  };
  const date = (iso: string | null) => (iso ? intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' }) : '–');
  const pages = result && result !== 'failed' ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeading title={`${t('participants.title')} ${projectId}`}>
        {t('participants.title')} <span className="muted">{projectId}</span>
      </PageHeading>
      <p>{t('participants.intro')}</p>
      <div className="field inline">
        <label htmlFor="status-filter">{t('participants.status')}</label>
        <select id="status-filter" value={status} onChange={(e: ChangeEvent<HTMLSelectElement>) => go({ status: e.target.value as StatusFilter, page: 1 })}>
          <option value="all">{t('participants.status.all')}</option>
          <option value="active">{t('participants.status.active')}</option>
          <option value="exited">{t('participants.status.exited')}</option>
        </select>
      </div>
      {result === null && <p role="status">{t('app.loading')}</p>}
      {result === 'failed' && <p role="alert" className="error-message">{t('app.error')}</p>}
      {result && result !== 'failed' && result.items.length === 0 && <p role="status">{t('participants.none')}</p>}
      {result && result !== 'failed' && result.items.length > 0 && (
        <>
          <p role="status" tabIndex={-1} ref={count}>{t('participants.count', { from: result.offset + 1, to: result.offset + result.items.length, total: result.total })}</p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('participants.column.id')}</th>
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
                    <td>{t(p.status === 'exited' ? 'status.exited' : 'status.active')}</td>
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
