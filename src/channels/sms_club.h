// SMS Club (https://smsclub.mobi/en/api, JSON API): POST {base}/sms/send with a bearer token,
// {"phone": ["380..."], "message": "...", "src_addr": "<alpha name>"}; an accepted message comes
// back as {"success_request": {"info": {"<sms id>": "<phone>"}}}, refused numbers under
// "add_info". SMS Club allows up to 9 requests a second per client. Delivery reports: POST
// {base}/sms/status {"id_sms": ["<sms id>", ...]} (at most 100) -> {"success_request": {"info":
// {"<sms id>": "DELIVRD"}}}.
#pragma once

#include <string>
#include <string_view>

#include "channels/gateway.h"
#include "channels/http_client.h"
#include "channels/status_lookup.h"

namespace kvitka::channels {

struct SmsClubSettings {
  std::string base_url = "https://im.smsclub.mobi";
  std::string token;   // from the SMS Club profile page
  std::string sender;  // src_addr: the alpha name
  int max_sms_parts = 6;
};

class SmsClub final : public Gateway, public StatusLookup {
 public:
  explicit SmsClub(SmsClubSettings settings, HttpClientOptions http = {});

  // `to` is an E.164 phone. The phone among "info" -> kSent with its SMS id; under "add_info" or
  // missing -> kRejected with SMS Club's reason; HTTP 400/401/403/422 and other 4xx -> kRejected;
  // 429, 5xx and network -> kRetry.
  Delivery Send(const Outgoing& message) override;

  std::size_t MaxIdsPerLookup() const override { return 100; }  // SMS Club's limit
  // Each id under "info" is a report by its status (SmsClubDeliveryState); HTTP errors, network
  // and an answer without "success_request" -> failed.
  StatusAnswer Lookup(const std::vector<std::string>& ids) override;

 private:
  SmsClubSettings settings_;
  HttpClient http_;
};

// An SMS Club status (SMPP names): "DELIVRD" -> delivered; "EXPIRED", "UNDELIV", "REJECTD",
// "DELETED" -> undelivered (final); "ENROUTE", "ACCEPTD", "UNKNOWN" and anything else -> still
// on its way. Any case.
messaging::DeliveryState SmsClubDeliveryState(std::string_view status);

}  // namespace kvitka::channels
