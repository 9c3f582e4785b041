// Shapes of the clients API (see the clients contract). Money is in minor units.

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const SOURCES = [
  'instagram',
  'google_maps',
  'friend',
  'walk_in',
  'campaign',
  'online_booking',
  'facebook',
  'tiktok',
  'website',
  'other',
] as const;
export type Source = (typeof SOURCES)[number];

export const CHANNELS = ['sms', 'telegram', 'viber', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CLIENT_LANGUAGES = ['uk', 'ru', 'en'] as const;
export type ClientLanguage = (typeof CLIENT_LANGUAGES)[number];

export type Consent = Record<Channel, boolean>;

export interface Tag {
  id: number;
  name: string;
  color: string;
  /** Number of clients with the tag (tags list only). */
  clients?: number;
}

export interface ClientStats {
  first_visit_at: string | null;
  last_visit_at: string | null;
  visits: number;
  no_shows: number;
  cancellations: number;
  total_spent: number;
  average_check: number;
}

export interface Client {
  id: number;
  first_name: string;
  /** Absent for masters. */
  last_name?: string | null;
  /** Absent for masters. */
  middle_name?: string | null;
  display_name: string;
  /** E.164, the first is the primary one. Absent for masters. */
  phones?: string[];
  /** Absent for masters. */
  email?: string | null;
  birthday: string | null;
  gender: Gender | null;
  notes: string | null;
  source: Source | null;
  referred_by_id: number | null;
  preferred_staff_ids: number[];
  preferred_service_ids: number[];
  preferences: string | null;
  consent: Consent;
  language: ClientLanguage | null;
  discount_percent: number;
  tags: Tag[];
  stats: ClientStats;
  photo_file_id: number | null;
  archived: boolean;
  erased?: boolean;
  merged_into_id?: number | null;
  created_at: string;
  updated_at: string;
}

/** Body of POST /clients and PATCH /clients/{id}. */
export interface ClientInput {
  first_name?: string;
  last_name?: string | null;
  middle_name?: string | null;
  phones?: string[];
  email?: string | null;
  birthday?: string | null;
  gender?: Gender | null;
  notes?: string | null;
  source?: Source | null;
  referred_by_id?: number | null;
  preferences?: string | null;
  consent?: Consent;
  language?: ClientLanguage | null;
  discount_percent?: number;
  tag_ids?: number[];
  photo_file_id?: number | null;
}

export interface ClientPage {
  items: Client[];
  next_cursor: string | null;
  total?: number | null;
}

export const FILE_KINDS = ['photo_before', 'photo_after', 'document', 'consent', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface ClientFile {
  id: number;
  kind: FileKind;
  filename: string;
  content_type: string;
  size: number;
  created_at: string;
  url: string;
}

/** A saved filter; `filter` uses the keys of the list query. */
export interface Segment {
  id: number;
  name: string;
  filter: Record<string, unknown>;
  clients?: number;
}

export type NameOrder = 'first_last' | 'last_first';

export interface ClientSettings {
  name_order: NameOrder;
}

export const IMPORT_FIELDS = [
  'first_name',
  'last_name',
  'middle_name',
  'full_name',
  'phones',
  'email',
  'birthday',
  'gender',
  'notes',
  'tags',
  'source',
  'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportPreview {
  import_id: string;
  columns: string[];
  rows: string[][];
  total_rows: number;
  /** Column index (as a string) -> target field. */
  mapping: Record<string, string>;
}

export type OnDuplicate = 'skip' | 'update';

export interface ImportRejectedRow {
  row: number;
  errors: { field: string; code: string; message?: string }[];
}

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  rejected: ImportRejectedRow[];
}
