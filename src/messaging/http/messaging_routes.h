// HTTP routes of the messaging module.
#pragma once

#include "messaging/app/channel_settings.h"
#include "messaging/app/message_templates.h"
#include "platform/http/router.h"

namespace kvitka::messaging {

// /api/v1/settings/channels[/{channel}]
void AddChannelSettingsRoutes(http::Router& router, ChannelSettings& channels);
// /api/v1/message-templates[...]
void AddMessageTemplateRoutes(http::Router& router, MessageTemplates& templates);

}  // namespace kvitka::messaging
