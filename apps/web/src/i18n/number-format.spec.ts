import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './messages.en';
import { sv } from './messages.sv';

/** The locales the app formats in (i18n/locale.tsx). */
const SV = 'sv-SE';
const EN = 'en-GB';

describe('numbers in messages follow the locale', () => {
  // A plain {total} is written with String(): "5000" in both languages, against Swedish usage.
  it('the participants count groups thousands as each language writes them', () => {
    const values = { from: 4_976, to: 5_000, total: 12_345 };
    expect(new IntlMessageFormat(sv['participants.count'], SV).format(values)).toBe('Visar 4\u00a0976–5\u00a0000 av 12\u00a0345');
    expect(new IntlMessageFormat(en['participants.count'], EN).format(values)).toBe('Showing 4,976–5,000 of 12,345');
  });
});
