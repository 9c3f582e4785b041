// Each organization's channels (Telegram bot, SMS gateway, Viber bot, email over SMTP): the
// settings an owner or manager edits. Secrets (tokens, passwords, gateway header values) are
// stored but never given back: a view says only whether each one is set.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "identity/app/actor.h"
#include "identity/app/audit_trail.h"
#include "messaging/app/channel_fields.h"
#include "messaging/app/error.h"
#include "messaging/app/stores.h"

namespace kvitka::messaging {

// What the API shows of a channel.
struct ChannelView {
  Channel channel = Channel::kSms;
  bool enabled = false;
  bool configured = false;  // everything the channel needs to send is there
  // The non-secret fields, and "<secret>_set": true|false for each secret.
  nlohmann::json fields = nlohmann::json::object();
  std::optional<EpochSeconds> updated_at;  // none: never saved
};

struct MessagingDeps {
  db::Database& db;
  ChannelSettingsStore& channels;
  TemplateStore& templates;
  identity::AuditTrail& audit;
  const Clock& clock;
};

// The values of a stored channel (empty objects where the stored JSON is damaged).
ChannelValues ValuesOf(const StoredChannel& stored);

class ChannelSettings {
 public:
  explicit ChannelSettings(MessagingDeps deps) : d_(deps) {}

  Result<std::vector<ChannelView>, Error> List(const identity::Actor& actor);
  Result<ChannelView, Error> Get(const identity::Actor& actor, Channel channel);
  // `changes` is the request's JSON object: a field that is missing keeps its value, null
  // clears it (a secret too), anything else replaces it after validation. Errors name the
  // field as "<channel>.<field>".
  Result<ChannelView, Error> Put(const identity::Actor& actor, Channel channel,
                                 const nlohmann::json& changes);

 private:
  MessagingDeps d_;
};

}  // namespace kvitka::messaging
