// Import and export of clients.
#include "clients/http/client_json.h"
#include "clients/http/client_routes.h"
#include "identity/http/session_authenticator.h"
#include "platform/http/problem.h"

namespace kvitka::clients {

using http::Access;
using http::Json;
using http::JsonBody;
using http::Request;
using http::Response;
using identity::ActorOf;

namespace {

std::optional<SheetFormat> FormatOf(const Request& req) {
  auto format = req.Query("format");
  if (format == "csv") return SheetFormat::kCsv;
  if (format == "xlsx") return SheetFormat::kXlsx;
  return std::nullopt;
}

}  // namespace

void AddClientExchangeRoutes(http::Router& router, ClientExchange& exchange) {
  http::Route preview{"POST",
                      "/api/v1/clients/import/preview",
                      Access::kSession,
                      [&exchange](Request& req) {
                        auto format = FormatOf(req);
                        if (!format) return http::BadRequest(req, {{"format", "invalid_value"}});
                        auto result = exchange.Preview(ActorOf(req), *format, req.body);
                        if (!result) return ErrorResponse(req, result.error());
                        Json mapping = Json::object();
                        for (std::size_t i = 0; i < result->mapping.size(); ++i) {
                          mapping[std::to_string(i)] = result->mapping[i];
                        }
                        return Response::Json(200, http::Dump({{"import_id", result->import_id},
                                                               {"columns", result->columns},
                                                               {"rows", result->rows},
                                                               {"total_rows", result->total_rows},
                                                               {"mapping", mapping}}));
                      },
                      50u << 20,
                      true};
  router.Add(std::move(preview));

  router.Add("POST", "/api/v1/clients/import/{import_id}/run", Access::kSession,
             [&exchange](Request& req) {
               auto body = JsonBody::Parse(req);
               if (!body) return body.error();
               ImportRun run;
               auto duplicates = body->Text("on_duplicate", {.max = 10});
               if (duplicates && *duplicates != "skip" && *duplicates != "update") {
                 body->AddError({"on_duplicate", "invalid_value"});
               }
               run.update_duplicates = duplicates == "update";
               run.dry_run = body->Bool("dry_run").value_or(false);
               if (!body->Has("mapping") || !body->json().at("mapping").is_object()) {
                 body->AddError({"mapping", body->Has("mapping") ? "invalid_type" : "required"});
               } else {
                 for (const auto& [key, value] : body->json().at("mapping").items()) {
                   auto column = http::ParseId(key);
                   if ((!column && key != "0") || !value.is_string() || (column && *column > 500)) {
                     body->AddError({"mapping." + key, "invalid_value"});
                     continue;
                   }
                   const std::size_t index = column ? static_cast<std::size_t>(*column) : 0;
                   if (run.mapping.size() <= index) run.mapping.resize(index + 1, "ignore");
                   run.mapping[index] = value.get<std::string>();
                 }
               }
               if (auto problem = body->Problems(req)) return *problem;
               auto report = exchange.Run(ActorOf(req), req.path_params.at("import_id"), run);
               if (!report) return ErrorResponse(req, report.error());
               Json rejected = Json::array();
               for (const auto& r : report->rejected) {
                 Json errors = Json::array();
                 for (const auto& e : r.errors) {
                   errors.push_back({{"field", e.field},
                                     {"code", e.code},
                                     {"message", http::FieldMessage(e, req.language)}});
                 }
                 rejected.push_back({{"row", r.row}, {"errors", errors}});
               }
               return Response::Json(200, http::Dump({{"created", report->created},
                                                      {"updated", report->updated},
                                                      {"skipped", report->skipped},
                                                      {"rejected", rejected},
                                                      {"dry_run", run.dry_run}}));
             });

  router.Add("GET", "/api/v1/clients/export", Access::kSession, [&exchange](Request& req) {
    auto format = FormatOf(req);
    if (!format) return http::BadRequest(req, {{"format", "invalid_value"}});
    auto file = exchange.Export(ActorOf(req), req.query, *format, http::LanguageCode(req.language));
    if (!file) return QueryErrorResponse(req, file.error());
    Response response;
    response.status = 200;
    response.content_type = file->content_type;
    response.body = std::move(file->bytes);
    response.Header("Content-Disposition", "attachment; filename=\"" + file->filename + "\"");
    response.Header("Cache-Control", "no-store");
    return response;
  });
}

}  // namespace kvitka::clients
