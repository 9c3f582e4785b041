#include "clients/domain/export_rows.h"

#include "clients/domain/client_rules.h"
#include "core/time.h"

namespace kvitka::clients {

namespace {

struct Column {
  const char* en;
  const char* uk;
  const char* ru;
};

constexpr Column kColumns[] = {
    {"ID", "ID", "ID"},
    {"Name", "Ім'я та прізвище", "Имя и фамилия"},
    {"First name", "Ім'я", "Имя"},
    {"Last name", "Прізвище", "Фамилия"},
    {"Middle name", "По батькові", "Отчество"},
    {"Phones", "Телефони", "Телефоны"},
    {"Email", "Email", "Email"},
    {"Birthday", "День народження", "День рождения"},
    {"Gender", "Стать", "Пол"},
    {"Tags", "Теги", "Теги"},
    {"Source", "Джерело", "Источник"},
    {"Visits", "Візити", "Визиты"},
    {"Last visit", "Останній візит", "Последний визит"},
    {"Total spent", "Сума покупок", "Сумма покупок"},
    {"No-shows", "Неявки", "Неявки"},
    {"Notes", "Примітки", "Заметки"},
    {"Created", "Створено", "Создан"},
};

const char* In(const Column& c, std::string_view language) {
  if (language == "uk") return c.uk;
  if (language == "ru") return c.ru;
  return c.en;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Minor units as "1234.50".
std::string Amount(std::int64_t minor) {
  const std::int64_t whole = minor / 100;
  const std::int64_t cents = (minor < 0 ? -minor : minor) % 100;
  return std::to_string(whole) + "." + (cents < 10 ? "0" : "") + std::to_string(cents);
}

}  // namespace

std::vector<std::string> ExportHeader(std::string_view language) {
  std::vector<std::string> header;
  for (const auto& c : kColumns) header.emplace_back(In(c, language));
  return header;
}

std::vector<std::string> ExportRow(const Client& c, NameOrder order, std::string_view) {
  std::vector<std::string> tags;
  for (const auto& t : c.tags) tags.push_back(t.name);
  return {std::to_string(c.id),
          DisplayName(c, order),
          c.first_name,
          c.last_name,
          c.middle_name,
          Join(c.phones),
          c.email,
          c.birthday,
          c.gender,
          Join(tags),
          c.source,
          std::to_string(c.stats.visits),
          c.stats.last_visit_at ? CivilDate(*c.stats.last_visit_at, "") : "",
          Amount(c.stats.total_spent),
          std::to_string(c.stats.no_shows),
          c.notes,
          CivilDate(c.created_at, "")};
}

}  // namespace kvitka::clients
