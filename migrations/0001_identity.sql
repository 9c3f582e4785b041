-- Identity: organizations (tenants), branches, users, memberships, sessions, invitations, audit.
-- {{id}} becomes a 64-bit auto-increment primary key in each dialect.

CREATE TABLE organizations (
  id {{id}},
  name TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  archived_at BIGINT
);

CREATE TABLE branches (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  slug TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  timezone TEXT NOT NULL,
  currency TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  archived_at BIGINT
);
CREATE UNIQUE INDEX branches_slug ON branches (slug);
CREATE INDEX branches_org ON branches (org_id, id);

CREATE TABLE users (
  id {{id}},
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT '',
  locale TEXT NOT NULL DEFAULT 'uk',
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (email);

CREATE TABLE memberships (
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE sessions (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX sessions_token ON sessions (token_hash);
CREATE INDEX sessions_org_user ON sessions (org_id, user_id);

CREATE TABLE invitations (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE UNIQUE INDEX invitations_token ON invitations (token_hash);
CREATE INDEX invitations_org ON invitations (org_id, user_id);

CREATE TABLE audit_log (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  actor_id BIGINT,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT,
  before_json TEXT,
  after_json TEXT,
  ip TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL
);
CREATE INDEX audit_org ON audit_log (org_id, id);
CREATE INDEX audit_org_entity ON audit_log (org_id, entity, entity_id, id);
