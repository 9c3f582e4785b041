#include "channels/testing/fake_smtp_server.h"

#include <algorithm>
#include <cctype>

namespace kvitka::channels::testing {
namespace {

std::string Verb(const std::string& line) {
  std::string verb = line.substr(0, line.find(' '));
  std::transform(verb.begin(), verb.end(), verb.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return verb;
}

std::string Argument(const std::string& line) {
  const auto space = line.find(' ');
  return space == std::string::npos ? "" : line.substr(space + 1);
}

}  // namespace

FakeSmtpServer::FakeSmtpServer() : listener_([this](Connection& c) { Handle(c); }) {}

std::string FakeSmtpServer::url() const { return "smtp://127.0.0.1:" + std::to_string(port()); }

void FakeSmtpServer::SetRecipientReply(std::string reply) {
  std::lock_guard lock(mutex_);
  recipient_reply_ = std::move(reply);
}

void FakeSmtpServer::OfferAuth(bool offer) {
  std::lock_guard lock(mutex_);
  offer_auth_ = offer;
}

std::vector<SmtpSession> FakeSmtpServer::sessions() const {
  std::lock_guard lock(mutex_);
  return sessions_;
}

void FakeSmtpServer::Update(const std::function<void(SmtpSession&)>& change) {
  std::lock_guard lock(mutex_);
  change(sessions_.back());
}

void FakeSmtpServer::Handle(Connection& connection) {
  std::string recipient_reply;
  bool offer_auth;
  {
    std::lock_guard lock(mutex_);
    sessions_.emplace_back();
    recipient_reply = recipient_reply_;
    offer_auth = offer_auth_;
  }
  connection.Write("220 fake.smtp ESMTP ready\r\n");
  std::string line;
  while (connection.ReadLine(line)) {
    const std::string verb = Verb(line);
    const std::string argument = Argument(line);
    if (verb == "EHLO" || verb == "HELO") {
      Update([&](SmtpSession& s) { s.ehlo = argument; });
      connection.Write(offer_auth ? "250-fake.smtp\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n"
                                  : "250-fake.smtp\r\n250 8BITMIME\r\n");
    } else if (verb == "AUTH") {
      std::string response = Argument(argument);  // "PLAIN <base64>" or "PLAIN"
      if (response.empty()) {
        connection.Write("334 \r\n");
        if (!connection.ReadLine(response)) return;
      }
      Update([&](SmtpSession& s) { s.auth = response; });
      connection.Write("235 2.7.0 authenticated\r\n");
    } else if (verb == "MAIL") {
      Update([&](SmtpSession& s) { s.mail_from = argument; });
      connection.Write("250 2.1.0 ok\r\n");
    } else if (verb == "RCPT") {
      Update([&](SmtpSession& s) { s.rcpt_to.push_back(argument); });
      connection.Write(recipient_reply + "\r\n");
    } else if (verb == "DATA") {
      connection.Write("354 end with <CRLF>.<CRLF>\r\n");
      std::string data;
      while (true) {
        if (!connection.ReadLine(line)) return;
        if (line == ".") break;
        if (line.starts_with(".")) line.erase(0, 1);  // dot-stuffing undone
        data += line + "\r\n";
      }
      Update([&](SmtpSession& s) { s.data = data; });
      connection.Write("250 2.0.0 queued as fake-1\r\n");
    } else if (verb == "RSET" || verb == "NOOP") {
      connection.Write("250 2.0.0 ok\r\n");
    } else if (verb == "QUIT") {
      connection.Write("221 2.0.0 bye\r\n");
      return;
    } else {
      connection.Write("502 5.5.2 command not recognized\r\n");
    }
  }
}

}  // namespace kvitka::channels::testing
