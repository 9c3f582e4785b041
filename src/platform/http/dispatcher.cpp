#include "platform/http/dispatcher.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "core/secret.h"
#include "platform/http/problem.h"

namespace kvitka::http {

Dispatcher::Dispatcher(const Router& router, Authenticator& authenticator,
                       std::filesystem::path web_dir)
    : router_(router), authenticator_(authenticator), web_dir_(std::move(web_dir)) {}

namespace {

bool IsSafeRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

bool IsJsonContentType(std::string_view type) {
  auto semi = type.find(';');
  std::string base(type.substr(0, semi));
  while (!base.empty() && base.back() == ' ') base.pop_back();
  for (auto& c : base) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return base == "application/json" ||
         (base.starts_with("application/") && base.ends_with("+json"));
}

std::string ContentTypeOf(const std::filesystem::path& path) {
  const auto ext = path.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".webp") return "image/webp";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

void AddSecurityHeaders(Response& response) {
  response.Header("X-Content-Type-Options", "nosniff");
  response.Header("Referrer-Policy", "same-origin");
}

}  // namespace

Response Dispatcher::Handle(Request& request) noexcept {
  const auto started = std::chrono::steady_clock::now();
  Response response;
  try {
    auto incoming = request.Header("x-request-id");
    request.request_id =
        incoming && IsSafeRequestId(*incoming) ? std::string(*incoming) : RandomToken(12);
    if (auto accept = request.Header("accept-language")) request.language = PickLanguage(*accept);
    // Served routes (the API, health, public feeds) first; anything else is the web app.
    RouteMatch match = router_.Match(request.method, request.path);
    const bool routed = match.route || !match.allowed_methods.empty() ||
                        request.path.starts_with("/api/") || request.path == "/api";
    response = routed ? RouteApi(request, std::move(match)) : StaticFile(request);
  } catch (const std::exception& e) {
    spdlog::error("{{\"event\":\"unhandled\",\"request_id\":\"{}\",\"error\":\"{}\"}}",
                  request.request_id, e.what());
    response = Response{};
    response.status = 500;
    response.content_type = "application/problem+json";
    response.body = R"({"type":"about:blank","title":"Internal Server Error","status":500})";
  } catch (...) {
    response = Response{};
    response.status = 500;
    response.content_type = "application/problem+json";
    response.body = R"({"type":"about:blank","title":"Internal Server Error","status":500})";
  }
  response.Header("X-Request-Id", request.request_id);
  AddSecurityHeaders(response);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count();
  try {
    spdlog::info(
        "{{\"method\":\"{}\",\"path\":\"{}\",\"status\":{},\"ms\":{:.2f},\"request_id\":\"{}\","
        "\"ip\":\"{}\"}}",
        request.method, request.path.size() > 200 ? request.path.substr(0, 200) : request.path,
        response.status, micros / 1000.0, request.request_id, request.remote_ip);
  } catch (...) {
    // Logging must never break a response.
  }
  return response;
}

Response Dispatcher::RouteApi(Request& request, RouteMatch match) {
  if (!match.route) {
    if (match.allowed_methods.empty()) return NotFound(request);
    std::string allow;
    for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
    auto response = Problem(request, 405, "method-not-allowed",
                            {"Method not allowed", "Метод не дозволено", "Метод не разрешён"},
                            request.method + " is not allowed here; allowed: " + allow);
    response.Header("Allow", allow);
    return response;
  }
  const Route& route = *match.route;
  if (request.malformed_query) {
    return Problem(request, 400, "bad-request",
                   {"Bad request parameters", "Неправильні параметри запиту",
                    "Неправильные параметры запроса"},
                   "the query string is not valid percent-encoding");
  }
  request.path_params = std::move(match.params);

  if (request.body.size() > route.max_body_bytes) {
    return Problem(
        request, 413, "payload-too-large",
        {"The request body is too large", "Тіло запиту завелике", "Тело запроса слишком большое"},
        "at most " + std::to_string(route.max_body_bytes) + " bytes");
  }
  if (request.IsWrite() && !request.body.empty() && !route.raw_body) {
    auto type = request.Header("content-type");
    if (!type || !IsJsonContentType(*type)) {
      return Problem(request, 415, "unsupported-media-type",
                     {"Send the body as application/json", "Надішліть тіло як application/json",
                      "Отправьте тело как application/json"});
    }
  }
  if (route.access == Access::kSession) {
    request.auth = authenticator_.Authenticate(request);
    if (!request.auth) return Unauthorized(request);
    if (request.IsWrite() && request.auth->via_cookie) {
      auto token = request.Header("x-csrf-token");
      if (!token || !ConstantTimeEquals(*token, request.auth->csrf_token)) {
        return Problem(request, 403, "csrf-failed",
                       {"The security token is missing or wrong; reload the page",
                        "Токен безпеки відсутній або неправильний; перезавантажте сторінку",
                        "Токен безопасности отсутствует или неверен; перезагрузите страницу"});
      }
    }
  }
  return route.handler(request);
}

Response Dispatcher::StaticFile(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") return NotFound(request);
  if (web_dir_.empty()) return NotFound(request);
  std::error_code ec;
  const auto root = std::filesystem::weakly_canonical(web_dir_, ec);
  if (ec) return NotFound(request);
  auto relative = request.path;
  while (!relative.empty() && relative.front() == '/') relative.erase(0, 1);
  auto candidate = std::filesystem::weakly_canonical(root / relative, ec);
  const auto inside = !ec && candidate.string().rfind(root.string(), 0) == 0;
  Response response;
  if (!inside || relative.empty() || !std::filesystem::is_regular_file(candidate, ec)) {
    // A path the web app routes itself: serve index.html (the public booking page's own
    // booking.html under /b/), unless it looks like a missing asset.
    if (relative.starts_with("assets/")) return NotFound(request);
    candidate = root / (relative.starts_with("b/") ? "booking.html" : "index.html");
    if (!std::filesystem::is_regular_file(candidate, ec)) return NotFound(request);
    response.Header("Cache-Control", "no-cache");
  } else if (relative.starts_with("assets/")) {
    response.Header("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    response.Header("Cache-Control", "no-cache");
  }
  response.status = 200;
  response.content_type = ContentTypeOf(candidate);
  response.file_path = candidate.string();
  return response;
}

}  // namespace kvitka::http
