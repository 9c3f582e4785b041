#include "messaging/app/recipients.h"

#include "messaging/app/channel_settings.h"

namespace kvitka::messaging {

std::string Addressee::AddressOn(Channel channel) const {
  switch (channel) {
    case Channel::kTelegram:
      return telegram_chat;
    case Channel::kViber:
      return viber_user;
    case Channel::kSms:
      return phone;
    case Channel::kEmail:
      return email;
  }
  return "";
}

std::vector<Channel> ParseChannelList(const std::string& text) {
  std::vector<Channel> channels;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (auto channel = ParseChannel(text.substr(start, end - start))) channels.push_back(*channel);
    start = end + 1;
  }
  return channels;
}

std::string ChannelList(const std::vector<Channel>& channels) {
  std::string text;
  for (auto channel : channels) {
    if (!text.empty()) text += ',';
    text += ChannelName(channel);
  }
  return text;
}

std::optional<Addressee> Recipients::Client(db::Session& s, Id org_id, Id client_id) {
  auto found = clients_.FindMany(s, identity::Actor::System(org_id), {client_id});
  if (found.empty() || found.front().erased || found.front().merged_into_id) return std::nullopt;
  const auto& c = found.front();
  Addressee a;
  a.type = RecipientType::kClient;
  a.id = c.id;
  a.name = c.first_name;
  a.language = LanguageOrUkrainian(c.language);
  if (!c.phones.empty()) a.phone = c.phones.front();
  a.email = c.email;
  for (const auto& link : chats_.LinksOf(s, org_id, client_id)) {
    (link.channel == Channel::kTelegram ? a.telegram_chat : a.viber_user) = link.chat_id;
  }
  a.recipient.reach = {!a.telegram_chat.empty(), !a.viber_user.empty(), !a.phone.empty(),
                       !a.email.empty()};
  a.recipient.consent = {c.consent.telegram, c.consent.viber, c.consent.sms, c.consent.email};
  a.recipient.preferred = ParseChannelList(chats_.ChannelOrder(s, org_id, client_id));
  return a;
}

std::optional<Addressee> Recipients::Master(db::Session& s, Id org_id, Id staff_id) {
  auto member = staff_.FindIn(s, org_id, staff_id);
  if (!member || member->archived) return std::nullopt;
  Addressee a;
  a.type = RecipientType::kStaff;
  a.id = member->id;
  a.name = member->name;
  a.phone = member->phone;
  a.email = member->email;
  a.user_id = member->user_id;
  // The master's own chat with the salon's Telegram bot (linked by their staff link).
  for (const auto& link : chats_.StaffLinksOf(s, org_id, staff_id)) {
    if (link.channel != Channel::kTelegram) continue;
    a.telegram_chat = link.chat_id;
    // Their notices in the language of their Telegram app (Ukrainian when it said none we have).
    if (auto language = ParseLanguage(link.language)) a.language = *language;
  }
  a.recipient.reach = {!a.telegram_chat.empty(), false, !a.phone.empty(), !a.email.empty()};
  return a;
}

std::vector<Channel> Recipients::SalonChannels(db::Session& s, Id org_id,
                                               const MessagingRules& rules) {
  const auto stored = channels_.List(s, org_id);
  std::vector<Channel> ready;
  for (auto channel : rules.channel_order) {
    for (const auto& row : stored) {
      if (row.channel == channel && row.enabled && IsConfigured(channel, ValuesOf(row))) {
        ready.push_back(channel);
      }
    }
  }
  return ready;
}

}  // namespace kvitka::messaging
