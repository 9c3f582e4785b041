#include "messaging/store/sql_messaging_store.h"
#include "platform/db/session.h"

namespace kvitka::messaging {

using soci::into;
using soci::use;

std::vector<ChatLink> SqlChatStore::LinksOf(db::Session& s, Id org_id, Id client_id) {
  std::vector<ChatLink> links;
  for (auto& [id, link] : LinksOfMany(s, org_id, {client_id})) links.push_back(std::move(link));
  return links;
}

std::vector<std::pair<Id, ChatLink>> SqlChatStore::LinksOfMany(db::Session& s, Id org_id,
                                                               const std::vector<Id>& client_ids) {
  std::vector<std::pair<Id, ChatLink>> links;
  if (client_ids.empty()) return links;
  const std::string ids = db::IdSetValue(client_ids);
  Id client_id = 0;
  std::string channel;
  ChatLink link;
  soci::statement st =
      (s.sql().prepare << "SELECT client_id, channel, chat_id, linked_at FROM client_chat_links "
                          "WHERE org_id = :o AND client_id IN " +
                              db::IdSet(s, ":ids") + " ORDER BY client_id, channel",
       use(org_id), use(ids), into(client_id), into(channel), into(link.chat_id),
       into(link.linked_at));
  st.execute();
  while (st.fetch()) {
    if (auto parsed = ParseChannel(channel)) {
      link.channel = *parsed;
      links.emplace_back(client_id, link);
    }
  }
  return links;
}

void SqlChatStore::Link(db::Session& s, Id org_id, Id client_id, const ChatLink& link) {
  const std::string channel = ChannelName(link.channel);
  s.sql() << "DELETE FROM client_chat_links WHERE org_id = :o AND channel = :c AND (client_id = "
             ":cl OR chat_id = :chat)",
      use(org_id), use(channel), use(client_id), use(link.chat_id);
  s.sql() << "INSERT INTO client_chat_links (org_id, client_id, channel, chat_id, linked_at) "
             "VALUES (:o, :cl, :c, :chat, :at)",
      use(org_id), use(client_id), use(channel), use(link.chat_id), use(link.linked_at);
}

void SqlChatStore::Unlink(db::Session& s, Id org_id, Channel channel, const std::string& chat_id) {
  const std::string name = ChannelName(channel);
  s.sql() << "DELETE FROM client_chat_links WHERE org_id = :o AND channel = :c AND chat_id = "
             ":chat",
      use(org_id), use(name), use(chat_id);
}

std::optional<Id> SqlChatStore::ClientOfChat(db::Session& s, Id org_id, Channel channel,
                                             const std::string& chat_id) {
  const std::string name = ChannelName(channel);
  Id client_id = 0;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT client_id FROM client_chat_links WHERE org_id = :o AND channel = :c AND "
             "chat_id = :chat",
      use(org_id), use(name), use(chat_id), into(client_id, ind);
  if (!s.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return client_id;
}

void SqlChatStore::AddLinkToken(db::Session& s, Id org_id, Id client_id, const std::string& token,
                                EpochSeconds now, EpochSeconds expires_at) {
  s.sql() << "INSERT INTO chat_link_tokens (token, org_id, client_id, created_at, expires_at) "
             "VALUES (:t, :o, :c, :now, :exp)",
      use(token), use(org_id), use(client_id), use(now), use(expires_at);
}

std::optional<std::pair<std::string, EpochSeconds>> SqlChatStore::UnusedLinkToken(
    db::Session& s, Id org_id, Id client_id, EpochSeconds valid_at) {
  std::string token;
  EpochSeconds expires_at = 0;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT token, expires_at FROM chat_link_tokens WHERE org_id = :o AND client_id = :c "
             "AND used_at IS NULL AND expires_at > :at ORDER BY expires_at DESC LIMIT 1",
      use(org_id), use(client_id), use(valid_at), into(token, ind), into(expires_at);
  if (!s.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return std::pair{token, expires_at};
}

std::optional<Id> SqlChatStore::UseLinkToken(db::Session& s, Id org_id, const std::string& token,
                                             EpochSeconds now) {
  Id client_id = 0;
  soci::indicator ind = soci::i_null;
  // A staff member's token (staff_id set) is not a client's.
  s.sql() << "SELECT client_id FROM chat_link_tokens WHERE token = :t AND org_id = :o AND "
             "staff_id = 0 AND used_at IS NULL AND expires_at > :now",
      use(token), use(org_id), use(now), into(client_id, ind);
  if (!s.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  soci::statement st = (s.sql().prepare << "UPDATE chat_link_tokens SET used_at = :now WHERE "
                                           "token = :t AND used_at IS NULL",
                        use(now), use(token));
  st.execute(true);
  if (st.get_affected_rows() == 0) return std::nullopt;  // used meanwhile
  return client_id;
}

std::string SqlChatStore::ChannelOrder(db::Session& s, Id org_id, Id client_id) {
  std::string channels;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT channels FROM client_channel_orders WHERE org_id = :o AND client_id = :c",
      use(org_id), use(client_id), into(channels, ind);
  return s.sql().got_data() && ind == soci::i_ok ? channels : "";
}

void SqlChatStore::SetChannelOrder(db::Session& s, Id org_id, Id client_id,
                                   const std::string& channels) {
  if (channels.empty()) {
    s.sql() << "DELETE FROM client_channel_orders WHERE org_id = :o AND client_id = :c",
        use(org_id), use(client_id);
    return;
  }
  s.sql() << "INSERT INTO client_channel_orders (org_id, client_id, channels) VALUES (:o, :c, "
             ":ch) ON CONFLICT (org_id, client_id) DO UPDATE SET channels = excluded.channels",
      use(org_id), use(client_id), use(channels);
}

Id SqlChatStore::AddReceived(db::Session& s, Id org_id, const ReceivedMessage& m) {
  const std::string channel = ChannelName(m.channel);
  const Id client_id = m.client_id.value_or(0);
  soci::indicator client_ind = m.client_id ? soci::i_ok : soci::i_null;
  Id id = 0;
  s.sql() << "INSERT INTO received_messages (org_id, client_id, channel, chat_id, text, "
             "received_at) VALUES (:o, :c, :ch, :chat, :t, :at) RETURNING id",
      use(org_id), use(client_id, client_ind), use(channel), use(m.chat_id), use(m.text),
      use(m.received_at), into(id);
  return id;
}

std::string SqlChatStore::OptOutToken(db::Session& s, Id org_id, Id client_id,
                                      const std::string& fresh, EpochSeconds now) {
  s.sql() << "INSERT INTO opt_out_tokens (token, org_id, client_id, created_at) VALUES (:t, :o, "
             ":c, :now) ON CONFLICT (org_id, client_id) DO NOTHING",
      use(fresh), use(org_id), use(client_id), use(now);
  std::string token;
  s.sql() << "SELECT token FROM opt_out_tokens WHERE org_id = :o AND client_id = :c", use(org_id),
      use(client_id), into(token);
  return token;
}

std::optional<std::pair<Id, Id>> SqlChatStore::ResolveOptOut(db::Session& s,
                                                             const std::string& token) {
  Id org_id = 0, client_id = 0;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT org_id, client_id FROM opt_out_tokens WHERE token = :t", use(token),
      into(org_id, ind), into(client_id);
  if (!s.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return std::make_pair(org_id, client_id);
}

std::vector<ReceivedMessage> SqlChatStore::ReceivedOf(db::Session& s, Id org_id, Id client_id,
                                                      std::optional<EpochSeconds> until,
                                                      std::optional<EpochSeconds> since,
                                                      int limit) {
  std::vector<ReceivedMessage> out;
  ReceivedMessage m;
  std::string channel;
  const EpochSeconds last = until.value_or(std::numeric_limits<EpochSeconds>::max());
  const EpochSeconds first = since.value_or(0);
  soci::statement st =
      (s.sql().prepare
           << "SELECT id, channel, chat_id, text, received_at FROM received_messages "
              "WHERE org_id = :o AND client_id = :c AND received_at <= :b AND received_at >= :f "
              "ORDER BY "
              "received_at DESC, id DESC LIMIT " +
                  std::to_string(limit),
       use(org_id), use(client_id), use(last), use(first), into(m.id), into(channel),
       into(m.chat_id), into(m.text), into(m.received_at));
  st.execute();
  while (st.fetch()) {
    ReceivedMessage row = m;
    row.client_id = client_id;
    row.channel = ParseChannel(channel).value_or(Channel::kTelegram);
    out.push_back(row);
  }
  return out;
}

std::vector<std::pair<Id, std::string>> SqlMessagingRulesStore::All(db::Session& s, Id org_id) {
  std::vector<std::pair<Id, std::string>> rows;
  Id branch_id = 0;
  std::string json;
  soci::statement st = (s.sql().prepare << "SELECT branch_id, rules_json FROM messaging_rules "
                                           "WHERE org_id = :o ORDER BY branch_id",
                        use(org_id), into(branch_id), into(json));
  st.execute();
  while (st.fetch()) rows.emplace_back(branch_id, json);
  return rows;
}

void SqlMessagingRulesStore::Save(db::Session& s, Id org_id, Id branch_id,
                                  const std::string& rules_json, EpochSeconds now) {
  s.sql() << "INSERT INTO messaging_rules (org_id, branch_id, rules_json, updated_at) VALUES (:o, "
             ":b, :j, :at) ON CONFLICT (org_id, branch_id) DO UPDATE SET rules_json = "
             "excluded.rules_json, updated_at = excluded.updated_at",
      use(org_id), use(branch_id), use(rules_json), use(now);
}

std::vector<Id> SqlMessagingRulesStore::Organizations(db::Session& s) {
  std::vector<Id> ids;
  Id id = 0;
  soci::statement st = (s.sql().prepare << "SELECT org_id FROM messaging_rules WHERE branch_id = 0 "
                                           "ORDER BY org_id",
                        into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

void SqlMessagingRulesStore::Delete(db::Session& s, Id org_id, Id branch_id) {
  s.sql() << "DELETE FROM messaging_rules WHERE org_id = :o AND branch_id = :b", use(org_id),
      use(branch_id);
}

}  // namespace kvitka::messaging
