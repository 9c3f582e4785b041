#include "channels/delivery_rules.h"

#include <algorithm>
#include <cctype>

#include "messaging/domain/sms_text.h"

namespace kvitka::channels {

const char* OutcomeName(Delivery::Outcome outcome) {
  switch (outcome) {
    case Delivery::Outcome::kSent:
      return "sent";
    case Delivery::Outcome::kRetry:
      return "retry";
    case Delivery::Outcome::kRejected:
      return "rejected";
  }
  return "rejected";
}

std::optional<Delivery> RetryableFailure(const HttpResponse& response, std::string_view provider) {
  const std::string name(provider);
  if (response.status == 0) {
    return Delivery::Retry(name + ": " + (response.timed_out ? "timeout: " : "") + response.error);
  }
  if (response.status == 429) {
    EpochSeconds wait = 0;
    if (const std::string* header = response.Header("Retry-After")) {
      wait = ParseRetryAfter(*header, SystemClock().Now()).value_or(0);
    }
    return Delivery::Retry(name + ": HTTP 429 too many requests", wait);
  }
  if (response.status == 408 || response.status >= 500) {
    return Delivery::Retry(name + ": HTTP " + std::to_string(response.status) + " " +
                           Snippet(response.body, 120));
  }
  return std::nullopt;
}

std::string Snippet(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes) {
    std::size_t cut = max_bytes;
    // Back off continuation bytes so that a multi-byte character is not split.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Redact(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  for (std::size_t at = text.find(secret); at != std::string::npos;
       at = text.find(secret, at + 3)) {
    text.replace(at, secret.size(), "***");
  }
  return text;
}

std::optional<std::string> PhoneDigits(std::string_view e164) {
  if (e164.size() < 9 || e164.size() > 16 || e164.front() != '+') return std::nullopt;
  const std::string_view digits = e164.substr(1);
  if (!std::all_of(digits.begin(), digits.end(),
                   [](unsigned char c) { return std::isdigit(c) != 0; }) ||
      digits.front() == '0') {
    return std::nullopt;
  }
  return std::string(digits);
}

std::optional<std::string> SmsTextProblem(std::string_view text, int max_parts) {
  const auto size = messaging::MeasureSms(text);
  if (size.parts == 0) return "empty text";
  if (max_parts > 0 && size.parts > max_parts) {
    return "the text needs " + std::to_string(size.parts) + " SMS parts (" +
           messaging::SmsEncodingName(size.encoding) + "), more than the " +
           std::to_string(max_parts) + " allowed";
  }
  return std::nullopt;
}

}  // namespace kvitka::channels
