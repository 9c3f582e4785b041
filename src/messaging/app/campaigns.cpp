#include "messaging/app/campaigns.h"

#include <algorithm>

#include "clients/domain/client_filter.h"
#include "identity/app/authorize.h"
#include "messaging/app/marketing_values.h"
#include "messaging/domain/sms_text.h"

namespace kvitka::messaging {

using identity::Actor;

namespace {

Result<Done, Error> Allowed(const Actor& actor) {
  if (!identity::Authorize(actor, identity::Action::kManageMessaging)) {
    return Fail(Error(ErrorCode::kForbidden));
  }
  return Done{};
}

void Apply(const CampaignInput& in, Campaign& c) {
  if (in.name) c.name = *in.name;
  if (in.subject) c.subject = *in.subject;
  if (in.body) c.body = *in.body;
  if (in.channel) c.channel = *in.channel;
  if (in.audience) c.audience = *in.audience;
  if (in.per_minute) c.per_minute = *in.per_minute;
}

// The body's problems and the campaign's own, each field once.
FieldErrors Problems(const CampaignInput& input, const Campaign& c) {
  FieldErrors errors = input.format_errors;
  // A mistyped or empty filter must not turn into "every client".
  for (const auto& pair : c.audience) {
    const std::string& key = pair.first;
    const std::string& value = pair.second;
    const bool known = key == "segment_id" ||
                       std::any_of(std::begin(clients::kFilterKeys), std::end(clients::kFilterKeys),
                                   [&key](const char* k) { return key == k; });
    if (!known) {
      errors.push_back({"audience." + key, "unknown_field"});
    } else if (value.empty()) {
      errors.push_back({"audience." + key, "required"});
    }
  }
  for (auto& e : CheckCampaign(c)) {
    const bool named = std::any_of(errors.begin(), errors.end(),
                                   [&](const FieldError& f) { return f.field == e.field; });
    if (!named) errors.push_back(std::move(e));
  }
  return errors;
}

identity::Snapshot CampaignSnapshot(const Campaign& c) {
  return {{"name", c.name},
          {"channel", ChannelName(c.channel)},
          {"status", CampaignStatusName(c.status)},
          {"body", c.body},
          {"recipients", c.recipients}};
}

}  // namespace

Result<CampaignView, Error> Campaigns::Create(const Actor& actor, const CampaignInput& input) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  Campaign c;
  Apply(input, c);
  if (auto errors = Problems(input, c); !errors.empty()) {
    return Fail(Error(ErrorCode::kValidation, errors));
  }
  if (auto filter = d_.clients.FilterOf(actor, c.audience); !filter) {
    return Fail(Error(ErrorCode::kValidation, {{"audience", "invalid_value"}}));
  }
  c.created_by = actor.user_id;
  c.created_at = c.updated_at = d_.clock.Now();
  d_.db.Write([&](db::Session& s) {
    c.id = d_.campaigns.Insert(s, actor.org_id, c);
    d_.audit.Record(s, actor, "campaign.create", "campaign", c.id, nullptr, CampaignSnapshot(c));
  });
  return CampaignView{c, std::nullopt, 0, 14};
}

Result<CampaignView, Error> Campaigns::Update(const Actor& actor, Id id,
                                              const CampaignInput& input) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  if (input.audience && !d_.clients.FilterOf(actor, *input.audience)) {
    return Fail(Error(ErrorCode::kValidation, {{"audience", "invalid_value"}}));
  }
  return d_.db.Write([&](db::Session& s) -> Result<CampaignView, Error> {
    auto c = d_.campaigns.Find(s, actor.org_id, id);
    if (!c) return Fail(Error(ErrorCode::kNotFound));
    if (c->status != CampaignStatus::kDraft) return Fail(Error(ErrorCode::kNotDraft));
    const auto before = CampaignSnapshot(*c);
    Apply(input, *c);
    if (auto errors = Problems(input, *c); !errors.empty()) {
      return Fail(Error(ErrorCode::kValidation, errors));
    }
    c->updated_at = d_.clock.Now();
    d_.campaigns.Update(s, actor.org_id, *c);
    d_.audit.Record(s, actor, "campaign.update", "campaign", id, before, CampaignSnapshot(*c));
    return CampaignView{*c, std::nullopt, 0, 14};
  });
}

Result<CampaignView, Error> Campaigns::Get(const Actor& actor, Id id, int days) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) -> Result<CampaignView, Error> {
    auto c = d_.campaigns.Find(s, actor.org_id, id);
    if (!c) return Fail(Error(ErrorCode::kNotFound));
    CampaignView view{*c, std::nullopt, 0, days};
    if (c->status != CampaignStatus::kDraft) {
      view.results = d_.campaigns.Results(s, actor.org_id, id);
      if (view.results->first_sent_at) {
        const EpochSeconds from = *view.results->first_sent_at;
        view.bookings = d_.appointments.CountCreatedByIn(s, actor.org_id, view.results->reached,
                                                         from, from + days * 86400L);
      }
    }
    return view;
  });
}

Result<std::vector<Campaign>, Error> Campaigns::List(const Actor& actor, std::optional<Id> before,
                                                     int limit) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  return d_.db.Read(
      [&](db::Session& s) { return d_.campaigns.List(s, actor.org_id, before, limit); });
}

Result<Campaigns::Audience, Error> Campaigns::Resolve(const Actor& actor, const Campaign& c) {
  // Every client the filters match, page by page.
  std::vector<Id> ids;
  std::optional<Id> before;
  for (;;) {
    auto page = d_.clients.List(actor, c.audience, before, 200, false);
    if (!page) return Fail(Error(ErrorCode::kValidation, {{"audience", "invalid_value"}}));
    for (const auto& client : page->items) ids.push_back(client.id);
    if (!page->next_before) break;
    before = page->next_before;
  }
  Audience audience;
  audience.estimate.clients = static_cast<int>(ids.size());
  d_.db.Read([&](db::Session& s) {
    for (Id id : ids) {
      auto to = d_.recipients.Client(s, actor.org_id, id);
      if (!to) continue;
      if (!HasConsent(to->recipient.consent, c.channel)) {
        ++audience.estimate.without_consent;
      } else if (!CanReach(to->recipient.reach, c.channel)) {
        ++audience.estimate.unreachable;
      } else {
        audience.recipients.push_back(std::move(*to));
      }
    }
    audience.estimate.recipients = static_cast<int>(audience.recipients.size());
    const MessageTemplate text{
        MessageKind::kCampaign, c.channel, Language::kUk, c.subject, c.body, ""};
    for (const auto& to : audience.recipients) {
      auto values = MarketingValues(s, d_.branches, d_.online, actor.org_id, to.name, to.language,
                                    d_.public_url, "");
      auto rendered = RenderMessage(text, values);
      if (!rendered) continue;
      if (audience.estimate.sample.empty()) audience.estimate.sample = rendered->body;
      if (c.channel == Channel::kSms) {
        const int parts = MeasureSms(rendered->body).parts;
        audience.estimate.sms_parts += parts;
        audience.estimate.max_parts = std::max(audience.estimate.max_parts, parts);
      }
    }
  });
  return audience;
}

Result<CampaignEstimate, Error> Campaigns::Estimate(const Actor& actor, Id id) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  auto c = d_.db.Read([&](db::Session& s) { return d_.campaigns.Find(s, actor.org_id, id); });
  if (!c) return Fail(Error(ErrorCode::kNotFound));
  auto audience = Resolve(actor, *c);
  if (!audience) return Fail(audience.error());
  return audience->estimate;
}

Result<CampaignView, Error> Campaigns::Send(const Actor& actor, Id id,
                                            std::optional<EpochSeconds> at) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  const EpochSeconds now = d_.clock.Now();
  if (at && *at < now - 60) return Fail(Error(ErrorCode::kValidation, {{"send_at", "in_past"}}));
  auto c = d_.db.Read([&](db::Session& s) { return d_.campaigns.Find(s, actor.org_id, id); });
  if (!c) return Fail(Error(ErrorCode::kNotFound));
  if (c->status != CampaignStatus::kDraft) return Fail(Error(ErrorCode::kNotDraft));
  auto audience = Resolve(actor, *c);
  if (!audience) return Fail(audience.error());
  if (audience->recipients.empty()) {
    return Fail(Error(ErrorCode::kValidation, {{"audience", "no_recipients"}}));
  }
  const EpochSeconds start = std::max(now, at.value_or(now));
  auto sent = d_.db.Write([&](db::Session& s) -> Result<Done, Error> {
    auto fresh = d_.campaigns.Find(s, actor.org_id, id);
    if (!fresh || fresh->status != CampaignStatus::kDraft) return Fail(Error(ErrorCode::kNotDraft));
    const auto before = CampaignSnapshot(*fresh);
    int n = 0;
    for (const auto& to : audience->recipients) {
      OutboxRow row;
      row.org_id = actor.org_id;
      row.kind = MessageKind::kCampaign;
      row.slot = id;
      row.recipient_type = RecipientType::kClient;
      row.recipient_id = to.id;
      row.channel = ChannelName(c->channel);
      row.language = to.language;
      row.due_at = CampaignDueAt(start, n, c->per_minute);
      row.created_at = row.updated_at = now;
      if (d_.outbox.Add(s, row)) ++n;
    }
    fresh->status = start > now + 60 ? CampaignStatus::kScheduled : CampaignStatus::kSent;
    fresh->send_at = start;
    fresh->recipients = n;
    fresh->sms_parts = audience->estimate.sms_parts;
    fresh->updated_at = now;
    d_.campaigns.Update(s, actor.org_id, *fresh);
    d_.audit.Record(s, actor, "campaign.send", "campaign", id, before, CampaignSnapshot(*fresh));
    return Done{};
  });
  if (!sent) return Fail(sent.error());
  return Get(actor, id);
}

Result<CampaignView, Error> Campaigns::Cancel(const Actor& actor, Id id) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  auto done = d_.db.Write([&](db::Session& s) -> Result<Done, Error> {
    auto c = d_.campaigns.Find(s, actor.org_id, id);
    if (!c) return Fail(Error(ErrorCode::kNotFound));
    if (c->status != CampaignStatus::kScheduled && c->status != CampaignStatus::kSent) {
      return Fail(Error(ErrorCode::kNotDraft));
    }
    const auto before = CampaignSnapshot(*c);
    d_.campaigns.VoidPending(s, actor.org_id, id, d_.clock.Now());
    c->status = CampaignStatus::kCancelled;
    c->updated_at = d_.clock.Now();
    d_.campaigns.Update(s, actor.org_id, *c);
    d_.audit.Record(s, actor, "campaign.cancel", "campaign", id, before, CampaignSnapshot(*c));
    return Done{};
  });
  if (!done) return Fail(done.error());
  return Get(actor, id);
}

Result<OptOutView, Error> Campaigns::OptOutInfo(const std::string& token) {
  if (token.empty() || token.size() > 64) return Fail(Error(ErrorCode::kNotFound));
  return d_.db.Read([&](db::Session& s) -> Result<OptOutView, Error> {
    auto owner = d_.chats.ResolveOptOut(s, token);
    if (!owner) return Fail(Error(ErrorCode::kNotFound));
    const auto [org_id, client_id] = *owner;
    auto found = d_.clients.FindMany(s, Actor::System(org_id), {client_id});
    if (found.empty() || found.front().erased) return Fail(Error(ErrorCode::kNotFound));
    const auto& consent = found.front().consent;
    OptOutView view;
    if (auto org = d_.branches.OrganizationIn(s, org_id)) view.salon = org->name;
    view.first_name = found.front().first_name;
    view.subscribed = consent.sms || consent.telegram || consent.viber || consent.email;
    return view;
  });
}

Result<OptOutView, Error> Campaigns::OptOut(const std::string& token) {
  auto info = OptOutInfo(token);
  if (!info) return Fail(info.error());
  const auto owner = d_.db.Read([&](db::Session& s) { return d_.chats.ResolveOptOut(s, token); });
  if (!owner) return Fail(Error(ErrorCode::kNotFound));
  if (info->subscribed) {
    clients::ClientPatch patch;
    patch.consent_sms = patch.consent_telegram = patch.consent_viber = patch.consent_email = false;
    auto actor = Actor::System(owner->first);
    actor.ip = "opt-out link";
    if (!d_.clients.Update(actor, owner->second, patch)) return Fail(Error(ErrorCode::kNotFound));
    info->subscribed = false;
  }
  return info;
}

}  // namespace kvitka::messaging
