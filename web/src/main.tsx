// Entry: loads the session, then renders the shell in Chinese (antd zh_CN) or English (en_US).
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { api, setCsrfToken } from './app/api';
import { App } from './app/App';
import { preloadRoute } from './app/routes';
import { LangContext, initialLang, type Lang } from './app/i18n';
import { useLocation } from './app/router';
import { adoptPreview, dropPreviewUnlessAt } from './pages/report/preview';
import { SessionContext } from './app/session';
import type { SessionInfo } from './model';
// antd's styles as one static file (zeroRuntime below): generating them at run time (CSS-in-JS) cost most of a
// page's first render
import 'antd/dist/antd.css';
import './styles.css';

// colours chosen for WCAG AA contrast (4.5:1) on white: antd's default link blue and placeholder grey fall short
const THEME = {
  zeroRuntime: true,
  token: {
    colorPrimary: '#b4232c', colorLink: '#0b57d0', colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)', colorTextTertiary: 'rgba(0, 0, 0, 0.6)', fontSize: 15,
    // antd's #ff4d4f on white is 3.3:1 (the 退回 button, the repetition rate over 50 %)
    colorError: '#cf1322',
  },
};

// started before React renders: the session, the page's chunk and its data load side by side
let firstSession: Promise<SessionInfo> | null = api.get<SessionInfo>('/session');
preloadRoute(location.pathname);
// the server's preview of a report page stays on screen until the report page replaces it
adoptPreview();

/** Leaving the page before the report page took over: the preview goes with it. */
function PreviewGuard() {
  const { path } = useLocation();
  useLayoutEffect(() => dropPreviewUnlessAt(path), [path]);
  return null;
}

function Root() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const refresh = useCallback(async () => {
    const asked = firstSession ?? api.get<SessionInfo>('/session');
    firstSession = null;
    const s = await asked.catch(() => ({ user: null, csrfToken: '' }) as SessionInfo);
    setCsrfToken(s.csrfToken);
    setInfo(s);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const setLang = (l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem('gongkai.lang', l);
    } catch {
      // private mode: the choice lasts this page only
    }
  };
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME}>
        <AntApp>
          <SessionContext.Provider value={{ info, refresh }}>
            <PreviewGuard />
            <App />
          </SessionContext.Provider>
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><Root /></StrictMode>);
