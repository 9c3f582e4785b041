// `kvitka routes`, `migrate`, `demo` and `user add`.
#include <iostream>

#include "app/commands.h"
#include "core/secret.h"
#include "demo/demo_salon.h"

namespace kvitka {

int PrintRoutes(const Settings& settings) {
  Settings in_memory = settings;
  in_memory.db_url = "sqlite::memory:";
  Kvitka app(in_memory, 1);
  for (const auto& r : app.router.routes()) std::cout << r.method << " " << r.pattern << "\n";
  return 0;
}

int PrintMigrations(const std::vector<std::string>& applied) {
  std::cout << "Applied " << applied.size() << " migration(s).\n";
  for (const auto& m : applied) std::cout << "  " << m << "\n";
  return 0;
}

int SeedDemo(Kvitka& app) {
  const auto result =
      demo::DemoSalon(app.auth, app.team, app.branches, app.clients, app.client_tags, app.catalog,
                      app.staff,
                      {app.appointments, app.journal, app.groups, app.waitlist, app.online})
          .Seed();
  std::cout << (result.created ? "Demo salon \"Kvitka Demo\" created.\n"
                               : "Demo salon \"Kvitka Demo\" is already there.\n");
  for (const auto& account : result.accounts) {
    std::cout << "  " << account.role << ": " << account.email << " / " << demo::kPassword << "\n";
  }
  if (result.created) {
    std::cout << "  " << result.clients << " demo clients, " << result.appointments
              << " appointments.\n";
  }
  return 0;
}

int AddUser(Kvitka& app, UserAddOptions options) {
  auto orgs = app.auth.FindOrganizations(options.org);
  if (orgs.size() != 1) {
    std::cerr << (orgs.empty() ? "No organization matches --org "
                               : "Several organizations match --org ")
              << options.org << "; use its id.\n";
    return 2;
  }
  const bool generated = options.password.empty();
  if (generated) options.password = RandomToken(12);
  auto member =
      app.team.AddFromShell(orgs.front().id, {options.name.empty() ? options.email : options.name,
                                              options.email, options.role, options.password});
  if (!member) {
    if (member.error().code == identity::ErrorCode::kConflict) {
      std::cerr << "Refused: " << member.error().detail << ".\n";
      return 2;
    }
    std::cerr << "Could not add the user:";
    for (const auto& f : member.error().fields)
      std::cerr << " " << f.field << " (" << f.code << ")";
    std::cerr << "\n";
    return 2;
  }
  std::cout << "User " << member->user.email << " is " << options.role << " of \""
            << orgs.front().name << "\"."
            << "\n";
  if (generated) std::cout << "Password: " << options.password << "\n";
  return 0;
}

}  // namespace kvitka
