#include "clients/domain/client_rules.h"

#include <algorithm>

#include "core/phone.h"
#include "core/text.h"

namespace kvitka::clients {

bool IsGender(std::string_view value) {
  return std::any_of(std::begin(kGenders), std::end(kGenders),
                     [&](const char* g) { return value == g; });
}

bool IsSource(std::string_view value) {
  return std::any_of(std::begin(kSources), std::end(kSources),
                     [&](const char* s) { return value == s; });
}

namespace {

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

bool IsPlausibleBirthday(std::string_view value, std::string_view today) {
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return false;
  if (!IsDigits(value.substr(0, 4)) || !IsDigits(value.substr(5, 2)) ||
      !IsDigits(value.substr(8, 2))) {
    return false;
  }
  const int y = std::stoi(std::string(value.substr(0, 4)));
  const int m = std::stoi(std::string(value.substr(5, 2)));
  const int d = std::stoi(std::string(value.substr(8, 2)));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  if (d > kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0)) return false;
  return value <= today;
}

FieldErrors NormalizeClient(Client& client, std::string_view region, std::string_view today) {
  FieldErrors errors;
  if (Trim(client.first_name).empty()) {
    errors.push_back({"first_name", "required"});
  }
  std::vector<std::string> phones;
  for (std::size_t i = 0; i < client.phones.size(); ++i) {
    const std::string field = "phones[" + std::to_string(i) + "]";
    auto phone = NormalizePhone(client.phones[i], region);
    if (!phone) {
      errors.push_back({field, "invalid_phone"});
    } else if (std::find(phones.begin(), phones.end(), *phone) == phones.end()) {
      phones.push_back(*phone);
    }
  }
  if (client.phones.size() > 10) errors.push_back({"phones", "too_long", 10});
  client.phones = std::move(phones);
  if (!client.email.empty()) {
    const auto at = client.email.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= client.email.size() ||
        client.email.find(' ') != std::string::npos || client.email.size() > 254) {
      errors.push_back({"email", "invalid_email"});
    } else {
      for (auto& c : client.email)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!client.birthday.empty() && !IsPlausibleBirthday(client.birthday, today)) {
    errors.push_back({"birthday", "invalid_date"});
  }
  if (!client.gender.empty() && !IsGender(client.gender))
    errors.push_back({"gender", "invalid_value"});
  if (!client.source.empty() && !IsSource(client.source))
    errors.push_back({"source", "invalid_value"});
  if (client.language != "uk" && client.language != "ru" && client.language != "en") {
    errors.push_back({"language", "invalid_value"});
  }
  if (client.discount_percent < 0 || client.discount_percent > 100) {
    errors.push_back({"discount_percent", "out_of_range", 100});
  }
  return errors;
}

std::string DisplayName(const Client& client, NameOrder order) {
  const std::string& first = order == NameOrder::kFirstLast ? client.first_name : client.last_name;
  const std::string& second = order == NameOrder::kFirstLast ? client.last_name : client.first_name;
  if (first.empty()) return second;
  if (second.empty()) return first;
  return first + " " + second;
}

std::string SearchText(const Client& client) {
  std::string text =
      FoldCase(client.first_name + " " + client.last_name + " " + client.middle_name);
  for (const auto& phone : client.phones) {
    text += " " + DigitsOf(phone);
    const auto national = NationalDigits(phone);
    if (!national.empty()) text += " " + national;
  }
  return text;
}

void HideContacts(Client& client) {
  client.phones.clear();
  client.email.clear();
  client.last_name.clear();
  client.middle_name.clear();
  client.contacts_hidden = true;
}

void Erase(Client& client) {
  client.first_name = "—";
  client.last_name.clear();
  client.middle_name.clear();
  client.phones.clear();
  client.email.clear();
  client.birthday.clear();
  client.gender.clear();
  client.notes.clear();
  client.preferences.clear();
  client.referred_by_id.reset();
  client.photo_file_id.reset();
  client.consent = {};
  client.tags.clear();
  client.erased = true;
}

}  // namespace kvitka::clients
