-- Delivery reports: what became of a message after its provider accepted it (status 'sent').
-- `delivery`: '' (not known: still on its way, or a channel without reports such as email and
-- the generic SMS gateway), 'delivered', 'undelivered' (the provider gave up), 'seen' (Viber,
-- TurboSMS "Read"); it only ever moves on. `delivered_at`: when it became what it is (the
-- provider's time when it says one, else when Kvitka learned it). `delivery_asked_at`: when the
-- provider was last asked about it (0: never), so that the reports job asks the least recently
-- asked first.
ALTER TABLE message_outbox ADD COLUMN delivery TEXT NOT NULL DEFAULT '';
ALTER TABLE message_outbox ADD COLUMN delivered_at BIGINT;
ALTER TABLE message_outbox ADD COLUMN delivery_asked_at BIGINT NOT NULL DEFAULT 0;

-- The reports job: an organization's messages sent on a channel in the last two days whose
-- delivery is not known yet. Partial: only those.
CREATE INDEX message_outbox_awaiting_report ON message_outbox (org_id, channel, sent_at)
  WHERE status = 'sent' AND delivery = '';
-- A Viber callback names the message by its token (the provider's id of the row).
CREATE INDEX message_outbox_provider_id ON message_outbox (org_id, channel, provider_id)
  WHERE provider_id <> '';
