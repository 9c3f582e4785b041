// What every channel adapter does: take one outgoing message and say whether the provider took
// it, whether to try again later, or whether this channel will not work for it (fall back).
// Adapters are the only code that talks to providers; they hold no database and no clock.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "messaging/domain/message_kind.h"

namespace kvitka::channels {

// A button under a message: Telegram inline keyboard, Viber keyboard, the button of a Viber
// business message. Exactly one of callback_data (the bot gets it back) and url is set.
struct Button {
  std::string text;
  std::string callback_data;
  std::string url;
};

struct Outgoing {
  messaging::Channel channel = messaging::Channel::kSms;
  std::string to;       // telegram chat id, viber user id, phone in E.164, email address
  std::string subject;  // email
  std::string text;     // plain text (sms, telegram, viber, email text part)
  std::string html;     // email html part (optional)
  std::vector<std::vector<Button>> buttons;  // telegram inline keyboard / viber keyboard (rows)
  // Viber-then-SMS through an SMS gateway: the SMS text when Viber does not get through (`text`
  // when empty).
  std::string fallback_text;
  // The same for every attempt at this message on this channel, after a crash too
  // ("kvitka-<org>-<outbox id>-<channel>"): providers that take an idempotency key get it, so an
  // attempt repeated after a crash is not delivered twice. Empty: none.
  std::string key;
};

struct Delivery {
  enum class Outcome {
    kSent,      // the provider accepted the message (provider_id says which)
    kRetry,     // try again later: network, timeout, 5xx, 429 (retry_after when the provider says)
    kRejected,  // permanent for this channel: fall back to the next one
  };
  Outcome outcome = Outcome::kRetry;
  std::string provider_id;       // message id at the provider
  EpochSeconds retry_after = 0;  // seconds, from a 429 or the provider; 0 when not said
  std::string error;             // for the message log, no secrets

  static Delivery Sent(std::string provider_id) {
    return {Outcome::kSent, std::move(provider_id), 0, ""};
  }
  static Delivery Retry(std::string error, EpochSeconds retry_after = 0) {
    return {Outcome::kRetry, "", retry_after, std::move(error)};
  }
  static Delivery Rejected(std::string error) {
    return {Outcome::kRejected, "", 0, std::move(error)};
  }
};

// "sent", "retry", "rejected".
const char* OutcomeName(Delivery::Outcome outcome);

class Gateway {
 public:
  virtual ~Gateway() = default;
  // Thread-safe: the dispatcher may call it from several threads at once.
  virtual Delivery Send(const Outgoing& message) = 0;
};

}  // namespace kvitka::channels
