#include "channels/smtp_email.h"

#include <gtest/gtest.h>

#include "channels/testing/fake_smtp_server.h"
#include "channels/testing/mime_reader.h"
#include "core/secret.h"

namespace kvitka::channels {
namespace {

using Outcome = Delivery::Outcome;
using testing::DecodeBase64;
using testing::HeaderValue;
using testing::SplitEntity;

class SmtpEmailTest : public ::testing::Test {
 protected:
  void SetUp() override { InitSecrets(); }

  SmtpSettings Settings() {
    SmtpSettings settings;
    settings.url = server_.url();
    settings.starttls = false;  // the fake speaks no TLS
    settings.from_address = "hello@kvitka.example";
    settings.from_name = "Салон Квітка";
    settings.timeouts.total_timeout = std::chrono::milliseconds(5000);
    return settings;
  }

  testing::FakeSmtpServer server_;
};

Outgoing Email() {
  Outgoing message;
  message.channel = messaging::Channel::kEmail;
  message.to = "olena@example.com";
  message.subject = "Запис підтверджено";
  message.text = "Чекаємо вас 18 липня о 10:00.\n.\n..крапки на початку рядка";
  message.html = "<p>Чекаємо вас <b>18 липня</b> о 10:00.</p>";
  return message;
}

TEST_F(SmtpEmailTest, SendsAMimeMessageToTheRecipient) {
  const Delivery delivery = SmtpEmail(Settings()).Send(Email());
  ASSERT_EQ(delivery.outcome, Outcome::kSent) << delivery.error;
  EXPECT_TRUE(delivery.provider_id.starts_with("<")) << delivery.provider_id;
  EXPECT_TRUE(delivery.provider_id.ends_with("@kvitka.example>")) << delivery.provider_id;

  const auto sessions = server_.sessions();
  ASSERT_EQ(sessions.size(), 1u);
  const auto& session = sessions[0];
  EXPECT_TRUE(session.mail_from.starts_with("FROM:<hello@kvitka.example>")) << session.mail_from;
  ASSERT_EQ(session.rcpt_to.size(), 1u);
  EXPECT_EQ(session.rcpt_to[0], "TO:<olena@example.com>");
  EXPECT_EQ(session.auth, "");  // no login configured

  const auto entity = SplitEntity(session.data);
  EXPECT_EQ(HeaderValue(entity.headers, "To"), "olena@example.com");
  EXPECT_EQ(HeaderValue(entity.headers, "Message-ID"), delivery.provider_id);
  EXPECT_EQ(HeaderValue(entity.headers, "Subject"),
            "=?UTF-8?B?0JfQsNC/0LjRgSDQv9GW0LTRgtCy0LXRgNC00LbQtdC90L4=?=");
  EXPECT_TRUE(HeaderValue(entity.headers, "Content-Type").starts_with("multipart/alternative"));
  EXPECT_FALSE(HeaderValue(entity.headers, "Date").empty());
  // The text part arrives whole, lines starting with dots included.
  const std::string boundary = "--=_kvitka_";
  const auto text_part = session.data.find("Content-Type: text/plain");
  ASSERT_NE(text_part, std::string::npos);
  const auto body_start = session.data.find("\r\n\r\n", text_part) + 4;
  const auto body_end = session.data.find(boundary, body_start);
  EXPECT_EQ(DecodeBase64(session.data.substr(body_start, body_end - body_start)),
            "Чекаємо вас 18 липня о 10:00.\r\n.\r\n..крапки на початку рядка");
}

TEST_F(SmtpEmailTest, AMessageWithAKeyKeepsItsMessageIdOnEveryAttempt) {
  Outgoing message = Email();
  message.key = "kvitka-2-15-email";
  const Delivery first = SmtpEmail(Settings()).Send(message);
  const Delivery again = SmtpEmail(Settings()).Send(message);
  ASSERT_EQ(first.outcome, Outcome::kSent) << first.error;
  EXPECT_EQ(first.provider_id, "<kvitka-2-15-email@kvitka.example>");
  EXPECT_EQ(again.provider_id, first.provider_id);
  EXPECT_NE(SmtpEmail(Settings()).Send(Email()).provider_id, first.provider_id);
}

TEST_F(SmtpEmailTest, LogsInWhenConfigured) {
  SmtpSettings settings = Settings();
  settings.username = "mailer";
  settings.password = "p4ss";
  ASSERT_EQ(SmtpEmail(settings).Send(Email()).outcome, Outcome::kSent);
  ASSERT_EQ(server_.sessions().size(), 1u);
  EXPECT_EQ(DecodeBase64(server_.sessions()[0].auth), std::string("\0mailer\0p4ss", 12));
}

TEST_F(SmtpEmailTest, AnUnknownRecipientIsRejected) {
  server_.SetRecipientReply("550 5.1.1 no such user");
  const Delivery delivery = SmtpEmail(Settings()).Send(Email());
  EXPECT_EQ(delivery.outcome, Outcome::kRejected);
  EXPECT_NE(delivery.error.find("550"), std::string::npos) << delivery.error;
}

TEST_F(SmtpEmailTest, ATemporaryRefusalIsRetried) {
  server_.SetRecipientReply("451 4.7.1 greylisted, try again later");
  const Delivery delivery = SmtpEmail(Settings()).Send(Email());
  EXPECT_EQ(delivery.outcome, Outcome::kRetry);
  EXPECT_NE(delivery.error.find("451"), std::string::npos) << delivery.error;
}

TEST_F(SmtpEmailTest, RequiredStarttlsThatTheServerLacksIsRejected) {
  SmtpSettings settings = Settings();
  settings.starttls = true;
  settings.username = "mailer";
  settings.password = "p4ss-secret";
  const Delivery delivery = SmtpEmail(settings).Send(Email());
  EXPECT_EQ(delivery.outcome, Outcome::kRejected);
  EXPECT_EQ(delivery.error.find("p4ss-secret"), std::string::npos);
  ASSERT_EQ(server_.sessions().size(), 1u);
  EXPECT_EQ(server_.sessions()[0].auth, "");  // the password never went out in the clear
  EXPECT_EQ(server_.sessions()[0].data, "");
}

TEST_F(SmtpEmailTest, NetworkFailureIsRetried) {
  SmtpSettings settings = Settings();
  settings.url = "smtp://127.0.0.1:" + std::to_string(testing::ClosedLoopbackPort());
  EXPECT_EQ(SmtpEmail(settings).Send(Email()).outcome, Outcome::kRetry);
}

TEST_F(SmtpEmailTest, BadAddressesAreRejectedWithoutConnecting) {
  Outgoing message = Email();
  message.to = "olena@example.com>\r\nRCPT TO:<spam@example.com";
  EXPECT_EQ(SmtpEmail(Settings()).Send(message).outcome, Outcome::kRejected);
  SmtpSettings settings = Settings();
  settings.from_address = "not an address";
  EXPECT_EQ(SmtpEmail(settings).Send(Email()).outcome, Outcome::kRejected);
  EXPECT_TRUE(server_.sessions().empty());
}

}  // namespace
}  // namespace kvitka::channels
