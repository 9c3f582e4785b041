#include <array>

#include "messaging/store/sql_messaging_store.h"
#include "platform/db/session.h"

namespace kvitka::messaging {

using soci::into;
using soci::use;

namespace {

constexpr const char* kColumns =
    "SELECT id, org_id, branch_id, appointment_id, version, kind, slot, recipient_type, "
    "recipient_id, channel, tried, language, status, visit_start, due_at, lease_until, attempts, "
    "address, subject, body, error, provider_id, context_json, created_at, updated_at, sent_at, "
    "delivery, delivered_at FROM message_outbox ";

// The columns of kColumns, bound to one statement; Row() turns the fetched values into a row.
struct RowBinding {
  OutboxRow row;
  std::string kind, recipient_type, language, status, delivery;
  EpochSeconds visit_start = 0, sent_at = 0, delivered_at = 0;
  soci::indicator visit_start_ind{}, sent_at_ind{}, delivered_at_ind{};

  void Bind(soci::statement& st) {
    st.exchange(into(row.id));
    st.exchange(into(row.org_id));
    st.exchange(into(row.branch_id));
    st.exchange(into(row.appointment_id));
    st.exchange(into(row.version));
    st.exchange(into(kind));
    st.exchange(into(row.slot));
    st.exchange(into(recipient_type));
    st.exchange(into(row.recipient_id));
    st.exchange(into(row.channel));
    st.exchange(into(row.tried));
    st.exchange(into(language));
    st.exchange(into(status));
    st.exchange(into(visit_start, visit_start_ind));
    st.exchange(into(row.due_at));
    st.exchange(into(row.lease_until));
    st.exchange(into(row.attempts));
    st.exchange(into(row.address));
    st.exchange(into(row.subject));
    st.exchange(into(row.body));
    st.exchange(into(row.error));
    st.exchange(into(row.provider_id));
    st.exchange(into(row.context_json));
    st.exchange(into(row.created_at));
    st.exchange(into(row.updated_at));
    st.exchange(into(sent_at, sent_at_ind));
    st.exchange(into(delivery));
    st.exchange(into(delivered_at, delivered_at_ind));
  }
  OutboxRow Row() const {
    OutboxRow out = row;
    out.kind = ParseMessageKind(kind).value_or(MessageKind::kReminder);
    out.recipient_type = recipient_type == "staff" ? RecipientType::kStaff : RecipientType::kClient;
    out.language = LanguageOrUkrainian(language);
    out.status = ParseOutboxStatus(status).value_or(OutboxStatus::kFailed);
    out.visit_start = db::Optional(visit_start, visit_start_ind);
    out.sent_at = db::Optional(sent_at, sent_at_ind);
    out.delivery = ParseDeliveryState(delivery).value_or(DeliveryState::kUnknown);
    out.delivered_at = db::Optional(delivered_at, delivered_at_ind);
    return out;
  }
};

// Runs kColumns + `where` with the values bound in order: first the ids, then the texts.
std::vector<OutboxRow> Query(db::Session& s, const std::string& where,
                             const std::vector<long long>& ids,
                             const std::vector<std::string>& texts) {
  RowBinding b;
  soci::statement st(s.sql());
  b.Bind(st);
  for (const auto& id : ids) st.exchange(use(id));
  for (const auto& text : texts) st.exchange(use(text));
  st.alloc();
  st.prepare(kColumns + where);
  st.define_and_bind();
  st.execute();
  std::vector<OutboxRow> rows;
  while (st.fetch()) rows.push_back(b.Row());
  return rows;
}

}  // namespace

const char* RecipientTypeName(RecipientType type) {
  return type == RecipientType::kStaff ? "staff" : "client";
}

const char* OutboxStatusName(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::kPending:
      return "pending";
    case OutboxStatus::kSending:
      return "sending";
    case OutboxStatus::kSent:
      return "sent";
    case OutboxStatus::kFailed:
      return "failed";
    case OutboxStatus::kVoided:
      return "voided";
    case OutboxStatus::kSkipped:
      return "skipped";
  }
  return "failed";
}

std::optional<OutboxStatus> ParseOutboxStatus(std::string_view name) {
  for (auto status : {OutboxStatus::kPending, OutboxStatus::kSending, OutboxStatus::kSent,
                      OutboxStatus::kFailed, OutboxStatus::kVoided, OutboxStatus::kSkipped}) {
    if (name == OutboxStatusName(status)) return status;
  }
  return std::nullopt;
}

bool SqlOutboxStore::Add(db::Session& s, const OutboxRow& r) {
  const std::string kind = MessageKindName(r.kind);
  const std::string recipient = RecipientTypeName(r.recipient_type);
  const std::string language = LanguageName(r.language);
  const std::string status = OutboxStatusName(r.status);
  const EpochSeconds visit_start = r.visit_start.value_or(0);
  soci::indicator visit_ind = r.visit_start ? soci::i_ok : soci::i_null;
  // One row per message whatever its channel (a fallback changes the channel of the row); the
  // unique index on the key with the channel stands behind it.
  soci::statement st =
      (s.sql().prepare << "INSERT INTO message_outbox (org_id, branch_id, appointment_id, "
                          "version, kind, slot, recipient_type, recipient_id, channel, language, "
                          "status, visit_start, due_at, error, context_json, created_at, "
                          "updated_at) SELECT CAST(:o AS BIGINT), CAST(:b AS BIGINT), "
                          "CAST(:a AS BIGINT), CAST(:v AS INTEGER), CAST(:k AS TEXT), "
                          "CAST(:sl AS BIGINT), CAST(:rt AS TEXT), CAST(:ri AS BIGINT), "
                          "CAST(:c AS TEXT), CAST(:l AS TEXT), CAST(:st AS TEXT), "
                          "CAST(:vs AS BIGINT), CAST(:due AS BIGINT), CAST(:err AS TEXT), "
                          "CAST(:ctx AS TEXT), CAST(:ca AS BIGINT), CAST(:ua AS BIGINT) WHERE NOT "
                          "EXISTS (SELECT 1 FROM message_outbox WHERE org_id = :o2 AND "
                          "appointment_id = :a2 AND version = :v2 AND kind = :k2 AND slot = :sl2 "
                          "AND recipient_type = :rt2 AND recipient_id = :ri2) ON CONFLICT DO "
                          "NOTHING",
       use(r.org_id), use(r.branch_id), use(r.appointment_id), use(r.version), use(kind),
       use(r.slot), use(recipient), use(r.recipient_id), use(r.channel), use(language), use(status),
       use(visit_start, visit_ind), use(r.due_at), use(r.error), use(r.context_json),
       use(r.created_at), use(r.updated_at), use(r.org_id), use(r.appointment_id), use(r.version),
       use(kind), use(r.slot), use(recipient), use(r.recipient_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

int SqlOutboxStore::VoidPending(db::Session& s, Id org_id, Id appointment_id,
                                const std::vector<MessageKind>& kinds, EpochSeconds now) {
  std::string list;
  for (auto kind : kinds) {
    if (!list.empty()) list += ", ";
    list += std::string("'") + MessageKindName(kind) + "'";
  }
  if (list.empty()) return 0;
  soci::statement st =
      (s.sql().prepare << "UPDATE message_outbox SET status = 'voided', lease_until = 0, "
                          "updated_at = :now WHERE org_id = :o AND appointment_id = :a AND "
                          "status IN ('pending', 'sending') AND kind IN (" +
                              list + ")",
       use(now), use(org_id), use(appointment_id));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

std::vector<OutboxRow> SqlOutboxStore::Claim(db::Session& s, EpochSeconds now,
                                             EpochSeconds lease_until, int limit) {
  const std::string lock = s.postgresql() ? " FOR UPDATE SKIP LOCKED" : "";
  auto rows = Query(s,
                    "WHERE status IN ('pending', 'sending') AND due_at <= :now AND "
                    "lease_until <= :now2 ORDER BY due_at, id LIMIT :n" +
                        lock,
                    {now, now, limit}, {});
  if (rows.empty()) return rows;
  std::vector<Id> ids;
  ids.reserve(rows.size());
  for (const auto& r : rows) ids.push_back(r.id);
  const std::string id_list = db::IdSetValue(ids);
  s.sql() << "UPDATE message_outbox SET status = 'sending', lease_until = :lease, attempts = "
             "attempts + 1, updated_at = :now WHERE id IN " +
                 db::IdSet(s, ":ids"),
      use(lease_until), use(now), use(id_list);
  for (auto& r : rows) {
    r.status = OutboxStatus::kSending;
    r.lease_until = lease_until;
    ++r.attempts;
  }
  return rows;
}

bool SqlOutboxStore::Finish(db::Session& s, const OutboxRow& r, EpochSeconds claimed_lease) {
  const std::string status = OutboxStatusName(r.status);
  const EpochSeconds sent_at = r.sent_at.value_or(0);
  soci::indicator sent_ind = r.sent_at ? soci::i_ok : soci::i_null;
  const std::string delivery = DeliveryStateName(r.delivery);
  const EpochSeconds delivered_at = r.delivered_at.value_or(0);
  soci::indicator delivered_ind = r.delivered_at ? soci::i_ok : soci::i_null;
  soci::statement st =
      (s.sql().prepare << "UPDATE message_outbox SET status = :st, channel = :c, tried = :t, "
                          "due_at = :due, lease_until = 0, address = :ad, subject = :su, body = "
                          ":bo, error = :er, provider_id = :pi, sent_at = :sa, updated_at = :ua, "
                          "delivery = :dl, delivered_at = :da WHERE id = :id AND status = "
                          "'sending' AND lease_until = :lease",
       use(status), use(r.channel), use(r.tried), use(r.due_at), use(r.address), use(r.subject),
       use(r.body), use(r.error), use(r.provider_id), use(sent_at, sent_ind), use(r.updated_at),
       use(delivery), use(delivered_at, delivered_ind), use(r.id), use(claimed_lease));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

std::vector<OutboxRow> SqlOutboxStore::List(db::Session& s, Id org_id, const OutboxFilter& f,
                                            std::optional<Id> before, int limit) {
  std::string where = "WHERE org_id = :o";
  std::vector<long long> ids = {org_id};
  std::vector<std::string> texts;
  if (f.recipient_id) {
    where += " AND recipient_id = :ri";
    ids.push_back(*f.recipient_id);
  }
  if (before) {
    where += " AND id < :before";
    ids.push_back(*before);
  }
  if (f.until) {
    where += " AND created_at <= :until";
    ids.push_back(*f.until);
  }
  if (f.since) {
    where += " AND created_at >= :since";
    ids.push_back(*f.since);
  }
  if (f.recipient_type) {
    where += " AND recipient_type = :rt";
    texts.emplace_back(RecipientTypeName(*f.recipient_type));
  }
  if (f.status) {
    where += " AND status = :st";
    texts.emplace_back(OutboxStatusName(*f.status));
  }
  if (f.kind) {
    where += " AND kind = :k";
    texts.emplace_back(MessageKindName(*f.kind));
  }
  if (f.channel) {
    where += " AND channel = :c";
    texts.push_back(*f.channel);
  }
  return Query(s, where + " ORDER BY id DESC LIMIT " + std::to_string(limit), ids, texts);
}

std::vector<PlannedReminderRow> SqlOutboxStore::Reminders(db::Session& s, Id org_id,
                                                          EpochSeconds from) {
  std::vector<PlannedReminderRow> rows;
  PlannedReminderRow r;
  std::string status;
  soci::statement st =
      (s.sql().prepare << "SELECT id, appointment_id, version, slot, status, due_at FROM "
                          "message_outbox WHERE org_id = :o AND kind = 'reminder' AND "
                          "appointment_id <> 0 AND visit_start > :f",
       use(org_id), use(from), into(r.id), into(r.appointment_id), into(r.version), into(r.slot),
       into(status), into(r.due_at));
  st.execute();
  while (st.fetch()) {
    r.status = ParseOutboxStatus(status).value_or(OutboxStatus::kFailed);
    rows.push_back(r);
  }
  return rows;
}

void SqlOutboxStore::VoidIds(db::Session& s, Id org_id, const std::vector<Id>& ids,
                             EpochSeconds now) {
  for (std::size_t i = 0; i < ids.size(); i += 1000) {
    const std::vector<Id> chunk(ids.begin() + static_cast<long>(i),
                                ids.begin() + static_cast<long>(std::min(ids.size(), i + 1000)));
    const std::string list = db::IdSetValue(chunk);
    // "+org_id": the ids lead (SQLite would otherwise walk the organization's whole outbox).
    s.sql() << "UPDATE message_outbox SET status = 'voided', lease_until = 0, updated_at = :now "
               "WHERE +org_id = :o AND status = 'pending' AND id IN " +
                   db::IdSet(s, ":ids"),
        use(now), use(org_id), use(list);
  }
}

void SqlOutboxStore::DueAgain(db::Session& s, Id org_id, const std::vector<ReminderMove>& moves,
                              EpochSeconds now) {
  // Numbers only, written into the statement as a VALUES list joined by id (both databases
  // name its columns column1..3): a thousand rows per statement.
  for (std::size_t i = 0; i < moves.size(); i += 1000) {
    std::string values;
    for (std::size_t k = i; k < std::min(moves.size(), i + 1000); ++k) {
      values += k > i ? ",(" : "(";
      values += std::to_string(moves[k].id) + "," + std::to_string(moves[k].slot) + ",";
      values += std::to_string(moves[k].due) + ")";
    }
    std::string sql =
        "UPDATE message_outbox SET status = 'pending', slot = v.column2, due_at = v.column3, "
        "attempts = 0, tried = '', error = '', lease_until = 0, updated_at = :now FROM (VALUES ";
    sql += values;
    sql +=
        ") AS v WHERE message_outbox.id = v.column1 AND +message_outbox.org_id = :o AND "
        "message_outbox.status IN ('pending', 'voided')";
    s.sql() << sql, use(now), use(org_id);
  }
}

void SqlOutboxStore::AddReminders(db::Session& s, const std::vector<OutboxRow>& rows) {
  // Every value is a number or one of the fixed names below, so they are written into the
  // statement: a hundred rows per statement.
  for (std::size_t i = 0; i < rows.size(); i += 100) {
    std::string sql =
        "INSERT INTO message_outbox (org_id, branch_id, appointment_id, version, kind, slot, "
        "recipient_type, recipient_id, channel, language, status, visit_start, due_at, "
        "created_at, updated_at) VALUES ";
    for (std::size_t k = i; k < std::min(rows.size(), i + 100); ++k) {
      const auto& r = rows[k];
      if (k > i) sql += ", ";
      sql += "(" + std::to_string(r.org_id) + ", " + std::to_string(r.branch_id) + ", " +
             std::to_string(r.appointment_id) + ", " + std::to_string(r.version) +
             ", 'reminder', " + std::to_string(r.slot) + ", 'client', " +
             std::to_string(r.recipient_id) + ", '', '" + LanguageName(r.language) +
             "', 'pending', " + std::to_string(r.visit_start.value_or(0)) + ", " +
             std::to_string(r.due_at) + ", " + std::to_string(r.created_at) + ", " +
             std::to_string(r.updated_at) + ")";
    }
    s.sql() << sql + " ON CONFLICT DO NOTHING";
  }
}

bool SqlOutboxStore::SmallerReminderDue(db::Session& s, Id org_id, Id appointment_id, int version,
                                        std::int64_t slot, EpochSeconds now) {
  int found = 0;
  s.sql() << "SELECT COUNT(*) FROM message_outbox WHERE org_id = :o AND appointment_id = :a AND "
             "version = :v AND kind = 'reminder' AND slot < :slot AND due_at <= :now AND status "
             "IN ('pending', 'sending', 'sent')",
      use(org_id), use(appointment_id), use(version), use(slot), use(now), into(found);
  return found > 0;
}

std::vector<std::pair<std::string, long long>> SqlOutboxStore::CountByStatus(db::Session& s,
                                                                             Id org_id) {
  std::vector<std::pair<std::string, long long>> counts;
  std::string status;
  long long count = 0;
  soci::statement st = (s.sql().prepare << "SELECT status, COUNT(*) FROM message_outbox WHERE "
                                           "org_id = :o GROUP BY status ORDER BY status",
                        use(org_id), into(status), into(count));
  st.execute();
  while (st.fetch()) counts.emplace_back(status, count);
  return counts;
}

std::vector<OutboxRow> SqlOutboxStore::SentComeBacks(db::Session& s, EpochSeconds from,
                                                     EpochSeconds to) {
  // The kind and status as literals: they select the partial index message_outbox_come_back_sent.
  return Query(s,
               "WHERE kind = 'come_back' AND status = 'sent' AND sent_at > :f AND sent_at <= :t "
               "AND recipient_type = 'client' ORDER BY sent_at, id",
               {from, to}, {});
}

}  // namespace kvitka::messaging
