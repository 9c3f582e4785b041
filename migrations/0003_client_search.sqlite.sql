-- Substring search over folded names and phone digits: FTS5 with the trigram tokenizer, kept
-- in step with clients.search_text by triggers (rowid = client id).
CREATE VIRTUAL TABLE client_search USING fts5(search_text, tokenize = 'trigram');

CREATE TRIGGER client_search_insert AFTER INSERT ON clients BEGIN
  INSERT INTO client_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER client_search_update AFTER UPDATE OF search_text ON clients BEGIN
  UPDATE client_search SET search_text = new.search_text WHERE rowid = new.id;
END;
