#include "clients/store/sql_client_store.h"

#include <deque>
#include <map>

#include "platform/db/session.h"

namespace kvitka::clients {

using soci::into;
using soci::use;

const char* const kClientColumns =
    "c.id, c.org_id, c.first_name, c.last_name, c.middle_name, c.email, c.birthday, c.gender, "
    "c.notes, c.source, c.referred_by_id, c.preferred_staff_ids, c.preferred_service_ids, "
    "c.preferences, c.consent_sms, c.consent_telegram, c.consent_viber, c.consent_email, "
    "c.language, c.discount_percent, c.photo_file_id, c.first_visit_at, c.last_visit_at, "
    "c.visits_count, c.no_shows_count, c.cancellations_count, c.total_spent, c.created_at, "
    "c.updated_at, c.archived, c.erased, c.merged_into_id";

namespace {

// One client row bound to a statement.
struct Row {
  Client c;
  std::string staff, services;
  int sms = 0, telegram = 0, viber = 0, email = 0, archived = 0, erased = 0;
  Id referred = 0, photo = 0, merged = 0;
  EpochSeconds first = 0, last = 0;
  soci::indicator referred_ind = soci::i_null, photo_ind = soci::i_null, merged_ind = soci::i_null,
                  first_ind = soci::i_null, last_ind = soci::i_null;

  void Bind(soci::statement& st) {
    st.exchange(into(c.id));
    st.exchange(into(c.org_id));
    st.exchange(into(c.first_name));
    st.exchange(into(c.last_name));
    st.exchange(into(c.middle_name));
    st.exchange(into(c.email));
    st.exchange(into(c.birthday));
    st.exchange(into(c.gender));
    st.exchange(into(c.notes));
    st.exchange(into(c.source));
    st.exchange(into(referred, referred_ind));
    st.exchange(into(staff));
    st.exchange(into(services));
    st.exchange(into(c.preferences));
    st.exchange(into(sms));
    st.exchange(into(telegram));
    st.exchange(into(viber));
    st.exchange(into(email));
    st.exchange(into(c.language));
    st.exchange(into(c.discount_percent));
    st.exchange(into(photo, photo_ind));
    st.exchange(into(first, first_ind));
    st.exchange(into(last, last_ind));
    st.exchange(into(c.stats.visits));
    st.exchange(into(c.stats.no_shows));
    st.exchange(into(c.stats.cancellations));
    st.exchange(into(c.stats.total_spent));
    st.exchange(into(c.created_at));
    st.exchange(into(c.updated_at));
    st.exchange(into(archived));
    st.exchange(into(erased));
    st.exchange(into(merged, merged_ind));
  }
  Client Get() const {
    Client out = c;
    out.referred_by_id = db::Optional(referred, referred_ind);
    out.photo_file_id = db::Optional(photo, photo_ind);
    out.merged_into_id = db::Optional(merged, merged_ind);
    out.stats.first_visit_at = db::Optional(first, first_ind);
    out.stats.last_visit_at = db::Optional(last, last_ind);
    out.preferred_staff_ids = db::SplitIdList(staff);
    out.preferred_service_ids = db::SplitIdList(services);
    out.consent = {sms != 0, telegram != 0, viber != 0, email != 0};
    out.archived = archived != 0;
    out.erased = erased != 0;
    return out;
  }
};

void InsertPhones(db::Session& s, const Client& c) {
  const int archived = c.archived ? 1 : 0;
  for (std::size_t i = 0; i < c.phones.size(); ++i) {
    const int position = static_cast<int>(i);
    s.sql() << "INSERT INTO client_phones (org_id, client_id, phone, position, archived) "
               "VALUES (:org, :client, :phone, :position, :archived)",
        use(c.org_id), use(c.id), use(c.phones[i]), use(position), use(archived);
  }
}

}  // namespace

std::vector<Client> FetchClients(db::Session& s, const std::string& sql,
                                 const std::vector<std::string>& texts,
                                 const std::vector<long long>& numbers,
                                 const std::vector<int>& order) {
  Row row;
  soci::statement st(s.sql());
  row.Bind(st);
  // `order` says, parameter by parameter, whether it is a text (>= 0: index in texts) or a
  // number (< 0: -1 - index in numbers).
  for (int k : order) {
    if (k >= 0) {
      st.exchange(use(texts[k]));
    } else {
      st.exchange(use(numbers[-1 - k]));
    }
  }
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<Client> out;
  while (st.fetch()) out.push_back(row.Get());
  return out;
}

void LoadPhonesAndTags(db::Session& s, Id org_id, std::vector<Client>& clients) {
  if (clients.empty()) return;
  std::map<Id, Client*> by_id;
  std::vector<Id> ids;
  for (auto& c : clients) {
    by_id[c.id] = &c;
    ids.push_back(c.id);
  }
  const std::string in = db::IdSet(s, ":ids");
  const std::string id_list = db::IdSetValue(ids);
  {
    Id client_id = 0;
    std::string phone;
    soci::statement st = (s.sql().prepare << "SELECT client_id, phone FROM client_phones "
                                             "WHERE org_id = :org AND client_id IN " +
                                                 in + " ORDER BY client_id, position",
                          use(org_id), use(id_list), into(client_id), into(phone));
    st.execute();
    while (st.fetch()) by_id[client_id]->phones.push_back(phone);
  }
  {
    Id client_id = 0;
    Tag tag;
    soci::statement st =
        (s.sql().prepare << "SELECT l.client_id, t.id, t.name, t.color FROM client_tag_links l "
                            "JOIN client_tags t ON t.id = l.tag_id WHERE l.org_id = :org AND "
                            "l.client_id IN " +
                                in + " ORDER BY l.client_id, t.name",
         use(org_id), use(id_list), into(client_id), into(tag.id), into(tag.name), into(tag.color));
    st.execute();
    while (st.fetch()) by_id[client_id]->tags.push_back(tag);
  }
}

Id SqlClientStore::Insert(db::Session& s, const Client& c, const std::string& search_text) {
  Id id = 0;
  const std::string staff = db::IdSetValue(c.preferred_staff_ids);
  const std::string services = db::IdSetValue(c.preferred_service_ids);
  const int sms = c.consent.sms, telegram = c.consent.telegram, viber = c.consent.viber,
            email = c.consent.email, archived = c.archived;
  Id referred = c.referred_by_id.value_or(0);
  soci::indicator referred_ind = c.referred_by_id ? soci::i_ok : soci::i_null;
  s.sql() << "INSERT INTO clients (org_id, first_name, last_name, middle_name, email, birthday, "
             "gender, notes, source, referred_by_id, preferred_staff_ids, preferred_service_ids, "
             "preferences, consent_sms, consent_telegram, consent_viber, consent_email, language, "
             "discount_percent, search_text, created_at, updated_at, archived) VALUES (:org, "
             ":first, :last, :middle, :email, :birthday, :gender, :notes, :source, :referred, "
             ":staff, :services, :preferences, :sms, :telegram, :viber, :consent_email, :language, "
             ":discount, :search, :created, :updated, :archived) RETURNING id",
      use(c.org_id), use(c.first_name), use(c.last_name), use(c.middle_name), use(c.email),
      use(c.birthday), use(c.gender), use(c.notes), use(c.source), use(referred, referred_ind),
      use(staff), use(services), use(c.preferences), use(sms), use(telegram), use(viber),
      use(email), use(c.language), use(c.discount_percent), use(search_text), use(c.created_at),
      use(c.updated_at), use(archived), into(id);
  Client saved = c;
  saved.id = id;
  InsertPhones(s, saved);
  return id;
}

void SqlClientStore::Update(db::Session& s, const Client& c, const std::string& search_text) {
  const std::string staff = db::IdSetValue(c.preferred_staff_ids);
  const std::string services = db::IdSetValue(c.preferred_service_ids);
  const int sms = c.consent.sms, telegram = c.consent.telegram, viber = c.consent.viber,
            email = c.consent.email, archived = c.archived, erased = c.erased;
  Id referred = c.referred_by_id.value_or(0);
  soci::indicator referred_ind = c.referred_by_id ? soci::i_ok : soci::i_null;
  Id photo = c.photo_file_id.value_or(0);
  soci::indicator photo_ind = c.photo_file_id ? soci::i_ok : soci::i_null;
  s.sql() << "UPDATE clients SET first_name = :first, last_name = :last, middle_name = :middle, "
             "email = :email, birthday = :birthday, gender = :gender, notes = :notes, "
             "source = :source, referred_by_id = :referred, preferred_staff_ids = :staff, "
             "preferred_service_ids = :services, preferences = :preferences, consent_sms = :sms, "
             "consent_telegram = :telegram, consent_viber = :viber, consent_email = :cemail, "
             "language = :language, discount_percent = :discount, photo_file_id = :photo, "
             "search_text = :search, updated_at = :updated, archived = :archived, "
             "erased = :erased WHERE org_id = :org AND id = :id",
      use(c.first_name), use(c.last_name), use(c.middle_name), use(c.email), use(c.birthday),
      use(c.gender), use(c.notes), use(c.source), use(referred, referred_ind), use(staff),
      use(services), use(c.preferences), use(sms), use(telegram), use(viber), use(email),
      use(c.language), use(c.discount_percent), use(photo, photo_ind), use(search_text),
      use(c.updated_at), use(archived), use(erased), use(c.org_id), use(c.id);
  s.sql() << "DELETE FROM client_phones WHERE org_id = :org AND client_id = :id", use(c.org_id),
      use(c.id);
  InsertPhones(s, c);
}

std::optional<Client> SqlClientStore::Find(db::Session& s, Id org_id, Id client_id) {
  auto found = FetchClients(s,
                            std::string("SELECT ") + kClientColumns +
                                " FROM clients c WHERE c.org_id = :org AND c.id = :id",
                            {}, {org_id, client_id}, {-1, -2});
  if (found.empty()) return std::nullopt;
  LoadPhonesAndTags(s, org_id, found);
  return found.front();
}

std::optional<Client> SqlClientStore::FindByPhone(db::Session& s, Id org_id,
                                                  const std::string& phone, Id except_id) {
  auto found = FetchClients(s,
                            std::string("SELECT ") + kClientColumns +
                                " FROM client_phones p JOIN clients c ON c.id = p.client_id "
                                "WHERE p.org_id = :org AND p.phone = :phone AND p.archived = 0 "
                                "AND p.client_id <> :except",
                            {phone}, {org_id, except_id}, {-1, 0, -2});
  if (found.empty()) return std::nullopt;
  LoadPhonesAndTags(s, org_id, found);
  return found.front();
}

std::optional<Id> SqlClientStore::PhoneOwner(db::Session& s, Id org_id, const std::string& phone,
                                             Id except_id) {
  Id owner = 0;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT client_id FROM client_phones WHERE org_id = :org AND phone = :phone AND "
             "archived = 0 AND client_id <> :except",
      use(org_id), use(phone), use(except_id), into(owner, ind);
  if (ind == soci::i_null || !s.sql().got_data()) return std::nullopt;
  return owner;
}

void SqlClientStore::SetTags(db::Session& s, Id org_id, Id client_id,
                             const std::vector<Id>& tag_ids) {
  s.sql() << "DELETE FROM client_tag_links WHERE org_id = :org AND client_id = :id", use(org_id),
      use(client_id);
  for (Id tag_id : tag_ids) {
    s.sql() << "INSERT INTO client_tag_links (org_id, client_id, tag_id) VALUES (:o, :c, :t)",
        use(org_id), use(client_id), use(tag_id);
  }
}

std::vector<Client> SqlClientStore::FindMany(db::Session& s, Id org_id,
                                             const std::vector<Id>& ids) {
  if (ids.empty()) return {};
  auto found = FetchClients(s,
                            std::string("SELECT ") + kClientColumns +
                                " FROM clients c WHERE c.org_id = :org AND c.id IN (" +
                                db::IdSetValue(ids) + ") ORDER BY c.id",
                            {}, {org_id}, {-1});
  LoadPhonesAndTags(s, org_id, found);
  return found;
}

std::vector<Client> SqlClientStore::Briefs(db::Session& s, Id org_id, const std::vector<Id>& ids) {
  std::vector<Client> out;
  if (ids.empty()) return out;
  Client c;
  int erased = 0;
  const std::string id_list = db::IdSetValue(ids);
  soci::statement st =
      (s.sql().prepare << "SELECT id, first_name, last_name, middle_name, notes, "
                          "discount_percent, visits_count, no_shows_count, erased FROM clients "
                          "WHERE org_id = :org AND id IN " +
                              db::IdSet(s, ":ids") + " ORDER BY id",
       use(org_id), use(id_list), into(c.id), into(c.first_name), into(c.last_name),
       into(c.middle_name), into(c.notes), into(c.discount_percent), into(c.stats.visits),
       into(c.stats.no_shows), into(erased));
  st.execute();
  while (st.fetch()) {
    Client row = c;
    row.org_id = org_id;
    row.erased = erased != 0;
    out.push_back(std::move(row));
  }
  LoadPhonesAndTags(s, org_id, out);
  return out;
}

void SqlClientStore::SetStats(db::Session& s, Id org_id, Id client_id, const VisitStats& v) {
  EpochSeconds first = v.first_visit_at.value_or(0), last = v.last_visit_at.value_or(0);
  soci::indicator first_ind = v.first_visit_at ? soci::i_ok : soci::i_null;
  soci::indicator last_ind = v.last_visit_at ? soci::i_ok : soci::i_null;
  s.sql() << "UPDATE clients SET visits_count = :v, no_shows_count = :n, cancellations_count = "
             ":c, total_spent = :t, first_visit_at = :f, last_visit_at = :l WHERE org_id = :org "
             "AND id = :id",
      use(v.visits), use(v.no_shows), use(v.cancellations), use(v.total_spent),
      use(first, first_ind), use(last, last_ind), use(org_id), use(client_id);
}

void SqlClientStore::AddStats(db::Session& s, Id org_id, Id into_id, const VisitStats& v) {
  EpochSeconds first = v.first_visit_at.value_or(0), last = v.last_visit_at.value_or(0);
  soci::indicator first_ind = v.first_visit_at ? soci::i_ok : soci::i_null;
  soci::indicator last_ind = v.last_visit_at ? soci::i_ok : soci::i_null;
  s.sql() << "UPDATE clients SET visits_count = visits_count + :v, no_shows_count = "
             "no_shows_count + :n, cancellations_count = cancellations_count + :c, total_spent = "
             "total_spent + :t, first_visit_at = CASE WHEN first_visit_at IS NULL OR "
             "first_visit_at > :f THEN COALESCE(:f2, first_visit_at) ELSE first_visit_at END, "
             "last_visit_at = CASE WHEN last_visit_at IS NULL OR last_visit_at < :l THEN "
             "COALESCE(:l2, last_visit_at) ELSE last_visit_at END WHERE org_id = :org AND id = :id",
      use(v.visits), use(v.no_shows), use(v.cancellations), use(v.total_spent),
      use(first, first_ind), use(first, first_ind), use(last, last_ind), use(last, last_ind),
      use(org_id), use(into_id);
}

void SqlClientStore::MarkMerged(db::Session& s, Id org_id, Id from_id, Id into_id) {
  s.sql() << "UPDATE clients SET merged_into_id = :into WHERE org_id = :org AND id = :id",
      use(into_id), use(org_id), use(from_id);
}

}  // namespace kvitka::clients
