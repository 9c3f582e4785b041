import { filterToParams, filterToSegment, type ClientFilter } from './filters';
import { send } from './http';
import { IMPORT_CONTENT_TYPES, type ImportFormat } from './importMapping';
import type {
  Client,
  ClientFile,
  ClientInput,
  ClientPage,
  ClientSettings,
  FileKind,
  ImportField,
  ImportPreview,
  ImportResult,
  OnDuplicate,
  Segment,
  Tag,
} from './types';

const BASE = '/api/v1/clients';

export const clientKeys = {
  all: ['clients'] as const,
  list: (params: string) => ['clients', 'list', params] as const,
  search: (q: string) => ['clients', 'search', q] as const,
  detail: (id: number) => ['clients', 'detail', id] as const,
  files: (id: number) => ['clients', 'files', id] as const,
  tags: ['client-tags'] as const,
  segments: ['client-segments'] as const,
  settings: ['settings', 'clients'] as const,
};

export const PAGE_SIZE = 50;

/** Query string of the list for a filter (without paging). */
export function listQuery(filter: ClientFilter): string {
  return filterToParams(filter).toString();
}

export function listClients(
  filter: ClientFilter,
  page: { cursor?: string | null; limit?: number; withTotal?: boolean } = {},
  signal?: AbortSignal,
): Promise<ClientPage> {
  const params = filterToParams(filter);
  params.set('limit', String(page.limit ?? PAGE_SIZE));
  if (page.cursor) params.set('cursor', page.cursor);
  if (page.withTotal) params.set('with_total', 'true');
  return send<ClientPage>('GET', `${BASE}?${params}`, { signal });
}

export const getClient = (id: number, signal?: AbortSignal) => send<Client>('GET', `${BASE}/${id}`, { signal });

export const createClient = (body: ClientInput) => send<Client>('POST', BASE, { json: body });

export const updateClient = (id: number, body: ClientInput) =>
  send<Client>('PATCH', `${BASE}/${id}`, { json: body });

export const archiveClient = (id: number) => send<Client>('DELETE', `${BASE}/${id}`);

export const mergeClient = (id: number, sourceId: number) =>
  send<Client>('POST', `${BASE}/${id}/merge`, { json: { source_id: sourceId } });

export const eraseClient = (id: number) => send<Client>('POST', `${BASE}/${id}/erase`, { json: {} });

export const exportClientPath = (id: number) => `${BASE}/${id}/export`;

export function exportListPath(filter: ClientFilter, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format });
  for (const [k, v] of filterToParams(filter)) params.set(k, v);
  return `${BASE}/export?${params}`;
}

export const listFiles = (id: number, signal?: AbortSignal) =>
  send<{ items: ClientFile[] }>('GET', `${BASE}/${id}/files`, { signal }).then((r) => r.items ?? []);

export function uploadFile(id: number, file: File, kind: FileKind): Promise<ClientFile> {
  const params = new URLSearchParams({ kind, filename: file.name });
  return send<ClientFile>('POST', `${BASE}/${id}/files?${params}`, {
    raw: file,
    contentType: file.type || 'application/octet-stream',
  });
}

export const deleteFile = (id: number, fileId: number) =>
  send<void>('DELETE', `${BASE}/${id}/files/${fileId}`);

/** Where an uploaded file is read from (the API gives `url`; this is the fallback). */
export const filePath = (clientId: number, fileId: number) => `${BASE}/${clientId}/files/${fileId}`;

// Tags
export const listTags = (signal?: AbortSignal) =>
  send<{ items: Tag[] }>('GET', '/api/v1/client-tags', { signal }).then((r) => r.items ?? []);
export const createTag = (body: { name: string; color: string }) =>
  send<Tag>('POST', '/api/v1/client-tags', { json: body });
export const updateTag = (id: number, body: { name?: string; color?: string }) =>
  send<Tag>('PATCH', `/api/v1/client-tags/${id}`, { json: body });
export const deleteTag = (id: number) => send<void>('DELETE', `/api/v1/client-tags/${id}`);

// Segments
export const listSegments = (signal?: AbortSignal) =>
  send<{ items: Segment[] }>('GET', '/api/v1/client-segments', { signal }).then((r) => r.items ?? []);
export const createSegment = (name: string, filter: ClientFilter) =>
  send<Segment>('POST', '/api/v1/client-segments', { json: { name, filter: filterToSegment(filter) } });
export const deleteSegment = (id: number) => send<void>('DELETE', `/api/v1/client-segments/${id}`);

// Settings
export const getClientSettings = (signal?: AbortSignal) =>
  send<ClientSettings>('GET', '/api/v1/settings/clients', { signal });
export const updateClientSettings = (body: Partial<ClientSettings>) =>
  send<ClientSettings>('PATCH', '/api/v1/settings/clients', { json: body });

// Import
export function previewImport(file: File, format: ImportFormat): Promise<ImportPreview> {
  return send<ImportPreview>('POST', `${BASE}/import/preview?format=${format}`, {
    raw: file,
    contentType: IMPORT_CONTENT_TYPES[format],
  });
}

export function runImport(
  importId: string,
  mapping: Record<string, ImportField>,
  onDuplicate: OnDuplicate,
): Promise<ImportResult> {
  return send<ImportResult>('POST', `${BASE}/import/${encodeURIComponent(importId)}/run`, {
    json: { mapping, on_duplicate: onDuplicate, dry_run: false },
  });
}
