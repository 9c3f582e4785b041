-- Tasks of the salon's team (issue 7): manual ones and those Kvitka adds itself (call a
-- no-show, confirm tomorrow's bookings, follow up a come-back reminder, a low rating).

-- `auto_key` is what an automatic task is unique by within its kind ("appointment:<id>",
-- "branch:<id>:<date>"); NULL for manual tasks (NULLs never collide in a unique index).
-- `on_date` and `visit_count`: the journal date and the number of visits a confirm-tomorrow
-- task is about ('' and 0 otherwise).
CREATE TABLE tasks (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  priority TEXT NOT NULL DEFAULT 'normal',
  title TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  due_at BIGINT NOT NULL,
  assignee_user_id BIGINT,
  client_id BIGINT,
  appointment_id BIGINT,
  branch_id BIGINT,
  on_date TEXT NOT NULL DEFAULT '',
  visit_count INTEGER NOT NULL DEFAULT 0,
  auto_key TEXT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  done_at BIGINT
);
CREATE UNIQUE INDEX tasks_automatic ON tasks (org_id, kind, auto_key);
CREATE INDEX tasks_status_due ON tasks (org_id, status, due_at, id);
CREATE INDEX tasks_assignee ON tasks (org_id, assignee_user_id, status, due_at, id);
CREATE INDEX tasks_client ON tasks (org_id, client_id, id);

-- Days of a branch that had a visit waiting for confirmation, noted in the booking's own
-- transaction: the daily confirm-tomorrow planner looks only there.
CREATE TABLE task_booking_days (
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  branch_id BIGINT NOT NULL,
  visit_date TEXT NOT NULL,
  PRIMARY KEY (org_id, branch_id, visit_date)
);
-- The planner's scan of a few days across organizations (the one index not led by org_id: it
-- serves a job that works for every organization).
CREATE INDEX task_booking_days_date ON task_booking_days (visit_date);
