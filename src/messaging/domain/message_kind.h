// What the salon sends (the kind of message), how it travels (the channel) and in which
// language. Pure: no I/O.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace kvitka::messaging {

enum class MessageKind {
  // To clients, about a visit.
  kBookingConfirmation,
  kReminder,
  kRescheduled,
  kCancelled,
  kWaitlistOffer,
  kFeedbackRequest,
  // To clients, marketing: only with consent and with an opt-out line.
  kBirthday,
  kComeBack,
  kCampaign,
  // To masters and administrators.
  kStaffNewBooking,
  kStaffBookingMoved,
  kStaffBookingCancelled,
  kStaffScheduleChanged,
  kStaffShiftTomorrow,
};

// Every kind, in the order above.
std::span<const MessageKind> AllMessageKinds();
// "booking_confirmation", "reminder", ..., "campaign", ..., "staff_shift_tomorrow".
const char* MessageKindName(MessageKind kind);
std::optional<MessageKind> ParseMessageKind(std::string_view name);

// Birthday greetings, come-back reminders and campaigns: they need the client's consent for the
// channel and carry an opt-out line. Everything else is a service message.
bool IsMarketing(MessageKind kind);
// Messages to the salon's own people rather than to its clients.
bool IsForStaff(MessageKind kind);

enum class Channel { kTelegram, kViber, kSms, kEmail };

std::span<const Channel> AllChannels();
// "telegram", "viber", "sms", "email".
const char* ChannelName(Channel channel);
std::optional<Channel> ParseChannel(std::string_view name);

enum class Language { kUk, kRu, kEn };

std::span<const Language> AllLanguages();
// "uk", "ru", "en".
const char* LanguageName(Language language);
std::optional<Language> ParseLanguage(std::string_view name);
// The language of a client card ("uk" when empty or unknown: the salon's first language).
Language LanguageOrUkrainian(std::string_view name);

}  // namespace kvitka::messaging
