#include "channels/smtp_email.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "channels/delivery_rules.h"
#include "channels/mime_message.h"
#include "core/secret.h"

namespace kvitka::channels {
namespace {

constexpr std::string_view kProvider = "SMTP";

struct Upload {
  std::string_view data;
  std::size_t at = 0;
};

std::size_t ReadUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = upload->data.size() - upload->at;
  const std::size_t n = std::min(room, left);
  std::memcpy(buffer, upload->data.data() + upload->at, n);
  upload->at += n;
  return n;
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

Delivery Failure(CURLcode code, long reply, const std::string& detail) {
  const std::string error = std::string(kProvider) + ": " +
                            (reply > 0 ? std::to_string(reply) + " " : std::string()) + detail;
  if (reply >= 500) return Delivery::Rejected(error);  // unknown user, refused login or message
  if (reply >= 400) return Delivery::Retry(error);     // mailbox busy, greylisting, try later
  switch (code) {
    case CURLE_LOGIN_DENIED:
    case CURLE_USE_SSL_FAILED:  // STARTTLS required but not offered
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_REMOTE_ACCESS_DENIED:
      return Delivery::Rejected(error);
    default:  // connect, resolve, timeout, send or receive trouble
      return Delivery::Retry(error);
  }
}

}  // namespace

SmtpEmail::SmtpEmail(SmtpSettings settings) : settings_(std::move(settings)) { InitCurlOnce(); }

Delivery SmtpEmail::Send(const Outgoing& message) {
  if (!IsPlainEmailAddress(message.to)) {
    return Delivery::Rejected("SMTP: not an email address: " + Snippet(message.to, 64));
  }
  if (!IsPlainEmailAddress(settings_.from_address)) {
    return Delivery::Rejected("SMTP settings: the sender address is not an email address");
  }
  if (message.text.empty() && message.html.empty())
    return Delivery::Rejected("SMTP: empty message");

  MimeMessage mime;
  mime.from = {settings_.from_name, settings_.from_address};
  mime.to = {"", message.to};
  if (IsPlainEmailAddress(settings_.reply_to)) mime.reply_to = {"", settings_.reply_to};
  mime.subject = message.subject;
  mime.text = message.text;
  mime.html = message.html;
  mime.date = SystemClock().Now();
  // A message sent again after a crash keeps its Message-ID: mail systems show it once.
  mime.message_id = (message.key.empty() ? RandomToken(16) : message.key) +
                    settings_.from_address.substr(settings_.from_address.find('@'));
  const std::string data = BuildMimeMessage(mime);

  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Delivery::Retry("SMTP: could not start a call");
  CURL* h = curl.get();
  Upload upload{data, 0};
  char error_buffer[CURL_ERROR_SIZE] = {0};
  const std::string from = "<" + settings_.from_address + ">";
  const std::string to = "<" + message.to + ">";
  std::unique_ptr<curl_slist, SlistDeleter> recipients(curl_slist_append(nullptr, to.c_str()));

  curl_easy_setopt(h, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(settings_.timeouts.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(settings_.timeouts.total_timeout.count()));
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  if (settings_.starttls && settings_.url.starts_with("smtp://")) {
    curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  }
  if (!settings_.username.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(h, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(data.size()));

  const CURLcode code = curl_easy_perform(h);
  if (code == CURLE_OK) return Delivery::Sent("<" + mime.message_id + ">");
  long reply = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
  const std::string detail = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
  Delivery failure = Failure(code, reply, Snippet(detail, 160));
  failure.error = Redact(std::move(failure.error), settings_.password);
  return failure;
}

}  // namespace kvitka::channels
