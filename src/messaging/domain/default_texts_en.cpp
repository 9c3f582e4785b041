// Default message texts in English. SMS texts keep to the GSM alphabet (plain quotes and
// hyphens) so that a part holds 160 characters.
#include "messaging/domain/default_texts.h"

namespace kvitka::messaging::internal {

DefaultTexts EnglishTexts(MessageKind kind) {
  switch (kind) {
    case MessageKind::kBookingConfirmation:
      return {
          "{{salon_name}}: {{client_name}}, you are booked for {{date}} at {{time}} with "
          "{{master}}.{{#manage_link}} Change: {{manage_link}}{{/manage_link}}",
          "{{client_name}}, thank you for booking!\n\n"
          "{{services}}\n"
          "{{weekday}}, {{date}} at {{time}}\n"
          "Specialist: {{master}}"
          "{{#price}}\nPrice: {{price}}{{/price}}"
          "{{#address}}\nAddress: {{address}}{{/address}}"
          "{{#map_link}}\nDirections: {{map_link}}{{/map_link}}"
          "{{#manage_link}}\n\nTo reschedule or cancel: {{manage_link}}{{/manage_link}}"
          "{{#telegram_link}}\n\nReminders in Telegram: {{telegram_link}}{{/telegram_link}}"
          "\n\nWe look forward to seeing you!",
          "{{salon_name}}: your booking on {{date}} at {{time}}"};
    case MessageKind::kReminder:
      return {
          "{{salon_name}}: {{client_name}}, a reminder of your visit on {{date}} at {{time}} "
          "with {{master}}.{{#manage_link}} Change: {{manage_link}}{{/manage_link}}",
          "{{client_name}}, a friendly reminder of your visit:\n\n"
          "{{services}}\n"
          "{{weekday}}, {{date}} at {{time}}\n"
          "Specialist: {{master}}"
          "{{#address}}\nAddress: {{address}}{{/address}}"
          "{{#map_link}}\nDirections: {{map_link}}{{/map_link}}"
          "{{#manage_link}}\n\nIf your plans have changed, please reschedule or cancel: "
          "{{manage_link}}{{/manage_link}}"
          "\n\nSee you soon!",
          "Reminder: {{date}} at {{time}}, {{salon_name}}"};
    case MessageKind::kRescheduled:
      return {
          "{{salon_name}}: {{client_name}}, your visit has moved to {{date}} at {{time}} "
          "with {{master}}.{{#manage_link}} {{manage_link}}{{/manage_link}}",
          "{{client_name}}, your visit has been moved.\n\n"
          "{{#old_date}}Was: {{old_date}} at {{old_time}}\n{{/old_date}}"
          "Now: {{weekday}}, {{date}} at {{time}}\n"
          "{{services}} with {{master}}"
          "{{#address}}\nAddress: {{address}}{{/address}}"
          "{{#manage_link}}\n\nManage your booking: {{manage_link}}{{/manage_link}}"
          "\n\nSee you soon!",
          "Your visit has moved to {{date}} at {{time}}"};
    case MessageKind::kCancelled:
      return {
          "{{salon_name}}: {{client_name}}, your visit on {{date}} at {{time}} is cancelled."
          "{{#booking_link}} Book again: {{booking_link}}{{/booking_link}}",
          "{{client_name}}, your visit on {{date}} at {{time}} ({{services}}) is cancelled."
          "{{#booking_link}}\n\nChoose another time: {{booking_link}}{{/booking_link}}"
          "{{#salon_phone}}\n\nIf this is a mistake, please call us: {{salon_phone}}"
          "{{/salon_phone}}",
          "Your visit on {{date}} at {{time}} is cancelled"};
    case MessageKind::kWaitlistOffer:
      return {
          "{{salon_name}}: {{client_name}}, a time is free: {{date}} at {{time}} with "
          "{{master}}.{{#booking_link}} Book: {{booking_link}}{{/booking_link}}"
          "{{^booking_link}} Call {{salon_phone}}{{/booking_link}}",
          "{{client_name}}, good news: the time you were waiting for is free.\n\n"
          "{{services}}\n"
          "{{weekday}}, {{date}} at {{time}}\n"
          "Specialist: {{master}}"
          "{{#booking_link}}\n\nBook it: {{booking_link}}{{/booking_link}}"
          "{{#salon_phone}}\nPhone: {{salon_phone}}{{/salon_phone}}",
          "A time is free: {{date}} at {{time}}"};
    case MessageKind::kFeedbackRequest:
      return {
          "{{salon_name}}: {{client_name}}, thank you for your visit! Please rate it: "
          "{{feedback_link}}",
          "{{client_name}}, thank you for visiting us!\n\n"
          "Please rate your visit ({{services}} with {{master}}), it takes a minute:\n"
          "{{feedback_link}}\n\n"
          "Your opinion helps us get better.",
          "How was your visit?"};
    case MessageKind::kBirthday:
      return {
          "{{salon_name}}: Happy birthday, {{client_name}}! We wish you joy and inspiration. "
          "{{opt_out}}",
          "Happy birthday, {{client_name}}! 🎉\n\n"
          "We wish you joy, inspiration and time for yourself. We will be glad to see you!"
          "{{#booking_link}}\n\nBook a visit: {{booking_link}}{{/booking_link}}"
          "\n\n{{opt_out}}",
          "Happy birthday, {{client_name}}!"};
    case MessageKind::kComeBack:
      return {
          "{{salon_name}}: {{client_name}}, it is almost time to repeat \"{{services}}\"."
          "{{#booking_link}} Book: {{booking_link}}{{/booking_link}} {{opt_out}}",
          "{{client_name}}, it is almost time to repeat \"{{services}}\".\n\n"
          "{{#booking_link}}Choose a time that suits you: {{booking_link}}{{/booking_link}}"
          "{{^booking_link}}Call us to book: {{salon_phone}}{{/booking_link}}"
          "\n\n{{opt_out}}",
          "Time to repeat \"{{services}}\""};
    case MessageKind::kCampaign:
      return {
          "{{salon_name}}: {{client_name}}, we have a special offer for you!"
          "{{#booking_link}} Details: {{booking_link}}{{/booking_link}} {{opt_out}}",
          "{{client_name}}, we have a special offer for you!"
          "{{#booking_link}}\n\nDetails and booking: {{booking_link}}{{/booking_link}}"
          "\n\n{{opt_out}}",
          "{{client_name}}, a special offer for you"};
    case MessageKind::kStaffNewBooking:
      return {"New booking: {{date}} at {{time}}, {{client_name}}, {{services}}.",
              "New booking\n"
              "{{weekday}}, {{date}} at {{time}}\n"
              "Client: {{client_name}}{{#client_phone}}, {{client_phone}}{{/client_phone}}\n"
              "Services: {{services}}"
              "{{#branch_name}}\nBranch: {{branch_name}}{{/branch_name}}",
              "New booking: {{date}} at {{time}}, {{client_name}}"};
    case MessageKind::kStaffBookingMoved:
      return {
          "Booking moved: {{client_name}}, now {{date}} at {{time}}"
          "{{#old_date}} (was {{old_date}} at {{old_time}}){{/old_date}}.",
          "Booking moved\n"
          "Client: {{client_name}}{{#client_phone}}, {{client_phone}}{{/client_phone}}\n"
          "{{#old_date}}Was: {{old_date}} at {{old_time}}\n{{/old_date}}"
          "Now: {{weekday}}, {{date}} at {{time}}\n"
          "Services: {{services}}",
          "Booking moved: {{client_name}}, {{date}} at {{time}}"};
    case MessageKind::kStaffBookingCancelled:
      return {"Booking cancelled: {{date}} at {{time}}, {{client_name}}, {{services}}.",
              "Booking cancelled\n"
              "{{weekday}}, {{date}} at {{time}}\n"
              "Client: {{client_name}}{{#client_phone}}, {{client_phone}}{{/client_phone}}\n"
              "Services: {{services}}",
              "Booking cancelled: {{date}} at {{time}}, {{client_name}}"};
    case MessageKind::kStaffScheduleChanged:
      return {"{{master}}, your schedule has changed: {{days}}.",
              "{{master}}, your work schedule has changed:\n\n"
              "{{days}}"
              "{{#branch_name}}\n\nBranch: {{branch_name}}{{/branch_name}}",
              "Your work schedule has changed"};
    case MessageKind::kStaffShiftTomorrow:
      return {
          "{{master}}, your shift tomorrow ({{date}}): {{shift_start}}-{{shift_end}}, "
          "bookings: {{visits_count}}.",
          "{{master}}, a reminder of your shift tomorrow.\n\n"
          "{{weekday}}, {{date}}, {{shift_start}}-{{shift_end}}"
          "{{#branch_name}}\nBranch: {{branch_name}}{{/branch_name}}"
          "{{#address}}\nAddress: {{address}}{{/address}}"
          "\nBookings: {{visits_count}}",
          "Shift tomorrow: {{date}}, {{shift_start}}-{{shift_end}}"};
  }
  return EnglishTexts(MessageKind::kReminder);
}

}  // namespace kvitka::messaging::internal
