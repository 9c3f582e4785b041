// A salon's channels: GET the list, GET and PUT one.
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

void AddChannelSettingsRoutes(http::Router& router, ChannelSettings& channels) {
  router.Add("GET", "/api/v1/settings/channels", Access::kSession, [&channels](Request& req) {
    auto list = channels.List(ActorOf(req));
    if (!list) return ErrorResponse(req, list.error());
    Json items = Json::array();
    for (const auto& view : *list) items.push_back(ChannelJson(view));
    return Response::Json(200, http::Dump({{"items", items}}));
  });
  router.Add("GET", "/api/v1/settings/channels/{channel}", Access::kSession,
             [&channels](Request& req) {
               auto channel = ParseChannel(req.path_params["channel"]);
               if (!channel) return http::NotFound(req);
               auto view = channels.Get(ActorOf(req), *channel);
               return view ? Response::Json(200, http::Dump(ChannelJson(*view)))
                           : ErrorResponse(req, view.error());
             });
  router.Add("PUT", "/api/v1/settings/channels/{channel}", Access::kSession,
             [&channels](Request& req) {
               auto channel = ParseChannel(req.path_params["channel"]);
               if (!channel) return http::NotFound(req);
               auto body = JsonBody::Parse(req);
               if (!body) return body.error();
               auto view = channels.Put(ActorOf(req), *channel, body->json());
               return view ? Response::Json(200, http::Dump(ChannelJson(*view)))
                           : ErrorResponse(req, view.error());
             });
}

}  // namespace kvitka::messaging
