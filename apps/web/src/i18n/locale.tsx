import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { I18nProvider } from 'react-aria-components';
import { en } from './messages.en';
import { sv } from './messages.sv';

export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const CATALOGUES: Record<Locale, Record<string, string>> = { sv, en };
const STORAGE_KEY = 'pathway.locale';

/** The user's earlier choice, else the browser's first Swedish or English preference, else Swedish. */
function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'sv' || stored === 'en') return stored;
  const preferred = navigator.languages.map((tag) => tag.slice(0, 2)).find((tag): tag is Locale => tag === 'sv' || tag === 'en');
  return preferred ?? 'sv';
}

const LocaleContext = createContext<{ locale: Locale; setLocale: (locale: Locale) => void }>({ locale: 'sv', setLocale: () => undefined });

/** react-intl and react-aria in the chosen language; the choice is kept in localStorage and `<html lang>` follows it. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      {/* en-GB: day-month dates and a 24-hour clock, as European caseworkers write them. */}
      <IntlProvider locale={locale === 'sv' ? 'sv-SE' : 'en-GB'} messages={CATALOGUES[locale]} defaultLocale="sv-SE">
        <I18nProvider locale={locale === 'sv' ? 'sv-SE' : 'en-GB'}>{children}</I18nProvider>
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export const useLocale = () => useContext(LocaleContext);
