// The provider adapters of each organization's channels, built from its stored settings (once
// per settings version) and shared by the dispatcher's threads. Where each provider lives can be
// changed for the whole server (a self-hosted Telegram Bot API server, a gateway's test host, the
// fake providers of the tests).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "channels/gateway.h"
#include "channels/pacer.h"
#include "messaging/app/stores.h"

namespace kvitka::channels {
class StatusLookup;
class TelegramBot;
class ViberBot;
}  // namespace kvitka::channels

namespace kvitka::messaging {

// Base URLs by provider: "telegram", "viber", "turbosms", "smsclub", "alphasms".
using ProviderUrls = std::map<std::string, std::string, std::less<>>;

class Gateways {
 public:
  explicit Gateways(ProviderUrls urls = {}) : urls_(std::move(urls)) {}

  // The adapter of an organization's channel as stored; null when it lacks what it needs.
  std::shared_ptr<channels::Gateway> For(Id org_id, const StoredChannel& stored);
  // The organization's Telegram bot (for polling and answering), null without a token.
  std::shared_ptr<channels::TelegramBot> Telegram(Id org_id, const StoredChannel& stored);
  // The organization's Viber bot (for its webhook), null without a token.
  std::shared_ptr<channels::ViberBot> Viber(Id org_id, const StoredChannel& stored);
  // The delivery reports of the organization's SMS provider; null when it has none (the generic
  // gateway) or lacks what it needs.
  std::shared_ptr<channels::StatusLookup> Lookup(Id org_id, const StoredChannel& stored);

  // Waits until a message to `key` on the organization's channel may go out, by the provider's
  // pace (Telegram: 1 per second per chat and 30 per second per bot), and records it. Returns
  // false without waiting when the wait would be longer than `max_wait_ms`.
  bool Pace(Id org_id, Channel channel, const std::string& key, channels::EpochMillis max_wait_ms);
  // A 429: nothing more to this chat (or, with an empty key, on this channel) for a while.
  void Hold(Id org_id, Channel channel, const std::string& key, EpochSeconds seconds);

 private:
  struct Built {
    EpochSeconds updated_at = 0;
    std::shared_ptr<channels::Gateway> gateway;
    std::shared_ptr<channels::TelegramBot> telegram;
    std::shared_ptr<channels::ViberBot> viber;
  };
  Built& Build(Id org_id, const StoredChannel& stored);
  std::string Url(const char* provider, const char* fallback) const;

  ProviderUrls urls_;
  std::mutex mutex_;
  std::map<std::pair<Id, Channel>, Built> built_;
  std::map<std::pair<Id, Channel>, channels::Pacer> pacers_;
};

}  // namespace kvitka::messaging
