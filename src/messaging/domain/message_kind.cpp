#include "messaging/domain/message_kind.h"

#include <array>
#include <utility>

namespace kvitka::messaging {
namespace {

constexpr std::array<std::pair<MessageKind, const char*>, 14> kKinds = {{
    {MessageKind::kBookingConfirmation, "booking_confirmation"},
    {MessageKind::kReminder, "reminder"},
    {MessageKind::kRescheduled, "rescheduled"},
    {MessageKind::kCancelled, "cancelled"},
    {MessageKind::kWaitlistOffer, "waitlist_offer"},
    {MessageKind::kFeedbackRequest, "feedback_request"},
    {MessageKind::kBirthday, "birthday"},
    {MessageKind::kComeBack, "come_back"},
    {MessageKind::kCampaign, "campaign"},
    {MessageKind::kStaffNewBooking, "staff_new_booking"},
    {MessageKind::kStaffBookingMoved, "staff_booking_moved"},
    {MessageKind::kStaffBookingCancelled, "staff_booking_cancelled"},
    {MessageKind::kStaffScheduleChanged, "staff_schedule_changed"},
    {MessageKind::kStaffShiftTomorrow, "staff_shift_tomorrow"},
}};

constexpr std::array<MessageKind, 14> kKindList = {
    MessageKind::kBookingConfirmation,
    MessageKind::kReminder,
    MessageKind::kRescheduled,
    MessageKind::kCancelled,
    MessageKind::kWaitlistOffer,
    MessageKind::kFeedbackRequest,
    MessageKind::kBirthday,
    MessageKind::kComeBack,
    MessageKind::kCampaign,
    MessageKind::kStaffNewBooking,
    MessageKind::kStaffBookingMoved,
    MessageKind::kStaffBookingCancelled,
    MessageKind::kStaffScheduleChanged,
    MessageKind::kStaffShiftTomorrow,
};

constexpr std::array<std::pair<Channel, const char*>, 4> kChannels = {{
    {Channel::kTelegram, "telegram"},
    {Channel::kViber, "viber"},
    {Channel::kSms, "sms"},
    {Channel::kEmail, "email"},
}};

constexpr std::array<Channel, 4> kChannelList = {Channel::kTelegram, Channel::kViber, Channel::kSms,
                                                 Channel::kEmail};

constexpr std::array<std::pair<Language, const char*>, 3> kLanguages = {{
    {Language::kUk, "uk"},
    {Language::kRu, "ru"},
    {Language::kEn, "en"},
}};

constexpr std::array<Language, 3> kLanguageList = {Language::kUk, Language::kRu, Language::kEn};

template <class Enum, std::size_t N>
const char* NameIn(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return table.front().second;
}

template <class Enum, std::size_t N>
std::optional<Enum> ParseIn(const std::array<std::pair<Enum, const char*>, N>& table,
                            std::string_view name) {
  for (const auto& [v, text] : table) {
    if (name == text) return v;
  }
  return std::nullopt;
}

}  // namespace

std::span<const MessageKind> AllMessageKinds() { return kKindList; }
const char* MessageKindName(MessageKind kind) { return NameIn(kKinds, kind); }
std::optional<MessageKind> ParseMessageKind(std::string_view name) { return ParseIn(kKinds, name); }

bool IsMarketing(MessageKind kind) {
  return kind == MessageKind::kBirthday || kind == MessageKind::kComeBack ||
         kind == MessageKind::kCampaign;
}

bool IsForStaff(MessageKind kind) {
  switch (kind) {
    case MessageKind::kStaffNewBooking:
    case MessageKind::kStaffBookingMoved:
    case MessageKind::kStaffBookingCancelled:
    case MessageKind::kStaffScheduleChanged:
    case MessageKind::kStaffShiftTomorrow:
      return true;
    default:
      return false;
  }
}

std::span<const Channel> AllChannels() { return kChannelList; }
const char* ChannelName(Channel channel) { return NameIn(kChannels, channel); }
std::optional<Channel> ParseChannel(std::string_view name) { return ParseIn(kChannels, name); }

std::span<const Language> AllLanguages() { return kLanguageList; }
const char* LanguageName(Language language) { return NameIn(kLanguages, language); }
std::optional<Language> ParseLanguage(std::string_view name) { return ParseIn(kLanguages, name); }
Language LanguageOrUkrainian(std::string_view name) {
  return ParseLanguage(name).value_or(Language::kUk);
}

}  // namespace kvitka::messaging
