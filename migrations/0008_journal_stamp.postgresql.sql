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
-- PostgreSQL: deferred constraint triggers, so the bump runs at COMMIT, once per transaction and
-- organization: the stamp row is locked only while the transaction commits (writers of one
-- organization do not queue behind each other's whole transactions, and no lock is taken
-- after it, so it cannot deadlock with the booking's advisory locks).

CREATE TABLE journal_stamps (
  org_id BIGINT PRIMARY KEY,
  stamp BIGINT NOT NULL
);

CREATE FUNCTION journal_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org BIGINT;
  bumped TEXT;
BEGIN
  IF TG_OP = 'DELETE' THEN
    org := OLD.org_id;
  ELSE
    org := NEW.org_id;
  END IF;
  -- Once per transaction and organization (it commits as a whole): the organizations bumped
  -- are kept in a setting local to the transaction, ",1,,7,".
  bumped := COALESCE(current_setting('kvitka.journal_stamped', true), '');
  IF position(',' || org || ',' IN bumped) > 0 THEN
    RETURN NULL;
  END IF;
  INSERT INTO journal_stamps (org_id, stamp) VALUES (org, 1)
  ON CONFLICT (org_id) DO UPDATE SET stamp = journal_stamps.stamp + 1;
  PERFORM set_config('kvitka.journal_stamped', bumped || ',' || org || ',', true);
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER journal_stamp AFTER INSERT OR UPDATE OR DELETE ON branches
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_stamp_bump();

CREATE CONSTRAINT TRIGGER journal_stamp AFTER INSERT OR UPDATE OR DELETE ON staff
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_stamp_bump();

CREATE CONSTRAINT TRIGGER journal_stamp AFTER INSERT OR UPDATE OR DELETE ON staff_absences
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_stamp_bump();

CREATE CONSTRAINT TRIGGER journal_stamp AFTER INSERT OR UPDATE OR DELETE ON branch_closed_days
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_stamp_bump();

CREATE CONSTRAINT TRIGGER journal_stamp AFTER INSERT OR UPDATE OR DELETE ON appointments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_stamp_bump();

CREATE CONSTRAINT TRIGGER journal_stamp AFTER INSERT OR UPDATE OR DELETE ON appointment_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_stamp_bump();

CREATE CONSTRAINT TRIGGER journal_stamp AFTER INSERT OR UPDATE OR DELETE ON group_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_stamp_bump();

CREATE CONSTRAINT TRIGGER journal_stamp AFTER INSERT OR UPDATE OR DELETE ON clients
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_stamp_bump();

CREATE CONSTRAINT TRIGGER journal_stamp AFTER INSERT OR UPDATE OR DELETE ON client_phones
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_stamp_bump();

CREATE CONSTRAINT TRIGGER journal_stamp AFTER INSERT OR UPDATE OR DELETE ON client_tag_links
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_stamp_bump();

CREATE CONSTRAINT TRIGGER journal_stamp AFTER INSERT OR UPDATE OR DELETE ON client_tags
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_stamp_bump();
