#include "messaging/app/message_composer.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/secret.h"
#include "core/time.h"
#include "messaging/app/marketing_values.h"
#include "messaging/app/message_history.h"
#include "messaging/app/messaging_settings.h"
#include "messaging/app/schedule_notices.h"
#include "messaging/domain/default_templates.h"
#include "messaging/domain/visit_values.h"

namespace kvitka::messaging {

using booking::Appointment;
using booking::Status;

namespace {

bool Contains(const std::vector<Channel>& list, Channel channel) {
  return std::find(list.begin(), list.end(), channel) != list.end();
}

// The buttons under a Telegram message about a coming visit.
std::vector<std::vector<channels::Button>> VisitButtons(MessageKind kind, Id appointment_id,
                                                        const std::string& manage_link,
                                                        Language language) {
  if (kind != MessageKind::kReminder && kind != MessageKind::kBookingConfirmation &&
      kind != MessageKind::kRescheduled) {
    return {};
  }
  const std::string id = std::to_string(appointment_id);
  const char* confirm = language == Language::kEn   ? "✅ I'll come"
                        : language == Language::kRu ? "✅ Приду"
                                                    : "✅ Прийду";
  const char* cancel = language == Language::kEn   ? "❌ Cancel"
                       : language == Language::kRu ? "❌ Отменить"
                                                   : "❌ Скасувати";
  const char* move = language == Language::kEn ? "🔁 Move" : "🔁 Перенести";  // uk and ru alike
  std::vector<std::vector<channels::Button>> rows = {
      {{confirm, "confirm:" + id, ""}, {cancel, "cancel:" + id, ""}}};
  if (!manage_link.empty()) rows.push_back({{move, "", manage_link}});
  return rows;
}

// A message that tells of a change (a booking, a move, a cancellation) is news only for a while:
// one that could not go out for longer (no channel yet, the server was down) is not sent.
constexpr EpochSeconds kStaleAfter = EpochSeconds{6} * 3600;

bool AnswersAChange(MessageKind kind) {
  return kind == MessageKind::kBookingConfirmation || kind == MessageKind::kRescheduled ||
         kind == MessageKind::kCancelled || kind == MessageKind::kStaffNewBooking ||
         kind == MessageKind::kStaffBookingMoved || kind == MessageKind::kStaffBookingCancelled;
}

// Messages that wait for the morning when they come due at night: reminders and what is not an
// answer to something the client or the salon just did.
bool KeepsQuietHours(MessageKind kind) {
  return kind == MessageKind::kReminder || kind == MessageKind::kFeedbackRequest ||
         IsMarketing(kind);
}

}  // namespace

bool StillApplies(MessageKind kind, const Appointment& visit,
                  std::optional<EpochSeconds> planned_start, std::optional<Id> master) {
  const bool coming = visit.status == Status::kBooked || visit.status == Status::kConfirmed;
  const bool same_time = !planned_start || visit.Start() == *planned_start;
  const bool masters_it =
      master && std::any_of(visit.items.begin(), visit.items.end(),
                            [&](const booking::Item& item) { return item.staff_id == *master; });
  switch (kind) {
    case MessageKind::kBookingConfirmation:
    case MessageKind::kReminder:
    case MessageKind::kRescheduled:
      return coming && same_time;
    case MessageKind::kStaffNewBooking:
    case MessageKind::kStaffBookingMoved:
      return coming && same_time && masters_it;
    case MessageKind::kCancelled:
      return visit.status == Status::kCancelled;
    case MessageKind::kStaffBookingCancelled:
      return visit.status == Status::kCancelled || !masters_it;
    case MessageKind::kFeedbackRequest:
      return visit.status == Status::kCompleted;
    default:
      return true;
  }
}

Composition MessageComposer::Compose(db::Session& s, const OutboxRow& row, EpochSeconds now) {
  Composition c;
  const Id org = row.org_id;
  std::optional<Appointment> visit;
  if (row.appointment_id != 0) {
    visit = d_.appointments.FindIn(s, org, row.appointment_id);
    const auto master = row.recipient_type == RecipientType::kStaff
                            ? std::optional<Id>(row.recipient_id)
                            : std::nullopt;
    if (!visit || !StillApplies(row.kind, *visit, row.visit_start, master)) {
      c.state = Composition::State::kVoid;
      c.reason = "visit_changed";
      return c;
    }
  }
  // A come-back reminder to a client who has booked meanwhile is not needed.
  if (row.kind == MessageKind::kComeBack && row.recipient_type == RecipientType::kClient &&
      d_.appointments.HasUpcomingIn(s, org, row.recipient_id, now)) {
    c.state = Composition::State::kVoid;
    c.reason = "already_booked";
    return c;
  }
  if (!StillWorthSending(row.kind, row.visit_start, now) ||
      (AnswersAChange(row.kind) && now - row.due_at > kStaleAfter)) {
    c.reason = "too_late";
    return c;
  }
  // Of reminders picked up late only the latest one goes.
  if (row.kind == MessageKind::kReminder &&
      d_.outbox.SmallerReminderDue(s, org, row.appointment_id, row.version, row.slot, now)) {
    c.reason = "superseded";
    return c;
  }
  auto to = d_.recipients.Of(s, org, row.recipient_type, row.recipient_id);
  if (!to) {
    c.reason = "no_recipient";
    return c;
  }
  const MessagingRules rules = LoadRules(s, d_.rules, org);
  if (KeepsQuietHours(row.kind)) {
    const auto branch = d_.branches.FindIn(s, org, visit ? visit->branch_id : row.branch_id);
    const auto reminders = rules.AtBranch(branch ? branch->id : row.branch_id);
    std::optional<EpochSeconds> latest;
    if (row.kind == MessageKind::kReminder && row.visit_start) {
      latest = *row.visit_start - EpochSeconds{reminders.min_lead} * 60;
    }
    const auto when =
        OutsideQuietHours(now, reminders.quiet_hours, branch ? branch->timezone : "UTC", latest);
    if (!when) {
      c.reason = "quiet_hours";
      return c;
    }
    if (*when > now) {
      c.state = Composition::State::kLater;
      c.later = *when;
      return c;
    }
  }
  const auto tried = ParseChannelList(row.tried);
  for (auto channel :
       DeliveryOrder(d_.recipients.SalonChannels(s, org, rules), to->recipient, row.kind)) {
    if (!Contains(tried, channel)) c.order.push_back(channel);
  }
  if (c.order.empty()) {
    c.state = tried.empty() ? Composition::State::kSkip : Composition::State::kFail;
    c.reason = tried.empty() ? "no_channel" : row.error;
    return c;
  }
  const auto planned = ParseChannel(row.channel);
  std::optional<Campaign> campaign;
  if (row.kind == MessageKind::kCampaign) {
    // A campaign goes on its own channel only, while the client still agrees to it.
    campaign = d_.campaigns.Find(s, org, row.slot);
    if (!campaign || campaign->status == CampaignStatus::kCancelled) {
      c.state = Composition::State::kVoid;
      c.reason = "campaign_cancelled";
      return c;
    }
    if (!planned || !Contains(c.order, *planned)) {
      c.reason = "no_consent";
      return c;
    }
    c.order = {*planned};
  }
  c.channel = planned && Contains(c.order, *planned) ? *planned : c.order.front();
  c.stored = d_.channels.Find(s, org, c.channel).value_or(StoredChannel{});

  VisitFacts facts;
  facts.client_name = to->name;
  std::string slug;
  std::string manage_token;
  if (visit) {
    const auto branch = d_.branches.FindIn(s, org, visit->branch_id);
    const auto organization = d_.branches.OrganizationIn(s, org);
    const auto links = d_.online.LinksIn(s, org, *visit);
    facts.start = visit->Start();
    if (auto context = nlohmann::json::parse(row.context_json, nullptr, false);
        context.is_object() && context.contains("old_start") &&
        context["old_start"].is_number_integer()) {
      facts.old_start = context["old_start"].get<EpochSeconds>();
    }
    facts.zone = branch ? branch->timezone : "UTC";
    for (const auto& item : visit->items) {
      facts.services.push_back(item.service_name);
      if (auto master = d_.staff.FindIn(s, org, item.staff_id)) {
        if (std::find(facts.masters.begin(), facts.masters.end(), master->name) ==
            facts.masters.end()) {
          facts.masters.push_back(master->name);
        }
      }
    }
    facts.price = visit->Total();
    if (branch) {
      facts.currency = branch->currency;
      facts.branch_name = branch->name;
      facts.address = branch->address;
    }
    if (organization) facts.salon_name = organization->name;
    facts.salon_phone = links.phone;
    slug = links.slug;
    manage_token = links.manage_token;
    if (row.recipient_type == RecipientType::kClient) {
      if (auto client = d_.recipients.Client(s, org, visit->client_id)) {
        facts.client_phone = client->phone;
      }
    } else if (auto client = d_.recipients.Client(s, org, visit->client_id)) {
      facts.client_name = client->name;
      facts.client_phone = client->phone;
    }
  }
  if (!slug.empty()) {
    facts.booking_link = public_url_ + "/b/" + slug;
    if (!manage_token.empty()) {
      facts.manage_link = facts.booking_link + "/m/" + manage_token;
      facts.feedback_link = facts.booking_link + "/f/" + manage_token;
    }
  }
  // The confirmation offers a client without a linked chat the salon's Telegram bot.
  if (row.kind == MessageKind::kBookingConfirmation &&
      row.recipient_type == RecipientType::kClient && to->telegram_chat.empty()) {
    if (auto invite =
            IssueChatInvite(s, d_.chats, d_.channels, org, to->id, Channel::kTelegram, now,
                            /*reuse=*/true)) {
      facts.telegram_link = invite->url;
    }
  }

  MessageTemplate text = DefaultTemplate(row.kind, c.channel, row.language);
  if (campaign) {
    text = {MessageKind::kCampaign, c.channel, row.language, campaign->subject, campaign->body, ""};
  } else if (auto custom = d_.templates.Find(s, org, row.kind, c.channel, row.language)) {
    text = custom->text;
  }
  TemplateValues extra;  // values of the kinds not about a visit
  if (row.kind == MessageKind::kStaffShiftTomorrow) {
    // Tomorrow's shift on the branch's clock.
    const auto context = nlohmann::json::parse(row.context_json, nullptr, false);
    const auto branch = d_.branches.FindIn(s, org, row.branch_id);
    if (context.is_object() && context.contains("start") && context.contains("end")) {
      facts.start = context["start"].get<EpochSeconds>();
      facts.zone = branch ? branch->timezone : "UTC";
      if (branch) facts.branch_name = branch->name;
      auto shift = VisitValues(facts, row.language);
      VisitFacts end = facts;
      end.start = context["end"].get<EpochSeconds>();
      shift["shift_start"] = shift["time"];
      shift["shift_end"] = VisitValues(end, row.language)["time"];
      shift["master"] = to->name;
      extra = std::move(shift);
    }
  }
  if (row.kind == MessageKind::kStaffScheduleChanged) {
    // The changed days still ahead, on the branch's clock.
    const auto branch = d_.branches.FindIn(s, org, row.branch_id);
    const std::string zone = branch ? branch->timezone : "UTC";
    auto notice =
        ScheduleNoticeValues(row.context_json, zone, CivilDate(now, zone), row.language, c.channel);
    if (!notice) {
      c.reason = "too_late";
      return c;
    }
    if (branch) (*notice)["branch_name"] = branch->name;
    extra = std::move(*notice);
  }
  if (row.kind == MessageKind::kWaitlistOffer) {
    // The time offered from the waitlist, on the branch's clock.
    const auto context = nlohmann::json::parse(row.context_json, nullptr, false);
    const auto branch = d_.branches.FindIn(s, org, row.branch_id);
    facts.start = row.visit_start.value_or(0);
    facts.zone = branch ? branch->timezone : "UTC";
    if (context.is_object() && context.contains("staff_id") && context["staff_id"].is_number()) {
      if (auto master = d_.staff.FindIn(s, org, context["staff_id"].get<Id>())) {
        facts.masters.push_back(master->name);
      }
    }
  }
  TemplateValues values = visit || row.kind == MessageKind::kWaitlistOffer
                              ? VisitValues(facts, row.language)
                              : TemplateValues{};
  if (row.recipient_type == RecipientType::kStaff) values["master"] = to->name;
  if (IsMarketing(row.kind) || !visit) {
    // The salon, its booking page and, for marketing, the client's opt-out link.
    const bool marketing = IsMarketing(row.kind);
    const std::string token =
        marketing ? d_.chats.OptOutToken(s, org, to->id, RandomToken(16), now) : "";
    for (auto& [name, value] : MarketingValues(s, d_.branches, d_.online, org, to->name,
                                               row.language, public_url_, token)) {
      if (values[name].empty()) values[name] = value;
    }
    if (marketing) {
      values["opt_out"] = OptOutLine(OptOutUrl(public_url_, token), row.language);
    } else {
      values.erase("opt_out");
    }
  }
  for (auto& [name, value] : extra) values[name] = value;
  if (row.kind == MessageKind::kComeBack && visit) {
    // The service whose cycle ends, and when it was last done.
    values["last_visit_date"] = values["date"];
    if (auto context = nlohmann::json::parse(row.context_json, nullptr, false);
        context.is_object() && context.contains("service") && context["service"].is_string()) {
      values["services"] = context["service"].get<std::string>();
    }
  }
  auto rendered = RenderMessage(text, values);
  if (!rendered) {
    // A salon's template that no longer renders: the default says it instead.
    rendered = RenderMessage(DefaultTemplate(row.kind, c.channel, row.language), values);
  }
  if (!rendered) {
    c.state = Composition::State::kFail;
    c.reason = "template";
    return c;
  }
  c.outgoing.channel = c.channel;
  c.outgoing.to = to->AddressOn(c.channel);
  c.outgoing.subject = rendered->subject;
  c.outgoing.text = rendered->body;
  c.outgoing.html = rendered->html;
  c.outgoing.key = "kvitka-" + std::to_string(org) + "-" + std::to_string(row.id);
  c.outgoing.key += std::string("-") + ChannelName(c.channel);
  // The bots (Telegram, Viber) show buttons to confirm, cancel or move.
  if ((c.channel == Channel::kTelegram || c.channel == Channel::kViber) &&
      row.recipient_type == RecipientType::kClient) {
    c.outgoing.buttons =
        VisitButtons(row.kind, row.appointment_id, facts.manage_link, row.language);
  }
  c.state = Composition::State::kReady;
  return c;
}

}  // namespace kvitka::messaging
