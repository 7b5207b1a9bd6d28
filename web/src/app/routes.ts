// The pages, each its own lazily loaded chunk, and who sees which in the menu.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../model';
import { prefetch } from './use-api';

export interface RouteDef {
  path: string;
  zh: string;
  en: string;
  /** roles that see it in the menu ('public' = signed out) */
  menu: (Role | 'public')[];
  /** the page's chunk; called early by preloadRoute, and by React.lazy on first render (one download) */
  load: () => Promise<{ default: ComponentType }>;
  page: LazyExoticComponent<ComponentType>;
  /**
   * the API path the page reads first, fetched by preloadRoute together with the chunk and the session; the
   * server's index.html preloads the same URL (src/server/web-app.ts `firstReads`: keep the two in step)
   */
  data?: (path: string) => string;
  /**
   * the header's shared filters the page reads (session.tsx useFilters): only these are shown above it. A filter
   * shown where it does nothing reads as if it did — the list year 2025 above a 2023 report's page.
   */
  filters: Filter[];
}

export type Filter = 'region' | 'year';
const BOTH: Filter[] = ['region', 'year'];

type Def = Omit<RouteDef, 'page'>;
const route = (d: Def): RouteDef => ({ ...d, page: lazy(d.load) });
const staff: Role[] = ['supervisor', 'admin'];

export const ROUTES: RouteDef[] = [
  route({ path: '/dashboard', zh: '工作台', en: 'Dashboard', menu: staff, filters: BOTH,
    load: () => import('../pages/dashboard') }),
  route({ path: '/tasks', zh: '我的待办', en: 'My tasks', menu: ['editor', ...staff], filters: [],
    load: () => import('../pages/tasks') }),
  route({ path: '/reports', zh: '报告列表', en: 'Reports', menu: ['editor', ...staff], filters: BOTH,
    load: () => import('../pages/reports') }),
  route({ path: '/author', zh: '填报', en: 'Author', menu: ['editor'], filters: [],
    load: () => import('../pages/author') }),
  route({ path: '/upload', zh: '上传', en: 'Upload', menu: ['editor', ...staff], filters: BOTH,
    load: () => import('../pages/upload') }),
  route({ path: '/filing', zh: '报送情况', en: 'Filing status', menu: staff, filters: BOTH,
    load: () => import('../pages/filing') }),
  route({ path: '/ranking', zh: '通报排名', en: 'Ranking', menu: staff, filters: BOTH,
    load: () => import('../pages/ranking') }),
  route({ path: '/rollup', zh: '汇总', en: 'Roll-up', menu: [...staff, 'public'], filters: BOTH,
    load: () => import('../pages/rollup') }),
  route({ path: '/compare', zh: '对比', en: 'Compare', menu: ['editor', ...staff, 'public'], filters: [],
    load: () => import('../pages/compare') }),
  route({ path: '/public', zh: '公开报告', en: 'Published', menu: ['public', 'editor', ...staff], filters: BOTH,
    load: () => import('../pages/public') }),
  route({ path: '/admin', zh: '管理', en: 'Admin', menu: ['admin'], filters: ['region'],
    load: () => import('../pages/admin') }),
  route({ path: '/login', zh: '登录', en: 'Sign in', menu: [], filters: [], load: () => import('../pages/login') }),
  // the report's own year and body are in its title: the list filters above it would only contradict them
  route({ path: '/report', zh: '报告详情', en: 'Report', menu: [], filters: [], load: () => import('../pages/report'),
    data: (path) => `/reports/${Number(path.split('/')[2])}` }),
];

/** /reports/12 → the report page; otherwise the route whose path matches. */
export function routeOf(path: string): RouteDef | undefined {
  if (/^\/reports\/\d+/.test(path)) return ROUTES.find((r) => r.path === '/report');
  return ROUTES.find((r) => r.path === path);
}

/** The home page of a role. */
export function homeOf(role: Role | null): string {
  if (role === 'editor') return '/tasks';
  if (role === 'supervisor' || role === 'admin') return '/dashboard';
  return '/public';
}

/**
 * On the first page load: start the page's chunk and its first API read now, in parallel with the session,
 * rather than one after the other (entry → session → chunk → data).
 */
export function preloadRoute(path: string): void {
  const r = routeOf(path);
  if (!r) return;
  void r.load().catch(() => undefined); // a failed chunk shows its error when React.lazy loads it again
  if (r.data) prefetch(r.data(path));
}
