// The client card: create, read, change, archive, merge, personal data export and erasure,
// and the client list with search and filters.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clients/app/error.h"
#include "clients/app/file_storage.h"
#include "clients/app/stores.h"
#include "core/clock.h"
#include "core/result.h"
#include "identity/app/actor.h"
#include "identity/app/audit_trail.h"
#include "identity/app/branch_service.h"
#include "platform/db/database.h"

namespace kvitka::clients {

// A change to a card: only the fields that are set change.
struct ClientPatch {
  std::optional<std::string> first_name, last_name, middle_name, email, birthday, gender, notes,
      source, preferences, language;
  std::optional<std::vector<std::string>> phones;
  std::optional<std::optional<Id>> referred_by_id;
  std::optional<std::optional<Id>> photo_file_id;
  std::optional<std::vector<Id>> preferred_staff_ids, preferred_service_ids, tag_ids;
  std::optional<bool> consent_sms, consent_telegram, consent_viber, consent_email;
  std::optional<int> discount_percent;
  // Problems the request body already had (types, lengths): reported together with the
  // card's own rules, so that one answer names every bad field.
  FieldErrors format_errors;
};

struct ClientPage {
  std::vector<Client> items;
  std::optional<Id> next_before;  // cursor of the next page
  std::optional<long long> total;
  NameOrder order = NameOrder::kFirstLast;
};

// A client and what is needed to show them: the organization's name order.
struct ClientView {
  Client client;
  NameOrder order = NameOrder::kFirstLast;
};

struct ClientDeps {
  db::Database& db;
  ClientStore& clients;
  TagStore& tags;
  SegmentStore& segments;
  ClientFileStore& files;
  ClientSettingsStore& settings;
  ImportStore& imports;
  FileStorage& storage;
  identity::AuditTrail& audit;
  identity::OrgProfiles& orgs;
  const Clock& clock;
};

class ClientService {
 public:
  explicit ClientService(ClientDeps deps) : d_(deps) {}

  Result<ClientView, Error> Create(const identity::Actor& actor, const ClientPatch& input);
  Result<ClientView, Error> Get(const identity::Actor& actor, Id client_id);
  Result<ClientView, Error> Update(const identity::Actor& actor, Id client_id,
                                   const ClientPatch& patch);
  Result<ClientView, Error> Archive(const identity::Actor& actor, Id client_id);
  // `into` keeps everything of `source`; `source` is archived as merged.
  Result<ClientView, Error> Merge(const identity::Actor& actor, Id into_id, Id source_id);
  Result<ClientView, Error> Erase(const identity::Actor& actor, Id client_id);
  // Everything stored about a person (audited): the card and its files.
  Result<std::pair<ClientView, std::vector<ClientFile>>, Error> PersonalData(
      const identity::Actor& actor, Id client_id);

  // Filter keys as in a query string (q, tag_ids, ..., segment_id).
  Result<ClientPage, Error> List(const identity::Actor& actor, const Pairs& query,
                                 std::optional<Id> before, int limit, bool with_total);
  // The parsed filter of a query for this organization (segments resolved).
  Result<ClientFilter, Error> FilterOf(const identity::Actor& actor, const Pairs& query);

  Result<NameOrder, Error> GetNameOrder(const identity::Actor& actor);
  Result<NameOrder, Error> SetNameOrder(const identity::Actor& actor, NameOrder order);

  // For imports: inside the caller's unit of work, no audit per row.
  FilterContext ContextOf(Id org_id);

  // For the journal, inside its unit of work: the clients with these ids (contacts and last
  // names cleared when the actor may not see them), and the visit statistics it recounted.
  std::vector<Client> FindMany(db::Session& s, const identity::Actor& actor,
                               const std::vector<Id>& ids);
  // The same, with only the fields the journal shows (see ClientStore::Briefs).
  std::vector<Client> Briefs(db::Session& s, const identity::Actor& actor,
                             const std::vector<Id>& ids);
  // For online booking, inside the caller's unit of work: a new card (audited as `actor`; the
  // organization's profile read before the transaction), and the live client that has this
  // phone (E.164).
  Result<Client, Error> CreateIn(db::Session& s, const identity::Actor& actor,
                                 const ClientPatch& input, const identity::OrgProfile& org) {
    return Insert(s, actor, input, org);
  }
  std::optional<Client> FindByPhone(db::Session& s, Id org_id, const std::string& phone) {
    return d_.clients.FindByPhone(s, org_id, phone, 0);
  }
  void SetVisitStats(db::Session& s, Id org_id, Id client_id, const VisitStats& stats) {
    d_.clients.SetStats(s, org_id, client_id, stats);
  }
  // Whether every file id is a (live) file of this client.
  bool HasFiles(db::Session& s, Id org_id, Id client_id, const std::vector<Id>& file_ids) {
    for (Id id : file_ids) {
      if (!d_.files.Find(s, org_id, client_id, id)) return false;
    }
    return true;
  }

 private:
  Result<Client, Error> Insert(db::Session& s, const identity::Actor& actor,
                               const ClientPatch& input, const identity::OrgProfile& org);
  Result<Client, Error> Apply(db::Session& s, const identity::Actor& actor, Client& client,
                              const ClientPatch& patch, const identity::OrgProfile& org);
  ClientView Show(db::Session& s, const identity::Actor& actor, Client client);

  ClientDeps d_;
};

// The audit record of a card (never more than what an owner may see).
identity::Snapshot ClientSnapshot(const Client& client);

}  // namespace kvitka::clients
