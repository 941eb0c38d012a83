import { MessageId } from '../i18n/messages.en';

/** The words for one figure of the report: the indicator's or rate's name, its group and measure ("… – women", "… – data missing"). */
export function figureLabel(t: (id: MessageId, values?: Record<string, string | number>) => string, f: { code: string; kind: 'indicator' | 'rate'; group: string; measure: string }): string {
  const name = t(`${f.kind}.${f.code}` as MessageId);
  const group = t(`report.column.${f.group}` as MessageId);
  if (f.measure === 'dataMissing') return t('figure.label', { name, part: t('report.column.dataMissing') });
  if (f.measure === 'count') return t('figure.label', { name, part: group });
  return t('figure.label', { name, part: `${group}, ${t(`report.column.${f.measure}` as MessageId).toLowerCase()}` });
}
