// What an SMS adapter with delivery reports does besides sending: tell, for the message ids it
// gave back when it sent, which are delivered, which will never be (final), and which are still
// on their way. TurboSMS, SMS Club and AlphaSMS have it; the generic gateway and email do not.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "channels/http_client.h"
#include "messaging/domain/delivery_report.h"

namespace kvitka::channels {

struct StatusAnswer {
  // False when the provider could not answer (network, 5xx, 429, a refused token, an unreadable
  // body): nothing is known, ask again later.
  bool ok = false;
  std::string error;  // for the log, no secrets
  // One per id the provider named; an id it did not name is still on its way as far as we know.
  std::vector<messaging::ProviderReport> reports;

  static StatusAnswer Failed(std::string error) { return {false, std::move(error), {}}; }
};

class StatusLookup {
 public:
  virtual ~StatusLookup() = default;
  // The most ids one question may carry.
  virtual std::size_t MaxIdsPerLookup() const = 0;
  // Thread-safe; `ids` holds at most MaxIdsPerLookup() ids. Never throws for the provider's
  // trouble: it comes back as ok = false.
  virtual StatusAnswer Lookup(const std::vector<std::string>& ids) = 0;
};

// For the adapters: a failed answer for a call that got no 2xx (network, timeout, any HTTP
// status), nullopt for a 2xx. `provider` names the provider in the error.
std::optional<StatusAnswer> UnansweredLookup(const HttpResponse& response,
                                             std::string_view provider);

// ASCII upper case, for comparing the providers' status names ("Delivered", "DELIVRD").
std::string UpperAscii(std::string_view text);

}  // namespace kvitka::channels
