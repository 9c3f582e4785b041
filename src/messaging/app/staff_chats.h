// A master's chat with the salon's Telegram bot, where the master's notices come (new, moved and
// cancelled bookings, schedule changes, tomorrow's shift) before SMS and email when the salon's
// channel order says so: a single-use link that connects the chat (opened in Telegram, the bot
// links it on /start), whether one is connected, and disconnecting it. Owners, administrators and
// managers for any master; a master for themself only.
#pragma once

#include <optional>

#include "core/result.h"
#include "identity/app/actor.h"
#include "identity/app/audit_trail.h"
#include "messaging/app/error.h"
#include "messaging/app/message_history.h"
#include "staff/app/staff_service.h"

namespace kvitka::messaging {

struct StaffChannels {
  std::optional<EpochSeconds> telegram_linked_at;
};

struct StaffChatsDeps {
  db::Database& db;
  ChatStore& chats;
  ChannelSettingsStore& channels;
  staff::StaffService& staff;
  identity::AuditTrail& audit;
  const Clock& clock;
};

class StaffChats {
 public:
  explicit StaffChats(StaffChatsDeps deps) : d_(deps) {}

  Result<StaffChannels, Error> Channels(const identity::Actor& actor, Id staff_id);
  // A single-use deep link t.me/<bot>?start=<token>, good for 30 days, that links the chat it is
  // opened in to the master; kConflict when the salon's Telegram bot is not set up.
  Result<TelegramInvite, Error> InviteToTelegram(const identity::Actor& actor, Id staff_id);
  // The master's notices no longer go to Telegram (nothing to do when no chat is linked).
  Result<StaffChannels, Error> UnlinkTelegram(const identity::Actor& actor, Id staff_id);

 private:
  // kNotFound for an unknown master (or another organization's), kForbidden for a master asking
  // about somebody else.
  Result<Done, Error> MayManage(db::Session& s, const identity::Actor& actor, Id staff_id);
  StaffChannels Read(db::Session& s, Id org_id, Id staff_id);

  StaffChatsDeps d_;
};

}  // namespace kvitka::messaging
