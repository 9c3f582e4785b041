#include "clients/domain/import_rules.h"

#include <algorithm>
#include <charconv>

#include "core/text.h"

namespace kvitka::clients {

bool IsImportField(std::string_view field) {
  return std::any_of(std::begin(kImportFields), std::end(kImportFields),
                     [&](const char* f) { return field == f; });
}

namespace {

struct HeaderWords {
  const char* field;
  std::vector<const char*> words;  // folded header texts that mean the field
};

const std::vector<HeaderWords>& Vocabulary() {
  static const std::vector<HeaderWords> vocabulary = {
      {"full_name",
       {"піб", "фіо", "фио", "клієнт", "клиент", "client", "full name", "fullname",
        "name and surname", "ім'я та прізвище", "имя и фамилия", "повне ім'я"}},
      {"first_name",
       {"ім'я", "імя", "ім’я", "имя", "first name", "firstname", "first_name", "name",
        "given name"}},
      {"last_name",
       {"прізвище", "фамилия", "last name", "lastname", "last_name", "surname", "family name"}},
      {"middle_name",
       {"по батькові", "по-батькові", "отчество", "middle name", "middle_name", "patronymic"}},
      {"phones",
       {"телефон", "тел", "тел.", "мобільний", "мобильный", "phone", "phones", "mobile",
        "phone number", "номер телефону", "номер телефона", "моб."}},
      {"email",
       {"email", "e-mail", "пошта", "почта", "ел. пошта", "эл. почта", "електронна пошта",
        "электронная почта", "mail"}},
      {"birthday",
       {"день народження", "дата народження", "день рождения", "дата рождения", "birthday",
        "birth date", "date of birth", "др", "д.р."}},
      {"gender", {"стать", "пол", "gender", "sex"}},
      {"notes",
       {"примітка", "примітки", "нотатки", "коментар", "заметки", "примечание", "комментарий",
        "notes", "note", "comment", "comments"}},
      {"tags", {"теги", "тег", "мітки", "метки", "tags", "tag", "категорія", "категория"}},
      {"source", {"джерело", "источник", "source", "звідки дізналися", "откуда узнали"}},
  };
  return vocabulary;
}

}  // namespace

std::vector<std::string> GuessMapping(const std::vector<std::string>& headers) {
  std::vector<std::string> mapping(headers.size(), "ignore");
  std::vector<std::string> used;
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const std::string header = FoldCase(Trim(headers[i]));
    for (const auto& entry : Vocabulary()) {
      const bool known = std::any_of(entry.words.begin(), entry.words.end(),
                                     [&](const char* w) { return header == w; });
      const bool phone_like = std::string_view(entry.field) == "phones" &&
                              (header.find("телефон") != std::string::npos ||
                               header.find("phone") != std::string::npos);
      if (!known && !phone_like) continue;
      const bool repeat = std::string_view(entry.field) != "phones" &&
                          std::find(used.begin(), used.end(), entry.field) != used.end();
      if (!repeat) {
        mapping[i] = entry.field;
        used.emplace_back(entry.field);
      }
      break;
    }
  }
  return mapping;
}

namespace {

std::optional<int> Int(std::string_view s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string TwoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::string ParseBirthday(std::string_view raw) {
  const std::string text = Trim(raw);
  if (text.empty()) return {};
  int y = 0, m = 0, d = 0;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    auto yy = Int(text.substr(0, 4)), mm = Int(text.substr(5, 2)), dd = Int(text.substr(8, 2));
    if (!yy || !mm || !dd) return {};
    y = *yy, m = *mm, d = *dd;
  } else {
    const auto first = text.find_first_of("./-");
    const auto second = text.find_first_of("./-", first + 1);
    if (first == std::string::npos || second == std::string::npos) return {};
    auto dd = Int(text.substr(0, first));
    auto mm = Int(text.substr(first + 1, second - first - 1));
    auto yy = Int(text.substr(second + 1));
    if (!dd || !mm || !yy) return {};
    d = *dd, m = *mm, y = *yy;
    if (text.size() - second - 1 == 2) y += y > 30 ? 1900 : 2000;
  }
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return {};
  return std::to_string(y) + "-" + TwoDigits(m) + "-" + TwoDigits(d);
}

std::string ParseGender(std::string_view raw) {
  const std::string g = FoldCase(Trim(raw));
  for (const char* w : {"ж", "жін", "жін.", "жіноча", "жінка", "жен", "жен.", "женский", "женщина",
                        "f", "female", "woman"}) {
    if (g == w) return "female";
  }
  for (const char* w : {"ч", "чол", "чол.", "чоловіча", "чоловік", "м", "муж", "муж.", "мужской",
                        "мужчина", "m", "male", "man"}) {
    if (g == w) return "male";
  }
  if (g == "other" || g == "інша" || g == "другой" || g == "інше") return "other";
  return {};
}

std::optional<ImportedClient> ClientFromRow(const std::vector<std::string>& row,
                                            const std::vector<std::string>& mapping,
                                            FieldErrors& errors) {
  ImportedClient imported;
  Client& c = imported.client;
  bool any = false;
  for (std::size_t i = 0; i < mapping.size() && i < row.size(); ++i) {
    const std::string value = Trim(row[i]);
    if (value.empty() || mapping[i] == "ignore") continue;
    any = true;
    const std::string& field = mapping[i];
    if (Utf8Length(value) > 2000) {
      errors.push_back({field, "too_long", 2000});
      continue;
    }
    if (field == "first_name") c.first_name = value;
    if (field == "last_name") c.last_name = value;
    if (field == "middle_name") c.middle_name = value;
    if (field == "email") c.email = value;
    if (field == "notes") c.notes = c.notes.empty() ? value : c.notes + "\n" + value;
    if (field == "source") c.source = FoldCase(value);
    if (field == "full_name") {
      // "Коваленко Олена Петрівна" is the usual order in Ukrainian and Russian lists; a
      // two-word name is read as "first last" when written in Latin letters.
      std::vector<std::string> parts;
      std::size_t start = 0;
      while (start < value.size()) {
        auto end = value.find(' ', start);
        if (end == std::string::npos) end = value.size();
        if (end > start) parts.push_back(value.substr(start, end - start));
        start = end + 1;
      }
      const bool latin = static_cast<unsigned char>(value[0]) < 0x80;
      if (parts.size() == 1) c.first_name = parts[0];
      if (parts.size() == 2) {
        c.first_name = latin ? parts[0] : parts[1];
        c.last_name = latin ? parts[1] : parts[0];
      }
      if (parts.size() >= 3) {
        c.last_name = parts[0];
        c.first_name = parts[1];
        c.middle_name = parts[2];
      }
    }
    if (field == "phones") {
      std::size_t start = 0;
      while (start < value.size()) {
        auto end = value.find_first_of(",;\n", start);
        if (end == std::string::npos) end = value.size();
        std::string phone = Trim(value.substr(start, end - start));
        if (!phone.empty()) c.phones.push_back(phone);
        start = end + 1;
      }
    }
    if (field == "birthday") {
      c.birthday = ParseBirthday(value);
      if (c.birthday.empty()) errors.push_back({"birthday", "invalid_date"});
    }
    if (field == "gender") {
      c.gender = ParseGender(value);
      if (c.gender.empty()) errors.push_back({"gender", "invalid_value"});
    }
    if (field == "tags") {
      std::size_t start = 0;
      while (start < value.size()) {
        auto end = value.find_first_of(",;", start);
        if (end == std::string::npos) end = value.size();
        std::string tag = Trim(value.substr(start, end - start));
        if (!tag.empty() && Utf8Length(tag) <= 50) imported.tag_names.push_back(tag);
        start = end + 1;
      }
    }
  }
  if (!any) return std::nullopt;
  return imported;
}

}  // namespace kvitka::clients
