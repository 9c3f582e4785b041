// HTTP client for the Kvitka API (/api/v1, JSON, RFC 9457 problem+json errors).
//
// - Sends the session cookie (credentials: 'same-origin').
// - Remembers the csrf_token of the latest session payload (signup, login,
//   accept-invitation, GET/PATCH /me) and sends it as X-CSRF-Token on every write.
// - Sends Accept-Language with the interface language so the server localizes
//   problem titles and details.
// - Turns error responses into ApiError with the problem code and field errors.

export interface FieldError {
  field: string;
  code: string;
  message?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
}

/** Problem code used when the request never reached the server. */
export const NETWORK_ERROR = 'network-error';

export class ApiError extends Error {
  readonly status: number;
  /** Stable machine code: "validation-failed", "invalid-credentials", ... */
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly fieldErrors: FieldError[];
  readonly requestId?: string;
  /** Seconds, from the Retry-After header of a 429 answer. */
  readonly retryAfter?: number;
  /** The whole problem body, extension members included (e.g. a template's "issues"). */
  readonly problem: Problem & Record<string, unknown>;

  constructor(
    status: number,
    problem: Problem,
    extra: { requestId?: string; retryAfter?: number } = {},
  ) {
    const title = problem.title ?? `HTTP ${status}`;
    super(problem.detail ? `${title}: ${problem.detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? codeFromType(problem.type) ?? codeFromStatus(status);
    this.title = title;
    this.detail = problem.detail;
    this.fieldErrors = Array.isArray(problem.errors)
      ? problem.errors.filter(
          (e): e is FieldError =>
            !!e && typeof e.field === 'string' && typeof e.code === 'string',
        )
      : [];
    this.requestId = extra.requestId;
    this.retryAfter = extra.retryAfter;
    this.problem = problem as Problem & Record<string, unknown>;
  }

  /** Field errors keyed by field name (first error per field wins). */
  fieldErrorMap(): Record<string, FieldError> {
    const out: Record<string, FieldError> = {};
    for (const e of this.fieldErrors) {
      if (!(e.field in out)) out[e.field] = e;
    }
    return out;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function codeFromType(type: string | undefined): string | undefined {
  if (!type) return undefined;
  const m = /\/problems\/([a-z0-9-]+)$/.exec(type);
  return m?.[1];
}

function codeFromStatus(status: number): string {
  switch (status) {
    case 400:
      return 'bad-request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload-too-large';
    case 422:
      return 'validation-failed';
    case 429:
      return 'too-many-requests';
    default:
      return status >= 500 ? 'internal' : 'http-error';
  }
}

// ---------------------------------------------------------------------------
// Client state: CSRF token and language. Module-level on purpose: there is one
// API client per browser tab, and tests reset it with resetApiClient().

let csrfToken: string | null = null;
let languageOf: () => string | undefined = () => undefined;

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers where the client reads the current interface language from. */
export function setLanguageSource(source: () => string | undefined): void {
  languageOf = source;
}

export function resetApiClient(): void {
  csrfToken = null;
  languageOf = () => undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    ...options.headers,
  };
  const lang = languageOf();
  if (lang) headers['Accept-Language'] = lang;
  // A Blob (a File from an <input type=file>) goes as it is, typed by itself.
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  if (raw) headers['Content-Type'] = options.headers?.['Content-Type'] || (body as Blob).type || 'application/octet-stream';
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ? (body as Blob) : body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: NETWORK_ERROR, title: 'Network error' });
  }

  if (!response.ok) throw await problemFrom(response);
  if (response.status === 204 || response.status === 205) return undefined as T;

  const text = await response.text();
  if (!text) return undefined as T;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError(response.status, {
      code: 'invalid-response',
      title: 'Invalid response from server',
    });
  }
  rememberCsrfToken(data);
  return data as T;
}

/** Session payloads carry the CSRF token for later writes. */
function rememberCsrfToken(data: unknown): void {
  if (data && typeof data === 'object' && 'csrf_token' in data) {
    const token = (data as { csrf_token: unknown }).csrf_token;
    if (typeof token === 'string' && token) csrfToken = token;
  }
}

async function problemFrom(response: Response): Promise<ApiError> {
  const extra = {
    requestId: response.headers.get('X-Request-Id') ?? undefined,
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
  };
  let problem: Problem = {};
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const parsed: unknown = await response.json();
      if (parsed && typeof parsed === 'object') problem = parsed as Problem;
    } catch {
      // A broken error body still yields an error with the HTTP status.
    }
  }
  if (!problem.title && response.statusText) problem = { ...problem, title: response.statusText };
  return new ApiError(response.status, problem, extra);
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  return undefined;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) =>
    request<T>('DELETE', path, undefined, options),
};

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** Follows next_cursor until the list is complete (bounded by maxPages). */
export async function fetchAllPages<T>(
  path: string,
  options: RequestOptions & { limit?: number; maxPages?: number } = {},
): Promise<T[]> {
  const { limit = 200, maxPages = 50, ...rest } = options;
  const items: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const params = new URLSearchParams({ limit: String(limit) });
    if (cursor) params.set('cursor', cursor);
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await api.get<Page<T>>(`${path}${sep}${params}`, rest);
    items.push(...(page.items ?? []));
    cursor = page.next_cursor ?? null;
    if (!cursor) break;
  }
  return items;
}
