// What the salon's people see of messages: every message sent to or received from a client on
// the client's card, the outbox with its statuses, and a client's channels (linked chats, own
// order, a Telegram link to hand over).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "identity/app/actor.h"
#include "messaging/app/error.h"
#include "messaging/app/recipients.h"

namespace kvitka::messaging {

struct MessageEntry {
  std::optional<OutboxRow> out;       // a message the salon sent (or will send)
  std::optional<ReceivedMessage> in;  // one the client wrote
  std::string client_name;            // in outbox listings
  EpochSeconds at() const { return out ? out->created_at : in->received_at; }
};

struct MessagePage {
  std::vector<MessageEntry> items;
  // The next page: of a client's messages, what was written at or before this time; of the
  // outbox, the messages before this id.
  std::optional<EpochSeconds> next_until;
};

struct ClientChannels {
  std::vector<Channel> channel_order;  // the client's own; empty: the salon's
  std::optional<EpochSeconds> telegram_linked_at;
  std::optional<EpochSeconds> viber_linked_at;
};

struct TelegramInvite {
  std::string url;
  EpochSeconds expires_at = 0;
};

struct HistoryDeps {
  db::Database& db;
  OutboxStore& outbox;
  ChatStore& chats;
  ChannelSettingsStore& channels;
  clients::ClientService& clients;
  const Clock& clock;
};

class MessageHistory {
 public:
  explicit MessageHistory(HistoryDeps deps) : d_(deps) {}

  // Newest first; `until` is the last page's next_until.
  Result<MessagePage, Error> OfClient(const identity::Actor& actor, Id client_id,
                                      std::optional<EpochSeconds> until, int limit);
  Result<MessagePage, Error> Outbox(const identity::Actor& actor, OutboxFilter filter,
                                    std::optional<EpochSeconds> until, int limit);

  Result<ClientChannels, Error> Channels(const identity::Actor& actor, Id client_id);
  Result<ClientChannels, Error> SetChannelOrder(const identity::Actor& actor, Id client_id,
                                                const std::vector<Channel>& order);
  // A single-use deep link t.me/<bot>?start=<token> that links the chat it is opened in to the
  // client's card; kConflict when the salon's Telegram bot is not set up.
  Result<TelegramInvite, Error> InviteToTelegram(const identity::Actor& actor, Id client_id);
  // The same for the salon's Viber bot: viber://pa?chatURI=<bot>&context=<token>.
  Result<TelegramInvite, Error> InviteToViber(const identity::Actor& actor, Id client_id);

 private:
  Result<TelegramInvite, Error> Invite(const identity::Actor& actor, Id client_id, Channel channel);
  Result<Done, Error> SeesClient(db::Session& s, const identity::Actor& actor, Id client_id);
  HistoryDeps d_;
};

// A single-use link that connects a chat with the salon's Telegram or Viber bot to the client,
// inside the caller's unit of work; nullopt when that bot is off or lacks its username (Telegram)
// or URI (Viber). `reuse`: the client's unused link that is still good for a week is given
// again (a message composed again after a crash keeps its text), else a new one.
std::optional<TelegramInvite> IssueChatInvite(db::Session& s, ChatStore& chats,
                                              ChannelSettingsStore& channels, Id org_id,
                                              Id client_id, Channel channel, EpochSeconds now,
                                              bool reuse = false);

}  // namespace kvitka::messaging
