// What the messaging use cases need from the database; SQL lives in messaging/store.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/id.h"
#include "messaging/domain/campaign.h"
#include "messaging/domain/delivery_report.h"
#include "messaging/domain/templates.h"
#include "platform/db/database.h"

namespace kvitka::messaging {

// One channel of an organization as stored: the shown settings and the secrets, each a JSON
// object in text.
struct StoredChannel {
  Channel channel = Channel::kSms;
  bool enabled = false;
  std::string settings_json = "{}";
  std::string secrets_json = "{}";
  EpochSeconds updated_at = 0;
};

class ChannelSettingsStore {
 public:
  virtual ~ChannelSettingsStore() = default;
  virtual std::vector<StoredChannel> List(db::Session& s, Id org_id) = 0;
  virtual std::optional<StoredChannel> Find(db::Session& s, Id org_id, Channel channel) = 0;
  virtual void Save(db::Session& s, Id org_id, const StoredChannel& channel) = 0;
  // The organizations that have this channel on, with its settings (the bots to poll).
  virtual std::vector<std::pair<Id, StoredChannel>> Enabled(db::Session& s, Channel channel) = 0;
};

// Where each bot's long polling got to, and which server polls it: one at a time, by a lease.
class BotPollStore {
 public:
  virtual ~BotPollStore() = default;
  // The next update to ask for when this server (`owner`) holds or takes the lease until
  // `until`; nullopt when another server holds it.
  virtual std::optional<std::int64_t> Lease(db::Session& s, Id org_id, Channel channel,
                                            const std::string& owner, EpochSeconds now,
                                            EpochSeconds until) = 0;
  virtual void Advance(db::Session& s, Id org_id, Channel channel, const std::string& owner,
                       std::int64_t next_update) = 0;
};

// A salon's own template text.
struct SavedTemplate {
  MessageTemplate text;
  EpochSeconds updated_at = 0;
};

class TemplateStore {
 public:
  virtual ~TemplateStore() = default;
  virtual std::vector<SavedTemplate> List(db::Session& s, Id org_id) = 0;
  virtual std::optional<SavedTemplate> Find(db::Session& s, Id org_id, MessageKind kind,
                                            Channel channel, Language language) = 0;
  virtual void Save(db::Session& s, Id org_id, const MessageTemplate& text, EpochSeconds now) = 0;
  // False when the salon had no text of its own.
  virtual bool Delete(db::Session& s, Id org_id, MessageKind kind, Channel channel,
                      Language language) = 0;
};

// Whom a message is for.
enum class RecipientType { kClient, kStaff };
const char* RecipientTypeName(RecipientType type);  // "client", "staff"

// The life of a message in the outbox.
enum class OutboxStatus { kPending, kSending, kSent, kFailed, kVoided, kSkipped };
const char* OutboxStatusName(OutboxStatus status);  // "pending", "sending", ...
std::optional<OutboxStatus> ParseOutboxStatus(std::string_view name);

// One message in the outbox (see migration 0010 for the columns' meaning).
struct OutboxRow {
  Id id = 0;
  Id org_id = 0;
  Id branch_id = 0;
  Id appointment_id = 0;  // 0: not about a visit
  int version = 0;
  MessageKind kind = MessageKind::kReminder;
  std::int64_t slot = 0;
  RecipientType recipient_type = RecipientType::kClient;
  Id recipient_id = 0;
  std::string channel;  // "" until one can be chosen
  std::string tried;    // channels that failed for good, "sms,email"
  Language language = Language::kUk;
  OutboxStatus status = OutboxStatus::kPending;
  std::optional<EpochSeconds> visit_start;
  EpochSeconds due_at = 0;
  EpochSeconds lease_until = 0;
  int attempts = 0;
  std::string address, subject, body, error, provider_id;
  std::string context_json = "{}";
  EpochSeconds created_at = 0;
  EpochSeconds updated_at = 0;
  std::optional<EpochSeconds> sent_at;
  // After it was sent: what the provider's reports (or the Viber bot's callbacks) said, and when.
  DeliveryState delivery = DeliveryState::kUnknown;
  std::optional<EpochSeconds> delivered_at;
};

// A reminder as replanning sees it.
// Replanning: a reminder row made due (pending) again, as the reminder of `slot` at `due`.
struct ReminderMove {
  Id id = 0;
  std::int64_t slot = 0;
  EpochSeconds due = 0;
};

struct PlannedReminderRow {
  Id id = 0;
  Id appointment_id = 0;
  int version = 0;
  std::int64_t slot = 0;
  OutboxStatus status = OutboxStatus::kPending;
  EpochSeconds due_at = 0;
};

struct OutboxFilter {
  std::optional<OutboxStatus> status;
  std::optional<MessageKind> kind;
  std::optional<std::string> channel;
  std::optional<RecipientType> recipient_type;
  std::optional<Id> recipient_id;
  std::optional<EpochSeconds> until;  // written at or before
  std::optional<EpochSeconds> since;  // written at or after
};

class OutboxStore {
 public:
  virtual ~OutboxStore() = default;
  // Adds the message unless the same one (organization, appointment, version, kind, slot,
  // recipient, channel) is there already; true when added.
  virtual bool Add(db::Session& s, const OutboxRow& row) = 0;
  // Voids the pending messages about an appointment of these kinds; how many.
  virtual int VoidPending(db::Session& s, Id org_id, Id appointment_id,
                          const std::vector<MessageKind>& kinds, EpochSeconds now) = 0;
  // Claims up to `limit` messages due at `now` (pending, or sending with an expired lease) in
  // the order they are due, across organizations: they become sending until `lease_until`, with
  // one attempt more. PostgreSQL skips rows another dispatcher has locked.
  virtual std::vector<OutboxRow> Claim(db::Session& s, EpochSeconds now, EpochSeconds lease_until,
                                       int limit) = 0;
  // Saves the outcome of a claimed message; false when its lease was lost meanwhile (another
  // dispatcher claimed it again).
  virtual bool Finish(db::Session& s, const OutboxRow& row, EpochSeconds claimed_lease) = 0;
  // Newest first, before the id `before` when given.
  virtual std::vector<OutboxRow> List(db::Session& s, Id org_id, const OutboxFilter& filter,
                                      std::optional<Id> before, int limit) = 0;
  // Every reminder (any status) of visits that start after `from`, for replanning.
  virtual std::vector<PlannedReminderRow> Reminders(db::Session& s, Id org_id,
                                                    EpochSeconds from) = 0;
  // Replanning: these messages are voided; these (pending or voided) are due again as the
  // reminder of their slot, with their attempts forgotten; these reminders are added.
  virtual void VoidIds(db::Session& s, Id org_id, const std::vector<Id>& ids, EpochSeconds now) = 0;
  virtual void DueAgain(db::Session& s, Id org_id, const std::vector<ReminderMove>& moves,
                        EpochSeconds now) = 0;
  virtual void AddReminders(db::Session& s, const std::vector<OutboxRow>& rows) = 0;
  // Whether a reminder of the visit with a smaller offset than `slot` is due by `now` or went
  // already (a reminder picked up that late is no longer worth sending).
  virtual bool SmallerReminderDue(db::Session& s, Id org_id, Id appointment_id, int version,
                                  std::int64_t slot, EpochSeconds now) = 0;
  // How many messages are in each status (for reports and tests).
  virtual std::vector<std::pair<std::string, long long>> CountByStatus(db::Session& s,
                                                                       Id org_id) = 0;
  // Across organizations: the come-back reminders sent to clients in (from, to] by sent_at,
  // oldest first (the tasks' follow-ups).
  virtual std::vector<OutboxRow> SentComeBacks(db::Session& s, EpochSeconds from,
                                               EpochSeconds to) = 0;

  // Delivery reports. The messages sent on `channel` at or after `since` whose delivery is not
  // known yet and that were last asked about at or before `checked_by` (never: 0), the least
  // recently asked first, at most `limit`.
  virtual std::vector<AwaitingReport> AwaitingReports(db::Session& s, Id org_id, Channel channel,
                                                      EpochSeconds since, EpochSeconds checked_by,
                                                      int limit) = 0;
  // The sent messages on `channel` with this provider id (a Viber callback's message token).
  virtual std::vector<AwaitingReport> ByProviderId(db::Session& s, Id org_id, Channel channel,
                                                   const std::string& provider_id) = 0;
  // Saves each change whose message still is at its `from`; how many were saved.
  virtual int SaveDeliveries(db::Session& s, Id org_id,
                             const std::vector<DeliveryChange>& changes) = 0;
  // These messages were asked about at `now`.
  virtual void MarkAsked(db::Session& s, Id org_id, const std::vector<Id>& ids,
                         EpochSeconds now) = 0;
};

// What a client wrote to a bot.
struct ReceivedMessage {
  Id id = 0;
  std::optional<Id> client_id;
  Channel channel = Channel::kTelegram;
  std::string chat_id;
  std::string text;
  EpochSeconds received_at = 0;
};

struct ChatLink {
  Channel channel = Channel::kTelegram;
  std::string chat_id;
  EpochSeconds linked_at = 0;
  std::string language;  // a master's chat: the language of their app ("uk", "ru", "en" or "")
};

class ChatStore {
 public:
  virtual ~ChatStore() = default;
  virtual std::vector<ChatLink> LinksOf(db::Session& s, Id org_id, Id client_id) = 0;
  // Links of many clients at once, by client id.
  virtual std::vector<std::pair<Id, ChatLink>> LinksOfMany(db::Session& s, Id org_id,
                                                           const std::vector<Id>& client_ids) = 0;
  // Links a chat to a client (replacing the client's earlier chat on that channel and the
  // chat's earlier client).
  virtual void Link(db::Session& s, Id org_id, Id client_id, const ChatLink& link) = 0;
  virtual void Unlink(db::Session& s, Id org_id, Channel channel, const std::string& chat_id) = 0;
  virtual std::optional<Id> ClientOfChat(db::Session& s, Id org_id, Channel channel,
                                         const std::string& chat_id) = 0;
  virtual void AddLinkToken(db::Session& s, Id org_id, Id client_id, const std::string& token,
                            EpochSeconds now, EpochSeconds expires_at) = 0;
  // The client's newest unused token still valid at `valid_at` (and when it expires).
  virtual std::optional<std::pair<std::string, EpochSeconds>> UnusedLinkToken(
      db::Session& s, Id org_id, Id client_id, EpochSeconds valid_at) = 0;
  // The client of an unused, unexpired token, which is used up; nullopt otherwise.
  virtual std::optional<Id> UseLinkToken(db::Session& s, Id org_id, const std::string& token,
                                         EpochSeconds now) = 0;
  // The client's own channel order ("telegram,sms"); empty: the salon's.
  virtual std::string ChannelOrder(db::Session& s, Id org_id, Id client_id) = 0;
  virtual void SetChannelOrder(db::Session& s, Id org_id, Id client_id,
                               const std::string& channels) = 0;
  virtual Id AddReceived(db::Session& s, Id org_id, const ReceivedMessage& message) = 0;
  // The client's opt-out token: the existing one, else `fresh` saved.
  virtual std::string OptOutToken(db::Session& s, Id org_id, Id client_id, const std::string& fresh,
                                  EpochSeconds now) = 0;
  // The organization and client of an opt-out token.
  virtual std::optional<std::pair<Id, Id>> ResolveOptOut(db::Session& s,
                                                         const std::string& token) = 0;
  // Newest first, received at or before `until` and at or after `since` when given.
  virtual std::vector<ReceivedMessage> ReceivedOf(db::Session& s, Id org_id, Id client_id,
                                                  std::optional<EpochSeconds> until,
                                                  std::optional<EpochSeconds> since, int limit) = 0;

  // Masters' chats (sql_staff_chats.cpp): a chat linked to a staff member is not a client's
  // chat, and a staff member's link token is not a client's (UseLinkToken refuses it).
  virtual std::vector<ChatLink> StaffLinksOf(db::Session& s, Id org_id, Id staff_id) = 0;
  // Links a chat to a staff member (replacing their earlier chat on that channel and the chat's
  // earlier staff member).
  virtual void LinkStaff(db::Session& s, Id org_id, Id staff_id, const ChatLink& link) = 0;
  virtual void UnlinkStaffChat(db::Session& s, Id org_id, Channel channel,
                               const std::string& chat_id) = 0;
  // False when the staff member had no chat on the channel.
  virtual bool UnlinkStaff(db::Session& s, Id org_id, Id staff_id, Channel channel) = 0;
  virtual std::optional<Id> StaffOfChat(db::Session& s, Id org_id, Channel channel,
                                        const std::string& chat_id) = 0;
  virtual void AddStaffLinkToken(db::Session& s, Id org_id, Id staff_id, const std::string& token,
                                 EpochSeconds now, EpochSeconds expires_at) = 0;
  // The staff member of an unused, unexpired staff token, which is used up; nullopt otherwise.
  virtual std::optional<Id> UseStaffLinkToken(db::Session& s, Id org_id, const std::string& token,
                                              EpochSeconds now) = 0;
};

// The organization's rules (branch 0) and the branches' own quiet hours, as JSON text.
class MessagingRulesStore {
 public:
  virtual ~MessagingRulesStore() = default;
  virtual std::vector<std::pair<Id, std::string>> All(db::Session& s, Id org_id) = 0;
  virtual void Save(db::Session& s, Id org_id, Id branch_id, const std::string& rules_json,
                    EpochSeconds now) = 0;
  virtual void Delete(db::Session& s, Id org_id, Id branch_id) = 0;
  // The organizations that saved rules (only they can have marketing messages on).
  virtual std::vector<Id> Organizations(db::Session& s) = 0;
};

// What became of a campaign's messages.
struct CampaignResults {
  int pending = 0;
  int sent = 0;
  int failed = 0;           // failed, or skipped (consent withdrawn, no address)
  int voided = 0;           // cancelled before they went
  int delivered = 0;        // of the sent: delivered (or seen) as the provider reported
  std::vector<Id> reached;  // the clients it was sent to
  std::optional<EpochSeconds> first_sent_at;
};

class CampaignStore {
 public:
  virtual ~CampaignStore() = default;
  virtual Id Insert(db::Session& s, Id org_id, const Campaign& campaign) = 0;
  virtual void Update(db::Session& s, Id org_id, const Campaign& campaign) = 0;
  virtual std::optional<Campaign> Find(db::Session& s, Id org_id, Id id) = 0;
  // Newest first, before the id `before` when given.
  virtual std::vector<Campaign> List(db::Session& s, Id org_id, std::optional<Id> before,
                                     int limit) = 0;
  virtual CampaignResults Results(db::Session& s, Id org_id, Id campaign_id) = 0;
  // Voids the campaign's messages that have not gone yet; how many.
  virtual int VoidPending(db::Session& s, Id org_id, Id campaign_id, EpochSeconds now) = 0;
};

}  // namespace kvitka::messaging
