// The `kvitka` command: the only place where objects are built and wired.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "booking/http/booking_routes.h"
#include "booking/http/online_routes.h"
#include "booking/store/sql_booking_store.h"
#include "booking/store/sql_journal_stamp_store.h"
#include "catalog/http/catalog_routes.h"
#include "catalog/store/sql_catalog_store.h"
#include "clients/http/client_routes.h"
#include "clients/store/sql_client_catalog_store.h"
#include "clients/store/sql_client_store.h"
#include "core/secret.h"
#include "core/time.h"
#include "demo/demo_salon.h"
#include "feedback/app/low_score_tasks.h"
#include "feedback/http/feedback_routes.h"
#include "feedback/store/sql_feedback_store.h"
#include "identity/http/identity_routes.h"
#include "identity/http/session_authenticator.h"
#include "identity/store/sql_organization_store.h"
#include "identity/store/sql_session_store.h"
#include "identity/store/sql_user_store.h"
#include "jobs/job_runner.h"
#include "messaging/app/marketing_planner.h"
#include "messaging/app/outbox_dispatcher.h"
#include "messaging/app/visit_planner.h"
#include "messaging/http/messaging_routes.h"
#include "messaging/store/sql_messaging_store.h"
#include "platform/db/migrations.h"
#include "platform/files/file_storage.h"
#include "platform/http/health.h"
#include "platform/http/server.h"
#include "staff/http/staff_routes.h"
#include "staff/store/sql_staff_store.h"
#include "tasks/app/confirm_planner.h"
#include "tasks/app/visit_tasks.h"
#include "tasks/http/task_routes.h"
#include "tasks/store/sql_task_store.h"

namespace kvitka {
namespace {

struct Settings {
  std::string db_url = "sqlite:data/kvitka.db";
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "data";
  std::string web_dir = "web/dist";
  std::string public_url;
  bool secure_cookies = false;
  int session_ttl_hours = 24 * 30;
  std::size_t threads = 8;
  booking::OnlineLimits online_limits;
  std::vector<std::string> provider_urls;  // "telegram=http://127.0.0.1:9000"
  bool dispatch = true;                    // send messages from `serve`
  std::string now;                         // act as if it were this moment (RFC 3339)
};

// An RFC 3339 instant of --now (fractions of a second are accepted and dropped).
EpochSeconds ParseNow(std::string text) {
  if (auto dot = text.find('.'); dot != std::string::npos) {
    auto end = dot + 1;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    text.erase(dot, end - dot);
  }
  auto parsed = ParseRfc3339(text);
  if (!parsed) {
    throw CLI::ValidationError("--now", "expected an RFC 3339 instant like 2026-11-22T09:00:00Z");
  }
  return *parsed;
}

// The base of links sent to people: --public-url, else the address served.
std::string PublicBase(const Settings& settings) {
  if (!settings.public_url.empty()) return settings.public_url;
  return "http://" + settings.listen;
}

messaging::ProviderUrls ParseProviderUrls(const std::vector<std::string>& pairs) {
  messaging::ProviderUrls urls;
  for (const auto& pair : pairs) {
    const auto eq = pair.find('=');
    const std::string name = eq == std::string::npos ? "" : pair.substr(0, eq);
    static const std::vector<std::string> kProviders = {"telegram", "viber", "turbosms", "smsclub",
                                                        "alphasms"};
    if (std::find(kProviders.begin(), kProviders.end(), name) == kProviders.end() ||
        !(pair.substr(eq + 1).starts_with("http://") ||
          pair.substr(eq + 1).starts_with("https://"))) {
      throw CLI::ValidationError("--provider-url",
                                 "expected NAME=URL with NAME one of telegram, viber, turbosms, "
                                 "smsclub, alphasms");
    }
    urls[name] = pair.substr(eq + 1);
  }
  return urls;
}

// Everything a running Kvitka is made of, wired once.
struct Kvitka {
  explicit Kvitka(const Settings& settings, std::size_t pool_size = 8)
      : clock(settings.now.empty() ? 0 : ParseNow(settings.now) - SystemClock().Now()),
        db(Open(settings.db_url, pool_size)),
        audit(audit_store, clock),
        auth(*db, orgs, users, sessions, audit, clock,
             identity::AuthSettings{.session_ttl_seconds = settings.session_ttl_hours * 3600L}),
        team(*db, users, sessions, audit, clock, auth.settings().invitation_ttl_seconds),
        branches(*db, orgs, audit, clock),
        authenticator(auth),
        file_storage(std::filesystem::path(settings.data_dir) / "files"),
        client_deps{*db,        client_store,   tag_store,    segment_store,
                    file_store, settings_store, import_store, file_storage,
                    audit,      branches,       clock},
        clients(client_deps),
        client_tags(client_deps, clients),
        client_files(client_deps),
        client_exchange(client_deps, clients),
        catalog_references(staff_store, branches),
        catalog(*db, catalog_store, catalog_references, audit, clock),
        staff(staff::StaffDeps{*db, staff_store, catalog, branches, team, audit, clock}),
        staff_photos(staff::StaffDeps{*db, staff_store, catalog, branches, team, audit, clock},
                     staff, file_storage),
        recipients(chat_store, channel_settings_store, clients, staff),
        visit_messages(
            messaging::PlannerDeps{outbox_store, rules_store, recipients, branches, clock}),
        visit_listeners({&visit_messages, &visit_tasks}),
        booking_feed(events),
        booking_deps{*db,     appointment_store, group_store, waitlist_store,
                     clients, catalog,           staff,       branches,
                     audit,   booking_feed,      clock,       visit_listeners},
        availability(booking_deps),
        waitlist(booking_deps, availability),
        appointments(booking_deps, waitlist),
        journal(appointments, journal_stamps),
        groups(appointments),
        online(booking::OnlineBookingDeps{booking_deps, online_store, appointments, availability,
                                          waitlist, settings.online_limits}),
        tasks(
            tasks::TaskDeps{*db, task_store, clients, team, branches, appointments, audit, clock}),
        visit_tasks(tasks, task_store, branches),
        confirm_planner(*db, tasks, task_store, branches, appointments),
        low_scores(tasks, branches),
        visit_feedback(feedback::FeedbackDeps{*db, feedback_store, online, appointments, clients,
                                              staff, branches, audit, low_scores, clock,
                                              settings.online_limits.per_ip}),
        messaging_deps{*db, channel_settings_store, template_store, audit, clock},
        channel_settings(messaging_deps),
        message_templates(messaging_deps),
        reminder_replanner(
            messaging::ReplanDeps{*db, outbox_store, rules_store, clients, appointments, branches}),
        messaging_settings(*db, rules_store, branches, audit, clock, reminder_replanner),
        message_history(messaging::HistoryDeps{*db, outbox_store, chat_store,
                                               channel_settings_store, clients, clock}),
        gateways(ParseProviderUrls(settings.provider_urls)),
        dispatcher(
            messaging::DispatcherDeps{*db, outbox_store, channel_settings_store, template_store,
                                      rules_store, chat_store, campaign_store, recipients, gateways,
                                      appointments, online, staff, branches},
            messaging::DispatchOptions{
                .workers = 4, .public_url = PublicBase(settings), .retry = {}}),
        conversation(messaging::ConversationDeps{*db, chat_store, recipients, appointments, online,
                                                 branches, clock, PublicBase(settings)}),
        telegram_bots(messaging::TelegramBotsDeps{*db, channel_settings_store, bot_poll_store,
                                                  gateways, conversation, clock,
                                                  PublicBase(settings), RandomToken(9)}),
        viber_bots(messaging::ViberBotsDeps{*db, channel_settings_store, gateways, conversation,
                                            PublicBase(settings)}),
        campaigns(messaging::CampaignDeps{*db, campaign_store, chat_store, outbox_store, recipients,
                                          clients, appointments, online, branches, audit, clock,
                                          PublicBase(settings)}),
        marketing(messaging::MarketingPlannerDeps{*db, staff, rules_store, recipients,
                                                  visit_messages, clients, catalog, appointments,
                                                  branches}) {
    http::AddHealthRoute(router, [this] { return db->Ping(); });
    identity::AddIdentityRoutes(router, auth, team, branches,
                                {settings.secure_cookies, settings.public_url});
    clients::AddClientRoutes(router, clients);
    clients::AddClientCatalogRoutes(router, client_tags, client_files);
    clients::AddClientExchangeRoutes(router, client_exchange);
    catalog::AddCatalogRoutes(router, catalog);
    staff::AddStaffRoutes(router, staff, settings.public_url);
    staff::AddStaffPhotoRoutes(router, staff_photos);
    const booking::BookingServices booking{availability, appointments, journal,
                                           groups,       waitlist,     events};
    booking::AddBookingRoutes(router, booking);
    booking::AddGroupRoutes(router, booking);
    booking::AddOnlineRoutes(router, online, settings.public_url);
    tasks::AddTaskRoutes(router, tasks);
    feedback::AddFeedbackRoutes(router, visit_feedback);
    messaging::AddChannelSettingsRoutes(router, channel_settings);
    messaging::AddMessageTemplateRoutes(router, message_templates);
    messaging::AddMessagingRulesRoutes(router, messaging_settings);
    messaging::AddMessageHistoryRoutes(router, message_history);
    messaging::AddBotRoutes(router, telegram_bots, viber_bots);
    messaging::AddCampaignRoutes(router, campaigns);
    messaging::AddOptOutRoutes(router, campaigns);
  }

  static std::unique_ptr<db::Database> Open(const std::string& url, std::size_t pool_size) {
    auto parsed = db::ParseDatabaseUrl(url);
    if (!parsed) throw CLI::ValidationError("--db", parsed.error());
    return db::Database::Open(*parsed, pool_size);
  }

  ShiftedClock clock;
  std::unique_ptr<db::Database> db;
  identity::SqlOrganizationStore orgs;
  identity::SqlUserStore users;
  identity::SqlSessionStore sessions;
  identity::SqlAuditStore audit_store;
  identity::AuditTrail audit;
  identity::AuthService auth;
  identity::UserService team;
  identity::BranchService branches;
  identity::SessionAuthenticator authenticator;

  files::DiskFileStorage file_storage;
  clients::SqlClientStore client_store;
  clients::SqlTagStore tag_store;
  clients::SqlSegmentStore segment_store;
  clients::SqlClientFileStore file_store;
  clients::SqlClientSettingsStore settings_store;
  clients::SqlImportStore import_store;
  clients::ClientDeps client_deps;
  clients::ClientService clients;
  clients::TagService client_tags;
  clients::ClientFileService client_files;
  clients::ClientExchange client_exchange;

  catalog::SqlCatalogStore catalog_store;
  staff::SqlStaffStore staff_store;
  staff::StaffCatalogReferences catalog_references;
  catalog::CatalogService catalog;
  staff::StaffService staff;
  staff::StaffPhotos staff_photos;

  messaging::SqlChannelSettingsStore channel_settings_store;
  messaging::SqlTemplateStore template_store;
  messaging::SqlOutboxStore outbox_store;
  messaging::SqlChatStore chat_store;
  messaging::SqlMessagingRulesStore rules_store;
  messaging::SqlCampaignStore campaign_store;
  messaging::Recipients recipients;
  messaging::VisitPlanner visit_messages;
  // Everything told of a change to a visit in its transaction: the outbox, the tasks.
  booking::VisitListeners visit_listeners;

  http::EventHub events;
  booking::SqlAppointmentStore appointment_store;
  booking::SqlGroupEventStore group_store;
  booking::SqlWaitlistStore waitlist_store;
  booking::SqlJournalStampStore journal_stamps;
  booking::SqlOnlineStore online_store;
  booking::EventHubFeed booking_feed;
  booking::BookingDeps booking_deps;
  booking::AvailabilityService availability;
  booking::WaitlistService waitlist;
  booking::AppointmentService appointments;
  booking::JournalService journal;
  booking::GroupService groups;
  booking::OnlineBooking online;
  // The team's tasks: a no-show's call (told by booking), tomorrow's confirmations (daily).
  tasks::SqlTaskStore task_store;
  tasks::TaskService tasks;
  tasks::VisitTasks visit_tasks;
  tasks::ConfirmTomorrowPlanner confirm_planner;
  // Feedback after a visit; a low score adds a task in the same transaction.
  feedback::SqlFeedbackStore feedback_store;
  feedback::LowScoreTasks low_scores;
  feedback::FeedbackService visit_feedback;

  messaging::MessagingDeps messaging_deps;
  messaging::ChannelSettings channel_settings;
  messaging::MessageTemplates message_templates;
  messaging::ReminderReplanner reminder_replanner;
  messaging::MessagingSettings messaging_settings;
  messaging::MessageHistory message_history;
  messaging::Gateways gateways;
  messaging::OutboxDispatcher dispatcher;
  messaging::SqlBotPollStore bot_poll_store;
  messaging::BotConversation conversation;
  messaging::TelegramBots telegram_bots;
  messaging::ViberBots viber_bots;
  messaging::Campaigns campaigns;
  messaging::MarketingPlanner marketing;

  http::Router router;
};

std::pair<std::string, std::uint16_t> SplitListen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw CLI::ValidationError("--listen", "expected HOST:PORT");
  const std::string host = listen.substr(0, colon);
  int port = 0;
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
    port = -1;
  }
  if (host.empty() || port < 0 || port > 65535) {
    throw CLI::ValidationError("--listen", "expected HOST:PORT with a port from 0 to 65535");
  }
  return {host, static_cast<std::uint16_t>(port)};
}

void PrintDemo(const demo::DemoResult& result) {
  std::cout << (result.created ? "Demo salon \"Kvitka Demo\" created.\n"
                               : "Demo salon \"Kvitka Demo\" is already there.\n");
  for (const auto& account : result.accounts) {
    std::cout << "  " << account.role << ": " << account.email << " / " << demo::kPassword << "\n";
  }
  if (result.created) {
    std::cout << "  " << result.clients << " demo clients, " << result.appointments
              << " appointments.\n";
  }
}

void LogDispatch(const messaging::DispatchReport& r) {
  spdlog::info(
      "{{\"event\":\"dispatched\",\"claimed\":{},\"sent\":{},\"retried\":{},\"failed\":{},"
      "\"voided\":{},\"skipped\":{},\"lost\":{}}}",
      r.claimed, r.sent, r.retried, r.failed, r.voided, r.skipped, r.lost);
}

int Serve(const Settings& settings) {
  const auto address = SplitListen(settings.listen);
  const std::string host = address.first;
  const std::uint16_t port = address.second;
  Kvitka app(settings, settings.threads + 6);
  const auto applied = db::Migrate(*app.db);
  for (const auto& name : applied) spdlog::info("{{\"event\":\"migrated\",\"name\":\"{}\"}}", name);
  std::filesystem::create_directories(settings.data_dir);
  http::Dispatcher dispatcher(app.router, app.authenticator, settings.web_dir);

  // The SQLite write-ahead log is folded into the database file every few minutes.
  std::mutex mutex;
  std::condition_variable stop;
  bool stopping = false;
  std::thread checkpoints([&] {
    std::unique_lock lock(mutex);
    while (!stop.wait_for(lock, std::chrono::minutes(5), [&] { return stopping; })) {
      try {
        app.db->Checkpoint();
      } catch (const std::exception& e) {
        spdlog::warn("{{\"event\":\"checkpoint_failed\",\"error\":\"{}\"}}", e.what());
      }
    }
  });
  // Bots answer from here; messages go out from here unless --no-dispatch (several servers may
  // run side by side: each claims its own messages, one polls each bot).
  std::vector<jobs::Job> work = {
      {"telegram", std::chrono::milliseconds(500),
       [&app] {
         app.viber_bots.EnsureWebhooks();
         app.telegram_bots.PollOnce(5);
       }},
      {"marketing", std::chrono::minutes(10), [&app] { app.marketing.PlanDue(app.clock.Now()); }}};
  work.push_back(
      {"tasks", std::chrono::minutes(5), [&app] { app.confirm_planner.Run(app.clock.Now()); }});
  if (settings.dispatch) {
    work.push_back({"dispatch", std::chrono::milliseconds(1000), [&app] {
                      const auto report = app.dispatcher.RunDue(app.clock.Now());
                      if (report.claimed > 0) LogDispatch(report);
                    }});
  }
  std::optional<jobs::JobRunner> background;
  background.emplace(std::move(work));
  try {
    http::Serve({host, port, settings.threads}, dispatcher,
                [&] { std::cout << "listening on http://" << host << ":" << port << std::endl; });
  } catch (...) {
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    stop.notify_all();
    checkpoints.join();
    throw;
  }
  {
    std::lock_guard lock(mutex);
    stopping = true;
  }
  stop.notify_all();
  checkpoints.join();
  if (background) background->Stop();
  app.db->Checkpoint();
  spdlog::info(R"({"event":"stopped"})");
  return 0;
}

}  // namespace
}  // namespace kvitka

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
  std::string email, role, org, name, password;
  user_add->add_option("--email", email, "Email")->required();
  user_add->add_option("--role", role, "owner, admin, manager or master")
      ->required()
      ->check(CLI::IsMember({"owner", "admin", "manager", "master"}));
  user_add->add_option("--org", org, "Organization id or exact name")->required();
  user_add->add_option("--name", name, "Display name");
  user_add->add_option("--password", password, "Password (generated when omitted)");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  try {
    if (*serve) return Serve(settings);
    if (*routes) {
      Settings in_memory = settings;
      in_memory.db_url = "sqlite::memory:";
      Kvitka app(in_memory, 1);
      for (const auto& r : app.router.routes()) std::cout << r.method << " " << r.pattern << "\n";
      return 0;
    }
    Kvitka app(settings, *jobs_run ? 6 : 2);
    const auto applied = db::Migrate(*app.db);
    if (*migrate) {
      std::cout << "Applied " << applied.size() << " migration(s).\n";
      for (const auto& m : applied) std::cout << "  " << m << "\n";
      return 0;
    }
    if (*demo_cmd) {
      PrintDemo(
          demo::DemoSalon(app.auth, app.team, app.branches, app.clients, app.client_tags,
                          app.catalog, app.staff,
                          {app.appointments, app.journal, app.groups, app.waitlist, app.online})
              .Seed());
      return 0;
    }
    if (*jobs_run) {
      const EpochSeconds at = settings.now.empty() ? app.clock.Now() : ParseNow(settings.now);
      const int planned = app.marketing.PlanDue(at);
      const int tasks_added = app.confirm_planner.Run(at);
      const auto r = app.dispatcher.RunDue(at);
      std::cout << "{\"planned\":" << planned << ",\"claimed\":" << r.claimed
                << ",\"sent\":" << r.sent << ",\"retried\":" << r.retried
                << ",\"failed\":" << r.failed << ",\"voided\":" << r.voided
                << ",\"skipped\":" << r.skipped << ",\"lost\":" << r.lost
                << ",\"tasks\":" << tasks_added << "}" << std::endl;
      return 0;
    }
    if (*user_add) {
      auto orgs = app.auth.FindOrganizations(org);
      if (orgs.size() != 1) {
        std::cerr << (orgs.empty() ? "No organization matches --org "
                                   : "Several organizations match --org ")
                  << org << "; use its id.\n";
        return 2;
      }
      const bool generated = password.empty();
      if (generated) password = RandomToken(12);
      auto member = app.team.AddFromShell(orgs.front().id,
                                          {name.empty() ? email : name, email, role, password});
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
      std::cout << "User " << member->user.email << " is " << role << " of \"" << orgs.front().name
                << "\"."
                << "\n";
      if (generated) std::cout << "Password: " << password << "\n";
      return 0;
    }
  } catch (const CLI::Error& e) {
    return cli.exit(e);
  } catch (const std::exception& e) {
    spdlog::error("{{\"event\":\"fatal\",\"error\":\"{}\"}}", e.what());
    std::cerr << "kvitka: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
