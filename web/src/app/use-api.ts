// Data loading for pages: GET a path, keep data / error / loading, reload on demand or when the path changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  setData: (d: T) => void;
}

// GETs started before their page rendered (preloadRoute): the page's first read takes the answer once
// (an answer not taken within a few seconds is dropped: it could be stale by the time a page asks)
const prefetched = new Map<string, { at: number; answer: Promise<unknown> }>();
const FRESH_MS = 10_000;

/** Start a GET now; the next useApi of the same path uses its answer instead of asking again. */
export function prefetch(path: string): void {
  const answer = api.get<unknown>(path);
  answer.catch(() => undefined); // the page's useApi reports the error
  prefetched.set(path, { at: Date.now(), answer });
}

function take<T>(path: string): Promise<T> {
  const p = prefetched.get(path);
  prefetched.delete(path);
  return p && Date.now() - p.at < FRESH_MS ? (p.answer as Promise<T>) : api.get<T>(path);
}

/** `path` null = do not load yet. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    if (path === null) return;
    const mine = ++seq.current;
    setLoading(true);
    take<T>(path).then(
      (d) => {
        if (mine !== seq.current) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
        setLoading(false);
      },
    );
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
