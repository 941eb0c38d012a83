import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './messages.en';
import { sv } from './messages.sv';

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

/** The names of a message's arguments ({name}, {n, plural, …}), from the ICU parser, not a regex. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      // 0 is literal text and 7 the plural's #; every other type names an argument.
      if (element.type !== 0 && element.type !== 7 && element.value) names.add(element.value);
      Object.values(element.options ?? {}).forEach((option) => walk(option.value));
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as Element[]);
  return [...names].sort();
}

const SAMPLE = { minutes: 2, largest: 4, from: 1, to: 2, total: 3, id: 'p-0001', reason: 'r', date: 'd', start: 's', end: 'e', name: 'Anna', project: 'P', count: 2, today: 't', since: 's', due: 'd', closes: 'c', daysLeft: 3, daysOverdue: 4, days: 28, intervention: 'i', role: 'caseworker', months: 6, what: 'w', chosen: 2, shown: 3, n: 1, kind: 'k', recorded: 1, already: 0, refused: 1, code: 'C', fields: 'Gender', header: 'H', firstRow: 2, otherRow: 3, columns: 'Kön, Namn', allowed: 'a, b', when: 'w', zone: 'Europe/Stockholm', period: 'p', month: 'January 2024', after: 'December 2023', added: 1, removed: 2, head: 9, state: 's', position: 5, at: 'a', processed: 1, percent: 50, size: '12', rows: 4, figure: 'EECO01', a: 'A', b: 'B', occurredOn: 'o', recordedAt: 'r', recordedBy: 'u', part: 'Women', threshold: 5, now: 'n', roleClaim: 'role', projectsClaim: 'projects', milestones: 2 };

describe('the message catalogues', () => {
  it('have the same keys in Swedish and English', () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])('%s has a text in both languages, with the same arguments, that formats', (key) => {
    expect(sv[key].trim()).not.toBe('');
    expect(en[key].trim()).not.toBe('');
    expect(argumentsOf(sv[key], 'sv')).toEqual(argumentsOf(en[key], 'en'));
    expect(new IntlMessageFormat(sv[key], 'sv').format(SAMPLE)).not.toBe('');
    expect(new IntlMessageFormat(en[key], 'en').format(SAMPLE)).not.toBe('');
  });
});
