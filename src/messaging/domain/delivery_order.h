// The channels a message tries, in order, for one recipient: the person's own preference first,
// then the salon's order as the fallback, keeping only channels the person can be reached on
// and, for marketing, agreed to. Pure: no I/O.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "messaging/domain/message_kind.h"

namespace kvitka::messaging {

// Where a person can be reached: a linked Telegram chat, a linked Viber user, a phone for SMS,
// an email address.
struct Reach {
  bool telegram = false;
  bool viber = false;
  bool phone = false;
  bool email = false;
};

// The marketing consents of a client card, per channel.
struct MarketingConsent {
  bool telegram = false;
  bool viber = false;
  bool sms = false;
  bool email = false;
};

struct Recipient {
  Reach reach;
  MarketingConsent consent;
  std::vector<Channel> preferred;  // the person's own order; empty: the salon's
};

bool CanReach(const Reach& reach, Channel channel);
bool HasConsent(const MarketingConsent& consent, Channel channel);

// The channels to try for a message of `kind`: `preferred` first, then the rest of
// `salon_order` (the channels the organization has set up, in its order); a preferred channel
// the salon has not set up is left out, and so is a channel the recipient cannot be reached on.
// Service messages need no consent; marketing needs the channel's consent. Empty: nobody to send
// to.
std::vector<Channel> DeliveryOrder(std::span<const Channel> salon_order, const Recipient& recipient,
                                   MessageKind kind);

// The next channel to try after `failed` has failed, nullopt when none is left.
std::optional<Channel> FallbackAfter(std::span<const Channel> order, Channel failed);

}  // namespace kvitka::messaging
