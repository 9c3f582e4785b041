// The templates a salon starts with, for every kind, channel and language, and example values
// for the editor's live preview. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>

#include "messaging/domain/message_kind.h"
#include "messaging/domain/templates.h"

namespace kvitka::messaging {

// SMS: a short text. Telegram and Viber: a fuller plain text. Email: a subject, the fuller text
// with a signature (client messages), and an HTML part made from that text.
MessageTemplate DefaultTemplate(MessageKind kind, Channel channel, Language language);

// An HTML email part from a plain-text template: literal text escaped, line breaks kept,
// variables ending in "_link" made into links; tags stay as they are.
std::string HtmlFromPlainTemplate(std::string_view plain);

// Example values of every variable, in the language of the template.
TemplateValues SampleValues(Language language);

}  // namespace kvitka::messaging
