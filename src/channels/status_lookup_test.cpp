// Delivery reports of the SMS providers (StatusLookup) against the loopback fake HTTP server:
// the request each provider documents, its answer read into delivered / undelivered / still on
// its way, and its failures (which never throw and never count as a report).
#include "channels/status_lookup.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "channels/alpha_sms.h"
#include "channels/sms_club.h"
#include "channels/testing/fake_http_server.h"
#include "channels/turbo_sms.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;
using State = messaging::DeliveryState;

// The reports of an answer as "id=state" ("" for still on its way), in the order given.
std::vector<std::string> Said(const StatusAnswer& answer) {
  std::vector<std::string> out;
  for (const auto& r : answer.reports) {
    out.push_back(r.provider_id + "=" + messaging::DeliveryStateName(r.state));
  }
  return out;
}

class StatusLookupTest : public ::testing::Test {
 protected:
  TurboSms Turbo() {
    TurboSmsSettings settings;
    settings.base_url = server_.url();
    settings.token = "turbo-token";
    settings.sender = "Kvitka";
    return TurboSms(settings);
  }
  SmsClub Club() { return SmsClub({server_.url(), "club-token", "VashZakaz", 6}); }
  AlphaSms Alpha() { return AlphaSms({server_.url(), "alpha-key", "SMSTest", 0, 6}); }
  json LastBody() { return json::parse(server_.last_request().body); }

  testing::FakeHttpServer server_;
};

// ---- TurboSMS ----

TEST_F(StatusLookupTest, TurboSmsAsksByMessageIdsWithTheToken) {
  server_.EnqueueJson(200, R"({"response_code":0,"response_status":"OK","response_result":[
    {"message_id":"2d80c1c0","response_code":414,"response_status":"NOT_ALLOWED_MESSAGE_ID"},
    {"message_id":"f83f8868","response_code":0,"recipient":"380671234567",
     "sent":"2020-01-29 10:19:21","updated":"2020-01-29 10:21:32","status":"Delivered",
     "type":"sms","response_status":"OK"},
    {"message_id":"c51f4301","response_code":0,"sent":null,"status":"Queued","type":"sms"},
    {"message_id":"a1","response_code":0,"status":"Undelivered","type":"sms"},
    {"message_id":"a2","response_code":0,"status":"Read","type":"viber"}]})");
  const StatusAnswer answer = Turbo().Lookup({"2d80c1c0", "f83f8868", "c51f4301", "a1", "a2"});
  ASSERT_TRUE(answer.ok) << answer.error;
  EXPECT_EQ(Said(answer), (std::vector<std::string>{"f83f8868=delivered",
                                                    "c51f4301=", "a1=undelivered", "a2=seen"}));
  const auto request = server_.last_request();
  EXPECT_EQ(request.target, "/message/status.json");
  EXPECT_EQ(request.Header("Authorization"), "Bearer turbo-token");
  EXPECT_EQ(LastBody(),
            json::parse(R"({"messages":["2d80c1c0","f83f8868","c51f4301","a1","a2"]})"));
}

TEST_F(StatusLookupTest, TurboSmsStatusNames) {
  EXPECT_EQ(TurboSmsDeliveryState("Delivered"), State::kDelivered);
  EXPECT_EQ(TurboSmsDeliveryState("DELIVERED"), State::kDelivered);
  EXPECT_EQ(TurboSmsDeliveryState("Read"), State::kSeen);
  for (const char* final_failure : {"Expired", "Undelivered", "Rejected", "Failed", "Cancelled"}) {
    EXPECT_EQ(TurboSmsDeliveryState(final_failure), State::kUndelivered) << final_failure;
  }
  for (const char* on_its_way : {"Queued", "Accepted", "Sent", "Enroute", "Unknown", "", "New"}) {
    EXPECT_EQ(TurboSmsDeliveryState(on_its_way), State::kUnknown) << on_its_way;
  }
}

TEST_F(StatusLookupTest, TurboSmsFailuresAreNotReports) {
  server_.EnqueueJson(200, R"({"response_code":105,"response_status":"REQUIRED_AUTH"})");
  server_.EnqueueJson(503, "busy");
  server_.EnqueueJson(200, "<html>");
  for (int i = 0; i < 3; ++i) {
    const StatusAnswer answer = Turbo().Lookup({"f83f8868"});
    EXPECT_FALSE(answer.ok) << i;
    EXPECT_TRUE(answer.reports.empty());
  }
  TurboSmsSettings closed;
  closed.base_url = "http://127.0.0.1:" + std::to_string(testing::ClosedLoopbackPort());
  const StatusAnswer unreachable = TurboSms(closed).Lookup({"f83f8868"});
  EXPECT_FALSE(unreachable.ok);
  EXPECT_NE(unreachable.error.find("TurboSMS"), std::string::npos) << unreachable.error;
}

// ---- SMS Club ----

TEST_F(StatusLookupTest, SmsClubAsksByIdSmsWithTheToken) {
  server_.EnqueueJson(200, R"({"success_request":{"info":{"106":"DELIVRD","107":"ENROUTE",
    "108":"UNDELIV","109":"EXPIRED","110":"REJECTD"}}})");
  const StatusAnswer answer = Club().Lookup({"106", "107", "108", "109", "110"});
  ASSERT_TRUE(answer.ok) << answer.error;
  EXPECT_EQ(Said(answer), (std::vector<std::string>{"106=delivered", "107=", "108=undelivered",
                                                    "109=undelivered", "110=undelivered"}));
  const auto request = server_.last_request();
  EXPECT_EQ(request.target, "/sms/status");
  EXPECT_EQ(request.Header("Authorization"), "Bearer club-token");
  EXPECT_EQ(LastBody(), json::parse(R"({"id_sms":["106","107","108","109","110"]})"));
  EXPECT_EQ(Club().MaxIdsPerLookup(), 100u);
}

TEST_F(StatusLookupTest, SmsClubEmptyInfoAndFailures) {
  server_.EnqueueJson(200, R"({"success_request":{"info":[]}})");  // PHP: an empty map is []
  const StatusAnswer none = Club().Lookup({"106"});
  EXPECT_TRUE(none.ok);
  EXPECT_TRUE(none.reports.empty());
  server_.EnqueueJson(401, R"({"error":"Unauthorized"})");
  EXPECT_FALSE(Club().Lookup({"106"}).ok);
  server_.EnqueueJson(429, "{}", {{"Retry-After", "1"}});
  EXPECT_FALSE(Club().Lookup({"106"}).ok);
  server_.EnqueueJson(200, R"({"error":"something"})");
  EXPECT_FALSE(Club().Lookup({"106"}).ok);
}

// ---- AlphaSMS ----

TEST_F(StatusLookupTest, AlphaSmsAsksByMsgIdWithTheKey) {
  server_.EnqueueJson(200, R"({"success":true,"data":[
    {"success":true,"data":{"msg_id":123456789,"type":"sms","status":"DELIVERED"}},
    {"success":true,"data":{"type":"sms","status":"ENROUTE"}},
    {"success":false,"error":"Message not found"},
    {"success":true,"data":{"msg_id":123456792,"type":"viber","status":"READ"}}]})");
  const StatusAnswer answer = Alpha().Lookup({"123456789", "123456790", "123456791", "123456792"});
  ASSERT_TRUE(answer.ok) << answer.error;
  // The second result names no msg_id: it answers the second id asked.
  EXPECT_EQ(Said(answer),
            (std::vector<std::string>{"123456789=delivered", "123456790=", "123456792=seen"}));
  EXPECT_EQ(server_.last_request().target, "/api/json.php");
  EXPECT_EQ(LastBody(), json::parse(R"({"auth":"alpha-key","data":[
    {"type":"status","msg_id":123456789},{"type":"status","msg_id":123456790},
    {"type":"status","msg_id":123456791},{"type":"status","msg_id":123456792}]})"));
}

TEST_F(StatusLookupTest, AlphaSmsStatusNamesAndFailures) {
  EXPECT_EQ(AlphaSmsDeliveryState("DELIVERED"), State::kDelivered);
  EXPECT_EQ(AlphaSmsDeliveryState("Delivered"), State::kDelivered);
  EXPECT_EQ(AlphaSmsDeliveryState("READ"), State::kSeen);
  for (const char* final_failure :
       {"EXPIRED", "DELETED", "UNDELIVERABLE", "REJECTED", "DISCARDED", "NOT_SUPPORTED",
        "WRONG_ALPHANAME", "WRONG_ALPHANAME_RETURNED", "ERR_UNKNOWN"}) {
    EXPECT_EQ(AlphaSmsDeliveryState(final_failure), State::kUndelivered) << final_failure;
  }
  for (const char* on_its_way : {"SCHEDULED", "ENROUTE", "ACCEPTED", "SENDING", "UNKNOWN", ""}) {
    EXPECT_EQ(AlphaSmsDeliveryState(on_its_way), State::kUnknown) << on_its_way;
  }
  server_.EnqueueJson(200, R"({"success":false,"error":"Access denied"})");
  const StatusAnswer denied = Alpha().Lookup({"123456789"});
  EXPECT_FALSE(denied.ok);
  EXPECT_NE(denied.error.find("Access denied"), std::string::npos) << denied.error;
  server_.EnqueueJson(500, "oops");
  EXPECT_FALSE(Alpha().Lookup({"123456789"}).ok);
}

}  // namespace
}  // namespace kvitka::channels
