#include "app/kvitka.h"

#include <CLI/CLI.hpp>
#include <filesystem>

#include "core/secret.h"
#include "platform/http/health.h"

namespace kvitka {

Kvitka::Kvitka(const Settings& settings, std::size_t pool_size)
    // ---- identity ----
    : clock(settings.now.empty() ? 0 : ParseNow(settings.now) - SystemClock().Now()),
      db(Open(settings.db_url, pool_size)),
      audit(audit_store, clock),
      auth(*db, orgs, users, sessions, audit, clock,
           identity::AuthSettings{.session_ttl_seconds = settings.session_ttl_hours * 3600L}),
      team(*db, users, sessions, audit, clock, auth.settings().invitation_ttl_seconds),
      branches(*db, orgs, audit, clock),
      authenticator(auth),
      // ---- clients ----
      file_storage(std::filesystem::path(settings.data_dir) / "files"),
      client_deps{*db,          client_store, tag_store, segment_store, file_store, settings_store,
                  import_store, file_storage, audit,     branches,      clock},
      clients(client_deps),
      client_tags(client_deps, clients),
      client_files(client_deps),
      client_exchange(client_deps, clients),
      // ---- catalog and staff ----
      catalog_references(staff_store, branches),
      catalog(*db, catalog_store, catalog_references, audit, clock),
      // Tells schedule_notices (built below; only its address here) of changed coming days.
      staff(staff::StaffDeps{*db, staff_store, catalog, branches, team, audit, clock,
                             &schedule_notices}),
      staff_photos(staff::StaffDeps{*db, staff_store, catalog, branches, team, audit, clock}, staff,
                   file_storage),
      // ---- messaging stores and the visit planner ----
      recipients(chat_store, channel_settings_store, clients, staff),
      visit_messages(
          messaging::PlannerDeps{outbox_store, rules_store, recipients, branches, clock}),
      schedule_notices(
          messaging::ScheduleNoticeDeps{outbox_store, rules_store, recipients, visit_messages}),
      // Told of every change to a visit in its transaction (built below; only pointers here).
      visit_listeners({&visit_messages, &visit_tasks}),
      // ---- booking ----
      booking_feed(events),
      booking_deps{*db,   appointment_store, group_store, waitlist_store, clients, catalog,
                   staff, branches,          audit,       booking_feed,   clock,   visit_listeners},
      availability(booking_deps),
      waitlist(booking_deps, availability),
      appointments(booking_deps, waitlist),
      journal(appointments, journal_stamps),
      groups(appointments),
      online(booking::OnlineBookingDeps{booking_deps, online_store, appointments, availability,
                                        waitlist, settings.online_limits}),
      // ---- tasks ----
      tasks(tasks::TaskDeps{*db, task_store, clients, team, branches, appointments, audit, clock}),
      visit_tasks(tasks, task_store, branches),
      // Tomorrow's confirmation calls, run by the "tasks" job and by `jobs run --once`.
      confirm_planner(*db, tasks, task_store, branches, appointments),
      sent_come_backs(outbox_store),
      come_back_follow_ups(*db, tasks, task_store, sent_come_backs, branches, appointments),
      // ---- feedback ----
      low_scores(tasks, branches),
      visit_feedback(feedback::FeedbackDeps{*db, feedback_store, online, appointments, clients,
                                            staff, branches, audit, low_scores, clock,
                                            settings.online_limits.per_ip}),
      // ---- messaging ----
      messaging_deps{*db, channel_settings_store, template_store, audit, clock},
      channel_settings(messaging_deps),
      message_templates(messaging_deps),
      reminder_replanner(
          messaging::ReplanDeps{*db, outbox_store, rules_store, clients, appointments, branches}),
      messaging_settings(*db, rules_store, branches, audit, clock, reminder_replanner),
      message_history(messaging::HistoryDeps{*db, outbox_store, chat_store, channel_settings_store,
                                             clients, clock}),
      staff_chats(
          messaging::StaffChatsDeps{*db, chat_store, channel_settings_store, staff, audit, clock}),
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
                                                gateways, conversation, clock, PublicBase(settings),
                                                RandomToken(9)}),
      viber_bots(messaging::ViberBotsDeps{*db, channel_settings_store, gateways, conversation,
                                          PublicBase(settings), outbox_store, clock}),
      campaigns(messaging::CampaignDeps{*db, campaign_store, chat_store, outbox_store, recipients,
                                        clients, appointments, online, branches, audit, clock,
                                        PublicBase(settings)}),
      marketing(messaging::MarketingPlannerDeps{*db, staff, rules_store, recipients, visit_messages,
                                                clients, catalog, appointments, branches}),
      delivery_reports(
          messaging::DeliveryReportsDeps{*db, channel_settings_store, outbox_store, gateways}) {
  AddRoutes(settings);
}

std::unique_ptr<db::Database> Kvitka::Open(const std::string& url, std::size_t pool_size) {
  auto parsed = db::ParseDatabaseUrl(url);
  if (!parsed) throw CLI::ValidationError("--db", parsed.error());
  return db::Database::Open(*parsed, pool_size);
}

void Kvitka::AddRoutes(const Settings& settings) {
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
  AddMessagingRoutes();
}

void Kvitka::AddMessagingRoutes() {
  messaging::AddChannelSettingsRoutes(router, channel_settings);
  messaging::AddMessageTemplateRoutes(router, message_templates);
  messaging::AddMessagingRulesRoutes(router, messaging_settings);
  messaging::AddMessageHistoryRoutes(router, message_history);
  messaging::AddStaffChatRoutes(router, staff_chats);
  messaging::AddBotRoutes(router, telegram_bots, viber_bots);
  messaging::AddCampaignRoutes(router, campaigns);
  messaging::AddOptOutRoutes(router, campaigns);
}

}  // namespace kvitka
