// An email as it travels over SMTP (RFC 5322 with MIME): UTF-8 text and HTML parts as
// multipart/alternative, base64 bodies, RFC 2047 encoded Subject and display names, Date and
// Message-ID, CRLF line ends. Pure: no I/O, no clock, no randomness (the caller passes them).
#pragma once

#include <string>
#include <string_view>

#include "core/clock.h"

namespace kvitka::channels {

struct EmailAddress {
  std::string name;     // display name, any UTF-8; may be empty
  std::string address;  // ASCII "local@domain"
};

struct MimeMessage {
  EmailAddress from;
  EmailAddress to;
  EmailAddress reply_to;  // optional (address empty: no Reply-To)
  std::string subject;
  std::string text;  // the plain-text part; LF or CRLF line ends
  std::string html;  // the HTML part; empty: a single text/plain message
  EpochSeconds date = 0;
  std::string message_id;  // without angle brackets: "3f9a...@salon.example"
};

// The whole message, headers and body, with CRLF line ends. Line breaks in the subject and names
// become spaces (no header injection).
std::string BuildMimeMessage(const MimeMessage& message);

// A header value as RFC 2047 encoded words ("=?UTF-8?B?...?=", at most 75 characters each,
// joined by a folding CRLF and space, never splitting a character) when it holds anything but
// printable ASCII; unchanged otherwise.
std::string EncodeHeaderText(std::string_view text);

// "Салон Квітка <hello@kvitka.example>" as a header value: the name encoded or quoted as needed.
std::string FormatMailbox(const EmailAddress& mailbox);

// "Tue, 03 Mar 2026 10:00:00 +0000".
std::string FormatEmailDate(EpochSeconds instant);

// Base64 in lines of 76 characters, each ended by CRLF.
std::string Base64Lines(std::string_view data);

// A plain ASCII address "local@domain": one '@', no spaces, quotes, angle brackets or control
// characters, a dot in the domain. (Enough to refuse garbage and header injection; the mail
// server has the last word.)
bool IsPlainEmailAddress(std::string_view address);

}  // namespace kvitka::channels
