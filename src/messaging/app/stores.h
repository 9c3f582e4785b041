// What the messaging use cases need from the database; SQL lives in messaging/store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/id.h"
#include "messaging/domain/templates.h"
#include "platform/db/database.h"

namespace kvitka::messaging {

// One channel of an organization as stored: the shown settings and the secrets, each a JSON
// object in text.
struct StoredChannel {
  Channel channel = Channel::kSms;
  bool enabled = false;
  std::string settings_json = "{}";
  std::string secrets_json = "{}";
  EpochSeconds updated_at = 0;
};

class ChannelSettingsStore {
 public:
  virtual ~ChannelSettingsStore() = default;
  virtual std::vector<StoredChannel> List(db::Session& s, Id org_id) = 0;
  virtual std::optional<StoredChannel> Find(db::Session& s, Id org_id, Channel channel) = 0;
  virtual void Save(db::Session& s, Id org_id, const StoredChannel& channel) = 0;
};

// A salon's own template text.
struct SavedTemplate {
  MessageTemplate text;
  EpochSeconds updated_at = 0;
};

class TemplateStore {
 public:
  virtual ~TemplateStore() = default;
  virtual std::vector<SavedTemplate> List(db::Session& s, Id org_id) = 0;
  virtual std::optional<SavedTemplate> Find(db::Session& s, Id org_id, MessageKind kind,
                                            Channel channel, Language language) = 0;
  virtual void Save(db::Session& s, Id org_id, const MessageTemplate& text, EpochSeconds now) = 0;
  // False when the salon had no text of its own.
  virtual bool Delete(db::Session& s, Id org_id, MessageKind kind, Channel channel,
                      Language language) = 0;
};

}  // namespace kvitka::messaging
