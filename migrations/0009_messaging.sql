-- Messaging: each organization's channel settings (Telegram, SMS, Viber, email) and the
-- message templates a salon has written over the defaults.

-- settings_json holds what the API may show; secrets_json holds tokens, passwords and header
-- values, stored but never returned.
CREATE TABLE message_channel_settings (
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  channel TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 0,
  settings_json TEXT NOT NULL DEFAULT '{}',
  secrets_json TEXT NOT NULL DEFAULT '{}',
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, channel)
);

-- A salon's own text for one kind, channel and language; without a row the default applies.
CREATE TABLE message_templates (
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  language TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  html TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, kind, channel, language)
);
