// Webhooks of the salons' bots (set when a Telegram bot's mode is "webhook").
#include "messaging/http/messaging_routes.h"
#include "platform/http/json_body.h"
#include "platform/http/problem.h"

namespace kvitka::messaging {

using http::Access;
using http::Request;
using http::Response;

void AddBotRoutes(http::Router& router, TelegramBots& telegram, ViberBots& viber) {
  router.Add("POST", "/api/v1/public/viber/{org}/webhook", Access::kPublic, [&viber](Request& req) {
    auto org = http::PathId(req, "org");
    if (!org) return http::NotFound(req);
    const auto signature = req.Header("x-viber-content-signature");
    const auto answer = viber.Webhook(*org, signature.value_or(""), req.body);
    if (answer.status == 403) return http::Forbidden(req);
    if (answer.status == 404) return http::NotFound(req);
    return Response::Json(200, answer.body);
  });
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
