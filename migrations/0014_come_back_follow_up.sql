-- The come-back reminders sent, by when they went: the daily follow-up of the tasks looks at those
-- sent a few days ago across organizations (like message_outbox_due, an index not led by org_id:
-- it serves a job that works for every organization). Partial: only sent come-back reminders.
CREATE INDEX message_outbox_come_back_sent ON message_outbox (sent_at)
  WHERE kind = 'come_back' AND status = 'sent';
