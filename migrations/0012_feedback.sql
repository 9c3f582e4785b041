-- Feedback: what a client answered after a completed visit through the visit's link (1-5 stars,
-- an optional NPS 0-10 and a comment), one answer per visit, and the masters of that visit.

CREATE TABLE feedback (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  appointment_id BIGINT NOT NULL,
  client_id BIGINT NOT NULL,
  branch_id BIGINT NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  nps INTEGER CHECK (nps BETWEEN 0 AND 10),
  comment TEXT NOT NULL DEFAULT '',
  visit_start BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX feedback_appointment ON feedback (org_id, appointment_id);
CREATE INDEX feedback_org ON feedback (org_id, id);
CREATE INDEX feedback_branch ON feedback (org_id, branch_id, id);
CREATE INDEX feedback_client ON feedback (org_id, client_id, id);

-- The masters of the visit the answer is about (filtering the answers by master).
CREATE TABLE feedback_staff (
  org_id BIGINT NOT NULL REFERENCES organizations(id),
  feedback_id BIGINT NOT NULL REFERENCES feedback(id),
  staff_id BIGINT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (org_id, feedback_id, staff_id)
);
CREATE INDEX feedback_staff_master ON feedback_staff (org_id, staff_id, feedback_id);
