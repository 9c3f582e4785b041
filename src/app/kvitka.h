// Everything a running Kvitka is made of, wired once: the composition root.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "app/settings.h"
#include "booking/http/booking_routes.h"
#include "booking/http/online_routes.h"
#include "booking/store/sql_booking_store.h"
#include "booking/store/sql_journal_stamp_store.h"
#include "catalog/http/catalog_routes.h"
#include "catalog/store/sql_catalog_store.h"
#include "clients/http/client_routes.h"
#include "clients/store/sql_client_catalog_store.h"
#include "clients/store/sql_client_store.h"
#include "feedback/app/low_score_tasks.h"
#include "feedback/http/feedback_routes.h"
#include "feedback/store/sql_feedback_store.h"
#include "identity/http/identity_routes.h"
#include "identity/http/session_authenticator.h"
#include "identity/store/sql_organization_store.h"
#include "identity/store/sql_session_store.h"
#include "identity/store/sql_user_store.h"
#include "messaging/app/delivery_reports.h"
#include "messaging/app/marketing_planner.h"
#include "messaging/app/outbox_dispatcher.h"
#include "messaging/app/schedule_notices.h"
#include "messaging/app/sent_come_backs.h"
#include "messaging/app/visit_planner.h"
#include "messaging/http/messaging_routes.h"
#include "messaging/store/sql_messaging_store.h"
#include "platform/files/file_storage.h"
#include "staff/http/staff_routes.h"
#include "staff/store/sql_staff_store.h"
#include "tasks/app/come_back_follow_ups.h"
#include "tasks/app/confirm_planner.h"
#include "tasks/app/visit_tasks.h"
#include "tasks/http/task_routes.h"
#include "tasks/store/sql_task_store.h"

namespace kvitka {

// Members are built in the order they are declared here; the constructor (kvitka.cpp) lists
// them in the same order. The parts: identity, clients, catalog and staff, booking (with the
// listeners told of a change to a visit), then tasks, feedback and messaging.
struct Kvitka {
  explicit Kvitka(const Settings& settings, std::size_t pool_size = 8);

  static std::unique_ptr<db::Database> Open(const std::string& url, std::size_t pool_size);

  // ---- identity ----
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

  // ---- clients ----
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

  // ---- catalog and staff ----
  catalog::SqlCatalogStore catalog_store;
  staff::SqlStaffStore staff_store;
  staff::StaffCatalogReferences catalog_references;
  catalog::CatalogService catalog;
  staff::StaffService staff;
  staff::StaffPhotos staff_photos;

  // ---- messaging stores and the visit planner (booking tells it of visits) ----
  messaging::SqlChannelSettingsStore channel_settings_store;
  messaging::SqlTemplateStore template_store;
  messaging::SqlOutboxStore outbox_store;
  messaging::SqlChatStore chat_store;
  messaging::SqlMessagingRulesStore rules_store;
  messaging::SqlCampaignStore campaign_store;
  messaging::Recipients recipients;
  messaging::VisitPlanner visit_messages;
  // Told by staff (in its transaction) when a master's coming days change.
  messaging::ScheduleNoticePlanner schedule_notices;
  // Everything told of a change to a visit in its transaction: the outbox, the tasks.
  booking::VisitListeners visit_listeners;

  // ---- booking ----
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

  // ---- tasks ----
  // The team's tasks: a no-show's call (told by booking), tomorrow's confirmations (daily).
  tasks::SqlTaskStore task_store;
  tasks::TaskService tasks;
  tasks::VisitTasks visit_tasks;
  tasks::ConfirmTomorrowPlanner confirm_planner;
  // Come-back reminders that got no booking (daily): which went, read from messaging.
  messaging::SentComeBackReads sent_come_backs;
  tasks::ComeBackFollowUpPlanner come_back_follow_ups;

  // ---- feedback ----
  // Feedback after a visit; a low score adds a task in the same transaction.
  feedback::SqlFeedbackStore feedback_store;
  feedback::LowScoreTasks low_scores;
  feedback::FeedbackService visit_feedback;

  // ---- messaging ----
  messaging::MessagingDeps messaging_deps;
  messaging::ChannelSettings channel_settings;
  messaging::MessageTemplates message_templates;
  messaging::ReminderReplanner reminder_replanner;
  messaging::MessagingSettings messaging_settings;
  messaging::MessageHistory message_history;
  // Masters' own chats with the salon's Telegram bot (their notices go there first).
  messaging::StaffChats staff_chats;
  messaging::Gateways gateways;
  messaging::OutboxDispatcher dispatcher;
  messaging::SqlBotPollStore bot_poll_store;
  messaging::BotConversation conversation;
  messaging::TelegramBots telegram_bots;
  messaging::ViberBots viber_bots;
  messaging::Campaigns campaigns;
  messaging::MarketingPlanner marketing;
  // The SMS providers' delivery reports ("delivery reports" job, `jobs run --once`).
  messaging::DeliveryReports delivery_reports;

  http::Router router;

 private:
  // Every module's routes; the messaging ones in AddMessagingRoutes.
  void AddRoutes(const Settings& settings);
  void AddMessagingRoutes();
};

}  // namespace kvitka
