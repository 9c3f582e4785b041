// Default message texts in Ukrainian.
#include "messaging/domain/default_texts.h"

namespace kvitka::messaging::internal {

DefaultTexts UkrainianTexts(MessageKind kind) {
  switch (kind) {
    case MessageKind::kBookingConfirmation:
      return {
          "{{salon_name}}: {{client_name}}, ви записані на {{date}} о {{time}}, майстер "
          "{{master}}.{{#manage_link}} Змінити: {{manage_link}}{{/manage_link}}",
          "{{client_name}}, дякуємо за запис!\n\n"
          "{{services}}\n"
          "{{weekday}}, {{date}} о {{time}}\n"
          "Майстер: {{master}}"
          "{{#price}}\nВартість: {{price}}{{/price}}"
          "{{#address}}\nАдреса: {{address}}{{/address}}"
          "{{#map_link}}\nЯк дістатися: {{map_link}}{{/map_link}}"
          "{{#manage_link}}\n\nПеренести чи скасувати запис: {{manage_link}}{{/manage_link}}"
          "{{#telegram_link}}\n\nНагадування в Telegram: {{telegram_link}}{{/telegram_link}}"
          "\n\nЧекаємо на вас!",
          "{{salon_name}}: запис на {{date}} о {{time}}"};
    case MessageKind::kReminder:
      return {
          "{{salon_name}}: {{client_name}}, нагадуємо про запис {{date}} о {{time}}, майстер "
          "{{master}}.{{#manage_link}} Змінити: {{manage_link}}{{/manage_link}}",
          "{{client_name}}, нагадуємо про ваш запис:\n\n"
          "{{services}}\n"
          "{{weekday}}, {{date}} о {{time}}\n"
          "Майстер: {{master}}"
          "{{#address}}\nАдреса: {{address}}{{/address}}"
          "{{#map_link}}\nЯк дістатися: {{map_link}}{{/map_link}}"
          "{{#manage_link}}\n\nЯкщо плани змінилися, перенесіть або скасуйте запис: "
          "{{manage_link}}{{/manage_link}}"
          "\n\nДо зустрічі!",
          "Нагадування: {{date}} о {{time}}, {{salon_name}}"};
    case MessageKind::kRescheduled:
      return {
          "{{salon_name}}: {{client_name}}, ваш запис перенесено на {{date}} о {{time}}, "
          "майстер {{master}}.{{#manage_link}} {{manage_link}}{{/manage_link}}",
          "{{client_name}}, ваш запис перенесено.\n\n"
          "{{#old_date}}Було: {{old_date}} о {{old_time}}\n{{/old_date}}"
          "Тепер: {{weekday}}, {{date}} о {{time}}\n"
          "{{services}}, майстер {{master}}"
          "{{#address}}\nАдреса: {{address}}{{/address}}"
          "{{#manage_link}}\n\nКерувати записом: {{manage_link}}{{/manage_link}}"
          "\n\nДо зустрічі!",
          "Запис перенесено на {{date}} о {{time}}"};
    case MessageKind::kCancelled:
      return {
          "{{salon_name}}: {{client_name}}, ваш запис на {{date}} о {{time}} скасовано."
          "{{#booking_link}} Записатися знову: {{booking_link}}{{/booking_link}}",
          "{{client_name}}, ваш запис на {{date}} о {{time}} ({{services}}) скасовано."
          "{{#booking_link}}\n\nОберіть інший зручний час: {{booking_link}}{{/booking_link}}"
          "{{#salon_phone}}\n\nЯкщо це помилка, зателефонуйте нам: {{salon_phone}}"
          "{{/salon_phone}}",
          "Запис на {{date}} о {{time}} скасовано"};
    case MessageKind::kWaitlistOffer:
      return {
          "{{salon_name}}: {{client_name}}, звільнився час {{date}} о {{time}}, майстер "
          "{{master}}.{{#booking_link}} Записатися: {{booking_link}}{{/booking_link}}"
          "{{^booking_link}} Тел.: {{salon_phone}}{{/booking_link}}",
          "{{client_name}}, гарна новина: звільнився час, на який ви чекали.\n\n"
          "{{services}}\n"
          "{{weekday}}, {{date}} о {{time}}\n"
          "Майстер: {{master}}"
          "{{#booking_link}}\n\nЗаписатися: {{booking_link}}{{/booking_link}}"
          "{{#salon_phone}}\nТелефон: {{salon_phone}}{{/salon_phone}}",
          "Звільнився час: {{date}} о {{time}}"};
    case MessageKind::kFeedbackRequest:
      return {
          "{{salon_name}}: {{client_name}}, дякуємо за візит! Будь ласка, оцініть його: "
          "{{feedback_link}}",
          "{{client_name}}, дякуємо, що завітали до нас!\n\n"
          "Будь ласка, оцініть візит ({{services}}, майстер {{master}}) — це займе хвилину:\n"
          "{{feedback_link}}\n\n"
          "Ваша думка допомагає нам ставати кращими.",
          "Як пройшов ваш візит?"};
    case MessageKind::kBirthday:
      return {
          "{{salon_name}}: {{client_name}}, вітаємо з днем народження! Бажаємо радості та "
          "натхнення. {{opt_out}}",
          "{{client_name}}, вітаємо з днем народження! 🎉\n\n"
          "Бажаємо радості, натхнення і часу для себе. Будемо раді бачити вас!"
          "{{#booking_link}}\n\nЗаписатися: {{booking_link}}{{/booking_link}}"
          "\n\n{{opt_out}}",
          "З днем народження, {{client_name}}!"};
    case MessageKind::kComeBack:
      return {
          "{{salon_name}}: {{client_name}}, наближається час повторити «{{services}}»."
          "{{#booking_link}} Записатися: {{booking_link}}{{/booking_link}} {{opt_out}}",
          "{{client_name}}, наближається час повторити «{{services}}».\n\n"
          "{{#booking_link}}Оберіть зручний час: {{booking_link}}{{/booking_link}}"
          "{{^booking_link}}Запишіться за телефоном {{salon_phone}}{{/booking_link}}"
          "\n\n{{opt_out}}",
          "Час повторити «{{services}}»"};
    case MessageKind::kCampaign:
      return {
          "{{salon_name}}: {{client_name}}, маємо для вас спеціальну пропозицію!"
          "{{#booking_link}} Деталі: {{booking_link}}{{/booking_link}} {{opt_out}}",
          "{{client_name}}, маємо для вас спеціальну пропозицію!"
          "{{#booking_link}}\n\nДеталі та запис: {{booking_link}}{{/booking_link}}"
          "\n\n{{opt_out}}",
          "{{client_name}}, спеціальна пропозиція для вас"};
    case MessageKind::kStaffNewBooking:
      return {"Новий запис: {{date}} о {{time}}, {{client_name}}, {{services}}.",
              "Новий запис\n"
              "{{weekday}}, {{date}} о {{time}}\n"
              "Клієнт: {{client_name}}{{#client_phone}}, {{client_phone}}{{/client_phone}}\n"
              "Послуги: {{services}}"
              "{{#branch_name}}\nФілія: {{branch_name}}{{/branch_name}}",
              "Новий запис: {{date}} о {{time}}, {{client_name}}"};
    case MessageKind::kStaffBookingMoved:
      return {
          "Запис перенесено: {{client_name}}, тепер {{date}} о {{time}}"
          "{{#old_date}} (було {{old_date}} о {{old_time}}){{/old_date}}.",
          "Запис перенесено\n"
          "Клієнт: {{client_name}}{{#client_phone}}, {{client_phone}}{{/client_phone}}\n"
          "{{#old_date}}Було: {{old_date}} о {{old_time}}\n{{/old_date}}"
          "Тепер: {{weekday}}, {{date}} о {{time}}\n"
          "Послуги: {{services}}",
          "Запис перенесено: {{client_name}}, {{date}} о {{time}}"};
    case MessageKind::kStaffBookingCancelled:
      return {"Запис скасовано: {{date}} о {{time}}, {{client_name}}, {{services}}.",
              "Запис скасовано\n"
              "{{weekday}}, {{date}} о {{time}}\n"
              "Клієнт: {{client_name}}{{#client_phone}}, {{client_phone}}{{/client_phone}}\n"
              "Послуги: {{services}}",
              "Запис скасовано: {{date}} о {{time}}, {{client_name}}"};
    case MessageKind::kStaffScheduleChanged:
      return {"{{master}}, ваш графік змінено: {{days}}.",
              "{{master}}, ваш графік роботи змінено:\n\n"
              "{{days}}"
              "{{#branch_name}}\n\nФілія: {{branch_name}}{{/branch_name}}",
              "Ваш графік роботи змінено"};
    case MessageKind::kStaffShiftTomorrow:
      return {
          "{{master}}, завтра ({{date}}) ваша зміна {{shift_start}}–{{shift_end}}, записів: "
          "{{visits_count}}.",
          "{{master}}, нагадуємо про завтрашню зміну.\n\n"
          "{{weekday}}, {{date}}, {{shift_start}}–{{shift_end}}"
          "{{#branch_name}}\nФілія: {{branch_name}}{{/branch_name}}"
          "{{#address}}\nАдреса: {{address}}{{/address}}"
          "\nЗаписів: {{visits_count}}",
          "Завтра зміна: {{date}}, {{shift_start}}–{{shift_end}}"};
  }
  return UkrainianTexts(MessageKind::kReminder);
}

}  // namespace kvitka::messaging::internal
