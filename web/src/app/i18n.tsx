// Chinese first, English on a switch: `t('中文', 'English')` at each use, so a page reads in both languages
// without a key catalogue. The choice is remembered in localStorage.
import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';
export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => {} });

export function initialLang(): Lang {
  try {
    return localStorage.getItem('gongkai.lang') === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function useLang(): Lang {
  return useContext(LangContext).lang;
}

/** The translator of the current language. */
export function useT(): (zh: string, en: string) => string {
  const lang = useLang();
  return (zh, en) => (lang === 'en' ? en : zh);
}
