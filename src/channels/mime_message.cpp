#include "channels/mime_message.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <vector>

namespace kvitka::channels {
namespace {

// 36 bytes are 48 base64 characters, 60 with "=?UTF-8?B?" and "?=": with "Subject: " or
// "Reply-To: " in front a line stays within the 76 characters RFC 2047 allows.
constexpr std::size_t kEncodedWordBytes = 36;
constexpr std::size_t kMaxLine = 76;
constexpr std::size_t kLongestHeaderName = 10;  // "Reply-To: "

std::string Base64(std::string_view data) {
  std::vector<unsigned char> out(4 * ((data.size() + 2) / 3) + 1);
  const int length =
      EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char*>(data.data()),
                      static_cast<int>(data.size()));
  return std::string(reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(length));
}

std::string OneLine(std::string_view text) {
  std::string out(text);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\r' || c == '\n' || c == '\t'; }, ' ');
  return out;
}

bool PrintableAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return c >= 0x20 && c < 0x7F; });
}

// Text with every line ended by CRLF (the canonical form of text/* before base64).
std::string CrlfLines(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

// A boundary that cannot occur in base64 bodies ('_' and '=' together never do).
std::string Boundary(std::string_view message_id) {
  std::string tail;
  for (const char c : message_id) {
    if (std::isalnum(static_cast<unsigned char>(c))) tail += c;
    if (tail.size() == 16) break;
  }
  return "=_kvitka_" + tail;
}

void Part(std::string& out, std::string_view boundary, std::string_view type,
          std::string_view body) {
  out += "--";
  out += boundary;
  out += "\r\nContent-Type: ";
  out += type;
  out += "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  out += Base64Lines(CrlfLines(body));
}

}  // namespace

std::string Base64Lines(std::string_view data) {
  const std::string encoded = Base64(data);
  std::string out;
  out.reserve(encoded.size() + encoded.size() / 38 + 2);
  for (std::size_t at = 0; at < encoded.size(); at += 76) {
    out.append(encoded, at, 76);
    out += "\r\n";
  }
  return out;
}

std::string EncodeHeaderText(std::string_view text) {
  if (PrintableAscii(text)) return std::string(text);
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = std::min(text.size(), at + kEncodedWordBytes);
    // Do not cut a UTF-8 character: back off while the next byte continues one.
    while (end < text.size() && end > at + 1 &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

std::string FormatMailbox(const EmailAddress& mailbox) {
  const std::string name = OneLine(mailbox.name);
  if (name.empty()) return mailbox.address;
  std::string phrase;
  if (!PrintableAscii(name)) {
    phrase = EncodeHeaderText(name);
  } else {
    phrase = "\"";
    for (const char c : name) {
      if (c == '"' || c == '\\') phrase += '\\';
      phrase += c;
    }
    phrase += '"';
  }
  // The address goes on a folded line of its own when the last line of the name is long.
  const auto fold = phrase.rfind("\r\n ");
  const std::size_t last_line =
      fold == std::string::npos ? phrase.size() : phrase.size() - fold - 2;
  const bool too_long = kLongestHeaderName + last_line + 3 + mailbox.address.size() > kMaxLine;
  return phrase + (too_long ? "\r\n <" : " <") + mailbox.address + ">";
}

std::string FormatEmailDate(EpochSeconds instant) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t t = static_cast<std::time_t>(instant);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[40];
  std::snprintf(out, sizeof(out), "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return out;
}

bool IsPlainEmailAddress(std::string_view address) {
  if (address.size() < 3 || address.size() > 254) return false;
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 ||
      address.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = address.substr(at + 1);
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.') {
    return false;
  }
  return std::all_of(address.begin(), address.end(), [](unsigned char c) {
    return c > 0x20 && c < 0x7F && c != '<' && c != '>' && c != '"' && c != '(' && c != ')' &&
           c != ',' && c != ';' && c != '\\' && c != '[' && c != ']';
  });
}

std::string BuildMimeMessage(const MimeMessage& message) {
  std::string out;
  out += "Date: " + FormatEmailDate(message.date) + "\r\n";
  out += "From: " + FormatMailbox(message.from) + "\r\n";
  out += "To: " + FormatMailbox(message.to) + "\r\n";
  if (!message.reply_to.address.empty()) {
    out += "Reply-To: " + FormatMailbox(message.reply_to) + "\r\n";
  }
  out += "Subject: " + EncodeHeaderText(OneLine(message.subject)) + "\r\n";
  out += "Message-ID: <" + OneLine(message.message_id) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  if (message.html.empty()) {
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    out += Base64Lines(CrlfLines(message.text));
    return out;
  }
  const std::string boundary = Boundary(message.message_id);
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  Part(out, boundary, "text/plain", message.text);  // the last part is the preferred one
  Part(out, boundary, "text/html", message.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace kvitka::channels
