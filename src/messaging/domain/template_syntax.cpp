#include "messaging/domain/template_syntax.h"

#include <cstddef>

#include "core/text.h"

namespace kvitka::messaging {
namespace {

bool IsNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsValidName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!IsNameCharacter(c)) return false;
  }
  return true;
}

std::string_view TrimSpaces(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// Appends a tag in the form mstch reads.
void Emit(std::string& out, const TemplateTag& tag) {
  switch (tag.type) {
    case TagType::kVariable:
      out += "{{{";
      out += tag.name;
      out += "}}}";
      return;
    case TagType::kSection:
      out += "{{#";
      break;
    case TagType::kInvertedSection:
      out += "{{^";
      break;
    case TagType::kSectionEnd:
      out += "{{/";
      break;
  }
  out += tag.name;
  out += "}}";
}

class Scanner {
 public:
  explicit Scanner(std::string_view source) : source_(source) {}

  ScannedTemplate Run() {
    if (!IsValidUtf8(source_)) {
      result_.issues.push_back({"invalid_utf8", "", 0});
      return std::move(result_);
    }
    std::size_t at = 0;
    while (at < source_.size()) {
      const std::size_t open = source_.find("{{", at);
      if (open == std::string_view::npos) {
        result_.normalized.append(source_.substr(at));
        break;
      }
      result_.normalized.append(source_.substr(at, open - at));
      const int position = PositionOf(open);
      const bool triple = open + 2 < source_.size() && source_[open + 2] == '{';
      const std::size_t body = open + (triple ? 3 : 2);
      const std::size_t close = source_.find(triple ? "}}}" : "}}", body);
      if (close == std::string_view::npos) {
        result_.issues.push_back({"unclosed_tag", "", position});
        break;
      }
      const std::string_view inside = TrimSpaces(source_.substr(body, close - body));
      if (triple) {
        AddTag(TagType::kVariable, inside, position);
      } else {
        ReadTag(inside, position);
      }
      at = close + (triple ? 3 : 2);
    }
    for (const auto& open : open_sections_) {
      result_.issues.push_back({"unclosed_section", open.name, open.position});
    }
    return std::move(result_);
  }

 private:
  // A double-brace tag: its first character says what it is.
  void ReadTag(std::string_view inside, int position) {
    if (inside.empty()) {
      result_.issues.push_back({"empty_tag", "", position});
      return;
    }
    const std::string_view rest = TrimSpaces(inside.substr(1));
    switch (inside.front()) {
      case '!':
        return;
      case '>':
      case '=':
        result_.issues.push_back({"unsupported_tag", std::string(inside), position});
        return;
      case '&':
        AddTag(TagType::kVariable, rest, position);
        return;
      case '#':
        AddTag(TagType::kSection, rest, position);
        return;
      case '^':
        AddTag(TagType::kInvertedSection, rest, position);
        return;
      case '/':
        AddTag(TagType::kSectionEnd, rest, position);
        return;
      default:
        AddTag(TagType::kVariable, inside, position);
    }
  }

  void AddTag(TagType type, std::string_view name, int position) {
    if (name.empty()) {
      result_.issues.push_back({"empty_tag", "", position});
      return;
    }
    if (!IsValidName(name)) {
      result_.issues.push_back({"invalid_name", std::string(name), position});
      return;
    }
    TemplateTag tag{type, std::string(name), position};
    if (type == TagType::kSection || type == TagType::kInvertedSection) {
      open_sections_.push_back(tag);
    } else if (type == TagType::kSectionEnd) {
      if (open_sections_.empty() || open_sections_.back().name != tag.name) {
        result_.issues.push_back({"unexpected_section_end", tag.name, position});
        return;
      }
      open_sections_.pop_back();
    }
    Emit(result_.normalized, tag);
    result_.tags.push_back(std::move(tag));
  }

  // Characters before a byte offset, counted on from the previous call (offsets only grow).
  int PositionOf(std::size_t offset) {
    counted_chars_ += Utf8Length(source_.substr(counted_bytes_, offset - counted_bytes_));
    counted_bytes_ = offset;
    return static_cast<int>(counted_chars_);
  }

  std::string_view source_;
  ScannedTemplate result_;
  std::vector<TemplateTag> open_sections_;
  std::size_t counted_bytes_ = 0;
  std::size_t counted_chars_ = 0;
};

}  // namespace

ScannedTemplate ScanTemplate(std::string_view source) { return Scanner(source).Run(); }

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace kvitka::messaging
