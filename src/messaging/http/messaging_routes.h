// HTTP routes of the messaging module.
#pragma once

#include "messaging/app/campaigns.h"
#include "messaging/app/channel_settings.h"
#include "messaging/app/message_history.h"
#include "messaging/app/message_templates.h"
#include "messaging/app/messaging_settings.h"
#include "messaging/app/staff_chats.h"
#include "messaging/app/telegram_bots.h"
#include "messaging/app/viber_bots.h"
#include "platform/http/router.h"

namespace kvitka::messaging {

// /api/v1/settings/channels[/{channel}]
void AddChannelSettingsRoutes(http::Router& router, ChannelSettings& channels);
// /api/v1/message-templates[...]
void AddMessageTemplateRoutes(http::Router& router, MessageTemplates& templates);
// /api/v1/settings/messaging
void AddMessagingRulesRoutes(http::Router& router, MessagingSettings& settings);
// /api/v1/messages, /api/v1/clients/{id}/messages, .../channels, .../telegram-link
void AddMessageHistoryRoutes(http::Router& router, MessageHistory& history);
// /api/v1/staff/{id}/channels, .../channels/telegram, .../telegram-link
void AddStaffChatRoutes(http::Router& router, StaffChats& chats);
// /api/v1/campaigns[...]
void AddCampaignRoutes(http::Router& router, Campaigns& campaigns);
// /api/v1/public/opt-out/{token}
void AddOptOutRoutes(http::Router& router, Campaigns& campaigns);
// /api/v1/public/telegram/{org}/webhook
// /api/v1/public/viber/{org}/webhook
void AddBotRoutes(http::Router& router, TelegramBots& telegram, ViberBots& viber);

}  // namespace kvitka::messaging
