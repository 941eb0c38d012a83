import { useT } from '../i18n/t';

/**
 * "How to check a file's SHA-256", the same words on every page that shows a digest (funder,
 * evaluator, admin): what the fingerprint is and the commands that print it, in the lower-case
 * hex the pages show (`sha256sum`'s form, not the `Digest` header's base64).
 * `fileName` is the downloaded file's name when the page has it; otherwise the commands name
 * a stand-in the reader replaces with their file.
 */
export function DigestCheck({ fileName }: { fileName?: string }) {
  const t = useT();
  const file = fileName ?? t('digest.yourFile');
  return (
    <details className="how-to-check">
      <summary>{t('funding.checkHow')}</summary>
      <p>{t('funding.checkWhy')}</p>
      <p>{t('funding.checkLinux')}</p>
      <pre>{`sha256sum ${file}`}</pre>
      <p>{t('funding.checkWindows')}</p>
      <pre>{`Get-FileHash -Algorithm SHA256 ${file}`}</pre>
      <p>{t('funding.checkSame')}</p>
    </details>
  );
}
