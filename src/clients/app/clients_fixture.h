// For clients *_dbtest.cpp: identity and clients services on a fresh test database.
#pragma once

#include <filesystem>

#include "clients/app/client_service.h"
#include "clients/app/exchange_service.h"
#include "clients/app/file_service.h"
#include "clients/app/tag_service.h"
#include "clients/store/sql_client_catalog_store.h"
#include "clients/store/sql_client_store.h"
#include "identity/app/identity_fixture.h"

namespace kvitka::clients {

class ClientsFixture : public identity::IdentityFixture {
 protected:
  ClientsFixture()
      : storage_(std::filesystem::temp_directory_path() / ("kvitka-files-" + RandomToken(6))),
        deps_{*db_,     client_store_, tag_store_, segment_store_, file_store_, settings_store_,
              imports_, storage_,      audit_,     branches_,      clock_},
        clients_(deps_),
        tags_(deps_, clients_),
        files_(deps_),
        exchange_(deps_, clients_) {
    owner_ = ActorOf(SignUp("owner@example.com"));
    master_ = owner_;
    master_.role = identity::Role::kMaster;
  }

  Client Add(const std::string& first, const std::string& last, std::vector<std::string> phones) {
    ClientPatch p;
    p.first_name = first;
    p.last_name = last;
    p.phones = std::move(phones);
    auto created = clients_.Create(owner_, p);
    EXPECT_TRUE(created.ok());
    return created.ok() ? created->client : Client{};
  }

  std::vector<std::string> Names(const identity::Actor& actor, const Pairs& query) {
    auto page = clients_.List(actor, query, std::nullopt, 100, false);
    EXPECT_TRUE(page.ok());
    std::vector<std::string> names;
    if (page.ok()) {
      for (const auto& c : page->items) names.push_back(c.first_name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  SqlClientStore client_store_;
  SqlTagStore tag_store_;
  SqlSegmentStore segment_store_;
  SqlClientFileStore file_store_;
  SqlClientSettingsStore settings_store_;
  SqlImportStore imports_;
  files::DiskFileStorage storage_;
  ClientDeps deps_;
  ClientService clients_;
  TagService tags_;
  ClientFileService files_;
  ClientExchange exchange_;
  identity::Actor owner_;
  identity::Actor master_;
};

}  // namespace kvitka::clients
