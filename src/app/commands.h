// The shell commands of `kvitka` besides `serve` (serve.h). Each returns the exit code.
#pragma once

#include <string>
#include <vector>

#include "app/kvitka.h"
#include "app/settings.h"

namespace kvitka {

// `kvitka routes`: every served route, on an in-memory database.
int PrintRoutes(const Settings& settings);

// `kvitka migrate`: the migrations just applied.
int PrintMigrations(const std::vector<std::string>& applied);

// `kvitka demo`: seeds the demo salon.
int SeedDemo(Kvitka& app);

// `kvitka jobs run --once`: plans and sends what is due, prints a JSON report.
int RunJobsOnce(Kvitka& app, const Settings& settings);

// `kvitka user add`.
struct UserAddOptions {
  std::string email;
  std::string role;
  std::string org;
  std::string name;
  std::string password;
};
int AddUser(Kvitka& app, UserAddOptions options);

}  // namespace kvitka
