#include "messaging/app/message_history.h"

#include <algorithm>

#include "core/secret.h"
#include "identity/app/authorize.h"
#include "messaging/app/channel_settings.h"

namespace kvitka::messaging {

using identity::Action;
using identity::Actor;

namespace {

constexpr EpochSeconds kInviteLifetime = 30L * 24 * 3600;

// Newest first, `limit` of them, plus the rest of the last one's second (so that the cursor, a
// time, never cuts a second in two).
MessagePage Cut(std::vector<MessageEntry> entries, int limit, bool more_left) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const MessageEntry& a, const MessageEntry& b) { return a.at() > b.at(); });
  MessagePage page;
  std::size_t keep = std::min(entries.size(), static_cast<std::size_t>(limit));
  while (keep > 0 && keep < entries.size() && entries[keep].at() == entries[keep - 1].at()) ++keep;
  if (keep < entries.size() || more_left) {
    if (keep > 0) page.next_until = entries[keep - 1].at() - 1;
  }
  entries.resize(keep);
  page.items = std::move(entries);
  return page;
}

}  // namespace

std::optional<TelegramInvite> IssueTelegramInvite(db::Session& s, ChatStore& chats,
                                                  ChannelSettingsStore& channels, Id org_id,
                                                  Id client_id, EpochSeconds now) {
  auto telegram = channels.Find(s, org_id, Channel::kTelegram);
  if (!telegram) return std::nullopt;
  const auto values = ValuesOf(*telegram);
  const std::string bot = TextOf(values.settings, "bot_username");
  if (!telegram->enabled || !IsConfigured(Channel::kTelegram, values) || bot.empty()) {
    return std::nullopt;
  }
  const std::string token = RandomToken(16);
  chats.AddLinkToken(s, org_id, client_id, token, now, now + kInviteLifetime);
  return TelegramInvite{"https://t.me/" + bot + "?start=" + token, now + kInviteLifetime};
}

Result<Done, Error> MessageHistory::SeesClient(db::Session& s, const Actor& actor, Id client_id) {
  if (!identity::Allows(actor.role, Action::kSeeClientContacts)) {
    return Fail(Error(ErrorCode::kForbidden));
  }
  auto found = d_.clients.FindMany(s, actor, {client_id});
  if (found.empty() || found.front().erased) return Fail(Error(ErrorCode::kNotFound));
  return Done{};
}

Result<MessagePage, Error> MessageHistory::OfClient(const Actor& actor, Id client_id,
                                                    std::optional<EpochSeconds> until, int limit) {
  return d_.db.Read([&](db::Session& s) -> Result<MessagePage, Error> {
    if (auto ok = SeesClient(s, actor, client_id); !ok) return Fail(ok.error());
    OutboxFilter filter;
    filter.recipient_type = RecipientType::kClient;
    filter.recipient_id = client_id;
    filter.until = until;
    std::vector<MessageEntry> entries;
    const auto out = d_.outbox.List(s, actor.org_id, filter, std::nullopt, limit + 1);
    const auto in = d_.chats.ReceivedOf(s, actor.org_id, client_id, filter.until, limit + 1);
    for (const auto& row : out) entries.push_back({row, std::nullopt, ""});
    for (const auto& message : in) entries.push_back({std::nullopt, message, ""});
    const bool more = static_cast<int>(out.size()) > limit || static_cast<int>(in.size()) > limit;
    return Cut(std::move(entries), limit, more);
  });
}

Result<MessagePage, Error> MessageHistory::Outbox(const Actor& actor, OutboxFilter filter,
                                                  std::optional<EpochSeconds> until, int limit) {
  if (!identity::Allows(actor.role, Action::kSeeClientContacts)) {
    return Fail(Error(ErrorCode::kForbidden));
  }
  return d_.db.Read([&](db::Session& s) -> Result<MessagePage, Error> {
    filter.until = until;
    const auto rows = d_.outbox.List(s, actor.org_id, filter, std::nullopt, limit + 1);
    std::vector<Id> client_ids;
    for (const auto& row : rows) {
      if (row.recipient_type == RecipientType::kClient) client_ids.push_back(row.recipient_id);
    }
    std::sort(client_ids.begin(), client_ids.end());
    client_ids.erase(std::unique(client_ids.begin(), client_ids.end()), client_ids.end());
    std::map<Id, std::string> names;
    for (const auto& c : d_.clients.Briefs(s, actor, client_ids)) {
      names[c.id] = c.last_name.empty() ? c.first_name : c.first_name + " " + c.last_name;
    }
    std::vector<MessageEntry> entries;
    for (const auto& row : rows) {
      const bool client = row.recipient_type == RecipientType::kClient;
      entries.push_back({row, std::nullopt, client ? names[row.recipient_id] : ""});
    }
    return Cut(std::move(entries), limit, static_cast<int>(rows.size()) > limit);
  });
}

Result<ClientChannels, Error> MessageHistory::Channels(const Actor& actor, Id client_id) {
  return d_.db.Read([&](db::Session& s) -> Result<ClientChannels, Error> {
    if (auto ok = SeesClient(s, actor, client_id); !ok) return Fail(ok.error());
    ClientChannels view;
    view.channel_order = ParseChannelList(d_.chats.ChannelOrder(s, actor.org_id, client_id));
    for (const auto& link : d_.chats.LinksOf(s, actor.org_id, client_id)) {
      (link.channel == Channel::kTelegram ? view.telegram_linked_at : view.viber_linked_at) =
          link.linked_at;
    }
    return view;
  });
}

Result<ClientChannels, Error> MessageHistory::SetChannelOrder(const Actor& actor, Id client_id,
                                                              const std::vector<Channel>& order) {
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (std::find(order.begin(), order.begin() + static_cast<long>(i), order[i]) !=
        order.begin() + static_cast<long>(i)) {
      return Fail(Error(ErrorCode::kValidation,
                        {{"channel_order[" + std::to_string(i) + "]", "duplicate"}}));
    }
  }
  auto saved = d_.db.Write([&](db::Session& s) -> Result<Done, Error> {
    if (auto ok = SeesClient(s, actor, client_id); !ok) return Fail(ok.error());
    d_.chats.SetChannelOrder(s, actor.org_id, client_id, ChannelList(order));
    return Done{};
  });
  if (!saved) return Fail(saved.error());
  return Channels(actor, client_id);
}

Result<TelegramInvite, Error> MessageHistory::InviteToTelegram(const Actor& actor, Id client_id) {
  return d_.db.Write([&](db::Session& s) -> Result<TelegramInvite, Error> {
    if (auto ok = SeesClient(s, actor, client_id); !ok) return Fail(ok.error());
    auto invite =
        IssueTelegramInvite(s, d_.chats, d_.channels, actor.org_id, client_id, d_.clock.Now());
    if (!invite) return Fail(Error(ErrorCode::kConflict));
    return *invite;
  });
}

}  // namespace kvitka::messaging
