#include "clients/store/sql_client_catalog_store.h"

#include <nlohmann/json.hpp>

#include "platform/db/session.h"

namespace kvitka::clients {

using soci::into;
using soci::use;

std::vector<Tag> SqlTagStore::List(db::Session& s, Id org_id) {
  Tag t;
  soci::statement st =
      (s.sql().prepare << "SELECT t.id, t.name, t.color, (SELECT COUNT(*) FROM client_tag_links l "
                          "JOIN clients c ON c.id = l.client_id WHERE l.org_id = t.org_id AND "
                          "l.tag_id = t.id AND c.archived = 0) FROM client_tags t WHERE "
                          "t.org_id = :org ORDER BY t.name",
       use(org_id), into(t.id), into(t.name), into(t.color), into(t.clients));
  st.execute();
  std::vector<Tag> out;
  while (st.fetch()) out.push_back(t);
  return out;
}

std::optional<Tag> SqlTagStore::Find(db::Session& s, Id org_id, Id tag_id) {
  Tag t;
  soci::statement st = (s.sql().prepare << "SELECT id, name, color FROM client_tags WHERE "
                                           "org_id = :org AND id = :id",
                        use(org_id), use(tag_id), into(t.id), into(t.name), into(t.color));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return t;
}

std::optional<Tag> SqlTagStore::FindByName(db::Session& s, Id org_id, const std::string& name) {
  Tag t;
  soci::statement st = (s.sql().prepare << "SELECT id, name, color FROM client_tags WHERE "
                                           "org_id = :org AND name = :name",
                        use(org_id), use(name), into(t.id), into(t.name), into(t.color));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return t;
}

Id SqlTagStore::Insert(db::Session& s, Id org_id, const Tag& t, EpochSeconds at) {
  Id id = 0;
  s.sql() << "INSERT INTO client_tags (org_id, name, color, created_at) VALUES (:org, :name, "
             ":color, :at) RETURNING id",
      use(org_id), use(t.name), use(t.color), use(at), into(id);
  return id;
}

void SqlTagStore::Update(db::Session& s, Id org_id, const Tag& t) {
  s.sql() << "UPDATE client_tags SET name = :name, color = :color WHERE org_id = :org AND id = :id",
      use(t.name), use(t.color), use(org_id), use(t.id);
}

void SqlTagStore::Delete(db::Session& s, Id org_id, Id tag_id) {
  s.sql() << "DELETE FROM client_tag_links WHERE org_id = :org AND tag_id = :id", use(org_id),
      use(tag_id);
  s.sql() << "DELETE FROM client_tags WHERE org_id = :org AND id = :id", use(org_id), use(tag_id);
}

namespace {

Pairs PairsOf(const std::string& json_text) {
  Pairs out;
  auto json = nlohmann::json::parse(json_text, nullptr, false);
  if (!json.is_array()) return out;
  for (const auto& item : json) {
    if (item.is_array() && item.size() == 2 && item[0].is_string() && item[1].is_string()) {
      out.emplace_back(item[0].get<std::string>(), item[1].get<std::string>());
    }
  }
  return out;
}

std::string JsonOf(const Pairs& pairs) {
  return nlohmann::json(pairs).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::vector<Segment> SqlSegmentStore::List(db::Session& s, Id org_id) {
  Segment segment;
  std::string filter;
  soci::statement st =
      (s.sql().prepare << "SELECT id, name, filter_json FROM client_segments "
                          "WHERE org_id = :org AND deleted_at IS NULL ORDER BY name",
       use(org_id), into(segment.id), into(segment.name), into(filter));
  st.execute();
  std::vector<Segment> out;
  while (st.fetch()) {
    segment.filter = PairsOf(filter);
    out.push_back(segment);
  }
  return out;
}

std::optional<Segment> SqlSegmentStore::Find(db::Session& s, Id org_id, Id segment_id) {
  Segment segment;
  std::string filter;
  soci::statement st =
      (s.sql().prepare << "SELECT id, name, filter_json FROM client_segments WHERE org_id = :org "
                          "AND id = :id AND deleted_at IS NULL",
       use(org_id), use(segment_id), into(segment.id), into(segment.name), into(filter));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  segment.filter = PairsOf(filter);
  return segment;
}

Id SqlSegmentStore::Insert(db::Session& s, Id org_id, const Segment& segment, EpochSeconds at) {
  Id id = 0;
  const std::string filter = JsonOf(segment.filter);
  s.sql() << "INSERT INTO client_segments (org_id, name, filter_json, created_at, updated_at) "
             "VALUES (:org, :name, :filter, :at, :at2) RETURNING id",
      use(org_id), use(segment.name), use(filter), use(at), use(at), into(id);
  return id;
}

void SqlSegmentStore::Update(db::Session& s, Id org_id, const Segment& segment, EpochSeconds at) {
  const std::string filter = JsonOf(segment.filter);
  s.sql() << "UPDATE client_segments SET name = :name, filter_json = :filter, updated_at = :at "
             "WHERE org_id = :org AND id = :id",
      use(segment.name), use(filter), use(at), use(org_id), use(segment.id);
}

void SqlSegmentStore::Delete(db::Session& s, Id org_id, Id segment_id, EpochSeconds at) {
  s.sql() << "UPDATE client_segments SET deleted_at = :at WHERE org_id = :org AND id = :id",
      use(at), use(org_id), use(segment_id);
}

namespace {

constexpr const char* kFileColumns =
    "SELECT id, client_id, kind, filename, content_type, size, storage_key, created_at "
    "FROM client_files ";

std::vector<ClientFile> QueryFiles(db::Session& s, const std::string& where, Id org_id,
                                   Id client_id, Id file_id) {
  ClientFile f;
  soci::statement st(s.sql());
  st.exchange(into(f.id));
  st.exchange(into(f.client_id));
  st.exchange(into(f.kind));
  st.exchange(into(f.filename));
  st.exchange(into(f.content_type));
  st.exchange(into(f.size));
  st.exchange(into(f.storage_key));
  st.exchange(into(f.created_at));
  st.exchange(use(org_id));
  st.exchange(use(client_id));
  if (file_id) st.exchange(use(file_id));
  st.alloc();
  st.prepare(std::string(kFileColumns) + where);
  st.define_and_bind();
  st.execute();
  std::vector<ClientFile> out;
  while (st.fetch()) out.push_back(f);
  return out;
}

}  // namespace

std::vector<ClientFile> SqlClientFileStore::List(db::Session& s, Id org_id, Id client_id) {
  return QueryFiles(s,
                    "WHERE org_id = :org AND client_id = :client AND deleted_at IS NULL "
                    "ORDER BY id DESC",
                    org_id, client_id, 0);
}

std::optional<ClientFile> SqlClientFileStore::Find(db::Session& s, Id org_id, Id client_id,
                                                   Id file_id) {
  auto found = QueryFiles(s,
                          "WHERE org_id = :org AND client_id = :client AND id = :id AND "
                          "deleted_at IS NULL",
                          org_id, client_id, file_id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

Id SqlClientFileStore::Insert(db::Session& s, Id org_id, const ClientFile& f) {
  Id id = 0;
  s.sql() << "INSERT INTO client_files (org_id, client_id, kind, filename, content_type, size, "
             "storage_key, created_at) VALUES (:org, :client, :kind, :filename, :type, :size, "
             ":key, :at) RETURNING id",
      use(org_id), use(f.client_id), use(f.kind), use(f.filename), use(f.content_type), use(f.size),
      use(f.storage_key), use(f.created_at), into(id);
  return id;
}

void SqlClientFileStore::Delete(db::Session& s, Id org_id, Id file_id, EpochSeconds at) {
  s.sql() << "UPDATE client_files SET deleted_at = :at WHERE org_id = :org AND id = :id", use(at),
      use(org_id), use(file_id);
}

void SqlClientFileStore::MoveAll(db::Session& s, Id org_id, Id from_client, Id to_client) {
  s.sql() << "UPDATE client_files SET client_id = :to WHERE org_id = :org AND client_id = :from",
      use(to_client), use(org_id), use(from_client);
}

Id SqlImportStore::Insert(db::Session& s, Id org_id, const std::string& token_hash,
                          const std::string& rows_json, EpochSeconds at) {
  Id id = 0;
  s.sql() << "INSERT INTO client_imports (org_id, token_hash, rows_json, created_at) VALUES "
             "(:org, :hash, :rows, :at) RETURNING id",
      use(org_id), use(token_hash), use(rows_json), use(at), into(id);
  return id;
}

std::optional<PendingImport> SqlImportStore::Find(db::Session& s, Id org_id,
                                                  const std::string& token_hash) {
  PendingImport p;
  EpochSeconds used_at = 0;
  soci::indicator used_ind = soci::i_null;
  soci::statement st = (s.sql().prepare << "SELECT id, rows_json, created_at, used_at FROM "
                                           "client_imports WHERE org_id = :org AND token_hash = :h",
                        use(org_id), use(token_hash), into(p.id), into(p.rows_json),
                        into(p.created_at), into(used_at, used_ind));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  p.used = used_ind != soci::i_null;
  return p;
}

void SqlImportStore::MarkUsed(db::Session& s, Id org_id, Id import_id, EpochSeconds at) {
  // The rows are not needed any more: keep the record, drop the data.
  s.sql() << "UPDATE client_imports SET used_at = :at, rows_json = '[]' WHERE org_id = :org AND "
             "id = :id",
      use(at), use(org_id), use(import_id);
}

void SqlImportStore::DeleteOlderThan(db::Session& s, EpochSeconds at) {
  s.sql() << "DELETE FROM client_imports WHERE created_at < :at", use(at);
}

NameOrder SqlClientSettingsStore::GetNameOrder(db::Session& s, Id org_id) {
  std::string order = "first_last";
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT name_order FROM client_settings WHERE org_id = :org", use(org_id),
      into(order, ind);
  return ind == soci::i_ok && order == "last_first" ? NameOrder::kLastFirst : NameOrder::kFirstLast;
}

void SqlClientSettingsStore::SetNameOrder(db::Session& s, Id org_id, NameOrder order) {
  const std::string value = order == NameOrder::kLastFirst ? "last_first" : "first_last";
  s.sql() << "INSERT INTO client_settings (org_id, name_order) VALUES (:org, :order) "
             "ON CONFLICT (org_id) DO UPDATE SET name_order = excluded.name_order",
      use(org_id), use(value);
}

}  // namespace kvitka::clients
