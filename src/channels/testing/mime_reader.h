// Reading back the MIME messages Kvitka writes, for tests: headers, parts, base64 bodies.
#pragma once

#include <openssl/evp.h>

#include <string>
#include <string_view>
#include <vector>

namespace kvitka::channels::testing {

inline std::string DecodeBase64(std::string_view text) {
  std::string clean;
  for (const char c : text) {
    if (c != '\r' && c != '\n') clean += c;
  }
  std::string out(clean.size() / 4 * 3 + 3, '\0');
  const int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                     reinterpret_cast<const unsigned char*>(clean.data()),
                                     static_cast<int>(clean.size()));
  if (length < 0) return "<invalid base64>";
  std::size_t padding = 0;
  while (padding < clean.size() && clean[clean.size() - 1 - padding] == '=') ++padding;
  out.resize(static_cast<std::size_t>(length) - padding);
  return out;
}

struct MimePart {
  std::string headers;  // CRLF-separated, unfolded lines kept as sent
  std::string body;
};

// Headers and body of an entity (split at the first empty line).
inline MimePart SplitEntity(std::string_view entity) {
  const auto end = entity.find("\r\n\r\n");
  if (end == std::string_view::npos) return {std::string(entity), ""};
  return {std::string(entity.substr(0, end + 2)), std::string(entity.substr(end + 4))};
}

// The value of a header (first line only; folded continuation lines appended without the fold).
inline std::string HeaderValue(std::string_view headers, std::string_view name) {
  const std::string prefix = std::string(name) + ": ";
  std::size_t at = headers.starts_with(prefix) ? 0 : headers.find("\r\n" + prefix);
  if (at == std::string_view::npos) return "";
  if (at != 0) at += 2;
  std::string value;
  std::size_t line_start = at + prefix.size();
  while (true) {
    const auto line_end = headers.find("\r\n", line_start);
    value += std::string(headers.substr(line_start, line_end - line_start));
    if (line_end == std::string_view::npos || line_end + 2 >= headers.size() ||
        headers[line_end + 2] != ' ') {
      break;
    }
    line_start = line_end + 3;  // a folded line: CRLF and one space
  }
  return value;
}

// The parts of a multipart body with the given boundary.
inline std::vector<MimePart> SplitMultipart(std::string_view body, std::string_view boundary) {
  std::vector<MimePart> parts;
  const std::string delimiter = "--" + std::string(boundary);
  std::size_t at = body.find(delimiter);
  while (at != std::string_view::npos) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") break;  // the closing delimiter
    at += 2;                                // CRLF after the delimiter
    const std::size_t next = body.find("\r\n" + delimiter, at);
    if (next == std::string_view::npos) break;
    parts.push_back(SplitEntity(body.substr(at, next + 2 - at)));
    at = next + 2;
  }
  return parts;
}

}  // namespace kvitka::channels::testing
