#include "platform/sheets/xml_reader.h"

#include <charconv>
#include <cstdint>

namespace kvitka::sheets::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsNameEnd(char c) { return IsSpace(c) || c == '/' || c == '>' || c == '='; }

// Decodes "&...;" at the start of `raw`; returns the characters consumed (0: not a reference).
std::size_t DecodeReference(std::string_view raw, std::string* out) {
  // Only the first characters: a text of many '&' and no ';' must not take quadratic time.
  const std::size_t semicolon = raw.substr(0, 13).find(';');
  if (semicolon == std::string_view::npos) return 0;
  const std::string_view body = raw.substr(1, semicolon - 1);
  if (body == "lt") {
    out->push_back('<');
  } else if (body == "gt") {
    out->push_back('>');
  } else if (body == "amp") {
    out->push_back('&');
  } else if (body == "quot") {
    out->push_back('"');
  } else if (body == "apos") {
    out->push_back('\'');
  } else if (body.size() > 1 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    uint32_t code_point = 0;
    const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), code_point, hex ? 16 : 10);
    if (error != std::errc() || end != digits.data() + digits.size() || digits.empty()) return 0;
    if (code_point != 0) AppendUtf8(code_point, out);  // XML has no NUL character
  } else {
    return 0;
  }
  return semicolon + 1;
}

}  // namespace

std::string_view LocalName(std::string_view qualified_name) {
  const std::size_t colon = qualified_name.rfind(':');
  return colon == std::string_view::npos ? qualified_name : qualified_name.substr(colon + 1);
}

void AppendUtf8(char32_t code_point, std::string* out) {
  const auto c = static_cast<uint32_t>(code_point);
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    if (c >= 0xD800 && c <= 0xDFFF) return;
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c <= 0x10FFFF) {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

void AppendDecoded(std::string_view raw, std::string* out) {
  while (!raw.empty()) {
    const std::size_t amp = raw.find('&');
    out->append(raw.substr(0, amp));
    if (amp == std::string_view::npos) return;
    raw.remove_prefix(amp);
    std::size_t used = DecodeReference(raw, out);
    if (used == 0) {
      out->push_back('&');  // a bare '&' is kept as written
      used = 1;
    }
    raw.remove_prefix(used);
  }
}

XmlReader::Event XmlReader::Fail() {
  failed_ = true;
  return Event::kError;
}

bool XmlReader::SkipPast(std::string_view terminator) {
  const std::size_t at = xml_.find(terminator, pos_);
  if (at == std::string_view::npos) return false;
  pos_ = at + terminator.size();
  return true;
}

XmlReader::Event XmlReader::Next() {
  if (failed_) return Event::kError;
  if (pending_end_) {
    pending_end_ = false;
    return Event::kEnd;
  }
  while (pos_ < xml_.size()) {
    if (xml_[pos_] != '<') {
      const std::size_t end = std::min(xml_.find('<', pos_), xml_.size());
      text_.clear();
      AppendDecoded(xml_.substr(pos_, end - pos_), &text_);
      pos_ = end;
      return Event::kText;
    }
    const std::string_view rest = xml_.substr(pos_);
    if (rest.starts_with("<![CDATA[")) {
      const std::size_t end = xml_.find("]]>", pos_ + 9);
      if (end == std::string_view::npos) return Fail();
      text_.assign(xml_.substr(pos_ + 9, end - pos_ - 9));
      pos_ = end + 3;
      return Event::kText;
    }
    if (rest.starts_with("<!--")) {
      pos_ += 4;
      if (!SkipPast("-->")) return Fail();
    } else if (rest.starts_with("<?")) {
      if (!SkipPast("?>")) return Fail();
    } else if (rest.starts_with("<!")) {
      // DOCTYPE, possibly with an internal subset in [...].
      const std::size_t close = xml_.find('>', pos_);
      if (close == std::string_view::npos) return Fail();
      const std::size_t bracket = xml_.substr(pos_, close - pos_).find('[');
      if (bracket != std::string_view::npos) {
        pos_ += bracket;
        if (!SkipPast("]")) return Fail();
      }
      if (!SkipPast(">")) return Fail();
    } else if (rest.starts_with("</")) {
      const std::size_t close = xml_.find('>', pos_);
      if (close == std::string_view::npos) return Fail();
      std::string_view tag = xml_.substr(pos_ + 2, close - pos_ - 2);
      while (!tag.empty() && IsSpace(tag.back())) tag.remove_suffix(1);
      name_ = LocalName(tag);
      pos_ = close + 1;
      return Event::kEnd;
    } else {
      return StartTag();
    }
  }
  return Event::kFinish;
}

XmlReader::Event XmlReader::StartTag() {
  const std::size_t size = xml_.size();
  std::size_t i = pos_ + 1;
  const std::size_t name_start = i;
  while (i < size && !IsNameEnd(xml_[i])) ++i;
  if (i == name_start) return Fail();
  name_ = LocalName(xml_.substr(name_start, i - name_start));
  attributes_.clear();
  while (true) {
    while (i < size && IsSpace(xml_[i])) ++i;
    if (i >= size) return Fail();
    if (xml_[i] == '>') {
      pos_ = i + 1;
      return Event::kStart;
    }
    if (xml_[i] == '/') {
      if (i + 1 >= size || xml_[i + 1] != '>') return Fail();
      pos_ = i + 2;
      pending_end_ = true;
      return Event::kStart;
    }
    const std::size_t attribute_start = i;
    while (i < size && !IsNameEnd(xml_[i])) ++i;
    const std::string_view attribute = xml_.substr(attribute_start, i - attribute_start);
    while (i < size && IsSpace(xml_[i])) ++i;
    if (attribute.empty() || i >= size || xml_[i] != '=') return Fail();
    ++i;
    while (i < size && IsSpace(xml_[i])) ++i;
    if (i >= size || (xml_[i] != '"' && xml_[i] != '\'')) return Fail();
    const std::size_t close = xml_.find(xml_[i], i + 1);
    if (close == std::string_view::npos) return Fail();
    attributes_.emplace_back(attribute, xml_.substr(i + 1, close - i - 1));
    i = close + 1;
  }
}

bool XmlReader::Attribute(std::string_view local_name, std::string* value) const {
  for (const auto& [name, raw] : attributes_) {
    if (LocalName(name) == local_name) {
      value->clear();
      AppendDecoded(raw, value);
      return true;
    }
  }
  return false;
}

bool XmlReader::QualifiedAttribute(std::string_view qualified_name, std::string* value) const {
  for (const auto& [name, raw] : attributes_) {
    if (name == qualified_name) {
      value->clear();
      AppendDecoded(raw, value);
      return true;
    }
  }
  return false;
}

}  // namespace kvitka::sheets::internal
