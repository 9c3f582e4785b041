// Who a message is for and how they can be reached: a client's phones, email, linked chats,
// consents and own channel order, or a master's Telegram chat, phone and email; and the channels
// the salon has set up, in its order. Used when a message is written (to plan its channel) and
// when it is sent (the addresses of the moment).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clients/app/client_service.h"
#include "messaging/app/stores.h"
#include "messaging/domain/delivery_order.h"
#include "messaging/domain/messaging_rules.h"
#include "staff/app/staff_service.h"

namespace kvitka::messaging {

struct Addressee {
  RecipientType type = RecipientType::kClient;
  Id id = 0;
  std::string name;
  Recipient recipient;  // reach, consent, own order
  Language language = Language::kUk;
  std::string phone, email, telegram_chat, viber_user;
  std::optional<Id> user_id;  // a master's account

  // The address on a channel ("" when there is none).
  std::string AddressOn(Channel channel) const;
};

class Recipients {
 public:
  Recipients(ChatStore& chats, ChannelSettingsStore& channels, clients::ClientService& clients,
             staff::StaffService& staff)
      : chats_(chats), channels_(channels), clients_(clients), staff_(staff) {}

  // Nullopt when the client or master is gone (erased, merged, unknown).
  std::optional<Addressee> Client(db::Session& s, Id org_id, Id client_id);
  std::optional<Addressee> Master(db::Session& s, Id org_id, Id staff_id);
  std::optional<Addressee> Of(db::Session& s, Id org_id, RecipientType type, Id id) {
    return type == RecipientType::kStaff ? Master(s, org_id, id) : Client(s, org_id, id);
  }
  // The channels of the rules' order that are on and have what they need to send.
  std::vector<Channel> SalonChannels(db::Session& s, Id org_id, const MessagingRules& rules);

 private:
  ChatStore& chats_;
  ChannelSettingsStore& channels_;
  clients::ClientService& clients_;
  staff::StaffService& staff_;
};

// "telegram,sms" <-> channels (unknown names are dropped).
std::vector<Channel> ParseChannelList(const std::string& text);
std::string ChannelList(const std::vector<Channel>& channels);

}  // namespace kvitka::messaging
