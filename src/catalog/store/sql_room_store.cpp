// Rooms and equipment of the catalog store: their closures are kept as JSON.
#include <nlohmann/json.hpp>

#include "catalog/store/sql_catalog_store.h"
#include "platform/db/session.h"

namespace kvitka::catalog {

using soci::into;
using soci::use;

namespace {

std::string ClosuresJson(const std::vector<Closure>& closures) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : closures) {
    list.push_back({{"start", c.start}, {"end", c.end}, {"reason", c.reason}});
  }
  return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<Closure> ClosuresOf(const std::string& text) {
  std::vector<Closure> out;
  auto list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return out;
  for (const auto& c : list) {
    if (c.is_object() && c.value("start", 0LL) < c.value("end", 0LL)) {
      out.push_back({c.value("start", 0LL), c.value("end", 0LL), c.value("reason", "")});
    }
  }
  return out;
}

std::vector<Room> QueryRooms(db::Session& s, Id org_id, const std::string& where,
                             const std::vector<long long>& params) {
  Room r;
  std::string closures;
  int archived = 0;
  soci::statement st(s.sql());
  st.exchange(into(r.id));
  st.exchange(into(r.branch_id));
  st.exchange(into(r.name));
  st.exchange(into(r.capacity));
  st.exchange(into(closures));
  st.exchange(into(archived));
  st.exchange(use(org_id));
  for (const auto& p : params) st.exchange(use(p));
  st.alloc();
  st.prepare("SELECT id, branch_id, name, capacity, closures_json, archived FROM rooms " + where);
  st.define_and_bind();
  st.execute();
  std::vector<Room> out;
  while (st.fetch()) {
    r.closures = ClosuresOf(closures);
    r.archived = archived != 0;
    out.push_back(r);
  }
  for (auto& room : out) {
    Id service_id = 0;
    soci::statement links = (s.sql().prepare << "SELECT l.service_id FROM service_rooms l JOIN "
                                                "services v ON v.id = l.service_id WHERE "
                                                "l.org_id = :o AND l.room_id = :r AND "
                                                "v.archived = 0 ORDER BY l.service_id",
                             use(org_id), use(room.id), into(service_id));
    links.execute();
    while (links.fetch()) room.service_ids.push_back(service_id);
  }
  return out;
}

}  // namespace

std::vector<Room> SqlCatalogStore::Rooms(db::Session& s, Id org_id, std::optional<Id> branch_id,
                                         bool archived) {
  std::vector<long long> params = {archived ? 1 : 0};
  std::string where = "WHERE org_id = :o AND archived = :a";
  if (branch_id) {
    where += " AND branch_id = :b";
    params.push_back(*branch_id);
  }
  return QueryRooms(s, org_id, where + " ORDER BY id", params);
}

std::optional<Room> SqlCatalogStore::FindRoom(db::Session& s, Id org_id, Id id) {
  auto found = QueryRooms(s, org_id, "WHERE org_id = :o AND id = :id", {id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

Id SqlCatalogStore::InsertRoom(db::Session& s, Id org_id, const Room& r) {
  Id id = 0;
  const std::string closures = ClosuresJson(r.closures);
  s.sql() << "INSERT INTO rooms (org_id, branch_id, name, capacity, closures_json) VALUES (:o, "
             ":b, :n, :c, :cl) RETURNING id",
      use(org_id), use(r.branch_id), use(r.name), use(r.capacity), use(closures), into(id);
  return id;
}

void SqlCatalogStore::UpdateRoom(db::Session& s, Id org_id, const Room& r) {
  const std::string closures = ClosuresJson(r.closures);
  const int archived = r.archived ? 1 : 0;
  s.sql() << "UPDATE rooms SET branch_id = :b, name = :n, capacity = :c, closures_json = :cl, "
             "archived = :a WHERE org_id = :o AND id = :id",
      use(r.branch_id), use(r.name), use(r.capacity), use(closures), use(archived), use(org_id),
      use(r.id);
}

}  // namespace kvitka::catalog
