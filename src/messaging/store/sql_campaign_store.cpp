#include <nlohmann/json.hpp>

#include "messaging/store/sql_messaging_store.h"
#include "platform/db/session.h"

namespace kvitka::messaging {

using soci::into;
using soci::use;

namespace {

std::string AudienceText(const Campaign& c) {
  nlohmann::json pairs = nlohmann::json::array();
  for (const auto& [key, value] : c.audience) pairs.push_back({key, value});
  return pairs.dump();
}

void ReadAudience(const std::string& text, Campaign& c) {
  c.audience.clear();
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_array()) return;
  for (const auto& pair : parsed) {
    if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string()) {
      c.audience.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    }
  }
}

// The columns of a campaign bound to one statement.
struct CampaignBinding {
  Campaign c;
  std::string channel, audience, status;
  EpochSeconds send_at = 0;
  soci::indicator send_at_ind{};

  void Bind(soci::statement& st) {
    st.exchange(into(c.id));
    st.exchange(into(c.name));
    st.exchange(into(channel));
    st.exchange(into(audience));
    st.exchange(into(c.subject));
    st.exchange(into(c.body));
    st.exchange(into(c.per_minute));
    st.exchange(into(status));
    st.exchange(into(send_at, send_at_ind));
    st.exchange(into(c.recipients));
    st.exchange(into(c.sms_parts));
    st.exchange(into(c.created_by));
    st.exchange(into(c.created_at));
    st.exchange(into(c.updated_at));
  }
  Campaign Get() const {
    Campaign out = c;
    out.channel = ParseChannel(channel).value_or(Channel::kSms);
    ReadAudience(audience, out);
    out.status = ParseCampaignStatus(status).value_or(CampaignStatus::kDraft);
    out.send_at = db::Optional(send_at, send_at_ind);
    return out;
  }
};

std::vector<Campaign> Select(db::Session& s, const std::string& where,
                             const std::vector<long long>& params) {
  CampaignBinding b;
  soci::statement st(s.sql());
  b.Bind(st);
  for (const auto& p : params) st.exchange(use(p));
  st.alloc();
  st.prepare(
      "SELECT id, name, channel, audience_json, subject, body, per_minute, status, send_at, "
      "recipients, sms_parts, created_by, created_at, updated_at FROM campaigns " +
      where);
  st.define_and_bind();
  st.execute();
  std::vector<Campaign> out;
  while (st.fetch()) out.push_back(b.Get());
  return out;
}

}  // namespace

Id SqlCampaignStore::Insert(db::Session& s, Id org_id, const Campaign& c) {
  const std::string channel = ChannelName(c.channel);
  const std::string audience = AudienceText(c);
  const std::string status = CampaignStatusName(c.status);
  EpochSeconds send_at = c.send_at.value_or(0);
  soci::indicator send_ind = c.send_at ? soci::i_ok : soci::i_null;
  Id id = 0;
  s.sql() << "INSERT INTO campaigns (org_id, name, channel, audience_json, subject, body, "
             "per_minute, status, send_at, recipients, sms_parts, created_by, created_at, "
             "updated_at) VALUES (:o, :n, :c, :a, :su, :b, :pm, :st, :sa, :r, :p, :cb, :ca, :ua) "
             "RETURNING id",
      use(org_id), use(c.name), use(channel), use(audience), use(c.subject), use(c.body),
      use(c.per_minute), use(status), use(send_at, send_ind), use(c.recipients), use(c.sms_parts),
      use(c.created_by), use(c.created_at), use(c.updated_at), into(id);
  return id;
}

void SqlCampaignStore::Update(db::Session& s, Id org_id, const Campaign& c) {
  const std::string channel = ChannelName(c.channel);
  const std::string audience = AudienceText(c);
  const std::string status = CampaignStatusName(c.status);
  EpochSeconds send_at = c.send_at.value_or(0);
  soci::indicator send_ind = c.send_at ? soci::i_ok : soci::i_null;
  s.sql() << "UPDATE campaigns SET name = :n, channel = :c, audience_json = :a, subject = :su, "
             "body = :b, per_minute = :pm, status = :st, send_at = :sa, recipients = :r, "
             "sms_parts = :p, updated_at = :ua WHERE org_id = :o AND id = :id",
      use(c.name), use(channel), use(audience), use(c.subject), use(c.body), use(c.per_minute),
      use(status), use(send_at, send_ind), use(c.recipients), use(c.sms_parts), use(c.updated_at),
      use(org_id), use(c.id);
}

std::optional<Campaign> SqlCampaignStore::Find(db::Session& s, Id org_id, Id id) {
  auto found = Select(s, "WHERE org_id = :o AND id = :id", {org_id, id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Campaign> SqlCampaignStore::List(db::Session& s, Id org_id, std::optional<Id> before,
                                             int limit) {
  return Select(
      s, "WHERE org_id = :o AND id < :before ORDER BY id DESC LIMIT " + std::to_string(limit),
      {org_id, before.value_or(std::numeric_limits<Id>::max())});
}

CampaignResults SqlCampaignStore::Results(db::Session& s, Id org_id, Id campaign_id) {
  CampaignResults r;
  std::string status, delivery;
  Id client_id = 0;
  EpochSeconds sent_at = 0;
  soci::indicator sent_ind{};
  soci::statement st =
      (s.sql().prepare << "SELECT status, recipient_id, sent_at, delivery FROM message_outbox "
                          "WHERE org_id = :o AND appointment_id = 0 AND kind = 'campaign' AND "
                          "slot = :c",
       use(org_id), use(campaign_id), into(status), into(client_id), into(sent_at, sent_ind),
       into(delivery));
  st.execute();
  while (st.fetch()) {
    if (status == "sent") {
      ++r.sent;
      if (Reached(ParseDeliveryState(delivery).value_or(DeliveryState::kUnknown))) ++r.delivered;
      r.reached.push_back(client_id);
      if (sent_ind == soci::i_ok && (!r.first_sent_at || sent_at < *r.first_sent_at)) {
        r.first_sent_at = sent_at;
      }
    } else if (status == "pending" || status == "sending") {
      ++r.pending;
    } else if (status == "voided") {
      ++r.voided;
    } else {
      ++r.failed;
    }
  }
  return r;
}

int SqlCampaignStore::VoidPending(db::Session& s, Id org_id, Id campaign_id, EpochSeconds now) {
  soci::statement st =
      (s.sql().prepare << "UPDATE message_outbox SET status = 'voided', lease_until = 0, "
                          "updated_at = :now WHERE org_id = :o AND appointment_id = 0 AND kind = "
                          "'campaign' AND slot = :c AND status = 'pending'",
       use(now), use(org_id), use(campaign_id));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

}  // namespace kvitka::messaging
