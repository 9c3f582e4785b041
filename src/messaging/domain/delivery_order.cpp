#include "messaging/domain/delivery_order.h"

#include <algorithm>

namespace kvitka::messaging {
namespace {

bool Contains(std::span<const Channel> channels, Channel channel) {
  return std::find(channels.begin(), channels.end(), channel) != channels.end();
}

}  // namespace

bool CanReach(const Reach& reach, Channel channel) {
  switch (channel) {
    case Channel::kTelegram:
      return reach.telegram;
    case Channel::kViber:
      return reach.viber;
    case Channel::kSms:
      return reach.phone;
    case Channel::kEmail:
      return reach.email;
  }
  return false;
}

bool HasConsent(const MarketingConsent& consent, Channel channel) {
  switch (channel) {
    case Channel::kTelegram:
      return consent.telegram;
    case Channel::kViber:
      return consent.viber;
    case Channel::kSms:
      return consent.sms;
    case Channel::kEmail:
      return consent.email;
  }
  return false;
}

std::vector<Channel> DeliveryOrder(std::span<const Channel> salon_order, const Recipient& recipient,
                                   MessageKind kind) {
  const bool marketing = IsMarketing(kind);
  std::vector<Channel> order;
  auto consider = [&](Channel channel) {
    if (!Contains(salon_order, channel) || Contains(order, channel)) return;
    if (!CanReach(recipient.reach, channel)) return;
    if (marketing && !HasConsent(recipient.consent, channel)) return;
    order.push_back(channel);
  };
  for (Channel channel : recipient.preferred) consider(channel);
  for (Channel channel : salon_order) consider(channel);
  return order;
}

std::optional<Channel> FallbackAfter(std::span<const Channel> order, Channel failed) {
  const auto it = std::find(order.begin(), order.end(), failed);
  if (it == order.end() || it + 1 == order.end()) return std::nullopt;
  return *(it + 1);
}

}  // namespace kvitka::messaging
