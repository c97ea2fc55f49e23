import { currentLocale } from '../i18n/locale-store.ts';
import { translate } from '../i18n/translate.ts';

// The one way the console talks to the server. Errors arrive as
// {error:{code,message,details?,allowed?}} with the message already in the
// user's language; they are reported in one place (see setApiHandlers).

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly allowed?: string[],
  ) {
    super(message);
  }
}

interface Handlers {
  /** Shows the message to the user. */
  onError: (err: ApiError) => void;
  /** The session is gone: go to the login page. */
  onUnauthorized: (err: ApiError) => void;
}

let handlers: Handlers = { onError: () => {}, onUnauthorized: () => {} };

export function setApiHandlers(h: Handlers): void {
  handlers = h;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** true: the caller reports every error itself; a function: decides per error. */
  silent?: boolean | ((err: ApiError) => boolean);
}

const BASE = '/api/v1';

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function toApiError(res: Response): Promise<ApiError> {
  const body = await res.json().catch(() => null);
  const e = body?.error;
  if (e && typeof e.message === 'string') {
    return new ApiError(res.status, String(e.code ?? 'ERROR'), e.message, e.details, e.allowed);
  }
  return new ApiError(res.status, 'HTTP_ERROR', translate(currentLocale(), 'error.http', { status: res.status }));
}

async function request<T>(method: string, path: string, opts: RequestOptions & { file?: File } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLocale(),
        // a file goes up as its raw bytes with its own type (the server checks type and size)
        ...(opts.file ? { 'Content-Type': opts.file.type || 'application/octet-stream' } : opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: opts.file ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
    });
  } catch {
    const err = new ApiError(0, 'NETWORK', translate(currentLocale(), 'error.network'));
    report(err, opts);
    throw err;
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const err = await toApiError(res);
  report(err, opts);
  throw err;
}

function report(err: ApiError, opts: RequestOptions) {
  const silent = typeof opts.silent === 'function' ? opts.silent(err) : opts.silent;
  if (silent) return;
  if (err.status === 401) handlers.onUnauthorized(err);
  else handlers.onError(err);
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'query' | 'body'>) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...opts, body }),
  del: <T = void>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, opts),
  /** POSTs a file as raw bytes (?name= carries its name) */
  upload: <T>(path: string, file: File, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, query: { ...opts?.query, name: file.name }, file }),
};

/** List endpoints answer {items}; tolerate a bare array too. */
export function itemsOf<T>(res: { items: T[] } | T[] | null | undefined): T[] {
  if (!res) return [];
  return Array.isArray(res) ? res : res.items ?? [];
}
