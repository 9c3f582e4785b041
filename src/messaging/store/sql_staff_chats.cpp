// The masters' chats of SqlChatStore: staff_chat_links and the staff members' rows of
// chat_link_tokens (migration 0016).
#include "messaging/store/sql_messaging_store.h"
#include "platform/db/session.h"

namespace kvitka::messaging {

using soci::into;
using soci::use;

std::vector<ChatLink> SqlChatStore::StaffLinksOf(db::Session& s, Id org_id, Id staff_id) {
  std::vector<ChatLink> links;
  std::string channel;
  ChatLink link;
  soci::statement st =
      (s.sql().prepare << "SELECT channel, chat_id, linked_at, language FROM staff_chat_links "
                          "WHERE org_id = :o AND staff_id = :s ORDER BY channel",
       use(org_id), use(staff_id), into(channel), into(link.chat_id), into(link.linked_at),
       into(link.language));
  st.execute();
  while (st.fetch()) {
    if (auto parsed = ParseChannel(channel)) {
      link.channel = *parsed;
      links.push_back(link);
    }
  }
  return links;
}

void SqlChatStore::LinkStaff(db::Session& s, Id org_id, Id staff_id, const ChatLink& link) {
  const std::string channel = ChannelName(link.channel);
  s.sql() << "DELETE FROM staff_chat_links WHERE org_id = :o AND channel = :c AND (staff_id = :s "
             "OR chat_id = :chat)",
      use(org_id), use(channel), use(staff_id), use(link.chat_id);
  s.sql() << "INSERT INTO staff_chat_links (org_id, staff_id, channel, chat_id, linked_at, "
             "language) VALUES (:o, :s, :c, :chat, :at, :lang)",
      use(org_id), use(staff_id), use(channel), use(link.chat_id), use(link.linked_at),
      use(link.language);
}

void SqlChatStore::UnlinkStaffChat(db::Session& s, Id org_id, Channel channel,
                                   const std::string& chat_id) {
  const std::string name = ChannelName(channel);
  s.sql() << "DELETE FROM staff_chat_links WHERE org_id = :o AND channel = :c AND chat_id = :chat",
      use(org_id), use(name), use(chat_id);
}

bool SqlChatStore::UnlinkStaff(db::Session& s, Id org_id, Id staff_id, Channel channel) {
  const std::string name = ChannelName(channel);
  soci::statement st = (s.sql().prepare << "DELETE FROM staff_chat_links WHERE org_id = :o AND "
                                           "staff_id = :s AND channel = :c",
                        use(org_id), use(staff_id), use(name));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

std::optional<Id> SqlChatStore::StaffOfChat(db::Session& s, Id org_id, Channel channel,
                                            const std::string& chat_id) {
  const std::string name = ChannelName(channel);
  Id staff_id = 0;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT staff_id FROM staff_chat_links WHERE org_id = :o AND channel = :c AND "
             "chat_id = :chat",
      use(org_id), use(name), use(chat_id), into(staff_id, ind);
  if (!s.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return staff_id;
}

void SqlChatStore::AddStaffLinkToken(db::Session& s, Id org_id, Id staff_id,
                                     const std::string& token, EpochSeconds now,
                                     EpochSeconds expires_at) {
  s.sql() << "INSERT INTO chat_link_tokens (token, org_id, client_id, staff_id, created_at, "
             "expires_at) VALUES (:t, :o, 0, :s, :now, :exp)",
      use(token), use(org_id), use(staff_id), use(now), use(expires_at);
}

std::optional<Id> SqlChatStore::UseStaffLinkToken(db::Session& s, Id org_id,
                                                  const std::string& token, EpochSeconds now) {
  Id staff_id = 0;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT staff_id FROM chat_link_tokens WHERE token = :t AND org_id = :o AND "
             "staff_id <> 0 AND used_at IS NULL AND expires_at > :now",
      use(token), use(org_id), use(now), into(staff_id, ind);
  if (!s.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  soci::statement st = (s.sql().prepare << "UPDATE chat_link_tokens SET used_at = :now WHERE "
                                           "token = :t AND used_at IS NULL",
                        use(now), use(token));
  st.execute(true);
  if (st.get_affected_rows() == 0) return std::nullopt;  // used meanwhile
  return staff_id;
}

}  // namespace kvitka::messaging
