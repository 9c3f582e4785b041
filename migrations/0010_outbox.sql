-- Messages: the outbox of everything the salon sends (written in the same transaction as the
-- change that causes it), what clients write back, the chats clients linked, each client's own
-- channel order, and each organization's messaging rules.

-- One row per message. Unique per (organization, appointment, appointment version, kind, which
-- one of its kind, recipient, channel): writing the same message twice is a no-op. `slot` tells
-- apart messages of one kind: a reminder's offset in minutes, a birthday's year, a campaign's
-- id. `channel` is the channel planned when the row was written ('' when none could be chosen
-- yet), and after a fallback the channel being tried. `status`: pending, sending (claimed with
-- a lease until `lease_until`), sent, failed (gave up), voided (the visit was moved or
-- cancelled), skipped (not worth sending any more, or nobody to reach).
CREATE TABLE message_outbox (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  branch_id BIGINT NOT NULL DEFAULT 0,
  appointment_id BIGINT NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL,
  slot BIGINT NOT NULL DEFAULT 0,
  recipient_type TEXT NOT NULL,
  recipient_id BIGINT NOT NULL,
  channel TEXT NOT NULL DEFAULT '',
  tried TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'uk',
  status TEXT NOT NULL DEFAULT 'pending',
  visit_start BIGINT,
  due_at BIGINT NOT NULL,
  lease_until BIGINT NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  address TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '',
  provider_id TEXT NOT NULL DEFAULT '',
  context_json TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  sent_at BIGINT
);
CREATE UNIQUE INDEX message_outbox_once ON message_outbox
  (org_id, appointment_id, version, kind, slot, recipient_type, recipient_id, channel);
-- The dispatcher's scan of what is due, across organizations (the one index not led by org_id:
-- it serves a job that works for every organization).
CREATE INDEX message_outbox_due ON message_outbox (due_at) WHERE status IN ('pending', 'sending');
CREATE INDEX message_outbox_visit ON message_outbox (org_id, appointment_id)
  WHERE status IN ('pending', 'sending');
CREATE INDEX message_outbox_recipient ON message_outbox (org_id, recipient_type, recipient_id, id);

-- What clients wrote to the salon's bot.
CREATE TABLE received_messages (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  client_id BIGINT,
  channel TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  text TEXT NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX received_messages_client ON received_messages (org_id, client_id, id);

-- A client's chat with the salon's Telegram or Viber bot.
CREATE TABLE client_chat_links (
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  client_id BIGINT NOT NULL,
  channel TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  linked_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, channel, chat_id)
);
CREATE UNIQUE INDEX client_chat_links_client ON client_chat_links (org_id, client_id, channel);

-- Single-use tokens of the links that connect a chat to a client card (t.me/<bot>?start=<token>).
CREATE TABLE chat_link_tokens (
  token TEXT PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  client_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX chat_link_tokens_client ON chat_link_tokens (org_id, client_id);

-- A client's own order of channels ("telegram,sms"); without a row the salon's order applies.
CREATE TABLE client_channel_orders (
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  client_id BIGINT NOT NULL,
  channels TEXT NOT NULL,
  PRIMARY KEY (org_id, client_id)
);

-- The messaging rules of an organization (branch_id 0) and a branch's own quiet hours.
CREATE TABLE messaging_rules (
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  branch_id BIGINT NOT NULL DEFAULT 0,
  rules_json TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, branch_id)
);

-- Where each bot's long polling got to, and which server instance polls it (one at a time).
CREATE TABLE bot_polls (
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  channel TEXT NOT NULL,
  next_update BIGINT NOT NULL DEFAULT 0,
  lease_owner TEXT NOT NULL DEFAULT '',
  lease_until BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, channel)
);
