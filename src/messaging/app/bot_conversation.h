// The salon's bot in a client's chat (Telegram, Viber): linking the chat to the client's card by
// a single-use link, the client's coming bookings, confirming and cancelling a booking with the
// buttons under reminders (two taps, and only before the branch's deadline), booking again, and
// whatever else the client writes, kept on the card for the salon.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/app/appointment_service.h"
#include "booking/app/online_booking.h"
#include "channels/gateway.h"
#include "messaging/app/recipients.h"

namespace kvitka::messaging {

// What came from the chat.
struct BotInput {
  Channel channel = Channel::kTelegram;
  std::string chat_id;
  std::string name;           // the person's first name in the app
  std::string language_code;  // the app's language
  std::string text;
  std::optional<std::string> start;  // a start with its payload ("" without one)
  std::string callback_data;         // a pressed button
  bool left = false;                 // blocked the bot or unsubscribed
};

struct BotReply {
  std::string text;
  std::vector<std::vector<channels::Button>> buttons;
};

struct BotAnswer {
  std::vector<BotReply> replies;
  std::string notice;  // the short answer to a pressed button
};

struct ConversationDeps {
  db::Database& db;
  ChatStore& chats;
  Recipients& recipients;
  booking::AppointmentService& appointments;
  booking::OnlineBooking& online;
  identity::BranchService& branches;
  const Clock& clock;
  std::string public_url;
};

class BotConversation {
 public:
  explicit BotConversation(ConversationDeps deps) : d_(std::move(deps)) {}

  BotAnswer Handle(Id org_id, const BotInput& in);

 private:
  struct Chat {
    std::optional<Addressee> client;
    Language language = Language::kUk;
    std::string salon;
    std::string booking_link;
  };
  std::vector<channels::Button> Menu(const Chat& chat) const;
  BotReply Bookings(Id org_id, const Chat& chat);
  BotAnswer Pressed(Id org_id, const Chat& chat, const BotInput& in);
  // The visit of a button when it is the chat's client's (with its label), nullopt otherwise.
  std::optional<std::pair<booking::Appointment, std::string>> OwnVisit(Id org_id, const Chat& chat,
                                                                       const std::string& id);

  ConversationDeps d_;
};

}  // namespace kvitka::messaging
