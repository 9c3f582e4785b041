// Message templates: the effective list, save, back to the default, live preview, variables.
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

// The template a path names, or the 422 naming its unknown part.
Result<MessageTemplate, Response> PathTemplate(Request& req) {
  MessageTemplate t;
  auto kind = ParseMessageKind(req.path_params["kind"]);
  if (!kind) return Fail(UnknownPart(req, "kind"));
  auto channel = ParseChannel(req.path_params["channel"]);
  if (!channel) return Fail(UnknownPart(req, "channel"));
  auto language = ParseLanguage(req.path_params["language"]);
  if (!language) return Fail(UnknownPart(req, "language"));
  t.kind = *kind;
  t.channel = *channel;
  t.language = *language;
  return t;
}

// Fills the texts of a template from a body: body required, subject and html for email.
void ReadTexts(JsonBody& body, MessageTemplate& t) {
  t.body = body.Text("body", {.required = true, .max = 100000, .trim = false}).value_or("");
  t.subject = body.Text("subject", {.max = 100000, .trim = false}).value_or("");
  t.html = body.Text("html", {.max = 1000000, .trim = false}).value_or("");
}

// ?kind=&channel=&language= (each optional).
template <class T, class Parse>
bool ReadFilter(const Request& req, const char* name, Parse parse, std::optional<T>& out) {
  auto text = req.Query(name);
  if (!text || text->empty()) return true;
  out = parse(*text);
  return out.has_value();
}

}  // namespace

void AddMessageTemplateRoutes(http::Router& router, MessageTemplates& templates) {
  router.Add("GET", "/api/v1/message-templates", Access::kSession, [&templates](Request& req) {
    TemplateFilter filter;
    if (!ReadFilter(req, "kind", ParseMessageKind, filter.kind)) return UnknownPart(req, "kind");
    if (!ReadFilter(req, "channel", ParseChannel, filter.channel))
      return UnknownPart(req, "channel");
    if (!ReadFilter(req, "language", ParseLanguage, filter.language))
      return UnknownPart(req, "language");
    auto list = templates.List(ActorOf(req), filter);
    if (!list) return ErrorResponse(req, list.error());
    Json items = Json::array();
    for (const auto& view : *list) items.push_back(TemplateJson(view));
    return Response::Json(200, http::Dump({{"items", items}}));
  });
  router.Add("GET", "/api/v1/message-templates/variables", Access::kSession,
             [&templates](Request& req) {
               auto kind = ParseMessageKind(req.Query("kind").value_or(""));
               if (!kind) return UnknownPart(req, "kind");
               auto names = templates.Variables(ActorOf(req), *kind);
               if (!names) return ErrorResponse(req, names.error());
               Json items = Json::array();
               for (auto name : *names) items.push_back({{"name", name}});
               return Response::Json(
                   200, http::Dump({{"kind", MessageKindName(*kind)}, {"items", items}}));
             });
  router.Add("PUT", "/api/v1/message-templates/{kind}/{channel}/{language}", Access::kSession,
             [&templates](Request& req) {
               auto t = PathTemplate(req);
               if (!t) return t.error();
               auto body = JsonBody::Parse(req);
               if (!body) return body.error();
               ReadTexts(*body, *t);
               if (auto problem = body->Problems(req)) return *problem;
               auto saved = templates.Save(ActorOf(req), *t);
               return saved ? Response::Json(200, http::Dump(TemplateJson(*saved)))
                            : ErrorResponse(req, saved.error());
             });
  router.Add("DELETE", "/api/v1/message-templates/{kind}/{channel}/{language}", Access::kSession,
             [&templates](Request& req) {
               auto t = PathTemplate(req);
               if (!t) return t.error();
               auto reset = templates.Reset(ActorOf(req), t->kind, t->channel, t->language);
               return reset ? Response::Json(200, http::Dump(TemplateJson(*reset)))
                            : ErrorResponse(req, reset.error());
             });
  router.Add("POST", "/api/v1/message-templates/preview", Access::kSession,
             [&templates](Request& req) {
               auto body = JsonBody::Parse(req);
               if (!body) return body.error();
               MessageTemplate t;
               auto kind = body->Text("kind", {.required = true, .max = 50});
               auto channel = body->Text("channel", {.required = true, .max = 20});
               auto language = body->Text("language", {.required = true, .max = 5});
               ReadTexts(*body, t);
               if (auto problem = body->Problems(req)) return *problem;
               auto k = ParseMessageKind(*kind);
               if (!k) return UnknownPart(req, "kind");
               auto c = ParseChannel(*channel);
               if (!c) return UnknownPart(req, "channel");
               auto l = ParseLanguage(*language);
               if (!l) return UnknownPart(req, "language");
               t.kind = *k;
               t.channel = *c;
               t.language = *l;
               auto preview = templates.Preview(ActorOf(req), t);
               return preview ? Response::Json(200, http::Dump(PreviewJson(*preview)))
                              : ErrorResponse(req, preview.error());
             });
}

}  // namespace kvitka::messaging
