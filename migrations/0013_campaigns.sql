-- Marketing: campaigns to a segment of clients, and the random tokens of the opt-out links that
-- every marketing message carries.

-- A campaign: what it says, on which channel, to whom (a saved segment or a client-list query),
-- and when. Its messages are outbox rows of kind 'campaign' with slot = the campaign's id.
-- status: draft, scheduled (send_at in the future), sent (its messages are in the outbox),
-- cancelled.
CREATE TABLE campaigns (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  channel TEXT NOT NULL,
  audience_json TEXT NOT NULL DEFAULT '{}',
  subject TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  per_minute INTEGER NOT NULL DEFAULT 600,
  status TEXT NOT NULL DEFAULT 'draft',
  send_at BIGINT,
  recipients INTEGER NOT NULL DEFAULT 0,
  sms_parts INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX campaigns_org ON campaigns (org_id, id);

-- One opt-out token per client; following it withdraws the client's marketing consents.
CREATE TABLE opt_out_tokens (
  token TEXT PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  client_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX opt_out_tokens_client ON opt_out_tokens (org_id, client_id);
