// Internal: a streaming (pull) reader for the XML parts of an .xlsx.
//
// A DOM (pugixml) costs about 16 bytes of memory per byte of a hostile `<a/><a/>...` part and
// about 400 MB for an ordinary sheet of 100,000 rows x 12 columns (both measured); this reader
// keeps nothing but the current tag. It understands what OOXML writers produce: elements with
// namespace prefixes, attributes in either quotes, the five predefined entities and character
// references, CDATA, comments, processing instructions and a DOCTYPE (skipped; its entities
// are not expanded). It does not check that tags match; callers track the elements they need.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kvitka::sheets::internal {

class XmlReader {
 public:
  enum class Event { kStart, kEnd, kText, kFinish, kError };

  // `xml` must outlive the reader.
  explicit XmlReader(std::string_view xml) : xml_(xml) {}

  // The next event. `<a/>` gives kStart then kEnd. After kFinish or kError, the same again.
  Event Next();

  // Local name (prefix stripped) of the element of the last kStart or kEnd.
  std::string_view name() const { return name_; }

  // Decoded value of an attribute of the last kStart, by local name; false when absent.
  bool Attribute(std::string_view local_name, std::string* value) const;
  // Same, by qualified name as written ("r:id").
  bool QualifiedAttribute(std::string_view qualified_name, std::string* value) const;

  // Decoded text of the last kText.
  const std::string& text() const { return text_; }

 private:
  Event StartTag();
  Event Fail();
  bool SkipPast(std::string_view terminator);

  std::string_view xml_;
  std::size_t pos_ = 0;
  bool pending_end_ = false;
  bool failed_ = false;
  std::string_view name_;
  std::vector<std::pair<std::string_view, std::string_view>> attributes_;  // raw values
  std::string text_;
};

// Local name of a possibly prefixed XML name ("x:row" -> "row").
std::string_view LocalName(std::string_view qualified_name);

// Appends XML character data with entity and character references decoded.
void AppendDecoded(std::string_view raw, std::string* out);

// Appends a code point as UTF-8 (nothing for surrogates and values past U+10FFFF).
void AppendUtf8(char32_t code_point, std::string* out);

}  // namespace kvitka::sheets::internal
