#pragma once

#include "clients/app/stores.h"

namespace kvitka::clients {

class SqlClientStore final : public ClientStore {
 public:
  Id Insert(db::Session& s, const Client& client, const std::string& search_text) override;
  void Update(db::Session& s, const Client& client, const std::string& search_text) override;
  std::optional<Client> Find(db::Session& s, Id org_id, Id client_id) override;
  std::optional<Client> FindByPhone(db::Session& s, Id org_id, const std::string& phone,
                                    Id except_id) override;
  std::optional<Id> PhoneOwner(db::Session& s, Id org_id, const std::string& phone,
                               Id except_id) override;
  std::vector<Client> List(db::Session& s, Id org_id, const ClientFilter& filter,
                           std::optional<Id> before_id, int limit) override;
  long long Count(db::Session& s, Id org_id, const ClientFilter& filter) override;
  void SetTags(db::Session& s, Id org_id, Id client_id, const std::vector<Id>& tag_ids) override;
  std::vector<Client> FindMany(db::Session& s, Id org_id, const std::vector<Id>& ids) override;
  std::vector<Client> Briefs(db::Session& s, Id org_id, const std::vector<Id>& ids) override;
  void SetStats(db::Session& s, Id org_id, Id client_id, const VisitStats& stats) override;
  void AddStats(db::Session& s, Id org_id, Id into_id, const VisitStats& stats) override;
  void MarkMerged(db::Session& s, Id org_id, Id from_id, Id into_id) override;
};

// Loads phones and tags of the given clients (one query each).
void LoadPhonesAndTags(db::Session& s, Id org_id, std::vector<Client>& clients);

// Columns of a client row and reading them (shared by the store and the list query).
extern const char* const kClientColumns;
std::vector<Client> FetchClients(db::Session& s, const std::string& sql,
                                 const std::vector<std::string>& text_params,
                                 const std::vector<long long>& number_params,
                                 const std::vector<int>& order);

}  // namespace kvitka::clients
