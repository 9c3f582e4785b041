#include "messaging/domain/message_kind.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kvitka::messaging {
namespace {

TEST(MessagingKinds, EveryKindHasADistinctNameThatParsesBack) {
  std::set<std::string> names;
  for (MessageKind kind : AllMessageKinds()) {
    const std::string name = MessageKindName(kind);
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_EQ(ParseMessageKind(name), kind) << name;
  }
  EXPECT_EQ(names.size(), 14u);
  EXPECT_EQ(ParseMessageKind("staff_shift_tomorrow"), MessageKind::kStaffShiftTomorrow);
  EXPECT_FALSE(ParseMessageKind("Reminder").has_value());
  EXPECT_FALSE(ParseMessageKind("").has_value());
}

TEST(MessagingKinds, OnlyBirthdayComeBackAndCampaignAreMarketing) {
  std::set<std::string> marketing;
  for (MessageKind kind : AllMessageKinds()) {
    if (IsMarketing(kind)) marketing.insert(MessageKindName(kind));
  }
  EXPECT_EQ(marketing, (std::set<std::string>{"birthday", "come_back", "campaign"}));
}

TEST(MessagingKinds, StaffKindsAreTheStaffOnes) {
  for (MessageKind kind : AllMessageKinds()) {
    EXPECT_EQ(IsForStaff(kind), std::string(MessageKindName(kind)).starts_with("staff_"));
    EXPECT_FALSE(IsForStaff(kind) && IsMarketing(kind));
  }
}

TEST(MessagingKinds, ChannelsAndLanguagesParseBack) {
  for (Channel channel : AllChannels()) {
    EXPECT_EQ(ParseChannel(ChannelName(channel)), channel);
  }
  EXPECT_EQ(AllChannels().size(), 4u);
  EXPECT_EQ(ParseChannel("sms"), Channel::kSms);
  EXPECT_FALSE(ParseChannel("whatsapp").has_value());
  for (Language language : AllLanguages()) {
    EXPECT_EQ(ParseLanguage(LanguageName(language)), language);
  }
  EXPECT_EQ(LanguageOrUkrainian("ru"), Language::kRu);
  EXPECT_EQ(LanguageOrUkrainian(""), Language::kUk);
  EXPECT_EQ(LanguageOrUkrainian("pl"), Language::kUk);
}

}  // namespace
}  // namespace kvitka::messaging
