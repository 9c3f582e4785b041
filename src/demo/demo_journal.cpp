// Two weeks of the demo salon's journal: realistic days (a master is busy most of the day),
// every status and source, visit records with formulas, master classes and a waitlist.
#include <map>
#include <random>
#include <stdexcept>

#include "core/time.h"
#include "demo/demo_salon.h"

namespace kvitka::demo {

namespace {

using booking::Status;

constexpr const char* kVisitNotes[] = {
    "Клієнтка задоволена, записалась наступного разу.",
    "Рекомендовано домашній догляд: маска двічі на тиждень.",
    "Чутлива шкіра, працювали делікатно.",
    "Побажання: трохи коротше наступного разу.",
};
constexpr const char* kFormulas[] = {
    "Igora Royal 7-1 + 6% 1:1, 35 хв",
    "Wella Koleston 8/0 30 г + 9/16 10 г, окислювач 6%",
    "Вигин C, довжина 10-12 мм, 2D",
    "Вигин D, 9-11 мм, класика",
};
constexpr const char* kCancelReasons[] = {"Захворіла", "Змінились плани", "Перенесла на інший день",
                                          "Майстер на лікарняному"};

booking::Source PickSource(std::mt19937& rng) {
  const int roll = static_cast<int>(rng() % 100);
  if (roll < 55) return booking::Source::kFrontDesk;
  if (roll < 75) return booking::Source::kPhone;
  if (roll < 95) return booking::Source::kOnline;
  return booking::Source::kMessenger;
}

// The status a visit has by now: past ones mostly completed, today's arriving, future booked.
Status PickStatus(std::mt19937& rng, EpochSeconds start, EpochSeconds end, EpochSeconds now) {
  const int roll = static_cast<int>(rng() % 100);
  if (end <= now)
    return roll < 82 ? Status::kCompleted : roll < 90 ? Status::kNoShow : Status::kCancelled;
  if (start <= now) return Status::kArrived;
  if (start - now < 3L * 3600) return roll < 85 ? Status::kConfirmed : Status::kBooked;
  return roll < 55 ? Status::kConfirmed : roll < 95 ? Status::kBooked : Status::kCancelled;
}

}  // namespace

int SeedDemoJournal(const DemoJournal& journal, clients::ClientService& clients,
                    catalog::CatalogService& catalog, staff::StaffService& staff,
                    const identity::Actor& owner, Id branch_id, const std::string& today,
                    EpochSeconds now) {
  std::mt19937 rng(20261122);
  auto client_page = clients.List(owner, {}, std::nullopt, 200, false);
  if (!client_page || client_page->items.empty()) return 0;
  std::vector<Id> client_ids;
  for (const auto& c : client_page->items) client_ids.push_back(c.id);
  auto services = catalog.Services(owner, {});
  auto masters = staff.List(owner, branch_id, std::nullopt, false);
  if (!services || !masters) throw std::runtime_error("could not read the demo team");
  std::map<Id, catalog::Service> by_id;
  for (const auto& s : *services) by_id.emplace(s.id, s);

  int booked = 0;
  std::string zone = "UTC";
  for (int offset = -7; offset <= 7; ++offset) {
    const std::string date = AddDays(today, offset);
    auto day = journal.journal.Journal(owner, branch_id, date, 1, false);
    if (!day) continue;
    zone = day->timezone;
    for (const auto& master : day->masters) {
      std::vector<Id> own;
      for (const auto& view : *masters) {
        if (view.member.id != master.member.id) continue;
        for (Id id : view.service_ids) {
          if (by_id.count(id) && !by_id.at(id).group) own.push_back(id);
        }
      }
      if (own.empty()) continue;
      for (const auto& working : master.working) {
        EpochSeconds at = working.start + static_cast<EpochSeconds>(rng() % 3) * 1800;
        while (at < working.end) {
          const Id service_id = own[rng() % own.size()];
          booking::NewAppointment in;
          in.branch_id = branch_id;
          in.client_id = client_ids[rng() % client_ids.size()];
          in.source = PickSource(rng);
          in.items = {booking::ItemInput{service_id, master.member.id, at, {}, {}, {}, {}}};
          if (rng() % 6 == 0) in.notes = "Просить каву без цукру";
          auto created = journal.appointments.Create(owner, in);
          if (!created) {
            at += 15L * 60;
            continue;
          }
          ++booked;
          const auto& a = created->appointment;
          const Status status = PickStatus(rng, a.Start(), a.End(), now);
          const bool by_client = rng() % 3 != 0;
          if (status != Status::kBooked) {
            booking::StatusChange change{status, "", by_client ? "client" : "salon", false};
            if (status == Status::kCancelled) change.reason = kCancelReasons[rng() % 4];
            (void)journal.appointments.SetStatus(owner, a.id, change);
          }
          if (status == Status::kCompleted && rng() % 2 == 0) {
            booking::VisitRecord visit;
            visit.notes = kVisitNotes[rng() % 4];
            const auto& name = by_id.at(service_id).name;
            if (name.find("Фарбування") != std::string::npos ||
                name.find("вій") != std::string::npos) {
              visit.formula = kFormulas[rng() % 4];
            }
            (void)journal.appointments.RecordVisit(owner, a.id, visit);
          }
          // A gap now and then: the journal of a real day is not a solid wall.
          at = a.End() + static_cast<EpochSeconds>(rng() % 4 == 0 ? 3600 : rng() % 2 * 900);
        }
      }
    }
  }

  // Saturday-style master classes this week and next, with participants.
  for (const auto& [id, service] : by_id) {
    if (!service.group || service.staff.empty()) continue;
    for (int offset : {2, 9}) {
      booking::GroupEventInput in;
      in.branch_id = branch_id;
      in.service_id = id;
      in.staff_id = service.staff.front().staff_id;
      in.start = LocalInstant(AddDays(today, offset), 18 * 60, zone);
      in.allow_outside_hours = true;
      in.notes = "Візьміть свою косметичку";
      auto event = journal.groups.Save(owner, std::nullopt, in);
      if (!event) continue;
      for (int k = 0; k < 4 - offset / 9; ++k) {
        (void)journal.groups.AddParticipant(owner, event->event.id,
                                            client_ids[(rng() + k) % client_ids.size()], "");
      }
    }
  }

  // Two clients wait for a time that is taken now.
  for (int k = 0; k < 2 && !masters->empty(); ++k) {
    const auto& master = (*masters)[static_cast<std::size_t>(k) % masters->size()];
    if (master.service_ids.empty()) continue;
    booking::WaitlistEntry entry;
    entry.branch_id = branch_id;
    entry.client_id = client_ids[(rng() + static_cast<unsigned>(k)) % client_ids.size()];
    entry.service_ids = {master.service_ids.front()};
    entry.staff_id = master.member.id;
    entry.date_from = AddDays(today, 1);
    entry.date_to = AddDays(today, 4);
    entry.time_from = 16 * 60;
    entry.time_to = 19 * 60;
    entry.notes = k == 0 ? "Тільки після роботи" : "Зателефонувати, якщо звільниться час";
    (void)journal.waitlist.Add(owner, entry);
  }
  return booked;
}

}  // namespace kvitka::demo
