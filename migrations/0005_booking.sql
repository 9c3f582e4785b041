-- The journal: appointments with their items, the time they hold, group classes, the waitlist,
-- idempotency keys of create requests, and booking events recorded for messaging.

CREATE TABLE group_events (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  branch_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  service_name TEXT NOT NULL,
  staff_id BIGINT NOT NULL,
  room_id BIGINT,
  start_at BIGINT NOT NULL,
  end_at BIGINT NOT NULL,
  capacity INTEGER NOT NULL,
  seats_taken INTEGER NOT NULL DEFAULT 0,
  price BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'scheduled',
  notes TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  -- The database itself refuses a seat over capacity.
  CHECK (seats_taken >= 0 AND seats_taken <= capacity)
);
CREATE INDEX group_events_org_branch ON group_events (org_id, branch_id, start_at);

CREATE TABLE appointments (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  branch_id BIGINT NOT NULL,
  client_id BIGINT NOT NULL,
  status TEXT NOT NULL,
  source TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  cancel_reason TEXT NOT NULL DEFAULT '',
  cancelled_by TEXT,
  start_at BIGINT NOT NULL,
  end_at BIGINT NOT NULL,
  total BIGINT NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  series_id BIGINT,
  group_event_id BIGINT,
  visit_notes TEXT NOT NULL DEFAULT '',
  formula TEXT NOT NULL DEFAULT '',
  photo_file_ids TEXT NOT NULL DEFAULT '',
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX appointments_org_branch_start ON appointments (org_id, branch_id, start_at);
CREATE INDEX appointments_org_client ON appointments (org_id, client_id, start_at);
CREATE INDEX appointments_org_series ON appointments (org_id, series_id, start_at);
CREATE INDEX appointments_org_group ON appointments (org_id, group_event_id);

CREATE TABLE appointment_items (
  id {{id}},
  org_id BIGINT NOT NULL,
  appointment_id BIGINT NOT NULL REFERENCES appointments(id),
  position INTEGER NOT NULL,
  service_id BIGINT NOT NULL,
  service_name TEXT NOT NULL,
  staff_id BIGINT NOT NULL,
  room_id BIGINT,
  start_at BIGINT NOT NULL,
  end_at BIGINT NOT NULL,
  buffer_after INTEGER NOT NULL DEFAULT 0,
  processing_start BIGINT,
  processing_end BIGINT,
  price BIGINT NOT NULL,
  discount_percent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX appointment_items_appointment ON appointment_items (org_id, appointment_id);
CREATE INDEX appointment_items_staff ON appointment_items (org_id, staff_id, start_at);

-- The time a master or a room is taken, one row per span (an item with a processing gap holds
-- its master twice, around the gap). Rows exist only while the appointment or group class
-- holds its time; `exclusive` rows may never overlap another exclusive row of the resource.
CREATE TABLE time_holds (
  id {{id}},
  org_id BIGINT NOT NULL,
  resource TEXT NOT NULL,
  resource_id BIGINT NOT NULL,
  start_at BIGINT NOT NULL,
  end_at BIGINT NOT NULL,
  exclusive INTEGER NOT NULL,
  appointment_id BIGINT,
  group_event_id BIGINT,
  CHECK (end_at > start_at),
  CHECK (resource IN ('staff', 'room'))
);
CREATE INDEX time_holds_resource ON time_holds (org_id, resource, resource_id, start_at);
CREATE INDEX time_holds_appointment ON time_holds (org_id, appointment_id);
CREATE INDEX time_holds_group ON time_holds (org_id, group_event_id);

CREATE TABLE waitlist (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  branch_id BIGINT NOT NULL,
  client_id BIGINT NOT NULL,
  service_ids TEXT NOT NULL,
  staff_id BIGINT,
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  time_from INTEGER,
  time_to INTEGER,
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'waiting',
  offered_start BIGINT,
  offered_staff_id BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX waitlist_org_branch ON waitlist (org_id, branch_id, status, date_from);

CREATE TABLE booking_requests (
  org_id BIGINT NOT NULL,
  idempotency_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  appointment_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, idempotency_key)
);

CREATE TABLE booking_events (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  branch_id BIGINT NOT NULL,
  appointment_id BIGINT,
  group_event_id BIGINT,
  waitlist_id BIGINT,
  kind TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  details_json TEXT NOT NULL DEFAULT '{}',
  at BIGINT NOT NULL
);
CREATE INDEX booking_events_org ON booking_events (org_id, id);
