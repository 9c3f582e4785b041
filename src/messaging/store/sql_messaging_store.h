// SOCI implementations of the messaging stores.
#pragma once

#include "messaging/app/stores.h"

namespace kvitka::messaging {

class SqlChannelSettingsStore final : public ChannelSettingsStore {
 public:
  std::vector<StoredChannel> List(db::Session& s, Id org_id) override;
  std::optional<StoredChannel> Find(db::Session& s, Id org_id, Channel channel) override;
  void Save(db::Session& s, Id org_id, const StoredChannel& channel) override;
};

class SqlTemplateStore final : public TemplateStore {
 public:
  std::vector<SavedTemplate> List(db::Session& s, Id org_id) override;
  std::optional<SavedTemplate> Find(db::Session& s, Id org_id, MessageKind kind, Channel channel,
                                    Language language) override;
  void Save(db::Session& s, Id org_id, const MessageTemplate& text, EpochSeconds now) override;
  bool Delete(db::Session& s, Id org_id, MessageKind kind, Channel channel,
              Language language) override;
};

}  // namespace kvitka::messaging
