// The shell: header (the region tree and the year, on the pages they filter; language; sign-in), the role's menu,
// and the current page loaded lazily. Every page is reachable by keyboard: the menu is a list of links, and a skip
// link jumps to the page.
import { Button, InputNumber, Layout, Space } from 'antd';
import { Suspense, lazy, useEffect, useState } from 'react';
import { api } from './api';
import { useLang, useT, LangContext } from './i18n';
import { Link, navigate, setParams, useLocation } from './router';
import { ROUTES, homeOf, routeOf } from './routes';
import { useFilterQuery, useFilters, useSession } from './session';
import { ErrorBox, Loading } from '../components/common';
import { useContext } from 'react';

// the region tree (antd TreeSelect: Tree, Select, virtual list) is the heaviest part of the header: it loads
// after the page, when the browser is first idle (its code and GET /api/regions would otherwise compete with the
// page's own for the CPU), in a box of its own width so nothing moves when it arrives
const RegionTree = lazy(() => import('../components/RegionTree').then((m) => ({ default: m.RegionTree })));

function LaterRegionTree() {
  const [now, setNow] = useState(false);
  useEffect(() => {
    const go = () => setNow(true);
    // Safari has no requestIdleCallback; the timeout bounds the wait on a page that is never idle
    if (typeof requestIdleCallback !== 'function') {
      const id = setTimeout(go, 300);
      return () => clearTimeout(id);
    }
    const id = requestIdleCallback(go, { timeout: 1500 });
    return () => cancelIdleCallback(id);
  }, []);
  const slot = <span className="region-slot" />;
  return now ? <Suspense fallback={slot}><RegionTree /></Suspense> : slot;
}

function Nav() {
  const t = useT();
  const { info } = useSession();
  const { path } = useLocation();
  const q = useFilterQuery();
  const role = info?.user?.role ?? 'public';
  const items = ROUTES.filter((r) => r.menu.includes(role));
  return (
    <nav aria-label={t('主菜单', 'Main menu')}>
      <ul className="nav">
        {items.map((r) => (
          <li key={r.path}>
            <Link to={r.path + (q ? `?${q}` : '')} aria-current={path === r.path ? 'page' : undefined}
              className={path === r.path ? 'active' : undefined}>{t(r.zh, r.en)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function UserBox() {
  const t = useT();
  const { info, refresh } = useSession();
  const user = info?.user;
  const logout = async () => {
    await api.del('/session').catch(() => undefined);
    await refresh();
    navigate('/public');
  };
  if (!user) return <Link to="/login">{t('登录', 'Sign in')}</Link>;
  return (
    <Space>
      <span data-testid="user">{user.displayName || user.username}</span>
      <Button size="small" onClick={logout}>{t('退出', 'Sign out')}</Button>
    </Space>
  );
}

function LangSwitch() {
  const { lang, setLang } = useContext(LangContext);
  return (
    <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} lang={lang === 'zh' ? 'en' : 'zh'}>
      {lang === 'zh' ? 'English' : '中文'}
    </Button>
  );
}

function YearPicker() {
  const t = useT();
  const { year } = useFilters();
  return (
    <label className="year-picker">
      <span>{t('年度', 'Year')}</span>
      <InputNumber aria-label={t('年度', 'Year')} min={2008} max={2100} value={year} style={{ width: 90 }}
        onChange={(v) => v && setParams({ year: v })} />
    </label>
  );
}

export function App() {
  const t = useT();
  const lang = useLang();
  const { path } = useLocation();
  const { info } = useSession();
  const route = routeOf(path);
  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  }, [lang]);
  useEffect(() => {
    if (info && (path === '/' || path === '')) navigate(homeOf(info.user?.role ?? null) + location.search, true);
  }, [info, path]);
  useEffect(() => {
    if (route) document.title = `${t(route.zh, route.en)} · ${t('政府信息公开年报', 'Disclosure reports')}`;
  }, [route, t]);
  const Page = route?.page;
  return (
    <Layout className="shell">
      <a className="skip" href="#main">{t('跳到正文', 'Skip to content')}</a>
      <Layout.Header className="header">
        <strong className="brand">{t('政府信息公开工作年度报告', 'Disclosure annual reports')}</strong>
        {/* as tall with or without the filters (32 px controls), so the page does not move between pages */}
        <div className="filters" style={{ minHeight: 32 }}>
          {route?.filters.includes('region') && <LaterRegionTree />}
          {route?.filters.includes('year') && <YearPicker />}
          <LangSwitch />
          <UserBox />
        </div>
      </Layout.Header>
      <div className="body">
        <aside className="side"><Nav /></aside>
        <main id="main" className="main" tabIndex={-1}>
          {info === null ? <Loading /> : Page ? (
            <Suspense fallback={<Loading />}><Page /></Suspense>
          ) : path === '/' ? <Loading /> : (
            <ErrorBox error={{ status: 404, code: 'not-found', message: t('没有这个页面。', 'No such page.'),
              name: '' } as never} />
          )}
        </main>
      </div>
    </Layout>
  );
}
