#include "messaging/domain/bot_texts.h"

#include <array>

namespace kvitka::messaging {

namespace {

struct Texts {
  BotText key;
  const char* uk;
  const char* ru;
  const char* en;
};

constexpr std::array<Texts, 20> kTexts = {{
    {BotText::kLinked,
     "✅ {name}, ваш Telegram підключено до салону «{salon}». Сюди приходитимуть підтвердження "
     "та нагадування про записи.",
     "✅ {name}, ваш Telegram подключён к салону «{salon}». Сюда будут приходить подтверждения "
     "и напоминания о записях.",
     "✅ {name}, your Telegram is now connected to {salon}. Confirmations and reminders of your "
     "bookings will come here."},
    {BotText::kLinkInvalid,
     "Це посилання вже використане або застаріло. Попросіть адміністратора салону надіслати "
     "нове.",
     "Эта ссылка уже использована или устарела. Попросите администратора салона прислать новую.",
     "This link has been used already or has expired. Please ask the salon for a new one."},
    {BotText::kWelcome,
     "Вітаємо у салоні «{salon}»! Щоб отримувати тут нагадування, відкрийте посилання з "
     "підтвердження вашого запису.",
     "Добро пожаловать в салон «{salon}»! Чтобы получать здесь напоминания, откройте ссылку из "
     "подтверждения вашей записи.",
     "Welcome to {salon}! To get your reminders here, open the link from your booking "
     "confirmation."},
    {BotText::kWelcomeBack, "Вітаємо, {name}! Чим можемо допомогти?",
     "Здравствуйте, {name}! Чем можем помочь?", "Hello, {name}! How can we help?"},
    {BotText::kNoBookings, "У вас немає запланованих записів.", "У вас нет предстоящих записей.",
     "You have no upcoming bookings."},
    {BotText::kYourBookings, "Ваші записи:", "Ваши записи:", "Your bookings:"},
    {BotText::kAskCancel, "Скасувати запис {visit}?", "Отменить запись {visit}?",
     "Cancel your booking {visit}?"},
    {BotText::kCancelled, "Запис {visit} скасовано.", "Запись {visit} отменена.",
     "Your booking {visit} is cancelled."},
    {BotText::kCancelTooLate,
     "Цей запис уже не можна скасувати тут. Зателефонуйте нам, будь ласка: {phone}",
     "Эту запись уже нельзя отменить здесь. Позвоните нам, пожалуйста: {phone}",
     "This booking can no longer be cancelled here. Please call us: {phone}"},
    {BotText::kKept, "Добре, запис залишається.", "Хорошо, запись остаётся.",
     "Fine, the booking stays."},
    {BotText::kConfirmed, "Дякуємо! Чекаємо на вас {visit}.", "Спасибо! Ждём вас {visit}.",
     "Thank you! See you {visit}."},
    {BotText::kNotYours, "Цей запис не знайдено.", "Эта запись не найдена.",
     "This booking was not found."},
    {BotText::kReceived, "Дякуємо! Ми передали ваше повідомлення адміністратору.",
     "Спасибо! Мы передали ваше сообщение администратору.",
     "Thank you! Your message has been passed on to the salon."},
    {BotText::kButtonBookings, "📅 Мої записи", "📅 Мои записи", "📅 My bookings"},
    {BotText::kButtonBook, "➕ Записатися", "➕ Записаться", "➕ Book"},
    {BotText::kButtonCancel, "❌ Скасувати {visit}", "❌ Отменить {visit}", "❌ Cancel {visit}"},
    {BotText::kButtonYesCancel, "Так, скасувати", "Да, отменить", "Yes, cancel"},
    {BotText::kButtonKeep, "Ні, залишити", "Нет, оставить", "No, keep it"},
    {BotText::kStaffLinked,
     "✅ {name}, ваш Telegram підключено до салону «{salon}». Сюди приходитимуть ваші записи та "
     "зміни розкладу.",
     "✅ {name}, ваш Telegram подключён к салону «{salon}». Сюда будут приходить ваши записи и "
     "изменения расписания.",
     "✅ {name}, your Telegram is now connected to {salon}. You will get your bookings and "
     "schedule here."},
    {BotText::kStaffChat,
     "{name}, сюди приходять ваші записи та зміни розкладу в салоні «{salon}». З іншими питаннями "
     "зверніться до адміністратора.",
     "{name}, сюда приходят ваши записи и изменения расписания в салоне «{salon}». С другими "
     "вопросами обратитесь к администратору.",
     "{name}, your bookings and schedule at {salon} come here. For anything else, please ask the "
     "salon's administrator."},
}};

void Replace(std::string& text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

}  // namespace

std::string BotSays(BotText key, Language language, const std::string& name,
                    const std::string& salon, const std::string& visit, const std::string& phone) {
  std::string text;
  for (const auto& t : kTexts) {
    if (t.key != key) continue;
    text = language == Language::kEn ? t.en : language == Language::kRu ? t.ru : t.uk;
  }
  Replace(text, "{name}", name);
  Replace(text, "{salon}", salon);
  Replace(text, "{visit}", visit);
  Replace(text, "{phone}", phone);
  return text;
}

Language LanguageOfApp(const std::string& code) {
  if (code.starts_with("ru")) return Language::kRu;
  if (code.starts_with("en")) return Language::kEn;
  return Language::kUk;
}

}  // namespace kvitka::messaging
