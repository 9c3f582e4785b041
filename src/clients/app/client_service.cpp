#include "clients/app/client_service.h"

#include <algorithm>

#include "clients/domain/client_rules.h"
#include "core/time.h"
#include "identity/app/authorize.h"

namespace kvitka::clients {

using identity::Action;
using identity::Actor;
using identity::Authorize;

namespace {

Result<Done, Error> Allowed(const Actor& actor, Action action) {
  if (!Authorize(actor, action)) return Fail(Error(ErrorCode::kForbidden));
  return Done{};
}

template <class T>
void Set(T& target, const std::optional<T>& value) {
  if (value) target = *value;
}

}  // namespace

identity::Snapshot ClientSnapshot(const Client& c) {
  identity::Snapshot tags = identity::Snapshot::array();
  for (const auto& t : c.tags) tags.push_back(t.name);
  return {{"first_name", c.first_name},
          {"last_name", c.last_name},
          {"middle_name", c.middle_name},
          {"phones", c.phones},
          {"email", c.email},
          {"birthday", c.birthday},
          {"gender", c.gender},
          {"source", c.source},
          {"language", c.language},
          {"discount_percent", c.discount_percent},
          {"consent",
           {{"sms", c.consent.sms},
            {"telegram", c.consent.telegram},
            {"viber", c.consent.viber},
            {"email", c.consent.email}}},
          {"tags", tags},
          {"notes", c.notes},
          {"preferences", c.preferences},
          {"referred_by_id", c.referred_by_id ? identity::Snapshot(*c.referred_by_id) : nullptr},
          {"preferred_staff_ids", c.preferred_staff_ids},
          {"preferred_service_ids", c.preferred_service_ids},
          {"photo_file_id", c.photo_file_id ? identity::Snapshot(*c.photo_file_id) : nullptr},
          {"archived", c.archived}};
}

FilterContext ClientService::ContextOf(Id org_id) {
  const auto profile = d_.orgs.Of(org_id);
  const EpochSeconds now = d_.clock.Now();
  return FilterContext{CivilDate(now, profile.timezone), profile.timezone, now};
}

ClientView ClientService::Show(db::Session& s, const Actor& actor, Client client) {
  if (!identity::Allows(actor.role, Action::kSeeClientContacts)) HideContacts(client);
  return ClientView{std::move(client), d_.settings.GetNameOrder(s, actor.org_id)};
}

std::vector<Client> ClientService::FindMany(db::Session& s, const Actor& actor,
                                            const std::vector<Id>& ids) {
  auto found = d_.clients.FindMany(s, actor.org_id, ids);
  if (!identity::Allows(actor.role, Action::kSeeClientContacts)) {
    for (auto& client : found) HideContacts(client);
  }
  return found;
}

std::vector<Client> ClientService::Briefs(db::Session& s, const Actor& actor,
                                          const std::vector<Id>& ids) {
  auto found = d_.clients.Briefs(s, actor.org_id, ids);
  if (!identity::Allows(actor.role, Action::kSeeClientContacts)) {
    for (auto& client : found) HideContacts(client);
  }
  return found;
}

Result<Client, Error> ClientService::Apply(db::Session& s, const Actor& actor, Client& c,
                                           const ClientPatch& p, const identity::OrgProfile& org) {
  Set(c.first_name, p.first_name);
  Set(c.last_name, p.last_name);
  Set(c.middle_name, p.middle_name);
  Set(c.email, p.email);
  Set(c.birthday, p.birthday);
  Set(c.gender, p.gender);
  Set(c.notes, p.notes);
  Set(c.source, p.source);
  Set(c.preferences, p.preferences);
  Set(c.language, p.language);
  Set(c.phones, p.phones);
  Set(c.referred_by_id, p.referred_by_id);
  Set(c.photo_file_id, p.photo_file_id);
  Set(c.preferred_staff_ids, p.preferred_staff_ids);
  Set(c.preferred_service_ids, p.preferred_service_ids);
  Set(c.consent.sms, p.consent_sms);
  Set(c.consent.telegram, p.consent_telegram);
  Set(c.consent.viber, p.consent_viber);
  Set(c.consent.email, p.consent_email);
  Set(c.discount_percent, p.discount_percent);

  FieldErrors errors = p.format_errors;
  for (auto& e : NormalizeClient(c, org.country, CivilDate(d_.clock.Now(), org.timezone))) {
    const bool known = std::any_of(errors.begin(), errors.end(),
                                   [&](const FieldError& f) { return f.field == e.field; });
    if (!known) errors.push_back(std::move(e));
  }
  if (c.referred_by_id &&
      (*c.referred_by_id == c.id || !d_.clients.Find(s, actor.org_id, *c.referred_by_id))) {
    errors.push_back({"referred_by_id", "not_found"});
  }
  if (c.photo_file_id && !d_.files.Find(s, actor.org_id, c.id, *c.photo_file_id)) {
    errors.push_back({"photo_file_id", "not_found"});
  }
  if (p.tag_ids) {
    c.tags.clear();
    for (Id tag_id : *p.tag_ids) {
      auto tag = d_.tags.Find(s, actor.org_id, tag_id);
      if (!tag) {
        errors.push_back({"tag_ids", "not_found"});
        break;
      }
      if (std::none_of(c.tags.begin(), c.tags.end(),
                       [&](const Tag& t) { return t.id == tag_id; })) {
        c.tags.push_back(*tag);
      }
    }
  }
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  for (const auto& phone : c.phones) {
    if (!d_.clients.PhoneOwner(s, actor.org_id, phone, c.id)) continue;
    if (auto other = d_.clients.FindByPhone(s, actor.org_id, phone, c.id)) {
      Error error(ErrorCode::kPhoneTaken);
      error.existing_id = other->id;
      error.existing_name = DisplayName(*other, d_.settings.GetNameOrder(s, actor.org_id));
      return Fail(error);
    }
  }
  return c;
}

namespace {

std::vector<Id> TagIds(const Client& c) {
  std::vector<Id> ids;
  for (const auto& t : c.tags) ids.push_back(t.id);
  return ids;
}

}  // namespace

Result<ClientView, Error> ClientService::Create(const Actor& actor, const ClientPatch& input) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  const auto org = d_.orgs.Of(actor.org_id);
  return d_.db.Write([&](db::Session& s) -> Result<ClientView, Error> {
    auto created = Insert(s, actor, input, org);
    if (!created) return Fail(created.error());
    return Show(s, actor, std::move(*created));
  });
}

Result<Client, Error> ClientService::Insert(db::Session& s, const Actor& actor,
                                            const ClientPatch& input,
                                            const identity::OrgProfile& org) {
  Client c;
  c.org_id = actor.org_id;
  c.created_at = c.updated_at = d_.clock.Now();
  auto applied = Apply(s, actor, c, input, org);
  if (!applied) return Fail(applied.error());
  c.id = d_.clients.Insert(s, c, SearchText(c));
  d_.clients.SetTags(s, actor.org_id, c.id, TagIds(c));
  d_.audit.Record(s, actor, "client.create", "client", c.id, nullptr, ClientSnapshot(c));
  return *d_.clients.Find(s, actor.org_id, c.id);
}

Result<ClientView, Error> ClientService::Get(const Actor& actor, Id client_id) {
  if (auto ok = Allowed(actor, Action::kViewClients); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) -> Result<ClientView, Error> {
    auto c = d_.clients.Find(s, actor.org_id, client_id);
    if (!c) return Fail(Error(ErrorCode::kNotFound));
    return Show(s, actor, *c);
  });
}

Result<ClientView, Error> ClientService::Update(const Actor& actor, Id client_id,
                                                const ClientPatch& patch) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  const auto org = d_.orgs.Of(actor.org_id);
  return d_.db.Write([&](db::Session& s) -> Result<ClientView, Error> {
    auto c = d_.clients.Find(s, actor.org_id, client_id);
    if (!c || c->erased) return Fail(Error(ErrorCode::kNotFound));
    const auto before = ClientSnapshot(*c);
    auto applied = Apply(s, actor, *c, patch, org);
    if (!applied) return Fail(applied.error());
    c->updated_at = d_.clock.Now();
    d_.clients.Update(s, *c, SearchText(*c));
    if (patch.tag_ids) d_.clients.SetTags(s, actor.org_id, c->id, TagIds(*c));
    const auto after = ClientSnapshot(*c);
    if (after != before) d_.audit.Record(s, actor, "client.update", "client", c->id, before, after);
    return Show(s, actor, *d_.clients.Find(s, actor.org_id, c->id));
  });
}

Result<ClientView, Error> ClientService::Archive(const Actor& actor, Id client_id) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  return d_.db.Write([&](db::Session& s) -> Result<ClientView, Error> {
    auto c = d_.clients.Find(s, actor.org_id, client_id);
    if (!c) return Fail(Error(ErrorCode::kNotFound));
    if (!c->archived) {
      const auto before = ClientSnapshot(*c);
      c->archived = true;
      c->updated_at = d_.clock.Now();
      d_.clients.Update(s, *c, SearchText(*c));
      d_.audit.Record(s, actor, "client.archive", "client", c->id, before, ClientSnapshot(*c));
    }
    return Show(s, actor, *c);
  });
}

Result<ClientView, Error> ClientService::Merge(const Actor& actor, Id into_id, Id source_id) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  if (into_id == source_id) {
    return Fail(Error(ErrorCode::kValidation, {{"source_id", "invalid_value"}}));
  }
  return d_.db.Write([&](db::Session& s) -> Result<ClientView, Error> {
    auto into = d_.clients.Find(s, actor.org_id, into_id);
    auto source = d_.clients.Find(s, actor.org_id, source_id);
    if (!into || into->erased) return Fail(Error(ErrorCode::kNotFound));
    if (into->archived) return Fail(Error(ErrorCode::kConflict));
    if (!source || source->erased || source->merged_into_id) {
      return Fail(Error(ErrorCode::kValidation, {{"source_id", "not_found"}}));
    }
    const auto before = ClientSnapshot(*into);
    for (const auto& phone : source->phones) {
      if (std::find(into->phones.begin(), into->phones.end(), phone) == into->phones.end()) {
        into->phones.push_back(phone);
      }
    }
    for (const auto& tag : source->tags) {
      if (std::none_of(into->tags.begin(), into->tags.end(),
                       [&](const Tag& t) { return t.id == tag.id; })) {
        into->tags.push_back(tag);
      }
    }
    auto fill = [](std::string& target, const std::string& value) {
      if (target.empty()) target = value;
    };
    fill(into->last_name, source->last_name);
    fill(into->middle_name, source->middle_name);
    fill(into->email, source->email);
    fill(into->birthday, source->birthday);
    fill(into->gender, source->gender);
    fill(into->source, source->source);
    fill(into->preferences, source->preferences);
    if (!source->notes.empty()) {
      into->notes = into->notes.empty() ? source->notes : into->notes + "\n\n" + source->notes;
    }
    if (!into->referred_by_id && source->referred_by_id != into->id) {
      into->referred_by_id = source->referred_by_id;
    }
    into->consent.sms |= source->consent.sms;
    into->consent.telegram |= source->consent.telegram;
    into->consent.viber |= source->consent.viber;
    into->consent.email |= source->consent.email;
    into->updated_at = d_.clock.Now();

    // The source gives up its phones first, so that they can move.
    source->phones.clear();
    source->archived = true;
    source->updated_at = into->updated_at;
    d_.clients.Update(s, *source, SearchText(*source));
    d_.clients.MarkMerged(s, actor.org_id, source->id, into->id);
    d_.clients.Update(s, *into, SearchText(*into));
    d_.clients.SetTags(s, actor.org_id, into->id, TagIds(*into));
    d_.clients.AddStats(s, actor.org_id, into->id, source->stats);
    d_.files.MoveAll(s, actor.org_id, source->id, into->id);
    auto after = ClientSnapshot(*into);
    after["merged_from"] = source->id;
    d_.audit.Record(s, actor, "client.merge", "client", into->id, before, after);
    return Show(s, actor, *d_.clients.Find(s, actor.org_id, into->id));
  });
}

Result<ClientView, Error> ClientService::Erase(const Actor& actor, Id client_id) {
  if (auto ok = Allowed(actor, Action::kEraseClients); !ok) return Fail(ok.error());
  std::vector<std::string> keys;
  auto erased = d_.db.Write([&](db::Session& s) -> Result<ClientView, Error> {
    auto c = d_.clients.Find(s, actor.org_id, client_id);
    if (!c) return Fail(Error(ErrorCode::kNotFound));
    clients::Erase(*c);
    c->updated_at = d_.clock.Now();
    d_.clients.Update(s, *c, SearchText(*c));
    d_.clients.SetTags(s, actor.org_id, c->id, {});
    for (const auto& file : d_.files.List(s, actor.org_id, c->id)) {
      d_.files.Delete(s, actor.org_id, file.id, c->updated_at);
      keys.push_back(file.storage_key);
    }
    // The audit log keeps that changes and the erasure happened, not what they contained.
    d_.audit.Redact(s, actor.org_id, "client", c->id);
    d_.audit.Record(s, actor, "client.erase", "client", c->id, nullptr, {{"erased", true}});
    return Show(s, actor, *c);
  });
  if (erased) {
    for (const auto& key : keys) d_.storage.Remove(key);
  }
  return erased;
}

Result<std::pair<ClientView, std::vector<ClientFile>>, Error> ClientService::PersonalData(
    const Actor& actor, Id client_id) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  return d_.db.Write(
      [&](db::Session& s) -> Result<std::pair<ClientView, std::vector<ClientFile>>, Error> {
        auto c = d_.clients.Find(s, actor.org_id, client_id);
        if (!c) return Fail(Error(ErrorCode::kNotFound));
        d_.audit.Record(s, actor, "client.export_personal_data", "client", c->id, nullptr, nullptr);
        return std::make_pair(Show(s, actor, *c), d_.files.List(s, actor.org_id, c->id));
      });
}

Result<ClientFilter, Error> ClientService::FilterOf(const Actor& actor, const Pairs& query) {
  const auto context = ContextOf(actor.org_id);
  auto parsed = ParseClientFilter(query, context);
  if (!parsed) return Fail(Error(ErrorCode::kValidation, parsed.error()));
  ClientFilter filter = std::move(parsed).value();
  if (filter.segment_id) {
    auto segment = d_.db.Read(
        [&](db::Session& s) { return d_.segments.Find(s, actor.org_id, *filter.segment_id); });
    if (!segment) return Fail(Error(ErrorCode::kValidation, {{"segment_id", "not_found"}}));
    auto saved = ParseClientFilter(segment->filter, context);
    if (!saved) return Fail(Error(ErrorCode::kValidation, {{"segment_id", "invalid_value"}}));
    filter = Combine(std::move(saved).value(), filter);
  }
  const bool digit_words =
      std::any_of(filter.search.words.begin(), filter.search.words.end(),
                  [](const auto& w) { return w.find_first_of("0123456789") != std::string::npos; });
  if (!identity::Allows(actor.role, Action::kSeeClientContacts) &&
      (!filter.search.digits.empty() || digit_words)) {
    // Masters do not search by phone.
    filter.search.digits.clear();
    filter.search.nothing = true;
  }
  return filter;
}

Result<ClientPage, Error> ClientService::List(const Actor& actor, const Pairs& query,
                                              std::optional<Id> before, int limit,
                                              bool with_total) {
  if (auto ok = Allowed(actor, Action::kViewClients); !ok) return Fail(ok.error());
  auto filter = FilterOf(actor, query);
  if (!filter) return Fail(filter.error());
  return d_.db.Read([&](db::Session& s) -> Result<ClientPage, Error> {
    ClientPage page;
    auto rows = d_.clients.List(s, actor.org_id, *filter, before, limit + 1);
    if (static_cast<int>(rows.size()) > limit) {
      rows.resize(limit);
      page.next_before = rows.back().id;
    }
    const bool hide = !identity::Allows(actor.role, Action::kSeeClientContacts);
    for (auto& c : rows) {
      if (hide) HideContacts(c);
      page.items.push_back(std::move(c));
    }
    if (with_total) page.total = d_.clients.Count(s, actor.org_id, *filter);
    page.order = d_.settings.GetNameOrder(s, actor.org_id);
    return page;
  });
}

Result<NameOrder, Error> ClientService::GetNameOrder(const Actor& actor) {
  if (auto ok = Allowed(actor, Action::kViewClients); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) { return d_.settings.GetNameOrder(s, actor.org_id); });
}

Result<NameOrder, Error> ClientService::SetNameOrder(const Actor& actor, NameOrder order) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  return d_.db.Write([&](db::Session& s) {
    const auto before = d_.settings.GetNameOrder(s, actor.org_id);
    d_.settings.SetNameOrder(s, actor.org_id, order);
    auto name = [](NameOrder o) {
      return o == NameOrder::kFirstLast ? "first_last" : "last_first";
    };
    d_.audit.Record(s, actor, "client_settings.update", "client_settings", std::nullopt,
                    {{"name_order", name(before)}}, {{"name_order", name(order)}});
    return order;
  });
}

}  // namespace kvitka::clients
