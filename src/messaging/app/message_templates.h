// The texts a salon sends: for each kind, channel and language the salon's own template when it
// wrote one, else the default; saving after the editor's checks, going back to the default, the
// live preview with example values, and the variables each kind offers.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "messaging/app/channel_settings.h"
#include "messaging/domain/sms_text.h"

namespace kvitka::messaging {

struct TemplateView {
  MessageTemplate text;
  bool custom = false;                     // the salon's own, not the default
  std::optional<EpochSeconds> updated_at;  // when the salon saved it
};

// Which templates to list; empty: all.
struct TemplateFilter {
  std::optional<MessageKind> kind;
  std::optional<Channel> channel;
  std::optional<Language> language;
};

struct TemplatePreview {
  RenderedMessage message;
  std::optional<SmsSize> sms;  // for the SMS channel: encoding, parts and units of the text
};

class MessageTemplates {
 public:
  explicit MessageTemplates(MessagingDeps deps) : d_(deps) {}

  Result<std::vector<TemplateView>, Error> List(const identity::Actor& actor,
                                                const TemplateFilter& filter);
  // Checks with CheckTemplate; a failure lists the fields and, per text, FindTemplateIssues.
  Result<TemplateView, Error> Save(const identity::Actor& actor, const MessageTemplate& text);
  // Back to the default; answers the default.
  Result<TemplateView, Error> Reset(const identity::Actor& actor, MessageKind kind, Channel channel,
                                    Language language);
  // Renders an unsaved text with SampleValues.
  Result<TemplatePreview, Error> Preview(const identity::Actor& actor, const MessageTemplate& text);
  Result<std::span<const std::string_view>, Error> Variables(const identity::Actor& actor,
                                                             MessageKind kind);

 private:
  MessagingDeps d_;
};

}  // namespace kvitka::messaging
