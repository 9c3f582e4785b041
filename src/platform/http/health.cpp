#include "platform/http/health.h"

namespace kvitka::http {

void AddHealthRoute(Router& router, std::function<bool()> database_ok) {
  router.Add("GET", "/healthz", Access::kPublic, [database_ok](Request&) {
    const bool ok = database_ok();
    auto response =
        Response::Json(ok ? 200 : 503, ok ? R"({"status":"ok"})" : R"({"status":"unavailable"})");
    response.Header("Cache-Control", "no-store");
    return response;
  });
}

}  // namespace kvitka::http
