-- Clients: the client card, phones, tags, files, saved filters (segments), pending imports and
-- the organization's client settings.

CREATE TABLE clients (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  middle_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  birthday TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  referred_by_id BIGINT,
  preferred_staff_ids TEXT NOT NULL DEFAULT '',
  preferred_service_ids TEXT NOT NULL DEFAULT '',
  preferences TEXT NOT NULL DEFAULT '',
  consent_sms INTEGER NOT NULL DEFAULT 0,
  consent_telegram INTEGER NOT NULL DEFAULT 0,
  consent_viber INTEGER NOT NULL DEFAULT 0,
  consent_email INTEGER NOT NULL DEFAULT 0,
  language TEXT NOT NULL DEFAULT 'uk',
  discount_percent INTEGER NOT NULL DEFAULT 0,
  photo_file_id BIGINT,
  first_visit_at BIGINT,
  last_visit_at BIGINT,
  visits_count INTEGER NOT NULL DEFAULT 0,
  no_shows_count INTEGER NOT NULL DEFAULT 0,
  cancellations_count INTEGER NOT NULL DEFAULT 0,
  total_spent BIGINT NOT NULL DEFAULT 0,
  search_text TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  erased INTEGER NOT NULL DEFAULT 0,
  merged_into_id BIGINT
);
CREATE INDEX clients_org ON clients (org_id, archived, id);
CREATE INDEX clients_org_created ON clients (org_id, created_at);
CREATE INDEX clients_org_last_visit ON clients (org_id, last_visit_at);
CREATE INDEX clients_org_birthday ON clients (org_id, birthday);

CREATE TABLE client_phones (
  org_id BIGINT NOT NULL,
  client_id BIGINT NOT NULL REFERENCES clients(id),
  phone TEXT NOT NULL,
  position INTEGER NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX client_phones_client ON client_phones (org_id, client_id, position);
-- A phone belongs to one live client of an organization.
CREATE UNIQUE INDEX client_phones_live ON client_phones (org_id, phone) WHERE archived = 0;

CREATE TABLE client_tags (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX client_tags_name ON client_tags (org_id, name);

CREATE TABLE client_tag_links (
  org_id BIGINT NOT NULL,
  client_id BIGINT NOT NULL REFERENCES clients(id),
  tag_id BIGINT NOT NULL REFERENCES client_tags(id),
  PRIMARY KEY (org_id, client_id, tag_id)
);
CREATE INDEX client_tag_links_tag ON client_tag_links (org_id, tag_id, client_id);

CREATE TABLE client_files (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  client_id BIGINT NOT NULL REFERENCES clients(id),
  kind TEXT NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  storage_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  deleted_at BIGINT
);
CREATE INDEX client_files_client ON client_files (org_id, client_id, id);

CREATE TABLE client_segments (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  filter_json TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deleted_at BIGINT
);
CREATE INDEX client_segments_org ON client_segments (org_id, id);

CREATE TABLE client_imports (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  token_hash TEXT NOT NULL,
  rows_json TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE UNIQUE INDEX client_imports_token ON client_imports (token_hash);
CREATE INDEX client_imports_org ON client_imports (org_id, created_at);

CREATE TABLE client_settings (
  org_id BIGINT PRIMARY KEY REFERENCES organizations(id),
  name_order TEXT NOT NULL DEFAULT 'first_last'
);
