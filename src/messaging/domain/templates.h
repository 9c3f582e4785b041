// Message templates a salon owner edits: Mustache per kind, channel and language, the variables
// each kind offers, validation for the editor, and rendering (mstch) with the escaping the
// output needs. Pure: no I/O.
#pragma once

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/field_error.h"
#include "core/result.h"
#include "messaging/domain/message_kind.h"
#include "messaging/domain/template_syntax.h"

namespace kvitka::messaging {

struct MessageTemplate {
  MessageKind kind = MessageKind::kReminder;
  Channel channel = Channel::kSms;
  Language language = Language::kUk;
  std::string subject;  // email only
  std::string body;     // the whole message; for email, its plain-text part
  std::string html;     // email only: the HTML part (empty: a plain-text email)
};

// The variables a template of this kind may use, in the order the editor lists them.
std::span<const std::string_view> TemplateVariables(MessageKind kind);

// Longest template texts, in characters.
int MaxBodyLength(Channel channel);
inline constexpr int kMaxSubjectLength = 200;
inline constexpr int kMaxHtmlLength = 100000;

// Problems of one template text of a kind: syntax, variables the kind does not offer, and for
// marketing kinds a missing {{opt_out}}.
TemplateIssues FindTemplateIssues(std::string_view text, MessageKind kind);

// What the API reports for a template: errors on "body", "subject" (email) and "html" (email),
// one per field and code (required, too_long with the limit, and the issue codes above);
// FindTemplateIssues tells the editor which names and where.
FieldErrors CheckTemplate(const MessageTemplate& message_template);

// Values by variable name; a missing or empty value renders as nothing and makes its section
// {{#name}}...{{/name}} disappear.
using TemplateValues = std::map<std::string, std::string, std::less<>>;

// One text rendered: values verbatim for plain text, HTML-escaped (EscapeHtml) for HTML, whichever
// braces the author used: escaping follows the output, never the template. Fails with the syntax
// issues when the text has any (names unknown to the kind are not failures here: they render
// empty).
Result<std::string, TemplateIssues> RenderText(std::string_view text, const TemplateValues& values,
                                               TextFormat format);

struct RenderedMessage {
  std::string subject;  // plain text
  std::string body;     // plain text
  std::string html;     // escaped values; empty when the template has no HTML part
};

// The whole message of a template: subject and body as plain text, html as HTML.
Result<RenderedMessage, TemplateIssues> RenderMessage(const MessageTemplate& message_template,
                                                      const TemplateValues& values);

}  // namespace kvitka::messaging
