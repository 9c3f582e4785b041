// The Mustache a salon's template may use, read by our own scanner before mstch renders it:
// variables {{name}}, sections {{#name}}...{{/name}} and {{^name}}...{{/name}}, comments
// {{! ...}}. Partials and delimiter changes are refused. The scanner finds what mstch would
// silently get wrong (an unclosed section renders nothing) and rewrites every variable so that
// mstch never escapes: the caller escapes values for the output instead (mstch's own escaping
// is a process-wide setting and turns "/" into "&#x2F;"). Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kvitka::messaging {

// How a rendered text is shown. Plain text keeps values verbatim (SMS, Telegram without a parse
// mode, Viber, the subject and the text part of an email); HTML escapes them (the HTML part of
// an email).
enum class TextFormat { kPlain, kHtml };

// A problem with a template text, for the editor: what, which name, and where.
struct TemplateIssue {
  // unclosed_tag, empty_tag, invalid_name, unsupported_tag, unclosed_section,
  // unexpected_section_end, invalid_utf8, unknown_variable, opt_out_required
  std::string code;
  std::string name;  // the variable or section, when the problem has one
  int position = 0;  // characters from the start of the text to the tag

  friend bool operator==(const TemplateIssue&, const TemplateIssue&) = default;
};

using TemplateIssues = std::vector<TemplateIssue>;

enum class TagType { kVariable, kSection, kInvertedSection, kSectionEnd };

struct TemplateTag {
  TagType type = TagType::kVariable;
  std::string name;
  int position = 0;
};

struct ScannedTemplate {
  std::vector<TemplateTag> tags;  // in the order they occur (comments left out)
  TemplateIssues issues;          // syntax problems only; names are not judged here
  // The text mstch renders: each variable rewritten as {{{name}}} whatever the author wrote
  // ({{x}}, {{&x}}), comments dropped. Meaningful only without issues.
  std::string normalized;
};

// Reads a template once: its tags, its syntax problems and its normalized form.
ScannedTemplate ScanTemplate(std::string_view source);

// A value as HTML text or attribute: & < > " ' replaced by entities.
std::string EscapeHtml(std::string_view text);

}  // namespace kvitka::messaging
