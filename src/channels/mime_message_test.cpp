#include "channels/mime_message.h"

#include <gtest/gtest.h>

#include "channels/testing/mime_reader.h"

namespace kvitka::channels {
namespace {

using testing::DecodeBase64;
using testing::HeaderValue;
using testing::SplitEntity;
using testing::SplitMultipart;

MimeMessage Confirmation() {
  MimeMessage message;
  message.from = {"Салон «Квітка»", "hello@kvitka.example"};
  message.to = {"", "olena@example.com"};
  message.subject = "Ваш запис підтверджено: манікюр, 18 липня о 10:00";
  message.text = "Добрий день, Олено!\nЧекаємо вас завтра о 10:00.\n.\nКвітка";
  message.html = "<p>Добрий день, <b>Олено</b>!</p>\n<p>Чекаємо вас.</p>";
  message.date = 1784376000;  // 2026-07-18T12:00:00Z
  message.message_id = "Ab3dE_f9-xyz@kvitka.example";
  return message;
}

// Decodes "=?UTF-8?B?...?=" words (separated by folding) back to text.
std::string DecodeWords(std::string_view value) {
  std::string out;
  std::size_t at = 0;
  while ((at = value.find("=?UTF-8?B?", at)) != std::string_view::npos) {
    at += 10;
    const auto end = value.find("?=", at);
    out += DecodeBase64(value.substr(at, end - at));
    at = end + 2;
  }
  return out;
}

TEST(ChannelsMime, HeadersOfAnAlternativeMessage) {
  const std::string raw = BuildMimeMessage(Confirmation());
  const auto entity = SplitEntity(raw);
  EXPECT_EQ(HeaderValue(entity.headers, "Date"), "Sat, 18 Jul 2026 12:00:00 +0000");
  EXPECT_EQ(HeaderValue(entity.headers, "To"), "olena@example.com");
  EXPECT_EQ(HeaderValue(entity.headers, "Message-ID"), "<Ab3dE_f9-xyz@kvitka.example>");
  EXPECT_EQ(HeaderValue(entity.headers, "MIME-Version"), "1.0");
  EXPECT_EQ(HeaderValue(entity.headers, "Content-Type"),
            "multipart/alternative; boundary=\"=_kvitka_Ab3dEf9xyzkvitka\"");
  EXPECT_EQ(DecodeWords(HeaderValue(entity.headers, "Subject")), Confirmation().subject);
  const std::string from = HeaderValue(entity.headers, "From");
  EXPECT_TRUE(from.ends_with("<hello@kvitka.example>")) << from;
  EXPECT_EQ(DecodeWords(from), "Салон «Квітка»");
}

TEST(ChannelsMime, BothPartsAreUtf8Base64WithCrlf) {
  const std::string raw = BuildMimeMessage(Confirmation());
  const auto entity = SplitEntity(raw);
  const auto parts = SplitMultipart(entity.body, "=_kvitka_Ab3dEf9xyzkvitka");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(HeaderValue(parts[0].headers, "Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(HeaderValue(parts[0].headers, "Content-Transfer-Encoding"), "base64");
  EXPECT_EQ(DecodeBase64(parts[0].body),
            "Добрий день, Олено!\r\nЧекаємо вас завтра о 10:00.\r\n.\r\nКвітка");
  EXPECT_EQ(HeaderValue(parts[1].headers, "Content-Type"), "text/html; charset=UTF-8");
  EXPECT_EQ(DecodeBase64(parts[1].body),
            "<p>Добрий день, <b>Олено</b>!</p>\r\n<p>Чекаємо вас.</p>");
  EXPECT_TRUE(raw.ends_with("--=_kvitka_Ab3dEf9xyzkvitka--\r\n"));
}

TEST(ChannelsMime, EveryLineEndsInCrlfAndStaysShort) {
  const std::string raw = BuildMimeMessage(Confirmation());
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\n') continue;
    ASSERT_GT(i, 0u);
    EXPECT_EQ(raw[i - 1], '\r') << "bare LF at " << i;
    EXPECT_LE(i - 1 - line_start, 76u) << raw.substr(line_start, i - line_start);
    line_start = i + 1;
  }
}

TEST(ChannelsMime, TextOnlyIsASinglePart) {
  MimeMessage message = Confirmation();
  message.html.clear();
  const auto entity = SplitEntity(BuildMimeMessage(message));
  EXPECT_EQ(HeaderValue(entity.headers, "Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(DecodeBase64(entity.body),
            "Добрий день, Олено!\r\nЧекаємо вас завтра о 10:00.\r\n.\r\nКвітка");
}

TEST(ChannelsMime, EncodedWordsStayShortAndKeepCharactersWhole) {
  std::string subject;
  for (int i = 0; i < 60; ++i) subject += "ї";  // 120 bytes: several words
  const std::string encoded = EncodeHeaderText(subject);
  std::size_t words = 0;
  std::size_t at = 0;
  while (at < encoded.size()) {
    const auto end = encoded.find("\r\n ", at);
    const std::string word = encoded.substr(at, end == std::string::npos ? end : end - at);
    EXPECT_LE(word.size(), 75u);
    // Each word decodes on its own to whole characters.
    const std::string text = DecodeBase64(word.substr(10, word.size() - 12));
    EXPECT_EQ(text.size() % 2, 0u) << word;
    ++words;
    at = end == std::string::npos ? encoded.size() : end + 3;
  }
  EXPECT_GE(words, 3u);
  EXPECT_EQ(DecodeWords(encoded), subject);
  EXPECT_EQ(EncodeHeaderText("Plain ASCII subject"), "Plain ASCII subject");
}

TEST(ChannelsMime, NoHeaderInjection) {
  MimeMessage message = Confirmation();
  message.subject = "Hi\r\nBcc: victim@example.com";
  message.from.name = "Salon\r\nBcc: x@example.com";
  const auto entity = SplitEntity(BuildMimeMessage(message));
  EXPECT_EQ(HeaderValue(entity.headers, "Bcc"), "");
  EXPECT_EQ(HeaderValue(entity.headers, "Subject"), "Hi  Bcc: victim@example.com");
  EXPECT_EQ(HeaderValue(entity.headers, "From"),
            "\"Salon  Bcc: x@example.com\" <hello@kvitka.example>");
}

TEST(ChannelsMime, Mailboxes) {
  EXPECT_EQ(FormatMailbox({"", "a@b.example"}), "a@b.example");
  EXPECT_EQ(FormatMailbox({"Kvitka Salon", "a@b.example"}), "\"Kvitka Salon\" <a@b.example>");
  EXPECT_EQ(FormatMailbox({"Say \"hi\"", "a@b.example"}), "\"Say \\\"hi\\\"\" <a@b.example>");
  EXPECT_EQ(FormatMailbox({"Квітка", "a@b.example"}), "=?UTF-8?B?0JrQstGW0YLQutCw?= <a@b.example>");
}

TEST(ChannelsMime, ReplyToWhenGiven) {
  MimeMessage message = Confirmation();
  message.reply_to = {"", "admin@kvitka.example"};
  EXPECT_EQ(HeaderValue(SplitEntity(BuildMimeMessage(message)).headers, "Reply-To"),
            "admin@kvitka.example");
  EXPECT_EQ(HeaderValue(SplitEntity(BuildMimeMessage(Confirmation())).headers, "Reply-To"), "");
}

TEST(ChannelsMime, Dates) {
  EXPECT_EQ(FormatEmailDate(0), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(FormatEmailDate(1772532000), "Tue, 03 Mar 2026 10:00:00 +0000");
}

TEST(ChannelsMime, Base64LinesAre76Wide) {
  const std::string lines = Base64Lines(std::string(100, 'a'));
  EXPECT_EQ(lines.find("\r\n"), 76u);
  EXPECT_EQ(DecodeBase64(lines), std::string(100, 'a'));
  EXPECT_EQ(Base64Lines(""), "");
}

TEST(ChannelsMime, PlainEmailAddresses) {
  EXPECT_TRUE(IsPlainEmailAddress("olena.k+salon@example.com.ua"));
  EXPECT_FALSE(IsPlainEmailAddress("olena@localhost"));
  EXPECT_FALSE(IsPlainEmailAddress("two@@example.com"));
  EXPECT_FALSE(IsPlainEmailAddress("a b@example.com"));
  EXPECT_FALSE(IsPlainEmailAddress("a@example.com>\r\nRCPT TO:<b@example.com"));
  EXPECT_FALSE(IsPlainEmailAddress("<a@example.com>"));
  EXPECT_FALSE(IsPlainEmailAddress("олена@example.com"));
  EXPECT_FALSE(IsPlainEmailAddress("@example.com"));
  EXPECT_FALSE(IsPlainEmailAddress(""));
}

}  // namespace
}  // namespace kvitka::channels
