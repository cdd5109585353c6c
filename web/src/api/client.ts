import { ElMessage } from 'element-plus';

export type FieldError = { path: string; message: string };

export type ApiErrorBody = { code: string; message: string; fields?: FieldError[]; [detail: string]: unknown };

/** A failed API call: the server's stable code, its Chinese message and field paths (without the `body.` prefix). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** What else the server said beyond code, message and fields (e.g. the `problems` of a report that cannot go on). */
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = Object.fromEntries(Object.entries(body).filter(([key]) => !['code', 'message', 'fields'].includes(key)));
    this.fields = (body.fields ?? []).map((f) => ({ path: f.path.replace(/^(body|querystring|params)\.?/, ''), message: f.message }));
  }
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** A list repeats the parameter (facet=a&facet=b). */
export type QueryValue = string | number | boolean | null | undefined | string[];

export type RequestOptions = {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Do not show the error message as a toast: the caller shows it itself (login form, field errors). */
  isSilent?: boolean;
};

type ClientHooks = {
  csrfToken: () => string | null;
  onUnauthenticated: () => void;
  onPasswordChangeRequired: () => void;
};

let hooks: ClientHooks = {
  csrfToken: () => null,
  onUnauthenticated: () => undefined,
  onPasswordChangeRequired: () => undefined,
};

/** Wired once in main.ts, so the client needs neither the router nor the store (no import cycle). */
export function configureClient(next: ClientHooks): void {
  hooks = next;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Sends the request with the CSRF token on writes; a network failure becomes an ApiError (toast unless silent). */
async function send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const csrf = hooks.csrfToken();
  if (UNSAFE.has(method) && csrf) headers['X-CSRF-Token'] = csrf;
  try {
    return await fetch(`/api${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    const error = new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
    if (!options.isSilent) ElMessage.error(error.message);
    throw error;
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json');
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : null;
  if (response.ok) return data as T;
  throw failure(response.status, data, path, options);
}

/**
 * A request whose answer is a file (a generated Word document): saves the bytes under the name the
 * server gives and returns that name. A failure answers JSON and is handled like any other request's.
 */
export async function download(method: string, path: string, options: RequestOptions & { fallbackName?: string } = {}): Promise<string> {
  const response = await send(method, path, options, 'application/octet-stream, application/json');
  if (!response.ok) {
    const text = await response.text();
    throw failure(response.status, text ? safeJson(text) : null, path, options);
  }
  const name = fileNameOf(response.headers.get('content-disposition'), options.fallbackName ?? 'download');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Runs the session hooks and the toast for a failed answer; returns the error for the caller to throw. */
function failure(status: number, data: unknown, path: string, options: RequestOptions): ApiError {
  const error = new ApiError(status, toErrorBody(data, status));
  const isAuthFailure = status === 401 && error.code !== 'INVALID_CREDENTIALS';
  if (isAuthFailure) hooks.onUnauthenticated();
  if (status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') hooks.onPasswordChangeRequired();
  if (!options.isSilent && !(isAuthFailure && path === '/auth/me')) ElMessage.error(error.message);
  return error;
}

/** The file name of a download from Content-Disposition (RFC 6266: filename* wins over filename). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed encoding keeps the plain name below
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toErrorBody(data: unknown, status: number): ApiErrorBody {
  if (data && typeof data === 'object' && 'code' in data && 'message' in data) return data as ApiErrorBody;
  return { code: 'HTTP_' + status, message: `请求失败（${status}）` };
}

export const http = {
  get: <T>(path: string, query?: Record<string, QueryValue>, options: Omit<RequestOptions, 'query'> = {}) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PUT', path, { ...options, body: body ?? {} }),
  del: <T>(path: string, options: RequestOptions = {}) => request<T>('DELETE', path, options),
};
