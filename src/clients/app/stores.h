// What the clients use cases need from storage. Implemented with SQL in clients/store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clients/domain/client.h"
#include "clients/domain/client_filter.h"

namespace kvitka::db {
class Session;
}

namespace kvitka::clients {

class ClientStore {
 public:
  virtual ~ClientStore() = default;
  virtual Id Insert(db::Session& s, const Client& client, const std::string& search_text) = 0;
  // Saves the card, its phones and its archived state.
  virtual void Update(db::Session& s, const Client& client, const std::string& search_text) = 0;
  // With phones and tags.
  virtual std::optional<Client> Find(db::Session& s, Id org_id, Id client_id) = 0;
  // The live client (not archived) that has the phone, other than `except_id`.
  virtual std::optional<Client> FindByPhone(db::Session& s, Id org_id, const std::string& phone,
                                            Id except_id) = 0;
  // The live client that has the phone, other than `except_id` (one indexed lookup).
  virtual std::optional<Id> PhoneOwner(db::Session& s, Id org_id, const std::string& phone,
                                       Id except_id) = 0;
  // Newest first, ids below `before_id` when given; `limit` rows at most.
  virtual std::vector<Client> List(db::Session& s, Id org_id, const ClientFilter& filter,
                                   std::optional<Id> before_id, int limit) = 0;
  virtual long long Count(db::Session& s, Id org_id, const ClientFilter& filter) = 0;
  virtual void SetTags(db::Session& s, Id org_id, Id client_id, const std::vector<Id>& tag_ids) = 0;
  // The clients with these ids (any state), with phones and tags; unknown ids are skipped.
  virtual std::vector<Client> FindMany(db::Session& s, Id org_id, const std::vector<Id>& ids) = 0;
  // Only what the journal shows of these clients: names, notes, discount, visit counts, phones
  // and tags (one query each).
  virtual std::vector<Client> Briefs(db::Session& s, Id org_id, const std::vector<Id>& ids) = 0;
  // Replaces the visit statistics (recounted by the journal).
  virtual void SetStats(db::Session& s, Id org_id, Id client_id, const VisitStats& stats) = 0;
  // Adds `from`'s visit statistics to `into` (merge).
  virtual void AddStats(db::Session& s, Id org_id, Id into_id, const VisitStats& stats) = 0;
  virtual void MarkMerged(db::Session& s, Id org_id, Id from_id, Id into_id) = 0;
};

class TagStore {
 public:
  virtual ~TagStore() = default;
  virtual std::vector<Tag> List(db::Session& s, Id org_id) = 0;  // with client counts
  virtual std::optional<Tag> Find(db::Session& s, Id org_id, Id tag_id) = 0;
  virtual std::optional<Tag> FindByName(db::Session& s, Id org_id, const std::string& name) = 0;
  virtual Id Insert(db::Session& s, Id org_id, const Tag& tag, EpochSeconds at) = 0;
  virtual void Update(db::Session& s, Id org_id, const Tag& tag) = 0;
  virtual void Delete(db::Session& s, Id org_id, Id tag_id) = 0;  // and its links
};

struct Segment {
  Id id = 0;
  std::string name;
  Pairs filter;  // the filter keys it was saved with
  long long clients = 0;
};

class SegmentStore {
 public:
  virtual ~SegmentStore() = default;
  virtual std::vector<Segment> List(db::Session& s, Id org_id) = 0;
  virtual std::optional<Segment> Find(db::Session& s, Id org_id, Id segment_id) = 0;
  virtual Id Insert(db::Session& s, Id org_id, const Segment& segment, EpochSeconds at) = 0;
  virtual void Update(db::Session& s, Id org_id, const Segment& segment, EpochSeconds at) = 0;
  virtual void Delete(db::Session& s, Id org_id, Id segment_id, EpochSeconds at) = 0;
};

struct ClientFile {
  Id id = 0;
  Id client_id = 0;
  std::string kind;  // photo_before, photo_after, document, consent, other
  std::string filename;
  std::string content_type;
  std::int64_t size = 0;
  std::string storage_key;
  EpochSeconds created_at = 0;
};

class ClientFileStore {
 public:
  virtual ~ClientFileStore() = default;
  virtual std::vector<ClientFile> List(db::Session& s, Id org_id, Id client_id) = 0;
  virtual std::optional<ClientFile> Find(db::Session& s, Id org_id, Id client_id, Id file_id) = 0;
  virtual Id Insert(db::Session& s, Id org_id, const ClientFile& file) = 0;
  virtual void Delete(db::Session& s, Id org_id, Id file_id, EpochSeconds at) = 0;
  virtual void MoveAll(db::Session& s, Id org_id, Id from_client, Id to_client) = 0;
};

struct PendingImport {
  Id id = 0;
  std::string rows_json;  // [[cell, ...], ...] including the header row
  EpochSeconds created_at = 0;
  bool used = false;
};

class ImportStore {
 public:
  virtual ~ImportStore() = default;
  virtual Id Insert(db::Session& s, Id org_id, const std::string& token_hash,
                    const std::string& rows_json, EpochSeconds at) = 0;
  virtual std::optional<PendingImport> Find(db::Session& s, Id org_id,
                                            const std::string& token_hash) = 0;
  virtual void MarkUsed(db::Session& s, Id org_id, Id import_id, EpochSeconds at) = 0;
  virtual void DeleteOlderThan(db::Session& s, EpochSeconds at) = 0;
};

class ClientSettingsStore {
 public:
  virtual ~ClientSettingsStore() = default;
  virtual NameOrder GetNameOrder(db::Session& s, Id org_id) = 0;
  virtual void SetNameOrder(db::Session& s, Id org_id, NameOrder order) = 0;
};

}  // namespace kvitka::clients
