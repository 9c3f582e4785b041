#pragma once

#include "clients/app/stores.h"

namespace kvitka::clients {

class SqlTagStore final : public TagStore {
 public:
  std::vector<Tag> List(db::Session& s, Id org_id) override;
  std::optional<Tag> Find(db::Session& s, Id org_id, Id tag_id) override;
  std::optional<Tag> FindByName(db::Session& s, Id org_id, const std::string& name) override;
  Id Insert(db::Session& s, Id org_id, const Tag& tag, EpochSeconds at) override;
  void Update(db::Session& s, Id org_id, const Tag& tag) override;
  void Delete(db::Session& s, Id org_id, Id tag_id) override;
};

class SqlSegmentStore final : public SegmentStore {
 public:
  std::vector<Segment> List(db::Session& s, Id org_id) override;
  std::optional<Segment> Find(db::Session& s, Id org_id, Id segment_id) override;
  Id Insert(db::Session& s, Id org_id, const Segment& segment, EpochSeconds at) override;
  void Update(db::Session& s, Id org_id, const Segment& segment, EpochSeconds at) override;
  void Delete(db::Session& s, Id org_id, Id segment_id, EpochSeconds at) override;
};

class SqlClientFileStore final : public ClientFileStore {
 public:
  std::vector<ClientFile> List(db::Session& s, Id org_id, Id client_id) override;
  std::optional<ClientFile> Find(db::Session& s, Id org_id, Id client_id, Id file_id) override;
  Id Insert(db::Session& s, Id org_id, const ClientFile& file) override;
  void Delete(db::Session& s, Id org_id, Id file_id, EpochSeconds at) override;
  void MoveAll(db::Session& s, Id org_id, Id from_client, Id to_client) override;
};

class SqlImportStore final : public ImportStore {
 public:
  Id Insert(db::Session& s, Id org_id, const std::string& token_hash, const std::string& rows_json,
            EpochSeconds at) override;
  std::optional<PendingImport> Find(db::Session& s, Id org_id,
                                    const std::string& token_hash) override;
  void MarkUsed(db::Session& s, Id org_id, Id import_id, EpochSeconds at) override;
  void DeleteOlderThan(db::Session& s, EpochSeconds at) override;
};

class SqlClientSettingsStore final : public ClientSettingsStore {
 public:
  NameOrder GetNameOrder(db::Session& s, Id org_id) override;
  void SetNameOrder(db::Session& s, Id org_id, NameOrder order) override;
};

}  // namespace kvitka::clients
