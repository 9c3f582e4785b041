// Default message texts in Russian.
#include "messaging/domain/default_texts.h"

namespace kvitka::messaging::internal {

DefaultTexts RussianTexts(MessageKind kind) {
  switch (kind) {
    case MessageKind::kBookingConfirmation:
      return {
          "{{salon_name}}: {{client_name}}, вы записаны на {{date}} в {{time}}, мастер "
          "{{master}}.{{#manage_link}} Изменить: {{manage_link}}{{/manage_link}}",
          "{{client_name}}, спасибо за запись!\n\n"
          "{{services}}\n"
          "{{weekday}}, {{date}} в {{time}}\n"
          "Мастер: {{master}}"
          "{{#price}}\nСтоимость: {{price}}{{/price}}"
          "{{#address}}\nАдрес: {{address}}{{/address}}"
          "{{#map_link}}\nКак добраться: {{map_link}}{{/map_link}}"
          "{{#manage_link}}\n\nПеренести или отменить запись: {{manage_link}}{{/manage_link}}"
          "{{#telegram_link}}\n\nНапоминания в Telegram: {{telegram_link}}{{/telegram_link}}"
          "\n\nЖдём вас!",
          "{{salon_name}}: запись на {{date}} в {{time}}"};
    case MessageKind::kReminder:
      return {
          "{{salon_name}}: {{client_name}}, напоминаем о записи {{date}} в {{time}}, мастер "
          "{{master}}.{{#manage_link}} Изменить: {{manage_link}}{{/manage_link}}",
          "{{client_name}}, напоминаем о вашей записи:\n\n"
          "{{services}}\n"
          "{{weekday}}, {{date}} в {{time}}\n"
          "Мастер: {{master}}"
          "{{#address}}\nАдрес: {{address}}{{/address}}"
          "{{#map_link}}\nКак добраться: {{map_link}}{{/map_link}}"
          "{{#manage_link}}\n\nЕсли планы изменились, перенесите или отмените запись: "
          "{{manage_link}}{{/manage_link}}"
          "\n\nДо встречи!",
          "Напоминание: {{date}} в {{time}}, {{salon_name}}"};
    case MessageKind::kRescheduled:
      return {
          "{{salon_name}}: {{client_name}}, ваша запись перенесена на {{date}} в {{time}}, "
          "мастер {{master}}.{{#manage_link}} {{manage_link}}{{/manage_link}}",
          "{{client_name}}, ваша запись перенесена.\n\n"
          "{{#old_date}}Было: {{old_date}} в {{old_time}}\n{{/old_date}}"
          "Теперь: {{weekday}}, {{date}} в {{time}}\n"
          "{{services}}, мастер {{master}}"
          "{{#address}}\nАдрес: {{address}}{{/address}}"
          "{{#manage_link}}\n\nУправлять записью: {{manage_link}}{{/manage_link}}"
          "\n\nДо встречи!",
          "Запись перенесена на {{date}} в {{time}}"};
    case MessageKind::kCancelled:
      return {
          "{{salon_name}}: {{client_name}}, ваша запись на {{date}} в {{time}} отменена."
          "{{#booking_link}} Записаться снова: {{booking_link}}{{/booking_link}}",
          "{{client_name}}, ваша запись на {{date}} в {{time}} ({{services}}) отменена."
          "{{#booking_link}}\n\nВыберите другое удобное время: {{booking_link}}"
          "{{/booking_link}}"
          "{{#salon_phone}}\n\nЕсли это ошибка, позвоните нам: {{salon_phone}}"
          "{{/salon_phone}}",
          "Запись на {{date}} в {{time}} отменена"};
    case MessageKind::kWaitlistOffer:
      return {
          "{{salon_name}}: {{client_name}}, освободилось время {{date}} в {{time}}, мастер "
          "{{master}}.{{#booking_link}} Записаться: {{booking_link}}{{/booking_link}}"
          "{{^booking_link}} Тел.: {{salon_phone}}{{/booking_link}}",
          "{{client_name}}, хорошая новость: освободилось время, которого вы ждали.\n\n"
          "{{services}}\n"
          "{{weekday}}, {{date}} в {{time}}\n"
          "Мастер: {{master}}"
          "{{#booking_link}}\n\nЗаписаться: {{booking_link}}{{/booking_link}}"
          "{{#salon_phone}}\nТелефон: {{salon_phone}}{{/salon_phone}}",
          "Освободилось время: {{date}} в {{time}}"};
    case MessageKind::kFeedbackRequest:
      return {
          "{{salon_name}}: {{client_name}}, спасибо за визит! Пожалуйста, оцените его: "
          "{{feedback_link}}",
          "{{client_name}}, спасибо, что пришли к нам!\n\n"
          "Пожалуйста, оцените визит ({{services}}, мастер {{master}}) — это займёт минуту:\n"
          "{{feedback_link}}\n\n"
          "Ваше мнение помогает нам становиться лучше.",
          "Как прошёл ваш визит?"};
    case MessageKind::kBirthday:
      return {
          "{{salon_name}}: {{client_name}}, поздравляем с днём рождения! Желаем радости и "
          "вдохновения. {{opt_out}}",
          "{{client_name}}, поздравляем с днём рождения! 🎉\n\n"
          "Желаем радости, вдохновения и времени для себя. Будем рады видеть вас!"
          "{{#booking_link}}\n\nЗаписаться: {{booking_link}}{{/booking_link}}"
          "\n\n{{opt_out}}",
          "С днём рождения, {{client_name}}!"};
    case MessageKind::kComeBack:
      return {
          "{{salon_name}}: {{client_name}}, приближается время повторить «{{services}}»."
          "{{#booking_link}} Записаться: {{booking_link}}{{/booking_link}} {{opt_out}}",
          "{{client_name}}, приближается время повторить «{{services}}».\n\n"
          "{{#booking_link}}Выберите удобное время: {{booking_link}}{{/booking_link}}"
          "{{^booking_link}}Запишитесь по телефону {{salon_phone}}{{/booking_link}}"
          "\n\n{{opt_out}}",
          "Время повторить «{{services}}»"};
    case MessageKind::kCampaign:
      return {
          "{{salon_name}}: {{client_name}}, у нас для вас специальное предложение!"
          "{{#booking_link}} Подробнее: {{booking_link}}{{/booking_link}} {{opt_out}}",
          "{{client_name}}, у нас для вас специальное предложение!"
          "{{#booking_link}}\n\nПодробности и запись: {{booking_link}}{{/booking_link}}"
          "\n\n{{opt_out}}",
          "{{client_name}}, специальное предложение для вас"};
    case MessageKind::kStaffNewBooking:
      return {"Новая запись: {{date}} в {{time}}, {{client_name}}, {{services}}.",
              "Новая запись\n"
              "{{weekday}}, {{date}} в {{time}}\n"
              "Клиент: {{client_name}}{{#client_phone}}, {{client_phone}}{{/client_phone}}\n"
              "Услуги: {{services}}"
              "{{#branch_name}}\nФилиал: {{branch_name}}{{/branch_name}}",
              "Новая запись: {{date}} в {{time}}, {{client_name}}"};
    case MessageKind::kStaffBookingMoved:
      return {
          "Запись перенесена: {{client_name}}, теперь {{date}} в {{time}}"
          "{{#old_date}} (было {{old_date}} в {{old_time}}){{/old_date}}.",
          "Запись перенесена\n"
          "Клиент: {{client_name}}{{#client_phone}}, {{client_phone}}{{/client_phone}}\n"
          "{{#old_date}}Было: {{old_date}} в {{old_time}}\n{{/old_date}}"
          "Теперь: {{weekday}}, {{date}} в {{time}}\n"
          "Услуги: {{services}}",
          "Запись перенесена: {{client_name}}, {{date}} в {{time}}"};
    case MessageKind::kStaffBookingCancelled:
      return {"Запись отменена: {{date}} в {{time}}, {{client_name}}, {{services}}.",
              "Запись отменена\n"
              "{{weekday}}, {{date}} в {{time}}\n"
              "Клиент: {{client_name}}{{#client_phone}}, {{client_phone}}{{/client_phone}}\n"
              "Услуги: {{services}}",
              "Запись отменена: {{date}} в {{time}}, {{client_name}}"};
    case MessageKind::kStaffScheduleChanged:
      return {"{{master}}, ваш график изменён: {{days}}.",
              "{{master}}, ваш график работы изменён:\n\n"
              "{{days}}"
              "{{#branch_name}}\n\nФилиал: {{branch_name}}{{/branch_name}}",
              "Ваш график работы изменён"};
    case MessageKind::kStaffShiftTomorrow:
      return {
          "{{master}}, завтра ({{date}}) ваша смена {{shift_start}}–{{shift_end}}, записей: "
          "{{visits_count}}.",
          "{{master}}, напоминаем о завтрашней смене.\n\n"
          "{{weekday}}, {{date}}, {{shift_start}}–{{shift_end}}"
          "{{#branch_name}}\nФилиал: {{branch_name}}{{/branch_name}}"
          "{{#address}}\nАдрес: {{address}}{{/address}}"
          "\nЗаписей: {{visits_count}}",
          "Завтра смена: {{date}}, {{shift_start}}–{{shift_end}}"};
  }
  return RussianTexts(MessageKind::kReminder);
}

}  // namespace kvitka::messaging::internal
