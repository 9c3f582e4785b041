// The outbox's delivery reports (migration 0015): the messages to ask a provider about, the
// messages a Viber callback names, and saving what the providers said.
#include "messaging/store/sql_messaging_store.h"
#include "platform/db/session.h"

namespace kvitka::messaging {

using soci::into;
using soci::use;

namespace {

std::vector<AwaitingReport> Fetch(soci::statement& st, AwaitingReport& r, std::string& delivery) {
  st.execute();
  std::vector<AwaitingReport> rows;
  while (st.fetch()) {
    r.delivery = ParseDeliveryState(delivery).value_or(DeliveryState::kUnknown);
    rows.push_back(r);
  }
  return rows;
}

}  // namespace

std::vector<AwaitingReport> SqlOutboxStore::AwaitingReports(db::Session& s, Id org_id,
                                                            Channel channel, EpochSeconds since,
                                                            EpochSeconds checked_by, int limit) {
  AwaitingReport r;
  std::string delivery;
  const std::string channel_name = ChannelName(channel);
  // The status and delivery as literals: they select the partial index
  // message_outbox_awaiting_report.
  soci::statement st =
      (s.sql().prepare << "SELECT id, provider_id, delivery, sent_at FROM message_outbox WHERE "
                          "org_id = :o AND channel = :c AND status = 'sent' AND delivery = '' AND "
                          "sent_at >= :since AND delivery_asked_at <= :asked AND provider_id <> "
                          "'' ORDER BY delivery_asked_at, sent_at, id LIMIT :n",
       use(org_id), use(channel_name), use(since), use(checked_by), use(limit), into(r.id),
       into(r.provider_id), into(delivery), into(r.sent_at));
  return Fetch(st, r, delivery);
}

std::vector<AwaitingReport> SqlOutboxStore::ByProviderId(db::Session& s, Id org_id, Channel channel,
                                                         const std::string& provider_id) {
  if (provider_id.empty()) return {};
  AwaitingReport r;
  std::string delivery;
  const std::string channel_name = ChannelName(channel);
  // "provider_id <> ''" selects the partial index message_outbox_provider_id.
  soci::statement st =
      (s.sql().prepare << "SELECT id, provider_id, delivery, sent_at FROM message_outbox WHERE "
                          "org_id = :o AND channel = :c AND provider_id = :p AND provider_id <> "
                          "'' AND status = 'sent' ORDER BY id LIMIT 10",
       use(org_id), use(channel_name), use(provider_id), into(r.id), into(r.provider_id),
       into(delivery), into(r.sent_at));
  return Fetch(st, r, delivery);
}

int SqlOutboxStore::SaveDeliveries(db::Session& s, Id org_id,
                                   const std::vector<DeliveryChange>& changes) {
  int saved = 0;
  for (const auto& change : changes) {
    const std::string from = DeliveryStateName(change.from);
    const std::string to = DeliveryStateName(change.to);
    // Only from the state it was read in: two servers saving the same report save it once, and
    // a report never undoes a newer one saved meanwhile.
    soci::statement st =
        (s.sql().prepare << "UPDATE message_outbox SET delivery = :to, delivered_at = :at WHERE "
                            "org_id = :o AND id = :id AND delivery = :from",
         use(to), use(change.at), use(org_id), use(change.id), use(from));
    st.execute(true);
    saved += static_cast<int>(st.get_affected_rows());
  }
  return saved;
}

void SqlOutboxStore::MarkAsked(db::Session& s, Id org_id, const std::vector<Id>& ids,
                               EpochSeconds now) {
  if (ids.empty()) return;
  const std::string list = db::IdSetValue(ids);
  // "+org_id": the ids lead (SQLite would otherwise walk the organization's whole outbox).
  s.sql() << "UPDATE message_outbox SET delivery_asked_at = :now WHERE +org_id = :o AND id IN " +
                 db::IdSet(s, ":ids"),
      use(now), use(org_id), use(list);
}

}  // namespace kvitka::messaging
