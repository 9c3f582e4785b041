// SOCI implementations of the messaging stores.
#pragma once

#include "messaging/app/stores.h"

namespace kvitka::messaging {

class SqlChannelSettingsStore final : public ChannelSettingsStore {
 public:
  std::vector<StoredChannel> List(db::Session& s, Id org_id) override;
  std::optional<StoredChannel> Find(db::Session& s, Id org_id, Channel channel) override;
  void Save(db::Session& s, Id org_id, const StoredChannel& channel) override;
  std::vector<std::pair<Id, StoredChannel>> Enabled(db::Session& s, Channel channel) override;
};

class SqlBotPollStore final : public BotPollStore {
 public:
  std::optional<std::int64_t> Lease(db::Session& s, Id org_id, Channel channel,
                                    const std::string& owner, EpochSeconds now,
                                    EpochSeconds until) override;
  void Advance(db::Session& s, Id org_id, Channel channel, const std::string& owner,
               std::int64_t next_update) override;
};

class SqlTemplateStore final : public TemplateStore {
 public:
  std::vector<SavedTemplate> List(db::Session& s, Id org_id) override;
  std::optional<SavedTemplate> Find(db::Session& s, Id org_id, MessageKind kind, Channel channel,
                                    Language language) override;
  void Save(db::Session& s, Id org_id, const MessageTemplate& text, EpochSeconds now) override;
  bool Delete(db::Session& s, Id org_id, MessageKind kind, Channel channel,
              Language language) override;
};

class SqlOutboxStore final : public OutboxStore {
 public:
  bool Add(db::Session& s, const OutboxRow& row) override;
  int VoidPending(db::Session& s, Id org_id, Id appointment_id,
                  const std::vector<MessageKind>& kinds, EpochSeconds now) override;
  std::vector<OutboxRow> Claim(db::Session& s, EpochSeconds now, EpochSeconds lease_until,
                               int limit) override;
  bool Finish(db::Session& s, const OutboxRow& row, EpochSeconds claimed_lease) override;
  std::vector<OutboxRow> List(db::Session& s, Id org_id, const OutboxFilter& filter,
                              std::optional<Id> before, int limit) override;
  std::vector<PlannedReminderRow> Reminders(db::Session& s, Id org_id, EpochSeconds from) override;
  void VoidIds(db::Session& s, Id org_id, const std::vector<Id>& ids, EpochSeconds now) override;
  void DueAgain(db::Session& s, Id org_id, const std::vector<ReminderMove>& moves,
                EpochSeconds now) override;
  void AddReminders(db::Session& s, const std::vector<OutboxRow>& rows) override;
  bool SmallerReminderDue(db::Session& s, Id org_id, Id appointment_id, int version,
                          std::int64_t slot, EpochSeconds now) override;
  std::vector<std::pair<std::string, long long>> CountByStatus(db::Session& s, Id org_id) override;
  std::vector<OutboxRow> SentComeBacks(db::Session& s, EpochSeconds from, EpochSeconds to) override;
  std::vector<AwaitingReport> AwaitingReports(db::Session& s, Id org_id, Channel channel,
                                              EpochSeconds since, EpochSeconds checked_by,
                                              int limit) override;
  std::vector<AwaitingReport> ByProviderId(db::Session& s, Id org_id, Channel channel,
                                           const std::string& provider_id) override;
  int SaveDeliveries(db::Session& s, Id org_id,
                     const std::vector<DeliveryChange>& changes) override;
  void MarkAsked(db::Session& s, Id org_id, const std::vector<Id>& ids, EpochSeconds now) override;
};

class SqlChatStore final : public ChatStore {
 public:
  std::vector<ChatLink> LinksOf(db::Session& s, Id org_id, Id client_id) override;
  std::vector<std::pair<Id, ChatLink>> LinksOfMany(db::Session& s, Id org_id,
                                                   const std::vector<Id>& client_ids) override;
  void Link(db::Session& s, Id org_id, Id client_id, const ChatLink& link) override;
  void Unlink(db::Session& s, Id org_id, Channel channel, const std::string& chat_id) override;
  std::optional<Id> ClientOfChat(db::Session& s, Id org_id, Channel channel,
                                 const std::string& chat_id) override;
  void AddLinkToken(db::Session& s, Id org_id, Id client_id, const std::string& token,
                    EpochSeconds now, EpochSeconds expires_at) override;
  std::optional<std::pair<std::string, EpochSeconds>> UnusedLinkToken(
      db::Session& s, Id org_id, Id client_id, EpochSeconds valid_at) override;
  std::optional<Id> UseLinkToken(db::Session& s, Id org_id, const std::string& token,
                                 EpochSeconds now) override;
  std::string ChannelOrder(db::Session& s, Id org_id, Id client_id) override;
  void SetChannelOrder(db::Session& s, Id org_id, Id client_id,
                       const std::string& channels) override;
  Id AddReceived(db::Session& s, Id org_id, const ReceivedMessage& message) override;
  std::string OptOutToken(db::Session& s, Id org_id, Id client_id, const std::string& fresh,
                          EpochSeconds now) override;
  std::optional<std::pair<Id, Id>> ResolveOptOut(db::Session& s, const std::string& token) override;
  std::vector<ReceivedMessage> ReceivedOf(db::Session& s, Id org_id, Id client_id,
                                          std::optional<EpochSeconds> until,
                                          std::optional<EpochSeconds> since, int limit) override;
  // Masters' chats (sql_staff_chats.cpp).
  std::vector<ChatLink> StaffLinksOf(db::Session& s, Id org_id, Id staff_id) override;
  void LinkStaff(db::Session& s, Id org_id, Id staff_id, const ChatLink& link) override;
  void UnlinkStaffChat(db::Session& s, Id org_id, Channel channel,
                       const std::string& chat_id) override;
  bool UnlinkStaff(db::Session& s, Id org_id, Id staff_id, Channel channel) override;
  std::optional<Id> StaffOfChat(db::Session& s, Id org_id, Channel channel,
                                const std::string& chat_id) override;
  void AddStaffLinkToken(db::Session& s, Id org_id, Id staff_id, const std::string& token,
                         EpochSeconds now, EpochSeconds expires_at) override;
  std::optional<Id> UseStaffLinkToken(db::Session& s, Id org_id, const std::string& token,
                                      EpochSeconds now) override;
};

class SqlMessagingRulesStore final : public MessagingRulesStore {
 public:
  std::vector<std::pair<Id, std::string>> All(db::Session& s, Id org_id) override;
  void Save(db::Session& s, Id org_id, Id branch_id, const std::string& rules_json,
            EpochSeconds now) override;
  void Delete(db::Session& s, Id org_id, Id branch_id) override;
  std::vector<Id> Organizations(db::Session& s) override;
};

class SqlCampaignStore final : public CampaignStore {
 public:
  Id Insert(db::Session& s, Id org_id, const Campaign& campaign) override;
  void Update(db::Session& s, Id org_id, const Campaign& campaign) override;
  std::optional<Campaign> Find(db::Session& s, Id org_id, Id id) override;
  std::vector<Campaign> List(db::Session& s, Id org_id, std::optional<Id> before,
                             int limit) override;
  CampaignResults Results(db::Session& s, Id org_id, Id campaign_id) override;
  int VoidPending(db::Session& s, Id org_id, Id campaign_id, EpochSeconds now) override;
};

}  // namespace kvitka::messaging
