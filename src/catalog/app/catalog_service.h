// The catalog use cases: categories (ordered), services with their masters and rooms, rooms.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "catalog/domain/catalog.h"
#include "core/clock.h"
#include "core/result.h"
#include "identity/app/actor.h"
#include "identity/app/audit_trail.h"
#include "platform/db/database.h"

namespace kvitka::db {
class Session;
}

namespace kvitka::catalog {

enum class ErrorCode { kValidation, kForbidden, kNotFound, kCategoryNotEmpty };

struct Error {
  ErrorCode code;
  FieldErrors fields = {};
  Error(ErrorCode c) : code(c) {}  // NOLINT: an error is often just its code
  Error(ErrorCode c, FieldErrors f) : code(c), fields(std::move(f)) {}
};

class CatalogStore {
 public:
  virtual ~CatalogStore() = default;
  virtual std::vector<Category> Categories(db::Session& s, Id org_id, bool archived) = 0;
  virtual std::optional<Category> FindCategory(db::Session& s, Id org_id, Id id) = 0;
  virtual Id InsertCategory(db::Session& s, Id org_id, const Category& c) = 0;
  virtual void UpdateCategory(db::Session& s, Id org_id, const Category& c) = 0;

  struct ServiceQuery {
    std::optional<Id> category_id;
    std::optional<Id> staff_id;
    bool online_only = false;
    bool archived = false;
  };
  virtual std::vector<Service> Services(db::Session& s, Id org_id, const ServiceQuery& q) = 0;
  virtual std::optional<Service> FindService(db::Session& s, Id org_id, Id id) = 0;
  virtual Id InsertService(db::Session& s, Id org_id, const Service& service) = 0;
  // Saves the service with its masters and rooms.
  virtual void UpdateService(db::Session& s, Id org_id, const Service& service) = 0;
  virtual void SetServicePosition(db::Session& s, Id org_id, Id id, int position) = 0;
  // The services a master performs (live ones).
  virtual std::vector<Id> ServicesOfStaff(db::Session& s, Id org_id, Id staff_id) = 0;
  virtual void SetServicesOfStaff(db::Session& s, Id org_id, Id staff_id,
                                  const std::vector<Id>& service_ids) = 0;

  virtual std::vector<Room> Rooms(db::Session& s, Id org_id, std::optional<Id> branch_id,
                                  bool archived) = 0;
  virtual std::optional<Room> FindRoom(db::Session& s, Id org_id, Id id) = 0;
  virtual Id InsertRoom(db::Session& s, Id org_id, const Room& room) = 0;
  virtual void UpdateRoom(db::Session& s, Id org_id, const Room& room) = 0;
};

// Whether a master and a branch exist in the organization (the staff and identity modules
// answer), inside the caller's unit of work.
class CatalogReferences {
 public:
  virtual ~CatalogReferences() = default;
  virtual bool StaffExists(db::Session& s, Id org_id, Id staff_id) = 0;
  virtual bool BranchExists(db::Session& s, Id org_id, Id branch_id) = 0;
};

class CatalogService {
 public:
  CatalogService(db::Database& db, CatalogStore& store, CatalogReferences& references,
                 identity::AuditTrail& audit, const Clock& clock)
      : db_(db), store_(store), refs_(references), audit_(audit), clock_(clock) {}

  Result<std::vector<Category>, Error> Categories(const identity::Actor& actor, bool archived);
  Result<Category, Error> SaveCategory(const identity::Actor& actor, std::optional<Id> id,
                                       const std::optional<std::string>& name,
                                       const std::optional<std::string>& color,
                                       const std::optional<std::string>& icon);
  Result<Done, Error> ArchiveCategory(const identity::Actor& actor, Id id);
  Result<std::vector<Category>, Error> OrderCategories(const identity::Actor& actor,
                                                       const std::vector<Id>& ids);

  Result<std::vector<Service>, Error> Services(const identity::Actor& actor,
                                               const CatalogStore::ServiceQuery& query);
  Result<Service, Error> GetService(const identity::Actor& actor, Id id);
  // Creates (no id) or changes a service: `apply` sets the fields the request carries.
  Result<Service, Error> SaveService(const identity::Actor& actor, std::optional<Id> id,
                                     const std::function<void(Service&)>& apply);
  Result<Service, Error> ArchiveService(const identity::Actor& actor, Id id);
  Result<std::vector<Service>, Error> OrderServices(const identity::Actor& actor,
                                                    const std::vector<Id>& ids);

  Result<std::vector<Room>, Error> Rooms(const identity::Actor& actor, std::optional<Id> branch_id,
                                         bool archived);
  Result<Room, Error> GetRoom(const identity::Actor& actor, Id id);
  Result<Room, Error> SaveRoom(const identity::Actor& actor, std::optional<Id> id,
                               const std::function<void(Room&)>& apply);
  Result<Room, Error> ArchiveRoom(const identity::Actor& actor, Id id);

  // For the journal, inside its unit of work.
  std::optional<Service> FindServiceIn(db::Session& s, Id org_id, Id id) {
    return store_.FindService(s, org_id, id);
  }
  // Live online services with their masters, in position order, and live categories.
  std::vector<Service> OnlineServicesIn(db::Session& s, Id org_id) {
    CatalogStore::ServiceQuery query;
    query.online_only = true;
    return store_.Services(s, org_id, query);
  }
  std::vector<Category> CategoriesIn(db::Session& s, Id org_id) {
    return store_.Categories(s, org_id, false);
  }
  std::vector<Room> RoomsIn(db::Session& s, Id org_id, Id branch_id) {
    return store_.Rooms(s, org_id, branch_id, false);
  }

  // For the staff module, inside its unit of work.
  std::vector<Id> ServicesOfStaff(db::Session& s, Id org_id, Id staff_id) {
    return store_.ServicesOfStaff(s, org_id, staff_id);
  }
  FieldErrors CheckServiceIds(db::Session& s, Id org_id, const std::vector<Id>& service_ids,
                              const std::string& field);
  // Unknown service ids come back as field errors on `field`.
  FieldErrors SetServicesOfStaff(db::Session& s, Id org_id, Id staff_id,
                                 const std::vector<Id>& service_ids, const std::string& field);

 private:
  db::Database& db_;
  CatalogStore& store_;
  CatalogReferences& refs_;
  identity::AuditTrail& audit_;
  const Clock& clock_;
};

}  // namespace kvitka::catalog
