// Who is signed in (GET /api/session) and the global filters every page shares: the region of the region
// tree and the report year. Both filters live in the URL (?region=&year=) so a page can be linked to.
import { createContext, useContext } from 'react';
import type { Role, SessionInfo, User } from '../model';
import { useLocation } from './router';

export interface SessionState {
  info: SessionInfo | null;
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionState>({ info: null, refresh: async () => {} });

export function useUser(): User | null {
  return useContext(SessionContext).info?.user ?? null;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}

export function hasRole(user: User | null, ...roles: Role[]): boolean {
  return !!user && roles.includes(user.role);
}

/** Reports on year Y are filed early in Y+1: the default year is last year. */
export const DEFAULT_YEAR = new Date().getFullYear() - 1;

/** The shared filters: region (GB/T 2260 code or '') and year. */
export function useFilters(): { region: string; year: number } {
  const { params } = useLocation();
  const y = Number(params.get('year'));
  return { region: params.get('region') ?? '', year: Number.isInteger(y) && y > 2000 ? y : DEFAULT_YEAR };
}

/** The filter part of a link, to keep region and year across pages. */
export function useFilterQuery(): string {
  const { params } = useLocation();
  const p = new URLSearchParams();
  for (const k of ['region', 'year']) {
    const v = params.get(k);
    if (v) p.set(k, v);
  }
  return p.toString();
}
