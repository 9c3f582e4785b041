// Email over SMTP (libcurl): a MIME message with a text and, when given, an HTML part, sent to
// one recipient. smtp://host:587 with STARTTLS required by default, or smtps://host:465.
#pragma once

#include <string>

#include "channels/gateway.h"
#include "channels/http_client.h"

namespace kvitka::channels {

struct SmtpSettings {
  std::string url;       // "smtp://mail.example:587" or "smtps://mail.example:465"
  bool starttls = true;  // smtp:// only: refuse to send unless the server upgrades to TLS
  std::string username;  // empty: no AUTH
  std::string password;
  std::string from_address;  // the envelope sender and From
  std::string from_name;     // the salon's name shown as the sender
  std::string reply_to;      // optional Reply-To address
  HttpClientOptions timeouts{std::chrono::milliseconds(5000), std::chrono::milliseconds(30000)};
};

class SmtpEmail final : public Gateway {
 public:
  explicit SmtpEmail(SmtpSettings settings);

  // `to` is an email address; subject, text and html as in Outgoing. kSent with the Message-ID;
  // a 5xx reply (unknown recipient, refused login, refused message) and a server without STARTTLS
  // when it is required -> kRejected; 4xx replies, network and timeouts -> kRetry.
  Delivery Send(const Outgoing& message) override;

 private:
  SmtpSettings settings_;
};

}  // namespace kvitka::channels
