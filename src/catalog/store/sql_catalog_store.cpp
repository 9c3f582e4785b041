#include "catalog/store/sql_catalog_store.h"

#include <map>

#include "platform/db/session.h"

namespace kvitka::catalog {

using soci::into;
using soci::use;

namespace {

template <class T>
soci::indicator Ind(const std::optional<T>& v) {
  return v ? soci::i_ok : soci::i_null;
}

constexpr const char* kCategoryColumns =
    "SELECT c.id, c.name, c.color, c.icon, c.position, c.archived, (SELECT COUNT(*) FROM "
    "services s WHERE s.org_id = c.org_id AND s.category_id = c.id AND s.archived = 0) FROM "
    "service_categories c ";

std::vector<Category> QueryCategories(db::Session& s, const std::string& where, Id org_id,
                                      long long second) {
  Category c;
  int archived = 0;
  soci::statement st(s.sql());
  st.exchange(into(c.id));
  st.exchange(into(c.name));
  st.exchange(into(c.color));
  st.exchange(into(c.icon));
  st.exchange(into(c.position));
  st.exchange(into(archived));
  st.exchange(into(c.services));
  st.exchange(use(org_id));
  st.exchange(use(second));
  st.alloc();
  st.prepare(std::string(kCategoryColumns) + where);
  st.define_and_bind();
  st.execute();
  std::vector<Category> out;
  while (st.fetch()) {
    c.archived = archived != 0;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::vector<Category> SqlCatalogStore::Categories(db::Session& s, Id org_id, bool archived) {
  return QueryCategories(s, "WHERE c.org_id = :org AND c.archived = :a ORDER BY c.position, c.id",
                         org_id, archived ? 1 : 0);
}

std::optional<Category> SqlCatalogStore::FindCategory(db::Session& s, Id org_id, Id id) {
  auto found = QueryCategories(s, "WHERE c.org_id = :org AND c.id = :id", org_id, id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

Id SqlCatalogStore::InsertCategory(db::Session& s, Id org_id, const Category& c) {
  Id id = 0;
  s.sql() << "INSERT INTO service_categories (org_id, name, color, icon, position) VALUES (:o, "
             ":n, :c, :i, :p) RETURNING id",
      use(org_id), use(c.name), use(c.color), use(c.icon), use(c.position), into(id);
  return id;
}

void SqlCatalogStore::UpdateCategory(db::Session& s, Id org_id, const Category& c) {
  const int archived = c.archived ? 1 : 0;
  s.sql() << "UPDATE service_categories SET name = :n, color = :c, icon = :i, position = :p, "
             "archived = :a WHERE org_id = :o AND id = :id",
      use(c.name), use(c.color), use(c.icon), use(c.position), use(archived), use(org_id),
      use(c.id);
}

namespace {

constexpr const char* kServiceColumns =
    "SELECT s.id, s.category_id, s.name, s.description, s.duration, s.price_min, s.price_max, "
    "s.buffer_after, s.processing_start, s.processing_duration, s.online_booking, s.is_group, "
    "s.capacity, s.repeat_after_days, s.position, s.archived, s.created_at FROM services s ";

struct ServiceRow {
  Service v;
  Id category = 0;
  long long price_max = 0;
  int p_start = 0, p_duration = 0, repeat = 0, online = 0, group = 0, archived = 0;
  soci::indicator category_ind{}, max_ind{}, p_start_ind{}, p_duration_ind{}, repeat_ind{};

  void Bind(soci::statement& st) {
    st.exchange(into(v.id));
    st.exchange(into(category, category_ind));
    st.exchange(into(v.name));
    st.exchange(into(v.description));
    st.exchange(into(v.duration));
    st.exchange(into(v.price_min));
    st.exchange(into(price_max, max_ind));
    st.exchange(into(v.buffer_after));
    st.exchange(into(p_start, p_start_ind));
    st.exchange(into(p_duration, p_duration_ind));
    st.exchange(into(online));
    st.exchange(into(group));
    st.exchange(into(v.capacity));
    st.exchange(into(repeat, repeat_ind));
    st.exchange(into(v.position));
    st.exchange(into(archived));
    st.exchange(into(v.created_at));
  }
  Service Get() const {
    Service out = v;
    out.category_id = category_ind == soci::i_ok ? std::optional<Id>(category) : std::nullopt;
    out.price_max = max_ind == soci::i_ok ? std::optional<std::int64_t>(price_max) : std::nullopt;
    if (p_start_ind == soci::i_ok && p_duration_ind == soci::i_ok) {
      out.processing = Processing{p_start, p_duration};
    }
    out.repeat_after_days = repeat_ind == soci::i_ok ? std::optional<int>(repeat) : std::nullopt;
    out.online_booking = online != 0;
    out.group = group != 0;
    out.archived = archived != 0;
    return out;
  }
};

// Masters and rooms of the given services.
void LoadLinks(db::Session& s, Id org_id, std::vector<Service>& services) {
  if (services.empty()) return;
  std::map<Id, Service*> by_id;
  std::string in;
  for (auto& service : services) {
    by_id[service.id] = &service;
    in += (in.empty() ? "" : ",") + std::to_string(service.id);
  }
  {
    Id service_id = 0;
    ServiceStaff m;
    long long pmin = 0, pmax = 0;
    int duration = 0;
    soci::indicator pmin_ind{}, pmax_ind{}, duration_ind{};
    soci::statement st =
        (s.sql().prepare << "SELECT service_id, staff_id, price_min, price_max, duration FROM "
                            "service_staff WHERE org_id = :o AND service_id IN (" +
                                in + ") ORDER BY service_id, staff_id",
         use(org_id), into(service_id), into(m.staff_id), into(pmin, pmin_ind),
         into(pmax, pmax_ind), into(duration, duration_ind));
    st.execute();
    while (st.fetch()) {
      m.price_min = pmin_ind == soci::i_ok ? std::optional<std::int64_t>(pmin) : std::nullopt;
      m.price_max = pmax_ind == soci::i_ok ? std::optional<std::int64_t>(pmax) : std::nullopt;
      m.duration = duration_ind == soci::i_ok ? std::optional<int>(duration) : std::nullopt;
      by_id[service_id]->staff.push_back(m);
    }
  }
  {
    Id service_id = 0, room_id = 0;
    soci::statement st = (s.sql().prepare << "SELECT service_id, room_id FROM service_rooms WHERE "
                                             "org_id = :o AND service_id IN (" +
                                                 in + ") ORDER BY service_id, room_id",
                          use(org_id), into(service_id), into(room_id));
    st.execute();
    while (st.fetch()) by_id[service_id]->room_ids.push_back(room_id);
  }
}

std::vector<Service> QueryServices(db::Session& s, Id org_id, const std::string& where,
                                   const std::vector<long long>& params) {
  ServiceRow row;
  soci::statement st(s.sql());
  row.Bind(st);
  st.exchange(use(org_id));
  for (const auto& p : params) st.exchange(use(p));
  st.alloc();
  st.prepare(std::string(kServiceColumns) + where);
  st.define_and_bind();
  st.execute();
  std::vector<Service> out;
  while (st.fetch()) out.push_back(row.Get());
  LoadLinks(s, org_id, out);
  return out;
}

void SaveLinks(db::Session& s, Id org_id, const Service& service) {
  s.sql() << "DELETE FROM service_staff WHERE org_id = :o AND service_id = :s", use(org_id),
      use(service.id);
  for (const auto& m : service.staff) {
    long long pmin = m.price_min.value_or(0), pmax = m.price_max.value_or(0);
    int duration = m.duration.value_or(0);
    soci::indicator i1 = Ind(m.price_min), i2 = Ind(m.price_max), i3 = Ind(m.duration);
    s.sql() << "INSERT INTO service_staff (org_id, service_id, staff_id, price_min, price_max, "
               "duration) VALUES (:o, :s, :m, :a, :b, :d)",
        use(org_id), use(service.id), use(m.staff_id), use(pmin, i1), use(pmax, i2),
        use(duration, i3);
  }
  s.sql() << "DELETE FROM service_rooms WHERE org_id = :o AND service_id = :s", use(org_id),
      use(service.id);
  for (Id room : service.room_ids) {
    s.sql() << "INSERT INTO service_rooms (org_id, service_id, room_id) VALUES (:o, :s, :r)",
        use(org_id), use(service.id), use(room);
  }
}

}  // namespace

std::vector<Service> SqlCatalogStore::Services(db::Session& s, Id org_id, const ServiceQuery& q) {
  std::string where = "WHERE s.org_id = :o AND s.archived = :a";
  std::vector<long long> params = {q.archived ? 1 : 0};
  if (q.category_id) {
    where += " AND s.category_id = :c";
    params.push_back(*q.category_id);
  }
  if (q.staff_id) {
    where +=
        " AND EXISTS (SELECT 1 FROM service_staff m WHERE m.org_id = s.org_id AND "
        "m.service_id = s.id AND m.staff_id = :m)";
    params.push_back(*q.staff_id);
  }
  if (q.online_only) where += " AND s.online_booking = 1";
  where += " ORDER BY s.position, s.id";
  return QueryServices(s, org_id, where, params);
}

std::optional<Service> SqlCatalogStore::FindService(db::Session& s, Id org_id, Id id) {
  auto found = QueryServices(s, org_id, "WHERE s.org_id = :o AND s.id = :id", {id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

Id SqlCatalogStore::InsertService(db::Session& s, Id org_id, const Service& v) {
  Id id = 0;
  Id category = v.category_id.value_or(0);
  long long pmax = v.price_max.value_or(0);
  int p_start = v.processing ? v.processing->start : 0;
  int p_duration = v.processing ? v.processing->duration : 0;
  int repeat = v.repeat_after_days.value_or(0);
  soci::indicator ci = Ind(v.category_id), mi = Ind(v.price_max), pi = Ind(v.processing),
                  ri = Ind(v.repeat_after_days);
  const int online = v.online_booking, group = v.group, archived = v.archived;
  s.sql() << "INSERT INTO services (org_id, category_id, name, description, duration, price_min, "
             "price_max, buffer_after, processing_start, processing_duration, online_booking, "
             "is_group, capacity, repeat_after_days, position, created_at, archived) VALUES (:o, "
             ":c, :n, :d, :du, :pmin, :pmax, :b, :ps, :pd, :on, :g, :cap, :r, :pos, :at, :ar) "
             "RETURNING id",
      use(org_id), use(category, ci), use(v.name), use(v.description), use(v.duration),
      use(v.price_min), use(pmax, mi), use(v.buffer_after), use(p_start, pi), use(p_duration, pi),
      use(online), use(group), use(v.capacity), use(repeat, ri), use(v.position), use(v.created_at),
      use(archived), into(id);
  Service saved = v;
  saved.id = id;
  SaveLinks(s, org_id, saved);
  return id;
}

void SqlCatalogStore::UpdateService(db::Session& s, Id org_id, const Service& v) {
  Id category = v.category_id.value_or(0);
  long long pmax = v.price_max.value_or(0);
  int p_start = v.processing ? v.processing->start : 0;
  int p_duration = v.processing ? v.processing->duration : 0;
  int repeat = v.repeat_after_days.value_or(0);
  soci::indicator ci = Ind(v.category_id), mi = Ind(v.price_max), pi = Ind(v.processing),
                  ri = Ind(v.repeat_after_days);
  const int online = v.online_booking, group = v.group, archived = v.archived;
  s.sql() << "UPDATE services SET category_id = :c, name = :n, description = :d, duration = :du, "
             "price_min = :pmin, price_max = :pmax, buffer_after = :b, processing_start = :ps, "
             "processing_duration = :pd, online_booking = :on, is_group = :g, capacity = :cap, "
             "repeat_after_days = :r, position = :pos, archived = :ar WHERE org_id = :o AND "
             "id = :id",
      use(category, ci), use(v.name), use(v.description), use(v.duration), use(v.price_min),
      use(pmax, mi), use(v.buffer_after), use(p_start, pi), use(p_duration, pi), use(online),
      use(group), use(v.capacity), use(repeat, ri), use(v.position), use(archived), use(org_id),
      use(v.id);
  SaveLinks(s, org_id, v);
}

void SqlCatalogStore::SetServicePosition(db::Session& s, Id org_id, Id id, int position) {
  s.sql() << "UPDATE services SET position = :p WHERE org_id = :o AND id = :id", use(position),
      use(org_id), use(id);
}

std::vector<Id> SqlCatalogStore::ServicesOfStaff(db::Session& s, Id org_id, Id staff_id) {
  Id id = 0;
  soci::statement st = (s.sql().prepare << "SELECT m.service_id FROM service_staff m JOIN "
                                           "services s ON s.id = m.service_id WHERE m.org_id = :o "
                                           "AND m.staff_id = :m AND s.archived = 0 ORDER BY "
                                           "s.position, s.id",
                        use(org_id), use(staff_id), into(id));
  st.execute();
  std::vector<Id> out;
  while (st.fetch()) out.push_back(id);
  return out;
}

void SqlCatalogStore::SetServicesOfStaff(db::Session& s, Id org_id, Id staff_id,
                                         const std::vector<Id>& service_ids) {
  // Keep the master's own prices of services they still perform.
  std::string keep;
  for (Id id : service_ids) keep += (keep.empty() ? "" : ",") + std::to_string(id);
  s.sql() << "DELETE FROM service_staff WHERE org_id = :o AND staff_id = :m" +
                 (keep.empty() ? std::string() : " AND service_id NOT IN (" + keep + ")"),
      use(org_id), use(staff_id);
  for (Id id : service_ids) {
    int exists = 0;
    s.sql() << "SELECT COUNT(*) FROM service_staff WHERE org_id = :o AND staff_id = :m AND "
               "service_id = :s",
        use(org_id), use(staff_id), use(id), into(exists);
    if (exists == 0) {
      s.sql() << "INSERT INTO service_staff (org_id, service_id, staff_id) VALUES (:o, :s, :m)",
          use(org_id), use(id), use(staff_id);
    }
  }
}

}  // namespace kvitka::catalog
