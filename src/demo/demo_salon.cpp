#include "demo/demo_salon.h"

#include <stdexcept>

#include "core/time.h"

namespace kvitka::demo {

namespace {

struct Person {
  const char* name;
  const char* email;
  const char* role;
};

constexpr Person kTeam[] = {
    {"Марія Шевченко", "admin@kvitka.demo", "admin"},
    {"Андрій Мельник", "manager@kvitka.demo", "manager"},
    {"Олена Бондаренко", "olena@kvitka.demo", "master"},
    {"Ірина Ткаченко", "iryna@kvitka.demo", "master"},
    {"Максим Кравченко", "maksym@kvitka.demo", "master"},
};

}  // namespace

DemoResult DemoSalon::Seed() {
  DemoResult result;
  result.accounts.push_back({kOwnerEmail, "owner"});
  for (const auto& p : kTeam) result.accounts.push_back({p.email, p.role});

  identity::SignupInput signup{"Kvitka Demo",      "Kvitka Demo", "Europe/Kyiv", "UAH",
                               "Оксана Коваленко", kOwnerEmail,   kPassword,     "uk"};
  auto owner = auth_.Signup(signup, "demo");
  if (!owner) {
    if (owner.error().code == identity::ErrorCode::kEmailTaken) return result;
    throw std::runtime_error("could not create the demo salon");
  }
  result.created = true;
  const identity::Actor actor{owner->view.me.user.id, owner->view.org.id, identity::Role::kOwner, 0,
                              "demo"};
  identity::BranchInput address;
  address.address = "вул. Сагайдачного, 25, Київ";
  (void)branches_.Update(actor, owner->view.branches.front().id, address);
  std::vector<std::pair<std::string, Id>> users;
  for (const auto& p : kTeam) {
    auto added = team_.Add(actor, {p.name, p.email, p.role, std::string(kPassword)});
    if (!added) throw std::runtime_error(std::string("could not add demo user ") + p.email);
    users.emplace_back(p.email, added->member.user.id);
  }
  SeedDemoTeam(catalog_, staff_, actor, owner->view.branches.front().id, users);
  SeedDemoClients(clients_, tags_, actor, 500);
  result.clients = 500;
  const auto branch = owner->view.branches.front();
  const EpochSeconds now = SystemClock().Now();
  result.appointments = SeedDemoJournal(journal_, clients_, catalog_, staff_, actor, branch.id,
                                        CivilDate(now, branch.timezone), now);
  // The public booking page (/b/kvitka-demo): whom to call, and a note for visitors.
  booking::OnlineRulesPatch rules;
  rules.phone = "+380441234567";
  rules.message = "Вхід з двору, другий поверх. Безкоштовний Wi-Fi і кава для гостей.";
  if (!journal_.online.SetRules(actor, branch.id, rules)) {
    throw std::runtime_error("could not set the demo's online booking rules");
  }
  return result;
}

}  // namespace kvitka::demo
