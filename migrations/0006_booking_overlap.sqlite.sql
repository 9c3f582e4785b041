-- The second line against double booking: exclusive holds of one master or room never overlap.
CREATE TRIGGER time_holds_no_overlap BEFORE INSERT ON time_holds
WHEN NEW.exclusive = 1 AND EXISTS (
  SELECT 1 FROM time_holds
  WHERE org_id = NEW.org_id AND resource = NEW.resource AND resource_id = NEW.resource_id
    AND exclusive = 1 AND start_at < NEW.end_at AND end_at > NEW.start_at)
BEGIN
  SELECT RAISE(ABORT, 'slot_taken');
END;
