// Rules every adapter shares: what a failed HTTP call means for a message, how phones travel to
// SMS gateways, when a text is too long for SMS, and how a provider's answer is quoted in the
// message log without secrets.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "channels/gateway.h"
#include "channels/http_client.h"

namespace kvitka::channels {

// The answer for failures that mean the same at every provider: no response (network, timeout),
// 429 (waiting as Retry-After says), 408 and 5xx: try again later. nullopt for any other status,
// which the adapter reads itself. `provider` names the provider in the error text.
std::optional<Delivery> RetryableFailure(const HttpResponse& response, std::string_view provider);

// The start of a provider's answer for the message log: at most `max_bytes`, cut on a UTF-8
// boundary, control characters as spaces.
std::string Snippet(std::string_view text, std::size_t max_bytes = 200);

// `text` with every occurrence of `secret` replaced by "***" (nothing when the secret is empty).
std::string Redact(std::string text, std::string_view secret);

// The digits of an E.164 phone ("+380671234567" -> "380671234567"), as SMS gateways take it;
// nullopt unless it is '+' and 8 to 15 digits.
std::optional<std::string> PhoneDigits(std::string_view e164);

// Why a text cannot go as an SMS: empty, or more parts than `max_parts` (0: no limit).
// nullopt when it can.
std::optional<std::string> SmsTextProblem(std::string_view text, int max_parts);

}  // namespace kvitka::channels
