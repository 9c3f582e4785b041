// SMS Club (https://smsclub.mobi/en/api, JSON API): POST {base}/sms/send with a bearer token,
// {"phone": ["380..."], "message": "...", "src_addr": "<alpha name>"}; an accepted message comes
// back as {"success_request": {"info": {"<sms id>": "<phone>"}}}, refused numbers under
// "add_info". SMS Club allows up to 9 requests a second per client.
#pragma once

#include <string>

#include "channels/gateway.h"
#include "channels/http_client.h"

namespace kvitka::channels {

struct SmsClubSettings {
  std::string base_url = "https://im.smsclub.mobi";
  std::string token;   // from the SMS Club profile page
  std::string sender;  // src_addr: the alpha name
  int max_sms_parts = 6;
};

class SmsClub final : public Gateway {
 public:
  explicit SmsClub(SmsClubSettings settings, HttpClientOptions http = {});

  // `to` is an E.164 phone. The phone among "info" -> kSent with its SMS id; under "add_info" or
  // missing -> kRejected with SMS Club's reason; HTTP 400/401/403/422 and other 4xx -> kRejected;
  // 429, 5xx and network -> kRetry.
  Delivery Send(const Outgoing& message) override;

 private:
  SmsClubSettings settings_;
  HttpClient http_;
};

}  // namespace kvitka::channels
