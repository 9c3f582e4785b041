// The texts behind the default templates, one table per language (default_texts_uk.cpp, ...).
// Internal to default_templates.cpp.
#pragma once

#include "messaging/domain/message_kind.h"

namespace kvitka::messaging::internal {

struct DefaultTexts {
  const char* sms;      // short: one or two parts with typical values
  const char* chat;     // Telegram and Viber; also the text of an email
  const char* subject;  // email
};

DefaultTexts UkrainianTexts(MessageKind kind);
DefaultTexts RussianTexts(MessageKind kind);
DefaultTexts EnglishTexts(MessageKind kind);

}  // namespace kvitka::messaging::internal
