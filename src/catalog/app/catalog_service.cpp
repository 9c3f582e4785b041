#include "catalog/app/catalog_service.h"

#include <algorithm>

#include "core/text.h"
#include "identity/app/authorize.h"

namespace kvitka::catalog {

using identity::Action;
using identity::Actor;
using identity::Snapshot;

namespace {

Result<Done, Error> Allowed(const Actor& actor, Action action) {
  if (!identity::Authorize(actor, action)) return Fail(Error(ErrorCode::kForbidden));
  return Done{};
}

Snapshot ServiceSnapshot(const Service& s) {
  Snapshot staff = Snapshot::array();
  for (const auto& m : s.staff) {
    staff.push_back({{"staff_id", m.staff_id},
                     {"price_min", m.price_min ? Snapshot(*m.price_min) : nullptr},
                     {"price_max", m.price_max ? Snapshot(*m.price_max) : nullptr},
                     {"duration", m.duration ? Snapshot(*m.duration) : nullptr}});
  }
  return {{"name", s.name},
          {"category_id", s.category_id ? Snapshot(*s.category_id) : nullptr},
          {"duration", s.duration},
          {"price_min", s.price_min},
          {"price_max", s.price_max ? Snapshot(*s.price_max) : nullptr},
          {"buffer_after", s.buffer_after},
          {"online_booking", s.online_booking},
          {"group", s.group},
          {"capacity", s.capacity},
          {"room_ids", s.room_ids},
          {"staff", staff},
          {"archived", s.archived}};
}

Snapshot RoomSnapshot(const Room& r) {
  return {{"name", r.name},
          {"branch_id", r.branch_id},
          {"capacity", r.capacity},
          {"closures", r.closures.size()},
          {"archived", r.archived}};
}

}  // namespace

Result<std::vector<Category>, Error> CatalogService::Categories(const Actor& actor, bool archived) {
  if (auto ok = Allowed(actor, Action::kViewCatalog); !ok) return Fail(ok.error());
  return db_.Read([&](db::Session& s) { return store_.Categories(s, actor.org_id, archived); });
}

Result<Category, Error> CatalogService::SaveCategory(const Actor& actor, std::optional<Id> id,
                                                     const std::optional<std::string>& name,
                                                     const std::optional<std::string>& color,
                                                     const std::optional<std::string>& icon) {
  if (auto ok = Allowed(actor, Action::kManageCatalog); !ok) return Fail(ok.error());
  if (color && !IsHexColor(*color)) {
    return Fail(Error(ErrorCode::kValidation, {{"color", "invalid_color"}}));
  }
  return db_.Write([&](db::Session& s) -> Result<Category, Error> {
    Category c;
    Snapshot before = nullptr;
    if (id) {
      auto found = store_.FindCategory(s, actor.org_id, *id);
      if (!found || found->archived) return Fail(Error(ErrorCode::kNotFound));
      c = *found;
      before = {{"name", c.name}, {"color", c.color}, {"icon", c.icon}};
    } else {
      c.position = static_cast<int>(store_.Categories(s, actor.org_id, false).size());
    }
    if (name) c.name = *name;
    if (color) c.color = *color;
    if (icon) c.icon = *icon;
    if (id) {
      store_.UpdateCategory(s, actor.org_id, c);
    } else {
      c.id = store_.InsertCategory(s, actor.org_id, c);
    }
    audit_.Record(s, actor, id ? "service_category.update" : "service_category.create",
                  "service_category", c.id, before,
                  {{"name", c.name}, {"color", c.color}, {"icon", c.icon}});
    return *store_.FindCategory(s, actor.org_id, c.id);
  });
}

Result<Done, Error> CatalogService::ArchiveCategory(const Actor& actor, Id id) {
  if (auto ok = Allowed(actor, Action::kManageCatalog); !ok) return Fail(ok.error());
  return db_.Write([&](db::Session& s) -> Result<Done, Error> {
    auto c = store_.FindCategory(s, actor.org_id, id);
    if (!c || c->archived) return Fail(Error(ErrorCode::kNotFound));
    if (c->services > 0) return Fail(Error(ErrorCode::kCategoryNotEmpty));
    c->archived = true;
    store_.UpdateCategory(s, actor.org_id, *c);
    audit_.Record(s, actor, "service_category.archive", "service_category", id, nullptr, nullptr);
    return Done{};
  });
}

Result<std::vector<Category>, Error> CatalogService::OrderCategories(const Actor& actor,
                                                                     const std::vector<Id>& ids) {
  if (auto ok = Allowed(actor, Action::kManageCatalog); !ok) return Fail(ok.error());
  return db_.Write([&](db::Session& s) -> Result<std::vector<Category>, Error> {
    // The listed categories come first in the given order; the others keep theirs after.
    auto current = store_.Categories(s, actor.org_id, false);
    std::vector<Category> ordered;
    for (Id id : ids) {
      auto it = std::find_if(current.begin(), current.end(),
                             [&](const Category& c) { return c.id == id; });
      if (it == current.end()) return Fail(Error(ErrorCode::kValidation, {{"ids", "not_found"}}));
      ordered.push_back(*it);
    }
    for (const auto& c : current) {
      if (std::find(ids.begin(), ids.end(), c.id) == ids.end()) ordered.push_back(c);
    }
    for (std::size_t i = 0; i < ordered.size(); ++i) {
      ordered[i].position = static_cast<int>(i);
      store_.UpdateCategory(s, actor.org_id, ordered[i]);
    }
    audit_.Record(s, actor, "service_category.reorder", "service_category", std::nullopt, nullptr,
                  {{"ids", ids}});
    return store_.Categories(s, actor.org_id, false);
  });
}

Result<std::vector<Service>, Error> CatalogService::Services(
    const Actor& actor, const CatalogStore::ServiceQuery& query) {
  if (auto ok = Allowed(actor, Action::kViewCatalog); !ok) return Fail(ok.error());
  return db_.Read([&](db::Session& s) { return store_.Services(s, actor.org_id, query); });
}

Result<Service, Error> CatalogService::GetService(const Actor& actor, Id id) {
  if (auto ok = Allowed(actor, Action::kViewCatalog); !ok) return Fail(ok.error());
  return db_.Read([&](db::Session& s) -> Result<Service, Error> {
    auto service = store_.FindService(s, actor.org_id, id);
    if (!service) return Fail(Error(ErrorCode::kNotFound));
    return *service;
  });
}

Result<Service, Error> CatalogService::SaveService(const Actor& actor, std::optional<Id> id,
                                                   const std::function<void(Service&)>& apply) {
  if (auto ok = Allowed(actor, Action::kManageCatalog); !ok) return Fail(ok.error());
  return db_.Write([&](db::Session& s) -> Result<Service, Error> {
    Service service;
    Snapshot before = nullptr;
    if (id) {
      auto found = store_.FindService(s, actor.org_id, *id);
      if (!found) return Fail(Error(ErrorCode::kNotFound));
      service = *found;
      before = ServiceSnapshot(service);
    } else {
      service.created_at = clock_.Now();
    }
    apply(service);
    FieldErrors errors = CheckService(service);
    if (service.category_id) {
      auto category = store_.FindCategory(s, actor.org_id, *service.category_id);
      if (!category || category->archived) errors.push_back({"category_id", "not_found"});
    }
    for (Id room : service.room_ids) {
      auto found = store_.FindRoom(s, actor.org_id, room);
      if (!found || found->archived) {
        errors.push_back({"room_ids", "not_found"});
        break;
      }
    }
    for (std::size_t i = 0; i < service.staff.size(); ++i) {
      if (!refs_.StaffExists(s, actor.org_id, service.staff[i].staff_id)) {
        errors.push_back({"staff[" + std::to_string(i) + "].staff_id", "not_found"});
      }
    }
    if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
    if (id) {
      store_.UpdateService(s, actor.org_id, service);
    } else {
      service.position = static_cast<int>(store_.Services(s, actor.org_id, {}).size());
      service.id = store_.InsertService(s, actor.org_id, service);
    }
    audit_.Record(s, actor, id ? "service.update" : "service.create", "service", service.id, before,
                  ServiceSnapshot(service));
    return *store_.FindService(s, actor.org_id, service.id);
  });
}

Result<Service, Error> CatalogService::ArchiveService(const Actor& actor, Id id) {
  return SaveService(actor, id, [](Service& service) { service.archived = true; });
}

Result<std::vector<Service>, Error> CatalogService::OrderServices(const Actor& actor,
                                                                  const std::vector<Id>& ids) {
  if (auto ok = Allowed(actor, Action::kManageCatalog); !ok) return Fail(ok.error());
  return db_.Write([&](db::Session& s) -> Result<std::vector<Service>, Error> {
    auto current = store_.Services(s, actor.org_id, {});
    std::vector<Id> ordered;
    for (Id id : ids) {
      const bool live = std::any_of(current.begin(), current.end(),
                                    [&](const Service& service) { return service.id == id; });
      if (!live) return Fail(Error(ErrorCode::kValidation, {{"ids", "not_found"}}));
      ordered.push_back(id);
    }
    for (const auto& service : current) {
      if (std::find(ids.begin(), ids.end(), service.id) == ids.end()) ordered.push_back(service.id);
    }
    for (std::size_t i = 0; i < ordered.size(); ++i) {
      store_.SetServicePosition(s, actor.org_id, ordered[i], static_cast<int>(i));
    }
    audit_.Record(s, actor, "service.reorder", "service", std::nullopt, nullptr, {{"ids", ids}});
    return store_.Services(s, actor.org_id, {});
  });
}

Result<std::vector<Room>, Error> CatalogService::Rooms(const Actor& actor,
                                                       std::optional<Id> branch_id, bool archived) {
  if (auto ok = Allowed(actor, Action::kViewCatalog); !ok) return Fail(ok.error());
  return db_.Read(
      [&](db::Session& s) { return store_.Rooms(s, actor.org_id, branch_id, archived); });
}

Result<Room, Error> CatalogService::GetRoom(const Actor& actor, Id id) {
  if (auto ok = Allowed(actor, Action::kViewCatalog); !ok) return Fail(ok.error());
  return db_.Read([&](db::Session& s) -> Result<Room, Error> {
    auto room = store_.FindRoom(s, actor.org_id, id);
    if (!room) return Fail(Error(ErrorCode::kNotFound));
    return *room;
  });
}

Result<Room, Error> CatalogService::SaveRoom(const Actor& actor, std::optional<Id> id,
                                             const std::function<void(Room&)>& apply) {
  if (auto ok = Allowed(actor, Action::kManageCatalog); !ok) return Fail(ok.error());
  return db_.Write([&](db::Session& s) -> Result<Room, Error> {
    Room room;
    Snapshot before = nullptr;
    if (id) {
      auto found = store_.FindRoom(s, actor.org_id, *id);
      if (!found) return Fail(Error(ErrorCode::kNotFound));
      room = *found;
      before = RoomSnapshot(room);
    }
    apply(room);
    FieldErrors errors = CheckRoom(room);
    if (!refs_.BranchExists(s, actor.org_id, room.branch_id)) {
      errors.push_back({"branch_id", room.branch_id == 0 ? "required" : "not_found"});
    }
    if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
    if (id) {
      store_.UpdateRoom(s, actor.org_id, room);
    } else {
      room.id = store_.InsertRoom(s, actor.org_id, room);
    }
    audit_.Record(s, actor, id ? "room.update" : "room.create", "room", room.id, before,
                  RoomSnapshot(room));
    return *store_.FindRoom(s, actor.org_id, room.id);
  });
}

Result<Room, Error> CatalogService::ArchiveRoom(const Actor& actor, Id id) {
  return SaveRoom(actor, id, [](Room& room) { room.archived = true; });
}

FieldErrors CatalogService::CheckServiceIds(db::Session& s, Id org_id,
                                            const std::vector<Id>& service_ids,
                                            const std::string& field) {
  for (Id id : service_ids) {
    auto service = store_.FindService(s, org_id, id);
    if (!service || service->archived) return {{field, "not_found"}};
  }
  return {};
}

FieldErrors CatalogService::SetServicesOfStaff(db::Session& s, Id org_id, Id staff_id,
                                               const std::vector<Id>& service_ids,
                                               const std::string& field) {
  if (auto errors = CheckServiceIds(s, org_id, service_ids, field); !errors.empty()) {
    return errors;
  }
  store_.SetServicesOfStaff(s, org_id, staff_id, service_ids);
  return {};
}

}  // namespace kvitka::catalog
