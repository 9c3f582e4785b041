// Webhooks of the salons' bots (set when a Telegram bot's mode is "webhook").
#include "messaging/http/messaging_routes.h"
#include "platform/http/json_body.h"
#include "platform/http/problem.h"

namespace kvitka::messaging {

using http::Access;
using http::Request;
using http::Response;

void AddBotRoutes(http::Router& router, TelegramBots& telegram) {
  router.Add("POST", "/api/v1/public/telegram/{org}/webhook", Access::kPublic,
             [&telegram](Request& req) {
               auto org = http::PathId(req, "org");
               if (!org) return http::NotFound(req);
               const auto secret = req.Header("x-telegram-bot-api-secret-token");
               switch (telegram.Webhook(*org, secret.value_or(""), req.body)) {
                 case TelegramBots::WebhookOutcome::kHandled:
                   return Response::Json(200, "{}");
                 case TelegramBots::WebhookOutcome::kForbidden:
                   return http::Forbidden(req);
                 case TelegramBots::WebhookOutcome::kNotFound:
                   return http::NotFound(req);
               }
               return http::NotFound(req);
             });
}

}  // namespace kvitka::messaging
