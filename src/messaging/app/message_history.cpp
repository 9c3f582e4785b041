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
// A link given again in a message is good for at least this long after it.
constexpr EpochSeconds kInviteReusedFor = 7L * 24 * 3600;
// The most messages of one second a page takes whole (a campaign writes thousands in a second:
// past this the page cuts the second).
constexpr int kMaxSecond = 1000;

void NewestFirst(std::vector<MessageEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const MessageEntry& a, const MessageEntry& b) {
                     if (a.at() != b.at()) return a.at() > b.at();
                     const Id ida = a.out ? a.out->id : a.in->id;
                     const Id idb = b.out ? b.out->id : b.in->id;
                     return ida > idb;
                   });
}

// Newest first: the `limit` newest of `entries` (fetched with `more_left` when a source had more),
// with the whole second of the oldest one, read by `second` (so that the cursor, a time, never
// cuts a second in two).
template <class ReadSecond>
MessagePage Cut(std::vector<MessageEntry> entries, int limit, bool more_left, ReadSecond&& second) {
  NewestFirst(entries);
  MessagePage page;
  const std::size_t keep = std::min(entries.size(), static_cast<std::size_t>(limit));
  if (keep < entries.size() || more_left) {
    if (keep > 0) {
      const EpochSeconds last = entries[keep - 1].at();
      std::vector<MessageEntry> kept;
      for (std::size_t i = 0; i < keep; ++i) {
        if (entries[i].at() != last) kept.push_back(std::move(entries[i]));
      }
      auto whole = second(last);
      for (auto& entry : whole) kept.push_back(std::move(entry));
      NewestFirst(kept);
      entries = std::move(kept);
      page.next_until = last - 1;
    }
  } else {
    entries.resize(keep);
  }
  page.items = std::move(entries);
  return page;
}

}  // namespace

std::optional<TelegramInvite> IssueChatInvite(db::Session& s, ChatStore& chats,
                                              ChannelSettingsStore& channels, Id org_id,
                                              Id client_id, Channel channel, EpochSeconds now,
                                              bool reuse) {
  auto bot = channels.Find(s, org_id, channel);
  if (!bot) return std::nullopt;
  const auto values = ValuesOf(*bot);
  const bool telegram = channel == Channel::kTelegram;
  const std::string name = TextOf(values.settings, telegram ? "bot_username" : "bot_uri");
  if (!bot->enabled || !IsConfigured(channel, values) || name.empty()) return std::nullopt;
  auto token =
      reuse ? chats.UnusedLinkToken(s, org_id, client_id, now + kInviteReusedFor) : std::nullopt;
  if (!token) {
    token = std::pair{RandomToken(16), now + kInviteLifetime};
    chats.AddLinkToken(s, org_id, client_id, token->first, now, token->second);
  }
  const std::string url = telegram ? "https://t.me/" + name + "?start=" + token->first
                                   : "viber://pa?chatURI=" + name + "&context=" + token->first;
  return TelegramInvite{url, token->second};
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
    auto read = [&](std::optional<EpochSeconds> last, std::optional<EpochSeconds> first, int count,
                    bool& more) {
      OutboxFilter f = filter;
      f.until = last;
      f.since = first;
      const auto out = d_.outbox.List(s, actor.org_id, f, std::nullopt, count + 1);
      const auto in = d_.chats.ReceivedOf(s, actor.org_id, client_id, last, first, count + 1);
      std::vector<MessageEntry> entries;
      entries.reserve(out.size() + in.size());
      for (const auto& row : out) entries.push_back({row, std::nullopt, ""});
      for (const auto& message : in) entries.push_back({std::nullopt, message, ""});
      more = static_cast<int>(out.size()) > count || static_cast<int>(in.size()) > count;
      return entries;
    };
    bool more = false;
    auto entries = read(until, std::nullopt, limit, more);
    return Cut(std::move(entries), limit, more, [&](EpochSeconds second) {
      bool ignored = false;
      return read(second, second, kMaxSecond, ignored);
    });
  });
}

Result<MessagePage, Error> MessageHistory::Outbox(const Actor& actor, OutboxFilter filter,
                                                  std::optional<EpochSeconds> until, int limit) {
  if (!identity::Allows(actor.role, Action::kSeeClientContacts)) {
    return Fail(Error(ErrorCode::kForbidden));
  }
  return d_.db.Read([&](db::Session& s) -> Result<MessagePage, Error> {
    // The outbox pages by id (a replan writes many messages in one second).
    const auto rows = d_.outbox.List(s, actor.org_id, filter, until, limit + 1);
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
    MessagePage page;
    for (const auto& row : rows) {
      if (static_cast<int>(page.items.size()) == limit) {
        page.next_until = page.items.back().out->id;
        break;
      }
      const bool client = row.recipient_type == RecipientType::kClient;
      page.items.push_back({row, std::nullopt, client ? names[row.recipient_id] : ""});
    }
    return page;
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
  return Invite(actor, client_id, Channel::kTelegram);
}

Result<TelegramInvite, Error> MessageHistory::InviteToViber(const Actor& actor, Id client_id) {
  return Invite(actor, client_id, Channel::kViber);
}

Result<TelegramInvite, Error> MessageHistory::Invite(const Actor& actor, Id client_id,
                                                     Channel channel) {
  return d_.db.Write([&](db::Session& s) -> Result<TelegramInvite, Error> {
    if (auto ok = SeesClient(s, actor, client_id); !ok) return Fail(ok.error());
    auto invite =
        IssueChatInvite(s, d_.chats, d_.channels, actor.org_id, client_id, channel, d_.clock.Now());
    if (!invite) return Fail(Error(ErrorCode::kConflict));
    return *invite;
  });
}

}  // namespace kvitka::messaging
