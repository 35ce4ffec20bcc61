import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatMessage, languageFrom, type Language, type MessageKey } from './messages';

const STORAGE_KEY = 'relapse-watch.language';

/** The language in use and how to change it. */
export interface I18n {
  readonly language: Language;
  readonly t: (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;
  readonly setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    return languageFrom(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'zh-CN'; // storage blocked (a locked-down browser): Chinese, not a crash
  }
}

/** Provides the language: Chinese unless this browser chose English before (kept in localStorage). */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [language, setState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    setState(next);
    document.documentElement.lang = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // the choice then lasts for this page only
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, values) => formatMessage(language, key, values) }),
    [language, setLanguage],
  );
  document.documentElement.lang = language;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The language in use (inside {@link I18nProvider}). */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
