-- Online booking: each branch's rules for its public booking page, the random tokens of the
-- clients' manage links, and masters' photos shown on the page.

CREATE TABLE online_booking_rules (
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  branch_id BIGINT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  lead_minutes INTEGER NOT NULL DEFAULT 60,
  horizon_days INTEGER NOT NULL DEFAULT 60,
  step_minutes INTEGER NOT NULL DEFAULT 15,
  auto_confirm INTEGER NOT NULL DEFAULT 1,
  cancel_deadline_minutes INTEGER NOT NULL DEFAULT 180,
  master_required INTEGER NOT NULL DEFAULT 0,
  max_future_bookings INTEGER NOT NULL DEFAULT 3,
  phone TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, branch_id)
);

-- A manage link opens one appointment without signing in: the token is the only key (like a
-- branch's slug, it is looked up across organizations).
CREATE TABLE manage_tokens (
  token TEXT PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  appointment_id BIGINT NOT NULL REFERENCES appointments(id),
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX manage_tokens_appointment ON manage_tokens (org_id, appointment_id);

CREATE TABLE staff_photos (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  staff_id BIGINT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  storage_key TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX staff_photos_staff ON staff_photos (org_id, staff_id, id);
