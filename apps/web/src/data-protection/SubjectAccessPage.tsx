import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import { PageHeading } from '../app/page-heading';
import { Link } from '../app/router';
import { useLocale } from '../i18n/locale';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { ErasureSection } from './ErasureSection';

type Cell = string | number | boolean | null;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** One section of the document (`GET /participants/{id}/subject-access`): a titled, explained table. */
interface Section {
  id: string;
  title: string;
  explanation: string;
  columns: Array<{ key: string; label: string }>;
  rows: Array<Record<string, Cell>>;
}

/** The subject-access document (schema `pathway.subject-access.v1`), as JSON. */
interface SubjectAccessDocument {
  language: 'sv' | 'en';
  title: string;
  participantId: string;
  generatedAt: string;
  sections: Section[];
}

/**
 * Where the document is downloaded from: the API's own URL, opened by the browser itself, so the
 * session cookie goes along (a GET needs no X-Requested-With: the API's CSRF check is for unsafe
 * methods only). `format` picks JSON or XLSX, `lang` the language of titles and explanations.
 */
export const subjectAccessUrl = (participantId: string, format: 'json' | 'xlsx', lang: 'sv' | 'en') =>
  `/api/v1/participants/${encodeURIComponent(participantId)}/subject-access?format=${format}&lang=${lang}`;

/**
 * Subject access (GDPR Articles 15 and 20), for admins: everything Pathway holds about a
 * participant, in plain language, in the user's language, as the API builds it: the entry
 * profile, personal data, everything recorded with who and when, retractions, corrections, who
 * read the personal data, the Kafka notices and the erasure. Downloads as JSON and XLSX. The API
 * audits each read (`subject-access.read`), this page's included, and the page says so. Below
 * the document: the erasure of the personal data (ErasureSection), or when it was erased.
 */
export function SubjectAccessPage({ participantId }: { participantId: string }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const { expired } = useSession();
  const [document, setDocument] = useState<SubjectAccessDocument | 'forbidden' | 'notFound' | 'failed' | null>(null);
  // Read again after an erasure, keeping the page as it is meanwhile (the erasure's notice stays in view).
  const [readAgain, setReadAgain] = useState(0);

  useEffect(() => {
    if (readAgain === 0) setDocument(null);
    void api
      .GET('/api/v1/participants/{participantId}/subject-access', { params: { path: { participantId }, query: { format: 'json', lang: locale } } })
      .then(({ data, response }) => {
        if (response.status === 401) return expired();
        if (response.ok && data) return setDocument(data as unknown as SubjectAccessDocument);
        setDocument(response.status === 403 ? 'forbidden' : response.status === 404 ? 'notFound' : 'failed');
      })
      .catch(() => setDocument('failed'));
  }, [participantId, locale, expired, readAgain]);

  const cell = (value: Cell) => {
    if (value === null || value === '') return <span className="muted">–</span>;
    if (typeof value === 'boolean') return value ? t('subjectAccess.yes') : t('subjectAccess.no');
    if (typeof value === 'number') return intl.formatNumber(value);
    // Instants (ISO 8601, UTC) as the reader's date and time; the downloads keep them as they are.
    if (INSTANT.test(value)) return <time dateTime={value}>{intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'medium' })}</time>;
    return value;
  };
  const title = t('subjectAccess.title', { id: participantId });

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link to={`/participants/${encodeURIComponent(participantId)}`}>{t('subjectAccess.back')}</Link>
      </p>
      {document === null && <p role="status">{t('app.loading')}</p>}
      {document === 'forbidden' && <p role="alert">{t('admin.forbidden')}</p>}
      {document === 'notFound' && <p role="alert">{t('pathway.notFound')}</p>}
      {document === 'failed' && (
        <p role="alert" className="error-message">
          {t('app.error')}
        </p>
      )}
      {typeof document === 'object' && document && (
        <>
          <p>{t('subjectAccess.intro')}</p>
          <p className="notice">{t('subjectAccess.audited')}</p>
          <p className="muted">{t('subjectAccess.generatedAt', { date: intl.formatDate(document.generatedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
          <h2 id="subject-access-downloads">{t('subjectAccess.download.title')}</h2>
          <p>{t('subjectAccess.download.intro')}</p>
          <ul className="actions plain-list" aria-labelledby="subject-access-downloads">
            <li>
              <a className="button" href={subjectAccessUrl(participantId, 'xlsx', locale)} download={`subject-access-${participantId}.xlsx`}>
                {t('subjectAccess.download.xlsx')}
              </a>
            </li>
            <li>
              <a className="button" href={subjectAccessUrl(participantId, 'json', locale)} download={`subject-access-${participantId}.json`}>
                {t('subjectAccess.download.json')}
              </a>
            </li>
          </ul>
          {document.sections.map((section) => (
            <section key={section.id} className="subject-access-section">
              <h2 id={`sa-${section.id}`}>{section.title}</h2>
              <p>{section.explanation}</p>
              {section.rows.length === 0 ? (
                <p className="muted">{t('subjectAccess.nothing')}</p>
              ) : (
                // A wide table scrolls inside itself (WCAG 1.4.10); focusable so a keyboard can scroll it.
                <div className="table-scroll" role="region" aria-labelledby={`sa-${section.id}`} tabIndex={0}>
                  <table className="wrapping">
                    <thead>
                      <tr>
                        {section.columns.map((column) => (
                          <th key={column.key} scope="col">
                            {column.label}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {section.rows.map((row, index) => (
                        <tr key={index}>
                          {section.columns.map((column) => (
                            <td key={column.key}>{cell(row[column.key] ?? null)}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          ))}
          <ErasureSection participantId={participantId} onErased={() => setReadAgain((n) => n + 1)} />
        </>
      )}
    </>
  );
}
