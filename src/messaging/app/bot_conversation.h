// The salon's bot in a client's chat (Telegram, Viber): linking the chat to the client's card by
// a single-use link, the client's coming bookings, confirming and cancelling a booking with the
// buttons under reminders (two taps, and only before the branch's deadline), booking again, and
// whatever else the client writes, kept on the card for the salon. A master's single-use link
// (Telegram) makes the chat theirs instead: their notices come there, and it has no client
// buttons and puts nothing on a client's card.
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
    std::optional<Id> master;  // a master's chat (then never a client's)
    std::string master_name;
    Language language = Language::kUk;
    std::string salon;
    std::string booking_link;
  };
  std::vector<channels::Button> Menu(const Chat& chat) const;
  BotReply Bookings(Id org_id, const Chat& chat);
  // What a master's chat is answered.
  BotAnswer ToMaster(const Chat& chat, const BotInput& in, bool linked_now,
                     bool link_refused) const;
  BotAnswer Pressed(Id org_id, const Chat& chat, const BotInput& in);
  // The visit of a button when it is the chat's client's (with its label), nullopt otherwise.
  std::optional<std::pair<booking::Appointment, std::string>> OwnVisit(Id org_id, const Chat& chat,
                                                                       const std::string& id);

  ConversationDeps d_;
};

}  // namespace kvitka::messaging
