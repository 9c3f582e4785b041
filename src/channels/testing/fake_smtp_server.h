// A minimal SMTP responder for tests (greeting, EHLO, AUTH PLAIN, MAIL FROM, RCPT TO, DATA, QUIT)
// that records what each session sent. Test code only; the end-to-end tests use a real server.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "channels/testing/fake_http_server.h"

namespace kvitka::channels::testing {

struct SmtpSession {
  std::string ehlo;       // the client's name
  std::string auth;       // the AUTH PLAIN response as sent (base64)
  std::string mail_from;  // the MAIL FROM argument as sent ("<a@b> SIZE=...")
  std::vector<std::string> rcpt_to;
  std::string data;  // the message with dot-stuffing undone, CRLF line ends, without the final "."
};

class FakeSmtpServer {
 public:
  FakeSmtpServer();

  std::string url() const;  // "smtp://127.0.0.1:<port>"
  int port() const { return listener_.port(); }

  // What the server answers to RCPT TO ("250 2.1.5 ok" unless changed), e.g. "550 5.1.1 unknown".
  void SetRecipientReply(std::string reply);
  // Whether EHLO offers AUTH PLAIN (it does unless changed).
  void OfferAuth(bool offer);

  std::vector<SmtpSession> sessions() const;

 private:
  void Handle(Connection& connection);
  void Update(const std::function<void(SmtpSession&)>& change);

  mutable std::mutex mutex_;
  std::vector<SmtpSession> sessions_;
  std::string recipient_reply_ = "250 2.1.5 ok";
  bool offer_auth_ = true;
  LoopbackListener listener_;  // last: starts after the state above exists, stops first
};

}  // namespace kvitka::channels::testing
