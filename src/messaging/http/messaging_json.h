// JSON of the messaging API: channels, templates, previews, and the error table.
#pragma once

#include <nlohmann/json.hpp>

#include "messaging/app/channel_settings.h"
#include "messaging/app/message_history.h"
#include "messaging/app/message_templates.h"
#include "platform/http/router.h"

namespace kvitka::messaging {

nlohmann::json ChannelJson(const ChannelView& view);
nlohmann::json TemplateJson(const TemplateView& view);
nlohmann::json PreviewJson(const TemplatePreview& preview);
// A message of the outbox or one a client wrote; with the client's id and name for the outbox.
nlohmann::json MessageEntryJson(const MessageEntry& entry, bool with_client);
nlohmann::json ClientChannelsJson(const ClientChannels& channels);

// A 422 naming a path or query part that is not a kind, channel or language.
http::Response UnknownPart(const http::Request& request, const char* part);

// The one table from the app's error codes to problem+json; validation of a template adds an
// "issues" array: [{field, code, name, position}].
http::Response ErrorResponse(const http::Request& request, const Error& error);

}  // namespace kvitka::messaging
