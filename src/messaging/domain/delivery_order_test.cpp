#include "messaging/domain/delivery_order.h"

#include <gtest/gtest.h>

namespace kvitka::messaging {
namespace {

using Order = std::vector<Channel>;

const Order kSalonOrder = {Channel::kTelegram, Channel::kViber, Channel::kSms, Channel::kEmail};

Recipient Everywhere() {
  Recipient r;
  r.reach = {true, true, true, true};
  return r;
}

TEST(MessagingDelivery, TheSalonOrderWhenTheClientHasNone) {
  EXPECT_EQ(DeliveryOrder(kSalonOrder, Everywhere(), MessageKind::kReminder), kSalonOrder);
}

TEST(MessagingDelivery, TheClientsPreferenceComesFirstThenTheSalonsFallback) {
  Recipient r = Everywhere();
  r.preferred = {Channel::kSms, Channel::kViber};
  EXPECT_EQ(DeliveryOrder(kSalonOrder, r, MessageKind::kReminder),
            (Order{Channel::kSms, Channel::kViber, Channel::kTelegram, Channel::kEmail}));
}

TEST(MessagingDelivery, OnlyChannelsThePersonCanBeReachedOn) {
  Recipient r;
  r.reach.phone = true;
  r.reach.email = true;
  r.preferred = {Channel::kTelegram};  // prefers Telegram but has not linked a chat
  EXPECT_EQ(DeliveryOrder(kSalonOrder, r, MessageKind::kBookingConfirmation),
            (Order{Channel::kSms, Channel::kEmail}));
  EXPECT_TRUE(DeliveryOrder(kSalonOrder, Recipient{}, MessageKind::kReminder).empty());
}

TEST(MessagingDelivery, OnlyChannelsTheSalonHasSetUp) {
  Recipient r = Everywhere();
  r.preferred = {Channel::kViber};
  const Order salon = {Channel::kSms, Channel::kTelegram};
  EXPECT_EQ(DeliveryOrder(salon, r, MessageKind::kReminder), salon);
}

TEST(MessagingDelivery, ServiceMessagesNeedNoMarketingConsent) {
  const Recipient r = Everywhere();  // no consent at all
  for (MessageKind kind : AllMessageKinds()) {
    EXPECT_EQ(DeliveryOrder(kSalonOrder, r, kind).empty(), IsMarketing(kind))
        << MessageKindName(kind);
  }
}

TEST(MessagingDelivery, MarketingOnlyWhereTheClientAgreed) {
  Recipient r = Everywhere();
  r.consent.viber = true;
  r.consent.email = true;
  r.preferred = {Channel::kEmail};
  EXPECT_EQ(DeliveryOrder(kSalonOrder, r, MessageKind::kCampaign),
            (Order{Channel::kEmail, Channel::kViber}));
  r.reach.viber = false;  // consent without a linked Viber does not help
  EXPECT_EQ(DeliveryOrder(kSalonOrder, r, MessageKind::kBirthday), (Order{Channel::kEmail}));
}

TEST(MessagingDelivery, RepeatedChannelsCountOnce) {
  Recipient r = Everywhere();
  r.preferred = {Channel::kSms, Channel::kSms};
  const Order salon = {Channel::kSms, Channel::kEmail, Channel::kSms};
  EXPECT_EQ(DeliveryOrder(salon, r, MessageKind::kReminder),
            (Order{Channel::kSms, Channel::kEmail}));
}

TEST(MessagingDelivery, FallbackIsTheNextChannel) {
  const Order order = {Channel::kTelegram, Channel::kSms};
  EXPECT_EQ(FallbackAfter(order, Channel::kTelegram), Channel::kSms);
  EXPECT_FALSE(FallbackAfter(order, Channel::kSms).has_value());
  EXPECT_FALSE(FallbackAfter(order, Channel::kEmail).has_value());
}

}  // namespace
}  // namespace kvitka::messaging
