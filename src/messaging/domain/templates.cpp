#include "messaging/domain/templates.h"

#include <algorithm>
#include <array>
#include <mstch/mstch.hpp>
#include <utility>

#include "core/text.h"

namespace kvitka::messaging {
namespace {

using Names = std::span<const std::string_view>;

constexpr std::string_view kOptOut = "opt_out";

constexpr std::array<std::string_view, 14> kConfirmation = {
    "client_name", "date",       "time",        "weekday",      "master",
    "services",    "price",      "branch_name", "address",      "map_link",
    "manage_link", "salon_name", "salon_phone", "telegram_link"};
constexpr std::array<std::string_view, 13> kReminder = {
    "client_name", "date",    "time",     "weekday",     "master",     "services",   "price",
    "branch_name", "address", "map_link", "manage_link", "salon_name", "salon_phone"};
constexpr std::array<std::string_view, 15> kRescheduled = {
    "client_name", "date",     "time",        "weekday",    "old_date",
    "old_time",    "master",   "services",    "price",      "branch_name",
    "address",     "map_link", "manage_link", "salon_name", "salon_phone"};
constexpr std::array<std::string_view, 11> kCancelled = {
    "client_name", "date",         "time",       "weekday",     "master", "services",
    "branch_name", "booking_link", "salon_name", "salon_phone", "address"};
constexpr std::array<std::string_view, 13> kWaitlistOffer = {
    "client_name", "date",    "time",     "weekday",      "master",     "services",   "price",
    "branch_name", "address", "map_link", "booking_link", "salon_name", "salon_phone"};
constexpr std::array<std::string_view, 10> kFeedback = {
    "client_name", "date",          "time",        "weekday",    "master",
    "services",    "feedback_link", "branch_name", "salon_name", "salon_phone"};
constexpr std::array<std::string_view, 5> kBirthday = {"client_name", "booking_link", "salon_name",
                                                       "salon_phone", "opt_out"};
constexpr std::array<std::string_view, 8> kComeBack = {
    "client_name",  "services",   "master",      "last_visit_date",
    "booking_link", "salon_name", "salon_phone", "opt_out"};
constexpr std::array<std::string_view, 7> kCampaign = {"client_name", "booking_link", "branch_name",
                                                       "address",     "salon_name",   "salon_phone",
                                                       "opt_out"};
constexpr std::array<std::string_view, 10> kStaffBooking = {
    "master",  "client_name", "client_phone", "date",        "time",
    "weekday", "services",    "price",        "branch_name", "salon_name"};
constexpr std::array<std::string_view, 12> kStaffMoved = {
    "master",   "client_name", "client_phone", "date",  "time",        "weekday",
    "old_date", "old_time",    "services",     "price", "branch_name", "salon_name"};
constexpr std::array<std::string_view, 8> kStaffSchedule = {
    "master", "days", "date", "weekday", "shift_start", "shift_end", "branch_name", "salon_name"};
constexpr std::array<std::string_view, 9> kStaffShift = {
    "master",      "date",    "weekday",      "shift_start", "shift_end",
    "branch_name", "address", "visits_count", "salon_name"};

void AddIssuesAsErrors(const TemplateIssues& issues, const std::string& field, FieldErrors& out) {
  for (const auto& issue : issues) {
    const bool seen = std::any_of(out.begin(), out.end(), [&](const FieldError& e) {
      return e.field == field && e.code == issue.code;
    });
    if (!seen) out.push_back({field, issue.code});
  }
}

// Errors of one text: required, too long, then its template issues.
void CheckText(const std::string& field, std::string_view text, MessageKind kind, int max_length,
               bool required, FieldErrors& out) {
  if (text.empty()) {
    if (required) out.push_back({field, "required"});
    return;
  }
  if (static_cast<std::int64_t>(Utf8Length(text)) > max_length) {
    out.push_back({field, "too_long", max_length});
  }
  AddIssuesAsErrors(FindTemplateIssues(text, kind), field, out);
}

mstch::map ContextOf(const TemplateValues& values, TextFormat format) {
  mstch::map context;
  for (const auto& [name, value] : values) {
    context.emplace(name, format == TextFormat::kHtml ? EscapeHtml(value) : value);
  }
  return context;
}

}  // namespace

std::span<const std::string_view> TemplateVariables(MessageKind kind) {
  switch (kind) {
    case MessageKind::kBookingConfirmation:
      return kConfirmation;
    case MessageKind::kReminder:
      return kReminder;
    case MessageKind::kRescheduled:
      return kRescheduled;
    case MessageKind::kCancelled:
      return kCancelled;
    case MessageKind::kWaitlistOffer:
      return kWaitlistOffer;
    case MessageKind::kFeedbackRequest:
      return kFeedback;
    case MessageKind::kBirthday:
      return kBirthday;
    case MessageKind::kComeBack:
      return kComeBack;
    case MessageKind::kCampaign:
      return kCampaign;
    case MessageKind::kStaffNewBooking:
    case MessageKind::kStaffBookingCancelled:
      return kStaffBooking;
    case MessageKind::kStaffBookingMoved:
      return kStaffMoved;
    case MessageKind::kStaffScheduleChanged:
      return kStaffSchedule;
    case MessageKind::kStaffShiftTomorrow:
      return kStaffShift;
  }
  return kReminder;
}

int MaxBodyLength(Channel channel) {
  switch (channel) {
    case Channel::kSms:
      return 1000;  // about 15 Cyrillic parts: more is a letter, not an SMS
    case Channel::kTelegram:
      return 4096;  // the Bot API's limit of one message
    case Channel::kViber:
      return 7000;  // the Viber REST API's limit
    case Channel::kEmail:
      return 20000;
  }
  return 1000;
}

TemplateIssues FindTemplateIssues(std::string_view text, MessageKind kind) {
  ScannedTemplate scanned = ScanTemplate(text);
  TemplateIssues issues = std::move(scanned.issues);
  const Names known = TemplateVariables(kind);
  bool has_opt_out = false;
  for (const auto& tag : scanned.tags) {
    if (tag.type == TagType::kSectionEnd) continue;
    if (std::find(known.begin(), known.end(), tag.name) == known.end()) {
      issues.push_back({"unknown_variable", tag.name, tag.position});
    }
    if (tag.type == TagType::kVariable && tag.name == kOptOut) has_opt_out = true;
  }
  if (IsMarketing(kind) && !has_opt_out && !text.empty()) {
    issues.push_back({"opt_out_required", std::string(kOptOut), 0});
  }
  return issues;
}

FieldErrors CheckTemplate(const MessageTemplate& t) {
  FieldErrors errors;
  CheckText("body", t.body, t.kind, MaxBodyLength(t.channel), true, errors);
  if (t.channel == Channel::kEmail) {
    CheckText("subject", t.subject, t.kind, kMaxSubjectLength, true, errors);
    CheckText("html", t.html, t.kind, kMaxHtmlLength, false, errors);
    // An opt-out in the text part is enough for the subject.
    std::erase_if(errors, [](const FieldError& e) {
      return e.field == "subject" && e.code == "opt_out_required";
    });
  }
  return errors;
}

Result<std::string, TemplateIssues> RenderText(std::string_view text, const TemplateValues& values,
                                               TextFormat format) {
  ScannedTemplate scanned = ScanTemplate(text);
  if (!scanned.issues.empty()) return Fail(std::move(scanned.issues));
  if (scanned.tags.empty()) return scanned.normalized;
  return mstch::render(scanned.normalized, ContextOf(values, format));
}

Result<RenderedMessage, TemplateIssues> RenderMessage(const MessageTemplate& t,
                                                      const TemplateValues& values) {
  RenderedMessage message;
  auto body = RenderText(t.body, values, TextFormat::kPlain);
  if (!body) return Fail(body.error());
  message.body = std::move(body.value());
  if (t.channel != Channel::kEmail) return message;
  auto subject = RenderText(t.subject, values, TextFormat::kPlain);
  if (!subject) return Fail(subject.error());
  // A subject is one line: a value with a line break must not start a mail header.
  std::replace_if(
      subject->begin(), subject->end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  message.subject = std::move(subject.value());
  if (!t.html.empty()) {
    auto html = RenderText(t.html, values, TextFormat::kHtml);
    if (!html) return Fail(html.error());
    message.html = std::move(html.value());
  }
  return message;
}

}  // namespace kvitka::messaging
