// The HTTP client: every call goes through here. Writes carry the CSRF token from GET /api/session; errors
// come back as ApiError with the server's readable message (the envelope `{ error: { code, message } }`),
// never as raw JSON.
import type { ApiErrorBody } from '../model';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Query string from a record, leaving out empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const FALLBACK: Record<number, string> = {
  400: '请求有误 (bad request)',
  401: '请先登录 (please sign in)',
  403: '无权进行此操作 (not allowed)',
  404: '未找到 (not found)',
  409: '当前状态不允许此操作 (conflict)',
  413: '文件太大 (too large)',
  429: '操作太频繁，请稍后再试 (too many requests)',
  500: '服务器内部错误，请稍后重试或联系管理员 (internal server error)',
};

async function toError(res: Response): Promise<ApiError> {
  let code = `http-${res.status}`;
  let message = FALLBACK[res.status] ?? `服务器错误 ${res.status} (server error)`;
  try {
    const body = (await res.json()) as Partial<ApiErrorBody>;
    if (body?.error?.message) {
      code = body.error.code ?? code;
      // an internal error's message says nothing to a user ("internal error"): keep the readable one for it
      if (code !== 'internal') message = body.error.message;
    }
  } catch {
    // not JSON: keep the readable fallback
  }
  return new ApiError(res.status, code, message);
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器 (cannot reach the server)');
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** Upload with progress (fetch has no upload progress): XMLHttpRequest, same envelope and CSRF header. */
export function upload<T>(path: string, form: FormData, onProgress: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', '无法连接服务器 (cannot reach the server)'));
    xhr.onload = async () => {
      const res = new Response(xhr.responseText, { status: xhr.status,
        headers: { 'content-type': 'application/json' } });
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
      else reject(await toError(res));
    };
    xhr.send(form);
  });
}

/** A link to download a server file (exports and renderings). */
export function fileUrl(path: string): string {
  return `/api${path}`;
}
