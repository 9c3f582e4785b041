// What the salon's bot says in a chat (Telegram, Viber), in the client's (or the master's)
// language. Pure: no I/O.
#pragma once

#include <string>

#include "messaging/domain/message_kind.h"

namespace kvitka::messaging {

enum class BotText {
  kLinked,          // {name}, {salon}: the chat is now linked to the card
  kLinkInvalid,     // the link was used or is too old
  kWelcome,         // {salon}: a chat that is not linked yet
  kWelcomeBack,     // {name}: a linked chat starts again
  kNoBookings,      // nothing coming
  kYourBookings,    // the heading of the list
  kAskCancel,       // {visit}: are you sure?
  kCancelled,       // {visit}
  kCancelTooLate,   // {phone}: past the deadline, call us
  kKept,            // the booking stays
  kConfirmed,       // {visit}: thanks, we are waiting for you
  kNotYours,        // a button of a booking that is not the chat's (or gone)
  kReceived,        // a text was passed to the salon
  kButtonBookings,  // button labels
  kButtonBook,
  kButtonCancel,  // {visit}
  kButtonYesCancel,
  kButtonKeep,
  kStaffLinked,  // {name}, {salon}: a master's chat is now linked: their notices come here
  kStaffChat,    // {name}, {salon}: anything else in a master's chat
};

// The text in `language` with {name}-style placeholders replaced by the given values.
std::string BotSays(BotText text, Language language, const std::string& name = "",
                    const std::string& salon = "", const std::string& visit = "",
                    const std::string& phone = "");

// The language of a Telegram user's app ("uk", "ru", "en-US", ...): Ukrainian unless Russian or
// English.
Language LanguageOfApp(const std::string& language_code);

}  // namespace kvitka::messaging
