-- Masters' chats with the salon's Telegram bot, where their notices come (new, moved and
-- cancelled bookings, schedule changes, tomorrow's shift).

-- A link token belongs to a client (staff_id 0, as every token before) or to a staff member
-- (client_id 0, staff_id the master): the bot links the chat it is opened in to one or the other.
ALTER TABLE chat_link_tokens ADD COLUMN staff_id BIGINT NOT NULL DEFAULT 0;
CREATE INDEX chat_link_tokens_staff ON chat_link_tokens (org_id, staff_id) WHERE staff_id <> 0;

-- A master's chat with the salon's bot. Not a client's chat: a chat is in client_chat_links or
-- here, never in both (linking it to one removes it from the other). `language`: the one of the
-- master's Telegram app when they linked it (uk, ru, en; '' for another): their notices' language.
CREATE TABLE staff_chat_links (
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  staff_id BIGINT NOT NULL,
  channel TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  linked_at BIGINT NOT NULL,
  language TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (org_id, channel, chat_id)
);
CREATE UNIQUE INDEX staff_chat_links_staff ON staff_chat_links (org_id, staff_id, channel);
