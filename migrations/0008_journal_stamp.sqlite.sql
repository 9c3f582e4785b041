-- The journal stamp of each organization: a counter the database itself bumps on every change
-- of a row the journal (GET /api/v1/journal, JournalService::Journal) shows, so no code path
-- can forget it. A server keeps rendered journals while the stamp stays the same; several
-- servers on one database each see the others' changes through it.
--
-- The tables the journal is read from, and what of it they hold (keep this list complete: a
-- new table or column the journal shows needs its triggers here, in both dialects, and a case
-- in src/booking/app/journal_stamp_dbtest.cpp):
--   branches             the branch's time zone, and whether it exists
--   staff                the masters (name, position, colour, photo, step) and their schedules
--   staff_absences       days off, vacations, sick days (working hours)
--   branch_closed_days   closed days (working hours, closed_days)
--   appointments         the visits
--   appointment_items    their services, masters, rooms, times and prices
--   group_events         group classes
--   clients              the client brief of each visit (name, notes, discount, visit counts)
--   client_phones        the brief's phone
--   client_tag_links     the brief's tags
--   client_tags          tag names and colours
-- Not in it: services and rooms (the journal shows the names copied into appointment_items
-- and group_events), time_holds, the waitlist, booking events, outbox and audit rows.
-- Rows never move between organizations: UPDATE bumps the organization of the new row.
--
-- SQLite: a row trigger per table and statement kind; writers are serialized (BEGIN IMMEDIATE),
-- and a reader sees the stamp and the data of one snapshot when it reads both in one
-- transaction.

CREATE TABLE journal_stamps (
  org_id INTEGER PRIMARY KEY,
  stamp BIGINT NOT NULL
);

CREATE TRIGGER journal_stamp_branches_insert AFTER INSERT ON branches BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_branches_update AFTER UPDATE ON branches BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_branches_delete AFTER DELETE ON branches BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (OLD.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_staff_insert AFTER INSERT ON staff BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_staff_update AFTER UPDATE ON staff BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_staff_delete AFTER DELETE ON staff BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (OLD.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_staff_absences_insert AFTER INSERT ON staff_absences BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_staff_absences_update AFTER UPDATE ON staff_absences BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_staff_absences_delete AFTER DELETE ON staff_absences BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (OLD.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_branch_closed_days_insert AFTER INSERT ON branch_closed_days BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_branch_closed_days_update AFTER UPDATE ON branch_closed_days BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_branch_closed_days_delete AFTER DELETE ON branch_closed_days BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (OLD.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_appointments_insert AFTER INSERT ON appointments BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_appointments_update AFTER UPDATE ON appointments BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_appointments_delete AFTER DELETE ON appointments BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (OLD.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_appointment_items_insert AFTER INSERT ON appointment_items BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_appointment_items_update AFTER UPDATE ON appointment_items BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_appointment_items_delete AFTER DELETE ON appointment_items BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (OLD.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_group_events_insert AFTER INSERT ON group_events BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_group_events_update AFTER UPDATE ON group_events BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_group_events_delete AFTER DELETE ON group_events BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (OLD.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_clients_insert AFTER INSERT ON clients BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_clients_update AFTER UPDATE ON clients BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_clients_delete AFTER DELETE ON clients BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (OLD.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_client_phones_insert AFTER INSERT ON client_phones BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_client_phones_update AFTER UPDATE ON client_phones BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_client_phones_delete AFTER DELETE ON client_phones BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (OLD.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_client_tag_links_insert AFTER INSERT ON client_tag_links BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_client_tag_links_update AFTER UPDATE ON client_tag_links BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_client_tag_links_delete AFTER DELETE ON client_tag_links BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (OLD.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_client_tags_insert AFTER INSERT ON client_tags BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_client_tags_update AFTER UPDATE ON client_tags BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (NEW.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER journal_stamp_client_tags_delete AFTER DELETE ON client_tags BEGIN
  INSERT INTO journal_stamps (org_id, stamp) VALUES (OLD.org_id, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = stamp + 1;
END;
