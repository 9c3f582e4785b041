#include "messaging/store/sql_messaging_store.h"

#include "platform/db/session.h"

namespace kvitka::messaging {

using soci::into;
using soci::use;

std::vector<StoredChannel> SqlChannelSettingsStore::List(db::Session& s, Id org_id) {
  std::vector<StoredChannel> rows;
  std::string channel, settings, secrets;
  int enabled = 0;
  EpochSeconds updated_at = 0;
  soci::statement st =
      (s.sql().prepare << "SELECT channel, enabled, settings_json, secrets_json, "
                          "updated_at FROM message_channel_settings WHERE "
                          "org_id = :org ORDER BY channel",
       use(org_id), into(channel), into(enabled), into(settings), into(secrets), into(updated_at));
  st.execute();
  while (st.fetch()) {
    if (auto parsed = ParseChannel(channel)) {
      rows.push_back({*parsed, enabled != 0, settings, secrets, updated_at});
    }
  }
  return rows;
}

std::optional<StoredChannel> SqlChannelSettingsStore::Find(db::Session& s, Id org_id,
                                                           Channel channel) {
  const std::string name = ChannelName(channel);
  StoredChannel row;
  row.channel = channel;
  int enabled = 0;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT enabled, settings_json, secrets_json, updated_at FROM "
             "message_channel_settings WHERE org_id = :org AND channel = :channel",
      use(org_id), use(name), into(enabled, ind), into(row.settings_json), into(row.secrets_json),
      into(row.updated_at);
  if (!s.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  row.enabled = enabled != 0;
  return row;
}

void SqlChannelSettingsStore::Save(db::Session& s, Id org_id, const StoredChannel& row) {
  const std::string name = ChannelName(row.channel);
  const int enabled = row.enabled ? 1 : 0;
  s.sql() << "INSERT INTO message_channel_settings (org_id, channel, enabled, settings_json, "
             "secrets_json, updated_at) VALUES (:org, :channel, :enabled, :settings, :secrets, "
             ":at) ON CONFLICT (org_id, channel) DO UPDATE SET enabled = excluded.enabled, "
             "settings_json = excluded.settings_json, secrets_json = excluded.secrets_json, "
             "updated_at = excluded.updated_at",
      use(org_id), use(name), use(enabled), use(row.settings_json), use(row.secrets_json),
      use(row.updated_at);
}

std::vector<std::pair<Id, StoredChannel>> SqlChannelSettingsStore::Enabled(db::Session& s,
                                                                           Channel channel) {
  std::vector<std::pair<Id, StoredChannel>> rows;
  const std::string name = ChannelName(channel);
  Id org_id = 0;
  StoredChannel row;
  row.channel = channel;
  row.enabled = true;
  soci::statement st =
      (s.sql().prepare << "SELECT org_id, settings_json, secrets_json, updated_at FROM "
                          "message_channel_settings WHERE channel = :c AND enabled = 1 ORDER BY "
                          "org_id",
       use(name), into(org_id), into(row.settings_json), into(row.secrets_json),
       into(row.updated_at));
  st.execute();
  while (st.fetch()) rows.emplace_back(org_id, row);
  return rows;
}

std::optional<std::int64_t> SqlBotPollStore::Lease(db::Session& s, Id org_id, Channel channel,
                                                   const std::string& owner, EpochSeconds now,
                                                   EpochSeconds until) {
  const std::string name = ChannelName(channel);
  s.sql() << "INSERT INTO bot_polls (org_id, channel) VALUES (:o, :c) ON CONFLICT (org_id, "
             "channel) DO NOTHING",
      use(org_id), use(name);
  soci::statement st =
      (s.sql().prepare << "UPDATE bot_polls SET lease_owner = :owner, lease_until = :until WHERE "
                          "org_id = :o AND channel = :c AND (lease_owner = :owner2 OR "
                          "lease_until <= :now)",
       use(owner), use(until), use(org_id), use(name), use(owner), use(now));
  st.execute(true);
  if (st.get_affected_rows() == 0) return std::nullopt;
  std::int64_t next = 0;
  s.sql() << "SELECT next_update FROM bot_polls WHERE org_id = :o AND channel = :c", use(org_id),
      use(name), into(next);
  return next;
}

void SqlBotPollStore::Advance(db::Session& s, Id org_id, Channel channel, const std::string& owner,
                              std::int64_t next_update) {
  const std::string name = ChannelName(channel);
  s.sql() << "UPDATE bot_polls SET next_update = :n WHERE org_id = :o AND channel = :c AND "
             "lease_owner = :owner AND next_update < :n2",
      use(next_update), use(org_id), use(name), use(owner), use(next_update);
}

std::vector<SavedTemplate> SqlTemplateStore::List(db::Session& s, Id org_id) {
  std::vector<SavedTemplate> rows;
  std::string kind, channel, language, subject, body, html;
  EpochSeconds updated_at = 0;
  soci::statement st =
      (s.sql().prepare << "SELECT kind, channel, language, subject, body, html, updated_at FROM "
                          "message_templates WHERE org_id = :org",
       use(org_id), into(kind), into(channel), into(language), into(subject), into(body),
       into(html), into(updated_at));
  st.execute();
  while (st.fetch()) {
    auto k = ParseMessageKind(kind);
    auto c = ParseChannel(channel);
    auto l = ParseLanguage(language);
    if (!k || !c || !l) continue;
    rows.push_back({MessageTemplate{*k, *c, *l, subject, body, html}, updated_at});
  }
  return rows;
}

std::optional<SavedTemplate> SqlTemplateStore::Find(db::Session& s, Id org_id, MessageKind kind,
                                                    Channel channel, Language language) {
  const std::string k = MessageKindName(kind), c = ChannelName(channel), l = LanguageName(language);
  SavedTemplate row;
  row.text.kind = kind;
  row.text.channel = channel;
  row.text.language = language;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT subject, body, html, updated_at FROM message_templates WHERE org_id = :org "
             "AND kind = :kind AND channel = :channel AND language = :language",
      use(org_id), use(k), use(c), use(l), into(row.text.subject), into(row.text.body, ind),
      into(row.text.html), into(row.updated_at);
  if (!s.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return row;
}

void SqlTemplateStore::Save(db::Session& s, Id org_id, const MessageTemplate& t, EpochSeconds now) {
  const std::string k = MessageKindName(t.kind), c = ChannelName(t.channel),
                    l = LanguageName(t.language);
  s.sql() << "INSERT INTO message_templates (org_id, kind, channel, language, subject, body, "
             "html, updated_at) VALUES (:org, :kind, :channel, :language, :subject, :body, :html, "
             ":at) ON CONFLICT (org_id, kind, channel, language) DO UPDATE SET subject = "
             "excluded.subject, body = excluded.body, html = excluded.html, updated_at = "
             "excluded.updated_at",
      use(org_id), use(k), use(c), use(l), use(t.subject), use(t.body), use(t.html), use(now);
}

bool SqlTemplateStore::Delete(db::Session& s, Id org_id, MessageKind kind, Channel channel,
                              Language language) {
  const std::string k = MessageKindName(kind), c = ChannelName(channel), l = LanguageName(language);
  soci::statement st = (s.sql().prepare << "DELETE FROM message_templates WHERE org_id = :org "
                                           "AND kind = :kind AND channel = :channel AND "
                                           "language = :language",
                        use(org_id), use(k), use(c), use(l));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace kvitka::messaging
