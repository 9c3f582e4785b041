// A master's chat with the salon's Telegram bot: /api/v1/staff/{id}/channels[/telegram] and
// /api/v1/staff/{id}/telegram-link.
#include "core/time.h"
#include "identity/http/session_authenticator.h"
#include "messaging/http/messaging_json.h"
#include "messaging/http/messaging_routes.h"
#include "platform/http/json_body.h"
#include "platform/http/problem.h"
#include "platform/qr/qr_svg.h"

namespace kvitka::messaging {

using http::Access;
using http::Json;
using http::Request;
using http::Response;
using identity::ActorOf;

namespace {

Response ChannelsResponse(const Request& req, const Result<StaffChannels, Error>& view) {
  if (!view) return ErrorResponse(req, view.error());
  const auto& at = view->telegram_linked_at;
  return Response::Json(
      200, http::Dump({{"telegram",
                        {{"linked", at.has_value()},
                         {"linked_at", at ? Json(FormatRfc3339Utc(*at)) : Json(nullptr)}}}}));
}

}  // namespace

void AddStaffChatRoutes(http::Router& router, StaffChats& chats) {
  router.Add("GET", "/api/v1/staff/{id}/channels", Access::kSession, [&chats](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    return ChannelsResponse(req, chats.Channels(ActorOf(req), *id));
  });
  router.Add("DELETE", "/api/v1/staff/{id}/channels/telegram", Access::kSession,
             [&chats](Request& req) {
               auto id = http::PathId(req);
               if (!id) return http::NotFound(req);
               return ChannelsResponse(req, chats.UnlinkTelegram(ActorOf(req), *id));
             });
  router.Add("POST", "/api/v1/staff/{id}/telegram-link", Access::kSession, [&chats](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto invite = chats.InviteToTelegram(ActorOf(req), *id);
    if (!invite) return ErrorResponse(req, invite.error());
    // The QR code of the link, for the master to scan from the screen with their phone.
    const auto qr = qr::Svg(invite->url);
    return Response::Json(201, http::Dump({{"url", invite->url},
                                           {"expires_at", FormatRfc3339Utc(invite->expires_at)},
                                           {"qr_svg", qr ? Json(*qr) : Json(nullptr)}}));
  });
}

}  // namespace kvitka::messaging
