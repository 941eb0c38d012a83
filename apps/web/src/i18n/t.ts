import { useIntl } from 'react-intl';
import { MessageId } from './messages.en';

/** `t('signIn.title')`: every text in the app goes through the catalogue, and only known keys compile. */
export function useT() {
  const intl = useIntl();
  return (id: MessageId, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
}
