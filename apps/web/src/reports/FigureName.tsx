import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';

/**
 * An indicator's or rate's name in the reader's language, as the report shows it: an ESF
 * indicator with its code before it (`EECO01 Total number of participants`, the code is what
 * funders quote), a rate by its name only (its code, `COMPLETION_RATE`, is the API's, not a word).
 * Indicator codes start `EEC` (ESF+ common indicators); any other code is a rate.
 */
export function FigureName({ code }: { code: string }) {
  const t = useT();
  if (!code.startsWith('EEC')) return <>{t(`rate.${code}` as MessageId)}</>;
  return (
    <>
      <span className="code">{code}</span> {t(`indicator.${code}` as MessageId)}
    </>
  );
}
