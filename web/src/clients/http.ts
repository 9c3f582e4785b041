// Requests of the clients module. Like app/api.ts (cookie, CSRF token on
// writes, Accept-Language, problem+json -> ApiError), plus what the clients
// API needs on top: raw file bodies (uploads, import), file downloads, and
// the whole problem body (409 phone-taken carries `existing_client`).
import { ApiError, getCsrfToken, NETWORK_ERROR, type Problem } from '../app/api';
import i18n from '../i18n';

/** An ApiError that keeps every member of the problem body. */
export class ClientsApiError extends ApiError {
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>, requestId?: string) {
    super(status, body as Problem, { requestId });
    this.body = body;
  }
}

export interface ExistingClient {
  id: number;
  display_name: string;
}

/** The client that already has the phone, from a 409 phone-taken problem. */
export function existingClientOf(error: unknown): ExistingClient | null {
  if (!(error instanceof ClientsApiError) || error.code !== 'phone-taken') return null;
  const ec = error.body.existing_client;
  if (ec && typeof ec === 'object' && typeof (ec as ExistingClient).id === 'number') {
    const { id, display_name } = ec as ExistingClient;
    return { id, display_name: typeof display_name === 'string' ? display_name : `#${id}` };
  }
  return null;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface SendOptions {
  /** JSON body (serialized here). */
  json?: unknown;
  /** Raw body (a File or Blob) sent with `contentType`. */
  raw?: Blob;
  contentType?: string;
  signal?: AbortSignal;
}

function headersFor(method: Method, options: SendOptions): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const lang = i18n.resolvedLanguage ?? i18n.language;
  if (lang) headers['Accept-Language'] = lang;
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  else if (options.raw) headers['Content-Type'] = options.contentType || options.raw.type || 'application/octet-stream';
  const token = getCsrfToken();
  if (method !== 'GET' && token) headers['X-CSRF-Token'] = token;
  return headers;
}

async function fetchOrThrow(method: Method, path: string, options: SendOptions): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: headersFor(method, options),
      credentials: 'same-origin',
      body: options.json !== undefined ? JSON.stringify(options.json) : options.raw,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: NETWORK_ERROR, title: 'Network error' });
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function problemOf(response: Response): Promise<ClientsApiError> {
  let body: Record<string, unknown> = {};
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      const parsed: unknown = await response.json();
      if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
    } catch {
      // A broken error body still yields an error with the HTTP status.
    }
  }
  if (!body.title && response.statusText) body = { ...body, title: response.statusText };
  return new ClientsApiError(response.status, body, response.headers.get('X-Request-Id') ?? undefined);
}

export async function send<T>(method: Method, path: string, options: SendOptions = {}): Promise<T> {
  const response = await fetchOrThrow(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, { code: 'invalid-response', title: 'Invalid response from server' });
  }
}

/** Name of a download from Content-Disposition (RFC 6266, filename* first). */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = plain ? (plain[2] ?? plain[1]).trim() : '';
  return name || fallback;
}

/** GETs a file and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string): Promise<string> {
  const response = await fetchOrThrow('GET', path, {});
  const blob = await response.blob();
  const name = filenameFromDisposition(response.headers.get('Content-Disposition'), fallbackName);
  saveBlob(blob, name);
  return name;
}

/** Offers a blob as a file download. */
export function saveBlob(blob: Blob, name: string): void {
  if (typeof URL.createObjectURL !== 'function') return; // jsdom
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
