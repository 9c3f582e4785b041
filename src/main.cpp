// The `kvitka` command: parses the command line and runs the command asked for. The objects are
// built and wired in app/kvitka.cpp.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.h"
#include "app/kvitka.h"
#include "app/serve.h"
#include "app/settings.h"
#include "core/secret.h"
#include "platform/db/migrations.h"

int main(int argc, char** argv) {
  using namespace kvitka;
  InitSecrets();
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);

  Settings settings;
  CLI::App cli{"Kvitka: CRM and online booking for beauty salons", "kvitka"};
  cli.require_subcommand(1);
  cli.fallthrough();
  cli.add_option("--db", settings.db_url, "sqlite:PATH or postgresql://...")
      ->envname("KVITKA_DB")
      ->capture_default_str();

  auto* serve = cli.add_subcommand("serve", "Run the HTTP server (migrates first)");
  serve->add_option("--listen", settings.listen, "HOST:PORT")
      ->envname("KVITKA_LISTEN")
      ->capture_default_str();
  serve->add_option("--data-dir", settings.data_dir, "Folder for uploaded files")
      ->envname("KVITKA_DATA_DIR")
      ->capture_default_str();
  serve->add_option("--web-dir", settings.web_dir, "Folder of the built web app")
      ->envname("KVITKA_WEB_DIR")
      ->capture_default_str();
  serve->add_option("--public-url", settings.public_url, "Base URL of links sent to people")
      ->envname("KVITKA_PUBLIC_URL");
  serve->add_flag("--secure-cookies", settings.secure_cookies, "Mark cookies Secure (HTTPS)")
      ->envname("KVITKA_SECURE_COOKIES");
  serve->add_option("--session-ttl-hours", settings.session_ttl_hours, "Session lifetime")
      ->envname("KVITKA_SESSION_TTL_HOURS")
      ->check(CLI::Range(1, 24 * 365))
      ->capture_default_str();
  serve
      ->add_option("--online-ip-limit", settings.online_limits.per_ip,
                   "Online booking: bookings, waitlist requests and changes per IP in 10 minutes")
      ->check(CLI::Range(1, 1000000));
  serve
      ->add_option("--online-phone-limit", settings.online_limits.per_phone,
                   "Online booking: booking attempts per phone in an hour")
      ->check(CLI::Range(1, 1000000));
  serve->add_option("--threads", settings.threads, "Request threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();

  serve
      ->add_option("--provider-url", settings.provider_urls,
                   "NAME=URL: where a provider's API is (telegram, viber, turbosms, smsclub, "
                   "alphasms); repeatable")
      ->envname("KVITKA_PROVIDER_URLS")
      ->delimiter(',');
  serve->add_flag("!--no-dispatch", settings.dispatch, "Do not send messages from this server");
  serve->add_option("--now", settings.now,
                    "Run as if it were this RFC 3339 instant, time passing from there (tests)");

  auto* jobs_cmd = cli.add_subcommand("jobs", "Background jobs from the shell");
  jobs_cmd->require_subcommand(1);
  auto* jobs_run = jobs_cmd->add_subcommand("run", "Send the messages that are due");
  bool once = false;
  jobs_run->add_flag("--once", once, "Process what is due now, then exit")->required();
  jobs_run->add_option("--now", settings.now, "RFC 3339 instant to act at (operations, tests)");
  jobs_run->add_option("--public-url", settings.public_url, "Base URL of links sent to people")
      ->envname("KVITKA_PUBLIC_URL");
  jobs_run
      ->add_option("--provider-url", settings.provider_urls, "NAME=URL, as for serve; repeatable")
      ->envname("KVITKA_PROVIDER_URLS")
      ->delimiter(',');

  auto* migrate = cli.add_subcommand("migrate", "Apply database migrations");
  auto* demo_cmd = cli.add_subcommand("demo", "Seed the demo salon into the database");
  auto* routes = cli.add_subcommand("routes", "Print every served route");

  auto* user = cli.add_subcommand("user", "Manage users from the shell");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Add a user or recover access to an account");
  UserAddOptions new_user;
  user_add->add_option("--email", new_user.email, "Email")->required();
  user_add->add_option("--role", new_user.role, "owner, admin, manager or master")
      ->required()
      ->check(CLI::IsMember({"owner", "admin", "manager", "master"}));
  user_add->add_option("--org", new_user.org, "Organization id or exact name")->required();
  user_add->add_option("--name", new_user.name, "Display name");
  user_add->add_option("--password", new_user.password, "Password (generated when omitted)");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  try {
    if (*serve) return Serve(settings);
    if (*routes) return PrintRoutes(settings);
    Kvitka app(settings, *jobs_run ? 6 : 2);
    const auto applied = db::Migrate(*app.db);
    if (*migrate) return PrintMigrations(applied);
    if (*demo_cmd) return SeedDemo(app);
    if (*jobs_run) return RunJobsOnce(app, settings);
    if (*user_add) return AddUser(app, new_user);
  } catch (const CLI::Error& e) {
    return cli.exit(e);
  } catch (const std::exception& e) {
    spdlog::error("{{\"event\":\"fatal\",\"error\":\"{}\"}}", e.what());
    std::cerr << "kvitka: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
