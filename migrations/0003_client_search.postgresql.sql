-- Substring search over folded names and phone digits: trigram GIN index, led by the
-- organization (btree_gin) so that every index starts with org_id.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX clients_search ON clients USING gin (org_id, search_text gin_trgm_ops);
