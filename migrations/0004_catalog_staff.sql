-- Catalog (service categories, services, rooms) and staff (masters, schedules, absences,
-- branch closed days, events for messaging).

CREATE TABLE service_categories (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  icon TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX service_categories_org ON service_categories (org_id, position);

CREATE TABLE services (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  category_id BIGINT,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  duration INTEGER NOT NULL,
  price_min BIGINT NOT NULL,
  price_max BIGINT,
  buffer_after INTEGER NOT NULL DEFAULT 0,
  processing_start INTEGER,
  processing_duration INTEGER,
  online_booking INTEGER NOT NULL DEFAULT 1,
  is_group INTEGER NOT NULL DEFAULT 0,
  capacity INTEGER NOT NULL DEFAULT 1,
  repeat_after_days INTEGER,
  position INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX services_org ON services (org_id, archived, position);

CREATE TABLE service_rooms (
  org_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL REFERENCES services(id),
  room_id BIGINT NOT NULL,
  PRIMARY KEY (org_id, service_id, room_id)
);
CREATE INDEX service_rooms_room ON service_rooms (org_id, room_id);

CREATE TABLE service_staff (
  org_id BIGINT NOT NULL,
  service_id BIGINT NOT NULL REFERENCES services(id),
  staff_id BIGINT NOT NULL,
  price_min BIGINT,
  price_max BIGINT,
  duration INTEGER,
  PRIMARY KEY (org_id, service_id, staff_id)
);
CREATE INDEX service_staff_staff ON service_staff (org_id, staff_id);

CREATE TABLE rooms (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  branch_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  capacity INTEGER NOT NULL DEFAULT 1,
  closures_json TEXT NOT NULL DEFAULT '[]',
  archived INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rooms_org ON rooms (org_id, branch_id, archived);

CREATE TABLE staff (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  branch_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  bio TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  color TEXT NOT NULL DEFAULT '#e64980',
  photo_file_id BIGINT,
  online_booking INTEGER NOT NULL DEFAULT 1,
  booking_step INTEGER NOT NULL DEFAULT 15,
  hire_date TEXT NOT NULL DEFAULT '',
  work_permit_expires TEXT NOT NULL DEFAULT '',
  user_id BIGINT,
  schedule_json TEXT NOT NULL DEFAULT '{"patterns":[],"exceptions":[]}',
  calendar_token TEXT,
  created_at BIGINT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX staff_org ON staff (org_id, branch_id, archived);
CREATE UNIQUE INDEX staff_calendar ON staff (calendar_token);

CREATE TABLE staff_absences (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  staff_id BIGINT NOT NULL REFERENCES staff(id),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  deleted_at BIGINT
);
CREATE INDEX staff_absences_staff ON staff_absences (org_id, staff_id, from_date);

CREATE TABLE branch_closed_days (
  org_id BIGINT NOT NULL,
  branch_id BIGINT NOT NULL,
  date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (org_id, branch_id, date)
);

CREATE TABLE staff_events (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  staff_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  details_json TEXT NOT NULL DEFAULT '{}',
  at BIGINT NOT NULL
);
CREATE INDEX staff_events_org ON staff_events (org_id, id);
