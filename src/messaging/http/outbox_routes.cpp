// Messaging rules, the outbox, and a client's messages and channels.
#include "core/time.h"
#include "identity/http/session_authenticator.h"
#include "messaging/http/messaging_json.h"
#include "messaging/http/messaging_routes.h"
#include "platform/http/json_body.h"
#include "platform/http/problem.h"

namespace kvitka::messaging {

using http::Access;
using http::Json;
using http::JsonBody;
using http::Request;
using http::Response;
using identity::ActorOf;

namespace {

Response PageResponse(const MessagePage& page, bool with_client) {
  Json items = Json::array();
  for (const auto& entry : page.items) items.push_back(MessageEntryJson(entry, with_client));
  return Response::Json(
      200, http::Dump({{"items", items},
                       {"next_cursor", page.next_until ? Json(http::EncodeCursor(*page.next_until))
                                                       : Json(nullptr)}}));
}

// ?status=&kind=&channel=&recipient= of the outbox list.
Result<OutboxFilter, Response> ParseFilter(const Request& req) {
  OutboxFilter filter;
  FieldErrors errors;
  if (auto status = req.Query("status"); status && !status->empty()) {
    filter.status = ParseOutboxStatus(*status);
    if (!filter.status) errors.push_back({"status", "invalid_value"});
  }
  if (auto kind = req.Query("kind"); kind && !kind->empty()) {
    filter.kind = ParseMessageKind(*kind);
    if (!filter.kind) errors.push_back({"kind", "invalid_value"});
  }
  if (auto channel = req.Query("channel"); channel && !channel->empty()) {
    if (!ParseChannel(*channel)) errors.push_back({"channel", "invalid_value"});
    filter.channel = std::string(*channel);
  }
  if (auto recipient = req.Query("recipient"); recipient && !recipient->empty()) {
    if (*recipient == "client") {
      filter.recipient_type = RecipientType::kClient;
    } else if (*recipient == "staff") {
      filter.recipient_type = RecipientType::kStaff;
    } else {
      errors.push_back({"recipient", "invalid_value"});
    }
  }
  if (!errors.empty()) return Fail(http::BadRequest(req, errors));
  return filter;
}

}  // namespace

void AddMessagingRulesRoutes(http::Router& router, MessagingSettings& settings) {
  router.Add("GET", "/api/v1/settings/messaging", Access::kSession, [&settings](Request& req) {
    auto rules = settings.Get(ActorOf(req));
    return rules ? Response::Json(200, http::Dump(RulesJson(*rules)))
                 : ErrorResponse(req, rules.error());
  });
  router.Add("PUT", "/api/v1/settings/messaging", Access::kSession, [&settings](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto rules = settings.Put(ActorOf(req), body->json());
    return rules ? Response::Json(200, http::Dump(RulesJson(*rules)))
                 : ErrorResponse(req, rules.error());
  });
}

void AddMessageHistoryRoutes(http::Router& router, MessageHistory& history) {
  router.Add("GET", "/api/v1/messages", Access::kSession, [&history](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return page.error();
    auto filter = ParseFilter(req);
    if (!filter) return filter.error();
    auto found = history.Outbox(ActorOf(req), *filter, page->after, page->limit);
    return found ? PageResponse(*found, true) : ErrorResponse(req, found.error());
  });
  router.Add("GET", "/api/v1/clients/{id}/messages", Access::kSession, [&history](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto page = http::ParsePage(req);
    if (!page) return page.error();
    auto found = history.OfClient(ActorOf(req), *id, page->after, page->limit);
    return found ? PageResponse(*found, false) : ErrorResponse(req, found.error());
  });
  router.Add("GET", "/api/v1/clients/{id}/channels", Access::kSession, [&history](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto view = history.Channels(ActorOf(req), *id);
    return view ? Response::Json(200, http::Dump(ClientChannelsJson(*view)))
                : ErrorResponse(req, view.error());
  });
  router.Add("PUT", "/api/v1/clients/{id}/channels", Access::kSession, [&history](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    const Json& order =
        body->json().is_object() ? body->json().value("channel_order", Json()) : Json();
    if (!order.is_array()) {
      return http::ValidationFailed(req, {{"channel_order", "invalid_type"}});
    }
    std::vector<Channel> channels;
    for (std::size_t i = 0; i < order.size(); ++i) {
      auto channel =
          order[i].is_string() ? ParseChannel(order[i].get<std::string>()) : std::nullopt;
      if (!channel) {
        return http::ValidationFailed(
            req, {{"channel_order[" + std::to_string(i) + "]", "invalid_value"}});
      }
      channels.push_back(*channel);
    }
    auto view = history.SetChannelOrder(ActorOf(req), *id, channels);
    return view ? Response::Json(200, http::Dump(ClientChannelsJson(*view)))
                : ErrorResponse(req, view.error());
  });
  for (const auto channel : {Channel::kTelegram, Channel::kViber}) {
    const std::string path = std::string("/api/v1/clients/{id}/") + ChannelName(channel) + "-link";
    router.Add("POST", path, Access::kSession, [&history, channel](Request& req) {
      auto id = http::PathId(req);
      if (!id) return http::NotFound(req);
      auto invite = channel == Channel::kTelegram ? history.InviteToTelegram(ActorOf(req), *id)
                                                  : history.InviteToViber(ActorOf(req), *id);
      if (!invite) return ErrorResponse(req, invite.error());
      return Response::Json(
          201,
          http::Dump({{"url", invite->url}, {"expires_at", FormatRfc3339Utc(invite->expires_at)}}));
    });
  }
}

}  // namespace kvitka::messaging
