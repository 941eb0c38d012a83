import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './messages.en';
import { sv } from './messages.sv';

const placeholders = (message: string): string[] => [...message.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe('the message catalogues', () => {
  it('have the same keys in Swedish and English', () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])('%s has a text in both languages, with the same placeholders, that formats', (key) => {
    expect(sv[key].trim()).not.toBe('');
    expect(en[key].trim()).not.toBe('');
    expect(placeholders(sv[key])).toEqual(placeholders(en[key]));
    expect(() => new IntlMessageFormat(sv[key], 'sv').format({ minutes: 2, from: 1, to: 2, total: 3, id: 'p', reason: 'r', date: 'd', start: 's', end: 'e' })).not.toThrow();
  });
});
