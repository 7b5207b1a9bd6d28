// The pages, each its own lazily loaded chunk, and who sees which in the menu.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../model';

export interface RouteDef {
  path: string;
  zh: string;
  en: string;
  /** roles that see it in the menu ('public' = signed out) */
  menu: (Role | 'public')[];
  page: LazyExoticComponent<ComponentType>;
}

export const ROUTES: RouteDef[] = [
  { path: '/dashboard', zh: '工作台', en: 'Dashboard', menu: ['supervisor', 'admin'], page: lazy(() => import('../pages/dashboard')) },
  { path: '/tasks', zh: '我的待办', en: 'My tasks', menu: ['editor', 'supervisor', 'admin'], page: lazy(() => import('../pages/tasks')) },
  { path: '/reports', zh: '报告列表', en: 'Reports', menu: ['editor', 'supervisor', 'admin'], page: lazy(() => import('../pages/reports')) },
  { path: '/author', zh: '填报', en: 'Author', menu: ['editor'], page: lazy(() => import('../pages/author')) },
  { path: '/upload', zh: '上传', en: 'Upload', menu: ['editor', 'supervisor', 'admin'], page: lazy(() => import('../pages/upload')) },
  { path: '/filing', zh: '报送情况', en: 'Filing status', menu: ['supervisor', 'admin'], page: lazy(() => import('../pages/filing')) },
  { path: '/ranking', zh: '通报排名', en: 'Ranking', menu: ['supervisor', 'admin'], page: lazy(() => import('../pages/ranking')) },
  { path: '/rollup', zh: '汇总', en: 'Roll-up', menu: ['supervisor', 'admin', 'public'], page: lazy(() => import('../pages/rollup')) },
  { path: '/compare', zh: '对比', en: 'Compare', menu: ['editor', 'supervisor', 'admin', 'public'], page: lazy(() => import('../pages/compare')) },
  { path: '/public', zh: '公开报告', en: 'Published', menu: ['public', 'editor', 'supervisor', 'admin'], page: lazy(() => import('../pages/public')) },
  { path: '/admin', zh: '管理', en: 'Admin', menu: ['admin'], page: lazy(() => import('../pages/admin')) },
  { path: '/login', zh: '登录', en: 'Sign in', menu: [], page: lazy(() => import('../pages/login')) },
  { path: '/report', zh: '报告详情', en: 'Report', menu: [], page: lazy(() => import('../pages/report')) },
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
