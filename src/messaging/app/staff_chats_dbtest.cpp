// A master's Telegram chat (issue 7): who may make the master's single-use link, the bot linking
// the chat on /start (once, before it expires, never as a client's chat), a chat passing from a
// master to a client and back, blocking the bot, and the master's notices planned for Telegram
// while the chat is linked and for SMS once it is unlinked.
#include <gtest/gtest.h>

#include "booking/app/booking_fixture.h"
#include "booking/app/online_booking.h"
#include "messaging/app/bot_conversation.h"
#include "messaging/app/staff_chats.h"
#include "messaging/app/visit_planner.h"
#include "messaging/domain/bot_texts.h"
#include "messaging/store/sql_messaging_store.h"
#include "platform/db/session.h"

namespace kvitka::messaging {
namespace {

constexpr EpochSeconds kDay = 24 * 3600;

class StaffChatsTest : public booking::BookingFixture {
 protected:
  StaffChatsTest()
      : recipients_(chats_, channels_, clients_, staff_),
        staff_chats_(StaffChatsDeps{*db_, chats_, channels_, staff_, audit_, clock_}),
        online_(booking::OnlineBookingDeps{deps_, online_store_, appointments_, availability_,
                                           waitlist_, booking::OnlineLimits{1000, 1000}}),
        conversation_(ConversationDeps{*db_, chats_, recipients_, appointments_, online_, branches_,
                                       clock_, "https://kvitka.test"}),
        planner_(PlannerDeps{outbox_, rules_, recipients_, branches_, clock_}) {
    messages_.target = &planner_;
    master_id_ = masters_[0];
    // Олена is a master with an account of her own and a phone.
    auto added = team_.Add(owner_, identity::NewUser{"Олена", "olena@example.com", "master",
                                                     std::string("kvitka-olena-1")});
    EXPECT_TRUE(added.ok());
    herself_ = owner_;
    herself_.role = identity::Role::kMaster;
    herself_.user_id = added->member.user.id;
    EXPECT_TRUE(staff_
                    .Save(
                        owner_, master_id_,
                        [&](staff::StaffMember& m) {
                          m.phone = "+380671112233";
                          m.user_id = herself_.user_id;
                        },
                        std::nullopt)
                    .ok());
    db_->Write([&](db::Session& s) {
      channels_.Save(s, owner_.org_id,
                     {Channel::kSms, true, R"({"provider":"turbosms","sender":"Kvitka"})",
                      R"({"token":"t"})", clock_.Now()});
      salon_ = branches_.OrganizationIn(s, owner_.org_id)->name;
    });
  }

  void UseTelegram() {
    db_->Write([&](db::Session& s) {
      channels_.Save(s, owner_.org_id,
                     {Channel::kTelegram, true, R"({"bot_username":"kvitka_bot"})",
                      R"({"bot_token":"7000000001:token"})", clock_.Now()});
    });
  }

  // The token of a new link of Олена's (made by the owner).
  std::string NewToken() {
    auto invite = staff_chats_.InviteToTelegram(owner_, master_id_);
    EXPECT_TRUE(invite.ok());
    if (!invite) return "";
    const std::string prefix = "https://t.me/kvitka_bot?start=";
    EXPECT_TRUE(invite->url.starts_with(prefix)) << invite->url;
    return invite->url.substr(prefix.size());
  }

  static BotInput Start(const std::string& chat, const std::string& token,
                        const std::string& language = "uk") {
    BotInput in;
    in.chat_id = chat;
    in.name = "Olena";
    in.language_code = language;
    in.start = token;
    return in;
  }
  static BotInput Text(const std::string& chat, const std::string& text) {
    BotInput in;
    in.chat_id = chat;
    in.name = "Olena";
    in.text = text;
    return in;
  }

  std::optional<Id> MasterOf(const std::string& chat) {
    return db_->Read([&](db::Session& s) {
      return chats_.StaffOfChat(s, owner_.org_id, Channel::kTelegram, chat);
    });
  }
  std::optional<Id> ClientOf(const std::string& chat) {
    return db_->Read([&](db::Session& s) {
      return chats_.ClientOfChat(s, owner_.org_id, Channel::kTelegram, chat);
    });
  }
  std::string TelegramOfMaster() {
    return db_->Read([&](db::Session& s) {
      auto master = recipients_.Master(s, owner_.org_id, master_id_);
      EXPECT_TRUE(master.has_value());
      EXPECT_EQ(master->recipient.reach.telegram, !master->telegram_chat.empty());
      return master->telegram_chat;
    });
  }
  long long Received() {
    return db_->Read([&](db::Session& s) {
      long long n = 0;
      s.sql() << "SELECT COUNT(*) FROM received_messages WHERE org_id = :o",
          soci::use(owner_.org_id), soci::into(n);
      return n;
    });
  }
  // The channel each notice of a new booking to Олена was planned on, oldest first.
  std::vector<std::string> NewBookingNotices() {
    return db_->Read([&](db::Session& s) {
      OutboxFilter filter;
      filter.kind = MessageKind::kStaffNewBooking;
      std::vector<std::string> channels;
      for (const auto& row : outbox_.List(s, owner_.org_id, filter, std::nullopt, 100)) {
        if (row.recipient_id == master_id_) channels.insert(channels.begin(), row.channel);
      }
      return channels;
    });
  }

  SqlOutboxStore outbox_;
  SqlChatStore chats_;
  SqlChannelSettingsStore channels_;
  SqlMessagingRulesStore rules_;
  Recipients recipients_;
  StaffChats staff_chats_;
  booking::SqlOnlineStore online_store_;
  booking::OnlineBooking online_;
  BotConversation conversation_;
  VisitPlanner planner_;
  Id master_id_ = 0;
  identity::Actor herself_;
  std::string salon_;
};

TEST_P(StaffChatsTest, TheManagersMakeAnyMastersLinkAMasterOnlyTheirOwn) {
  // No Telegram bot yet: nothing to link to.
  auto refused = staff_chats_.InviteToTelegram(owner_, master_id_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);

  UseTelegram();
  auto invite = staff_chats_.InviteToTelegram(owner_, master_id_);
  ASSERT_TRUE(invite.ok());
  EXPECT_TRUE(invite->url.starts_with("https://t.me/kvitka_bot?start=")) << invite->url;
  EXPECT_EQ(invite->expires_at, clock_.Now() + 30 * kDay);
  identity::Actor admin = owner_;
  admin.role = identity::Role::kAdmin;
  EXPECT_TRUE(staff_chats_.InviteToTelegram(admin, masters_[1]).ok());

  // Олена makes her own link and sees her own chat, not Ірина's.
  EXPECT_TRUE(staff_chats_.InviteToTelegram(herself_, master_id_).ok());
  EXPECT_TRUE(staff_chats_.Channels(herself_, master_id_).ok());
  EXPECT_EQ(staff_chats_.InviteToTelegram(herself_, masters_[1]).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(staff_chats_.Channels(herself_, masters_[1]).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(staff_chats_.UnlinkTelegram(herself_, masters_[1]).error().code, ErrorCode::kForbidden);

  // An unknown master, and one of another organization.
  EXPECT_EQ(staff_chats_.InviteToTelegram(owner_, 987654).error().code, ErrorCode::kNotFound);
  const auto stranger = ActorOf(SignUp("stranger@example.com", "Інший салон"));
  EXPECT_EQ(staff_chats_.InviteToTelegram(stranger, master_id_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(staff_chats_.Channels(stranger, master_id_).error().code, ErrorCode::kNotFound);

  const std::string audit = db_->Read([&](db::Session& s) {
    std::string all;
    for (const auto& e : audit_.List(s, owner_.org_id, identity::AuditFilter{})) {
      if (e.action.starts_with("staff.telegram")) all += e.action + "\n";
    }
    return all;
  });
  EXPECT_EQ(audit, "staff.telegram_link\nstaff.telegram_link\nstaff.telegram_link\n");
}

TEST_P(StaffChatsTest, TheBotLinksTheMastersChatOnceAndNeverAsAClientsChat) {
  UseTelegram();
  const std::string token = NewToken();
  const auto linked = conversation_.Handle(owner_.org_id, Start("777", token, "en-US"));
  ASSERT_EQ(linked.replies.size(), 1u);
  EXPECT_EQ(linked.replies[0].text, BotSays(BotText::kStaffLinked, Language::kEn, "Олена", salon_));
  EXPECT_NE(linked.replies[0].text.find("You will get your bookings and schedule here"),
            std::string::npos);
  EXPECT_TRUE(linked.replies[0].buttons.empty()) << "no client buttons";
  EXPECT_EQ(MasterOf("777"), master_id_);
  EXPECT_EQ(ClientOf("777"), std::nullopt);
  EXPECT_EQ(TelegramOfMaster(), "777");
  auto channels = staff_chats_.Channels(owner_, master_id_);
  ASSERT_TRUE(channels.ok());
  EXPECT_EQ(channels->telegram_linked_at, clock_.Now());

  // The same link again, from another chat: refused (in that app's language).
  const auto again = conversation_.Handle(owner_.org_id, Start("778", token, "ru"));
  ASSERT_EQ(again.replies.size(), 1u);
  EXPECT_EQ(again.replies[0].text, BotSays(BotText::kLinkInvalid, Language::kRu));
  EXPECT_EQ(MasterOf("778"), std::nullopt);
  EXPECT_EQ(TelegramOfMaster(), "777");

  // A master's token is not a client's, and a client's is not a master's.
  const std::string fresh = NewToken();
  db_->Write([&](db::Session& s) {
    EXPECT_EQ(chats_.UseLinkToken(s, owner_.org_id, fresh, clock_.Now()), std::nullopt);
    chats_.AddLinkToken(s, owner_.org_id, client_, "client-token-1", clock_.Now(),
                        clock_.Now() + kDay);
    EXPECT_EQ(chats_.UseStaffLinkToken(s, owner_.org_id, "client-token-1", clock_.Now()),
              std::nullopt);
  });
  // ...and a link is good for 30 days only.
  clock_.Advance(31 * kDay);
  const auto expired = conversation_.Handle(owner_.org_id, Start("779", fresh));
  EXPECT_EQ(expired.replies.at(0).text, BotSays(BotText::kLinkInvalid, Language::kUk));
  EXPECT_EQ(MasterOf("779"), std::nullopt);

  // What the master writes is not kept as a client's message; the answer has no buttons.
  const auto text = conversation_.Handle(owner_.org_id, Text("777", "Дякую!"));
  ASSERT_EQ(text.replies.size(), 1u);
  EXPECT_EQ(text.replies[0].text, BotSays(BotText::kStaffChat, Language::kUk, "Олена", salon_));
  EXPECT_TRUE(text.replies[0].buttons.empty());
  const auto bookings = conversation_.Handle(owner_.org_id, Text("777", "/bookings"));
  EXPECT_EQ(bookings.replies.at(0).text, text.replies[0].text);
  EXPECT_EQ(Received(), 0);
  // A client's button pressed in a master's chat does nothing.
  BotInput pressed = Text("777", "");
  pressed.callback_data = "cancel!:1";
  const auto button = conversation_.Handle(owner_.org_id, pressed);
  EXPECT_TRUE(button.replies.empty());
  EXPECT_EQ(button.notice, BotSays(BotText::kNotYours, Language::kUk));
}

TEST_P(StaffChatsTest, AChatIsAMastersOrAClientsAndBlockingTheBotUnlinksIt) {
  UseTelegram();
  ASSERT_EQ(conversation_.Handle(owner_.org_id, Start("777", NewToken())).replies.size(), 1u);
  // The client's link opened in the same chat: it is the client's now, not Олена's.
  db_->Write([&](db::Session& s) {
    chats_.AddLinkToken(s, owner_.org_id, client_, "client-token-2", clock_.Now(),
                        clock_.Now() + kDay);
  });
  const auto client = conversation_.Handle(owner_.org_id, Start("777", "client-token-2"));
  EXPECT_EQ(client.replies.at(0).text, BotSays(BotText::kLinked, Language::kUk, "Марія", salon_));
  EXPECT_EQ(ClientOf("777"), client_);
  EXPECT_EQ(MasterOf("777"), std::nullopt);
  EXPECT_EQ(TelegramOfMaster(), "");
  conversation_.Handle(owner_.org_id, Text("777", "Можна раніше?"));
  EXPECT_EQ(Received(), 1);

  // Олена's new link makes it hers again.
  conversation_.Handle(owner_.org_id, Start("777", NewToken()));
  EXPECT_EQ(MasterOf("777"), master_id_);
  EXPECT_EQ(ClientOf("777"), std::nullopt);

  // A link of Олена's opened in another chat moves her notices there.
  conversation_.Handle(owner_.org_id, Start("780", NewToken()));
  EXPECT_EQ(MasterOf("777"), std::nullopt);
  EXPECT_EQ(TelegramOfMaster(), "780");

  // She blocks the bot: unlinked.
  BotInput left;
  left.chat_id = "780";
  left.left = true;
  EXPECT_TRUE(conversation_.Handle(owner_.org_id, left).replies.empty());
  EXPECT_EQ(MasterOf("780"), std::nullopt);
  EXPECT_EQ(TelegramOfMaster(), "");
}

TEST_P(StaffChatsTest, TheMastersNoticesGoToTelegramWhileTheChatIsLinked) {
  UseTelegram();
  // Not linked: SMS.
  ASSERT_TRUE(
      appointments_.Create(owner_, Booking(client_, haircut_, master_id_, "2026-11-23T08:00:00Z"))
          .ok());
  conversation_.Handle(owner_.org_id, Start("777", NewToken()));
  // Linked: Telegram first, as the salon's order (Telegram, Viber, SMS, email) says.
  ASSERT_TRUE(
      appointments_.Create(owner_, Booking(client_, haircut_, master_id_, "2026-11-23T10:00:00Z"))
          .ok());
  db_->Read([&](db::Session& s) {
    auto master = recipients_.Master(s, owner_.org_id, master_id_);
    ASSERT_TRUE(master.has_value());
    EXPECT_EQ(DeliveryOrder(recipients_.SalonChannels(s, owner_.org_id, MessagingRules{}),
                            master->recipient, MessageKind::kStaffNewBooking),
              (std::vector<Channel>{Channel::kTelegram, Channel::kSms}));
  });

  // Unlinked by the owner: SMS again.
  auto unlinked = staff_chats_.UnlinkTelegram(owner_, master_id_);
  ASSERT_TRUE(unlinked.ok());
  EXPECT_EQ(unlinked->telegram_linked_at, std::nullopt);
  ASSERT_TRUE(
      appointments_.Create(owner_, Booking(client_, haircut_, master_id_, "2026-11-23T12:00:00Z"))
          .ok());
  EXPECT_EQ(NewBookingNotices(), (std::vector<std::string>{"sms", "telegram", "sms"}));
  // Unlinking again changes nothing and is not audited twice.
  EXPECT_TRUE(staff_chats_.UnlinkTelegram(herself_, master_id_).ok());
  const auto unlinks = db_->Read([&](db::Session& s) {
    int n = 0;
    for (const auto& e : audit_.List(s, owner_.org_id, identity::AuditFilter{})) {
      if (e.action == "staff.telegram_unlink") ++n;
    }
    return n;
  });
  EXPECT_EQ(unlinks, 1);
}

INSTANTIATE_TEST_SUITE_P(Dialects, StaffChatsTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::messaging
