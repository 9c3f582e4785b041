// The demo salon's catalog and team: 31 services in 5 categories (one a group master class), 2
// rooms, 6 masters with realistic schedules (one on a 2/2 cycle, one who starts only on the hour).
#include <stdexcept>

#include "demo/demo_salon.h"

namespace kvitka::demo {

namespace {

struct DemoService {
  int category;
  const char* name;
  int duration;
  long price_min;  // hryvnias
  long price_max;  // 0: fixed price
  int room;        // 0: none, 1 or 2
  int processing_start = 0;
  int processing = 0;
  int group_capacity = 0;  // a group class for this many clients
};

constexpr const char* kCategories[][3] = {{"Перукарські послуги", "#e64980", "scissors"},
                                          {"Манікюр і педикюр", "#be4bdb", "hand"},
                                          {"Брови та вії", "#7950f2", "eye"},
                                          {"Косметологія", "#15aabf", "sparkles"},
                                          {"Масаж", "#40c057", "massage"}};

constexpr DemoService kServices[] = {
    {0, "Жіноча стрижка", 60, 600, 900, 0},
    {0, "Чоловіча стрижка", 45, 450, 0, 0},
    {0, "Дитяча стрижка", 30, 350, 0, 0},
    {0, "Фарбування в один тон", 120, 1400, 2200, 0, 40, 30},
    {0, "Складне фарбування (AirTouch)", 240, 3500, 5500, 0, 90, 40},
    {0, "Укладка", 45, 500, 800, 0},
    {0, "Кератинове вирівнювання", 180, 2500, 4000, 0},
    {0, "Стрижка бороди", 30, 350, 0, 0},
    {1, "Манікюр класичний", 60, 350, 0, 0},
    {1, "Манікюр з покриттям гель-лак", 90, 650, 0, 0},
    {1, "Нарощування нігтів", 150, 1100, 1400, 0},
    {1, "Педикюр класичний", 60, 550, 0, 0},
    {1, "Педикюр з покриттям", 90, 750, 0, 0},
    {1, "Зняття покриття", 20, 150, 0, 0},
    {2, "Корекція брів", 30, 250, 0, 0},
    {2, "Фарбування брів", 30, 250, 0, 0},
    {2, "Ламінування брів", 60, 600, 0, 0},
    {2, "Нарощування вій 2D", 120, 900, 0, 0},
    {2, "Ламінування вій", 60, 650, 0, 0},
    {2, "Зняття вій", 20, 150, 0, 0},
    {3, "Чистка обличчя", 90, 1100, 0, 1},
    {3, "Пілінг", 60, 900, 1300, 1},
    {3, "Доглядова процедура", 60, 1000, 0, 1},
    {3, "Мікронідлінг", 60, 1800, 0, 1},
    {3, "Консультація косметолога", 30, 300, 0, 1},
    {3, "Майстер-клас: денний макіяж", 120, 800, 0, 1, 0, 0, 6},
    {4, "Класичний масаж спини", 45, 700, 0, 2},
    {4, "Масаж всього тіла", 90, 1200, 0, 2},
    {4, "Антицелюлітний масаж", 60, 900, 0, 2},
    {4, "Лімфодренажний масаж", 60, 950, 0, 2},
    {4, "Масаж обличчя", 30, 500, 0, 2}};

staff::DayPlan Day(int from_hour, int to_hour, int break_hour = -1) {
  if (break_hour < 0) return {{from_hour * 60, to_hour * 60}};
  return {{from_hour * 60, break_hour * 60}, {(break_hour + 1) * 60, to_hour * 60}};
}

staff::SchedulePattern Weekly(std::vector<staff::DayPlan> days) {
  staff::SchedulePattern p;
  p.kind = staff::PatternKind::kWeekly;
  p.valid_from = "2026-01-01";
  p.weekdays = std::move(days);
  return p;
}

}  // namespace

void SeedDemoTeam(catalog::CatalogService& catalog, staff::StaffService& staff,
                  const identity::Actor& owner, Id branch_id,
                  const std::vector<std::pair<std::string, Id>>& master_users) {
  std::vector<Id> categories;
  for (const auto& c : kCategories) {
    auto saved = catalog.SaveCategory(owner, std::nullopt, std::string(c[0]), std::string(c[1]),
                                      std::string(c[2]));
    if (!saved) throw std::runtime_error("could not create a demo category");
    categories.push_back(saved->id);
  }
  std::vector<Id> rooms;
  for (const char* name : {"Кабінет косметолога", "Масажна кімната"}) {
    auto room = catalog.SaveRoom(owner, std::nullopt, [&](catalog::Room& r) {
      r.branch_id = branch_id;
      r.name = name;
    });
    if (!room) throw std::runtime_error("could not create a demo room");
    rooms.push_back(room->id);
  }

  struct Master {
    const char* name;
    const char* position;
    const char* color;
    int step;
    std::vector<int> categories;
    const char* user;  // the demo account, if any
  };
  const std::vector<Master> masters = {
      {"Олена Бондаренко", "Стиліст-колорист", "#e64980", 15, {0}, "olena@kvitka.demo"},
      {"Ірина Ткаченко", "Майстер манікюру", "#be4bdb", 15, {1}, "iryna@kvitka.demo"},
      {"Максим Кравченко", "Барбер", "#fd7e14", 60, {0}, "maksym@kvitka.demo"},
      {"Тетяна Шевченко", "Бровіст, лешмейкер", "#7950f2", 30, {2}, nullptr},
      {"Анна Мельник", "Косметолог", "#15aabf", 15, {3}, nullptr},
      {"Віктор Олійник", "Масажист", "#40c057", 30, {4}, nullptr}};
  std::vector<Id> staff_ids;
  for (const auto& m : masters) {
    auto saved = staff.Save(
        owner, std::nullopt,
        [&](staff::StaffMember& s) {
          s.branch_id = branch_id;
          s.name = m.name;
          s.position = m.position;
          s.color = m.color;
          s.booking_step = m.step;
          s.bio = std::string(m.position) + ". Працює в Kvitka з 2023 року.";
          s.hire_date = "2023-03-01";
          for (const auto& [email, user_id] : master_users) {
            if (m.user && email == m.user) s.user_id = user_id;
          }
        },
        std::nullopt);
    if (!saved) throw std::runtime_error("could not create a demo master");
    staff_ids.push_back(saved->member.id);
  }

  for (const auto& s : kServices) {
    std::vector<catalog::ServiceStaff> performers;
    for (std::size_t i = 0; i < masters.size(); ++i) {
      for (int c : masters[i].categories) {
        if (c == s.category) performers.push_back({staff_ids[i], std::nullopt, std::nullopt, {}});
      }
    }
    // The barber does men's cuts and beards a little quicker.
    if (std::string_view(s.name) == "Чоловіча стрижка" ||
        std::string_view(s.name) == "Стрижка бороди") {
      performers = {{staff_ids[2], std::nullopt, std::nullopt, s.duration == 45 ? 40 : 30}};
    }
    auto saved = catalog.SaveService(owner, std::nullopt, [&](catalog::Service& v) {
      v.category_id = categories[s.category];
      v.name = s.name;
      v.duration = s.duration;
      v.price_min = s.price_min * 100;
      if (s.price_max > 0) v.price_max = s.price_max * 100;
      v.buffer_after = s.category == 3 || s.category == 4 ? 10 : 0;
      if (s.processing > 0) v.processing = catalog::Processing{s.processing_start, s.processing};
      if (s.room > 0) v.room_ids = {rooms[s.room - 1]};
      if (s.category == 0 || s.category == 1) v.repeat_after_days = s.category == 0 ? 42 : 21;
      v.staff = performers;
      if (s.group_capacity > 0) {
        v.group = true;
        v.capacity = s.group_capacity;
      }
    });
    if (!saved) throw std::runtime_error(std::string("could not create demo service ") + s.name);
  }

  // Schedules: weekly with a lunch break, a 2/2 cycle, even dates, and the barber on the hour.
  const staff::DayPlan off;
  std::vector<staff::WorkSchedule> schedules(6);
  schedules[0].patterns = {Weekly(
      {off, Day(10, 19, 14), Day(10, 19, 14), Day(10, 19, 14), Day(10, 19, 14), Day(10, 17), off})};
  staff::SchedulePattern cycle;
  cycle.kind = staff::PatternKind::kCycle;
  cycle.valid_from = "2026-11-02";
  cycle.cycle = {Day(9, 21, 15), Day(9, 21, 15), off, off};
  schedules[1].patterns = {cycle};
  schedules[2].patterns = {
      Weekly({Day(10, 20), Day(10, 20), Day(10, 20), Day(10, 20), Day(10, 20), Day(11, 18), off})};
  staff::SchedulePattern even;
  even.kind = staff::PatternKind::kEvenDates;
  even.valid_from = "2026-01-01";
  even.day = Day(9, 18, 13);
  schedules[3].patterns = {even};
  schedules[4].patterns = {Weekly(
      {Day(9, 17, 13), Day(9, 17, 13), off, Day(12, 20, 16), Day(12, 20, 16), Day(10, 15), off})};
  schedules[5].patterns = {
      Weekly({Day(12, 20), off, Day(12, 20), off, Day(12, 20), Day(10, 16), off})};
  for (std::size_t i = 0; i < schedules.size(); ++i) {
    if (!staff.SetSchedule(owner, staff_ids[i], schedules[i])) {
      throw std::runtime_error("could not set a demo schedule");
    }
  }
  staff::Absence vacation;
  vacation.from = "2026-12-21";
  vacation.to = "2026-12-27";
  vacation.reason = staff::AbsenceReason::kVacation;
  vacation.note = "Відпустка";
  (void)staff.AddAbsence(owner, staff_ids[4], vacation);
}

}  // namespace kvitka::demo
