#include <random>
#include <set>
#include <stdexcept>

#include "demo/demo_salon.h"

namespace kvitka::demo {

namespace {

constexpr const char* kWomen[] = {"Олена",    "Ірина",   "Наталія",  "Оксана",    "Тетяна",
                                  "Юлія",     "Анна",    "Марія",    "Катерина",  "Світлана",
                                  "Вікторія", "Дарина",  "Софія",    "Анастасія", "Людмила",
                                  "Галина",   "Ольга",   "Христина", "Яна",       "Алла",
                                  "Ангеліна", "Валерія", "Надія",    "Лілія",     "Поліна"};
constexpr const char* kMen[] = {"Олександр", "Андрій",    "Дмитро", "Сергій", "Максим",
                                "Іван",      "Володимир", "Тарас",  "Богдан", "Юрій",
                                "Віталій",   "Роман",     "Артем",  "Олег",   "Михайло"};
constexpr const char* kSurnames[] = {
    "Коваленко", "Бондаренко", "Ткаченко",   "Шевченко",  "Кравченко", "Олійник",    "Лисенко",
    "Руденко",   "Мельник",    "Савченко",   "Петренко",  "Мороз",     "Поліщук",    "Марченко",
    "Павленко",  "Гончаренко", "Кузьменко",  "Ковальчук", "Левченко",  "Литвиненко", "Романюк",
    "Остапчук",  "Кравчук",    "Захарченко", "Тимошенко", "Гнатюк",    "Федоренко",  "Онищенко",
    "Бойко",     "Ткачук",     "Сидоренко",  "Дяченко",   "Панченко",  "Карпенко",   "Білик"};
constexpr const char* kOperators[] = {"50", "66", "67", "68", "73", "93",
                                      "95", "96", "97", "98", "99"};
constexpr const char* kSources[] = {"instagram", "google_maps",    "friend", "walk_in",
                                    "campaign",  "online_booking", "website"};
constexpr const char* kNotes[] = {"Алергія на аміак — лише безаміачні фарби.",
                                  "Любить каву без цукру.",
                                  "Записується тільки до Олени.",
                                  "Чутлива шкіра голови.",
                                  "Просить нагадувати за день у Telegram.",
                                  "Приходить з донькою.",
                                  "Не любить гучну музику.",
                                  "Віддає перевагу ранковим годинам."};

struct DemoTag {
  const char* name;
  const char* color;
};
constexpr DemoTag kTags[] = {{"VIP", "#e64980"},          {"Постійна клієнтка", "#40c057"},
                             {"Новий клієнт", "#228be6"}, {"Чорний список", "#212529"},
                             {"Алергія", "#fd7e14"},      {"Корпоративний", "#7950f2"}};

}  // namespace

void SeedDemoClients(clients::ClientService& clients, clients::TagService& tags,
                     const identity::Actor& owner, int count) {
  std::vector<Id> tag_ids;
  for (const auto& t : kTags) {
    auto tag = tags.Create(owner, {std::string(t.name), std::string(t.color)});
    if (!tag) throw std::runtime_error("could not create a demo tag");
    tag_ids.push_back(tag->id);
  }
  std::mt19937 random(20261122);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  std::set<std::string> phones;
  for (int i = 0; i < count; ++i) {
    clients::ClientPatch c;
    const bool woman = pick(100) < 85;
    c.first_name = woman ? kWomen[pick(std::size(kWomen))] : kMen[pick(std::size(kMen))];
    c.last_name = kSurnames[pick(std::size(kSurnames))];
    c.gender = woman ? "female" : "male";
    std::string phone;
    do {
      phone = std::string("0") + kOperators[pick(std::size(kOperators))];
      for (int d = 0; d < 7; ++d) phone += static_cast<char>('0' + pick(10));
    } while (!phones.insert(phone).second);
    c.phones = std::vector<std::string>{phone};
    if (pick(100) < 60) {
      const int year = 1965 + pick(42), month = 1 + pick(12), day = 1 + pick(28);
      c.birthday = std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month) +
                   "-" + (day < 10 ? "0" : "") + std::to_string(day);
    }
    if (pick(100) < 30) c.email = "client" + std::to_string(i + 1) + "@example.com";
    c.source = kSources[pick(std::size(kSources))];
    c.consent_sms = pick(100) < 70;
    c.consent_telegram = pick(100) < 40;
    c.consent_email = c.email.has_value() && pick(100) < 50;
    if (pick(100) < 15) c.notes = kNotes[pick(std::size(kNotes))];
    c.language = pick(100) < 85 ? "uk" : (pick(2) == 0 ? "ru" : "en");
    std::vector<Id> client_tags;
    const int roll = pick(100);
    if (roll < 8) client_tags.push_back(tag_ids[0]);
    if (roll >= 8 && roll < 40) client_tags.push_back(tag_ids[1]);
    if (roll >= 40 && roll < 55) client_tags.push_back(tag_ids[2]);
    if (roll >= 55 && roll < 57) client_tags.push_back(tag_ids[3]);
    if (pick(100) < 5) client_tags.push_back(tag_ids[4]);
    if (pick(100) < 4) client_tags.push_back(tag_ids[5]);
    c.tag_ids = client_tags;
    if (client_tags.size() == 1 && client_tags[0] == tag_ids[0]) c.discount_percent = 10;
    auto created = clients.Create(owner, c);
    if (!created) throw std::runtime_error("could not create a demo client");
  }
}

}  // namespace kvitka::demo
