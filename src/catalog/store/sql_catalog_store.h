#pragma once

#include "catalog/app/catalog_service.h"

namespace kvitka::catalog {

class SqlCatalogStore final : public CatalogStore {
 public:
  std::vector<Category> Categories(db::Session& s, Id org_id, bool archived) override;
  std::optional<Category> FindCategory(db::Session& s, Id org_id, Id id) override;
  Id InsertCategory(db::Session& s, Id org_id, const Category& c) override;
  void UpdateCategory(db::Session& s, Id org_id, const Category& c) override;
  std::vector<Service> Services(db::Session& s, Id org_id, const ServiceQuery& q) override;
  std::optional<Service> FindService(db::Session& s, Id org_id, Id id) override;
  Id InsertService(db::Session& s, Id org_id, const Service& service) override;
  void UpdateService(db::Session& s, Id org_id, const Service& service) override;
  void SetServicePosition(db::Session& s, Id org_id, Id id, int position) override;
  std::vector<Id> ServicesOfStaff(db::Session& s, Id org_id, Id staff_id) override;
  void SetServicesOfStaff(db::Session& s, Id org_id, Id staff_id,
                          const std::vector<Id>& service_ids) override;
  std::vector<Room> Rooms(db::Session& s, Id org_id, std::optional<Id> branch_id,
                          bool archived) override;
  std::optional<Room> FindRoom(db::Session& s, Id org_id, Id id) override;
  Id InsertRoom(db::Session& s, Id org_id, const Room& room) override;
  void UpdateRoom(db::Session& s, Id org_id, const Room& room) override;
};

}  // namespace kvitka::catalog
