-- The second line against double booking: exclusive holds of one master or room never overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE time_holds ADD CONSTRAINT time_holds_no_overlap
  EXCLUDE USING gist (org_id WITH =, resource WITH =, resource_id WITH =,
                      int8range(start_at, end_at) WITH &&)
  WHERE (exclusive = 1);
