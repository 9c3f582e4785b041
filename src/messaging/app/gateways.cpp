#include "messaging/app/gateways.h"

#include <chrono>
#include <thread>

#include "channels/alpha_sms.h"
#include "channels/generic_sms_gateway.h"
#include "channels/sms_club.h"
#include "channels/smtp_email.h"
#include "channels/telegram_bot.h"
#include "channels/turbo_sms.h"
#include "channels/viber_bot.h"
#include "messaging/app/channel_fields.h"
#include "messaging/app/channel_settings.h"

namespace kvitka::messaging {

namespace {

channels::EpochMillis NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Telegram: about one message a second to a chat and 30 a second per bot, kept with a margin;
// Viber the same to a user; SMS gateways and SMTP servers take what they are given.
channels::PacerLimits LimitsOf(Channel channel) {
  switch (channel) {
    case Channel::kTelegram:
      return {1050, 28, 1000};  // a little under Telegram's limits, for the network's jitter
    case Channel::kViber:
      return {1050, 0, 1000};
    case Channel::kSms:
    case Channel::kEmail:
      return {0, 0, 1000};
  }
  return {};
}

// A hosted SMS gateway (TurboSMS, SMS Club, AlphaSMS): its API at the provider's own host unless
// the server moves it (--provider-url), the secret that signs in, the alpha name, and what the
// provider has of its own (`more`).
template <typename Adapter, typename Settings>
std::shared_ptr<channels::Gateway> Hosted(const ProviderUrls& urls, const std::string& provider,
                                          const ChannelValues& values,
                                          std::string Settings::*secret, const char* secret_name,
                                          void (*more)(Settings&, const ChannelValues&) = nullptr) {
  Settings settings;
  if (auto url = urls.find(provider); url != urls.end()) settings.base_url = url->second;
  settings.*secret = TextOf(values.secrets, secret_name);
  settings.sender = TextOf(values.settings, "sender");
  if (more) more(settings, values);
  return std::make_shared<Adapter>(std::move(settings));
}

// TurboSMS may send a Viber message first, with the SMS as its own fallback.
void TurboSmsRoute(channels::TurboSmsSettings& settings, const ChannelValues& values) {
  if (TextOf(values.settings, "route") != "viber_then_sms") return;
  settings.mode = channels::TurboSmsSettings::Mode::kViberThenSms;
  settings.viber_sender = TextOf(values.settings, "viber_sender");
}

// The adapter of a hosted SMS provider; null for any other (the generic gateway).
std::shared_ptr<channels::Gateway> HostedSms(const ProviderUrls& urls, const std::string& provider,
                                             const ChannelValues& values) {
  if (provider == "turbosms") {
    return Hosted<channels::TurboSms>(urls, provider, values, &channels::TurboSmsSettings::token,
                                      "token", &TurboSmsRoute);
  }
  if (provider == "smsclub") {
    return Hosted<channels::SmsClub>(urls, provider, values, &channels::SmsClubSettings::token,
                                     "token");
  }
  if (provider == "alphasms") {
    return Hosted<channels::AlphaSms>(urls, provider, values, &channels::AlphaSmsSettings::key,
                                      "api_key");
  }
  return nullptr;
}

}  // namespace

std::string Gateways::Url(const char* provider, const char* fallback) const {
  auto it = urls_.find(provider);
  return it != urls_.end() ? it->second : fallback;
}

Gateways::Built& Gateways::Build(Id org_id, const StoredChannel& stored) {
  auto& built = built_[{org_id, stored.channel}];
  if (built.gateway && built.updated_at == stored.updated_at) return built;
  built = Built{stored.updated_at, nullptr, nullptr, nullptr};
  const ChannelValues values = ValuesOf(stored);
  if (!IsConfigured(stored.channel, values)) return built;
  const auto& set = values.settings;
  const auto& secret = values.secrets;
  switch (stored.channel) {
    case Channel::kTelegram: {
      channels::TelegramSettings t;
      t.base_url = Url("telegram", "https://api.telegram.org");
      t.token = TextOf(secret, "bot_token");
      built.telegram = std::make_shared<channels::TelegramBot>(t);
      built.gateway = built.telegram;
      break;
    }
    case Channel::kViber: {
      channels::ViberSettings v;
      v.base_url = Url("viber", "https://chatapi.viber.com");
      v.token = TextOf(secret, "auth_token");
      v.sender_name = TextOf(set, "sender_name");
      built.viber = std::make_shared<channels::ViberBot>(v);
      built.gateway = built.viber;
      break;
    }
    case Channel::kSms: {
      const std::string provider = TextOf(set, "provider");
      if (auto hosted = HostedSms(urls_, provider, values)) {
        built.gateway = std::move(hosted);
      } else if (provider == "generic") {
        channels::GenericSmsSettings g;
        g.url = TextOf(set, "url");
        g.method = TextOf(set, "method").empty() ? "POST" : TextOf(set, "method");
        g.body_template = TextOf(set, "body_template");
        if (auto headers = secret.find("headers");
            headers != secret.end() && headers->is_object()) {
          for (const auto& [name, value] : headers->items()) {
            if (value.is_string()) g.headers.push_back({name, value.get<std::string>()});
          }
        }
        built.gateway = std::make_shared<channels::GenericSmsGateway>(g);
      }
      break;
    }
    case Channel::kEmail: {
      channels::SmtpSettings m;
      m.url = TextOf(set, "smtp_url");
      m.starttls = set.value("starttls", true);
      m.username = TextOf(set, "username");
      m.password = TextOf(secret, "password");
      m.from_address = TextOf(set, "from_email");
      m.from_name = TextOf(set, "from_name");
      built.gateway = std::make_shared<channels::SmtpEmail>(m);
      break;
    }
  }
  return built;
}

std::shared_ptr<channels::Gateway> Gateways::For(Id org_id, const StoredChannel& stored) {
  std::lock_guard lock(mutex_);
  return Build(org_id, stored).gateway;
}

std::shared_ptr<channels::TelegramBot> Gateways::Telegram(Id org_id, const StoredChannel& stored) {
  std::lock_guard lock(mutex_);
  return Build(org_id, stored).telegram;
}

std::shared_ptr<channels::ViberBot> Gateways::Viber(Id org_id, const StoredChannel& stored) {
  std::lock_guard lock(mutex_);
  return Build(org_id, stored).viber;
}

std::shared_ptr<channels::StatusLookup> Gateways::Lookup(Id org_id, const StoredChannel& stored) {
  std::lock_guard lock(mutex_);
  return std::dynamic_pointer_cast<channels::StatusLookup>(Build(org_id, stored).gateway);
}

bool Gateways::Pace(Id org_id, Channel channel, const std::string& key,
                    channels::EpochMillis max_wait_ms) {
  const channels::EpochMillis deadline = NowMillis() + max_wait_ms;
  for (;;) {
    channels::EpochMillis wait = 0;
    {
      // A send is recorded when it goes, never ahead: a reservation in the future would push
      // every other chat's turn after it.
      std::lock_guard lock(mutex_);
      auto it = pacers_.find({org_id, channel});
      if (it == pacers_.end()) {
        it = pacers_.emplace(std::make_pair(org_id, channel), channels::Pacer(LimitsOf(channel)))
                 .first;
      }
      const channels::EpochMillis now = NowMillis();
      const channels::EpochMillis at = it->second.NextAllowed(key, now);
      if (at <= now) {
        it->second.Record(key, now);
        return true;
      }
      if (at > deadline) return false;
      wait = at - now;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(wait));
  }
}

void Gateways::Hold(Id org_id, Channel channel, const std::string& key, EpochSeconds seconds) {
  std::lock_guard lock(mutex_);
  auto it = pacers_.find({org_id, channel});
  if (it == pacers_.end()) {
    it = pacers_.emplace(std::make_pair(org_id, channel), channels::Pacer(LimitsOf(channel))).first;
  }
  const channels::EpochMillis until = NowMillis() + seconds * 1000;
  if (key.empty()) {
    it->second.HoldAll(until);
  } else {
    it->second.HoldKey(key, until);
  }
}

}  // namespace kvitka::messaging
