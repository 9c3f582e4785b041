#include "identity/http/identity_routes.h"

#include <algorithm>

#include "identity/domain/validation.h"
#include "identity/http/identity_json.h"
#include "identity/http/session_authenticator.h"
#include "platform/http/problem.h"

namespace kvitka::identity {

using http::Access;
using http::Json;
using http::JsonBody;
using http::Request;
using http::Response;

namespace {

constexpr http::TextRule kName{.required = true, .min = 1, .max = 200};
constexpr http::TextRule kEmail{.required = true, .min = 1, .max = 254};
constexpr http::TextRule kPassword{.required = true, .min = 0, .max = 1024, .trim = false};

std::string SessionCookie(const std::string& token, EpochSeconds max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

template <class T>
std::optional<T> Optional(bool present, std::optional<T> value) {
  return present ? value : std::nullopt;
}

}  // namespace

void AddIdentityRoutes(http::Router& router, AuthService& auth, UserService& team,
                       BranchService& branches, IdentityRouteOptions options) {
  const EpochSeconds ttl = auth.settings().session_ttl_seconds;
  auto granted = [ttl, options](int status, const SessionGrant& grant) {
    auto response = Response::Json(status, http::Dump(SessionJson(grant.view)));
    response.Header("Set-Cookie", SessionCookie(grant.token, ttl, options.secure_cookies));
    response.Header("Cache-Control", "no-store");
    return response;
  };

  router.Add("POST", "/api/v1/signup", Access::kPublic, [&auth, granted](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    SignupInput in;
    in.org_name = body->Text("org_name", kName).value_or("");
    in.branch_name = body->Text("branch_name", kName).value_or("");
    in.timezone = body->Text("timezone", {.required = true, .max = 64}).value_or("");
    in.currency = body->Text("currency", {.required = true, .max = 3}).value_or("");
    in.name = body->Text("name", kName).value_or("");
    in.email = body->Text("email", kEmail).value_or("");
    in.password = body->Text("password", kPassword).value_or("");
    in.locale = body->Text("locale", {.max = 2}).value_or(std::string(LanguageCode(req.language)));
    // Report every bad field at once: the semantic checks too, for fields that passed the
    // type and length checks.
    const auto format_errors = body->errors();
    for (auto& error : CheckSignup(in.email, in.timezone, in.currency, in.password)) {
      const bool reported =
          std::any_of(format_errors.begin(), format_errors.end(),
                      [&](const FieldError& e) { return e.field == error.field; });
      if (!reported) body->AddError(std::move(error));
    }
    if (auto problem = body->Problems(req)) return *problem;
    auto grant = auth.Signup(in, req.remote_ip);
    return grant ? granted(201, *grant) : ErrorResponse(req, grant.error());
  });

  router.Add("POST", "/api/v1/auth/login", Access::kPublic, [&auth, granted](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto email = body->Text("email", kEmail);
    auto password = body->Text("password", kPassword);
    if (auto problem = body->Problems(req)) return *problem;
    auto grant = auth.Login(*email, *password, req.remote_ip);
    return grant ? granted(200, *grant) : ErrorResponse(req, grant.error());
  });

  router.Add("POST", "/api/v1/auth/accept-invitation", Access::kPublic,
             [&auth, granted](Request& req) {
               auto body = JsonBody::Parse(req);
               if (!body) return body.error();
               auto token = body->Text("token", {.required = true, .max = 128});
               auto password = body->Text("password", kPassword);
               if (auto problem = body->Problems(req)) return *problem;
               auto grant = auth.AcceptInvitation(*token, *password, req.remote_ip);
               return grant ? granted(200, *grant) : ErrorResponse(req, grant.error());
             });

  router.Add("POST", "/api/v1/auth/logout", Access::kSession, [&auth, options](Request& req) {
    auth.Logout(ActorOf(req));
    auto response = Response::NoContent();
    response.Header("Set-Cookie", SessionCookie("", 0, options.secure_cookies));
    return response;
  });

  router.Add("GET", "/api/v1/me", Access::kSession, [&auth](Request& req) {
    auto view = auth.Me(ActorOf(req), req.auth->csrf_token);
    if (!view) return ErrorResponse(req, view.error());
    auto response = Response::Json(200, http::Dump(SessionJson(*view)));
    response.Header("Cache-Control", "no-store");
    return response;
  });

  router.Add("PATCH", "/api/v1/me", Access::kSession, [&auth](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    ProfilePatch patch;
    patch.name = body->Text("name", {.min = 1, .max = 200});
    patch.locale = body->Text("locale", {.max = 2});
    if (auto problem = body->Problems(req)) return *problem;
    auto view = auth.UpdateProfile(ActorOf(req), patch, req.auth->csrf_token);
    return view ? Response::Json(200, http::Dump(SessionJson(*view)))
                : ErrorResponse(req, view.error());
  });

  router.Add("GET", "/api/v1/users", Access::kSession, [&team](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return page.error();
    auto members = team.List(ActorOf(req), page->after, page->limit);
    if (!members) return ErrorResponse(req, members.error());
    Json items = Json::array();
    for (const auto& m : members->items) items.push_back(MemberJson(m));
    Json next = members->next_after ? Json(http::EncodeCursor(*members->next_after)) : Json();
    return Response::Json(200, http::Dump({{"items", items}, {"next_cursor", next}}));
  });

  router.Add("POST", "/api/v1/users", Access::kSession, [&team, options](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    NewUser in;
    in.name = body->Text("name", kName).value_or("");
    in.email = body->Text("email", kEmail).value_or("");
    in.role = body->Text("role", {.required = true, .max = 20}).value_or("");
    in.password =
        Optional(body->Has("password"), body->Text("password", {.max = 1024, .trim = false}));
    if (auto problem = body->Problems(req)) return *problem;
    auto added = team.Add(ActorOf(req), in);
    if (!added) return ErrorResponse(req, added.error());
    Json invitation = added->invitation_token ? Json(http::PublicBaseUrl(req, options.public_url) +
                                                     "/invite/" + *added->invitation_token)
                                              : Json();
    return Response::Json(
        201, http::Dump({{"user", MemberJson(added->member)}, {"invitation_url", invitation}}));
  });

  router.Add("GET", "/api/v1/users/{id}", Access::kSession, [&team](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto member = team.Get(ActorOf(req), *id);
    return member ? Response::Json(200, http::Dump(MemberJson(*member)))
                  : ErrorResponse(req, member.error());
  });

  router.Add("PATCH", "/api/v1/users/{id}", Access::kSession, [&team](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    UserPatch patch;
    patch.name = body->Text("name", {.min = 1, .max = 200});
    patch.role = body->Text("role", {.max = 20});
    patch.active = body->Bool("active");
    if (auto problem = body->Problems(req)) return *problem;
    auto member = team.Update(ActorOf(req), *id, patch);
    return member ? Response::Json(200, http::Dump(MemberJson(*member)))
                  : ErrorResponse(req, member.error());
  });

  router.Add("DELETE", "/api/v1/users/{id}", Access::kSession, [&team](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto member = team.Update(ActorOf(req), *id, {std::nullopt, std::nullopt, false});
    return member ? Response::Json(200, http::Dump(MemberJson(*member)))
                  : ErrorResponse(req, member.error());
  });

  auto branch_input = [](JsonBody& body, bool creating) {
    BranchInput in;
    in.name = body.Text("name", {.required = creating, .min = 1, .max = 200});
    in.slug = body.Text("slug", {.min = 1, .max = 63});
    in.address = body.Text("address", {.max = 500});
    in.timezone = body.Text("timezone", {.required = creating, .max = 64});
    in.currency = body.Text("currency", {.max = 3});
    return in;
  };

  router.Add("GET", "/api/v1/branches", Access::kSession, [&branches](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return page.error();
    auto list = branches.List(ActorOf(req));
    if (!list) return ErrorResponse(req, list.error());
    Json items = Json::array();
    for (const auto& b : *list) {
      if (page->after && b.id <= *page->after) continue;
      if (static_cast<int>(items.size()) == page->limit) break;
      items.push_back(BranchJson(b));
    }
    Json next = nullptr;
    if (!items.empty() && items.back()["id"].get<Id>() != list->back().id) {
      next = http::EncodeCursor(items.back()["id"].get<Id>());
    }
    return Response::Json(200, http::Dump({{"items", items}, {"next_cursor", next}}));
  });

  router.Add("POST", "/api/v1/branches", Access::kSession, [&branches, branch_input](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto in = branch_input(*body, true);
    if (auto problem = body->Problems(req)) return *problem;
    auto branch = branches.Add(ActorOf(req), in);
    return branch ? Response::Json(201, http::Dump(BranchJson(*branch)))
                  : ErrorResponse(req, branch.error());
  });

  router.Add("GET", "/api/v1/branches/{id}", Access::kSession, [&branches](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto branch = branches.Get(ActorOf(req), *id);
    return branch ? Response::Json(200, http::Dump(BranchJson(*branch)))
                  : ErrorResponse(req, branch.error());
  });

  router.Add("PATCH", "/api/v1/branches/{id}", Access::kSession,
             [&branches, branch_input](Request& req) {
               auto id = http::PathId(req);
               if (!id) return http::NotFound(req);
               auto body = JsonBody::Parse(req);
               if (!body) return body.error();
               auto patch = branch_input(*body, false);
               if (auto problem = body->Problems(req)) return *problem;
               auto branch = branches.Update(ActorOf(req), *id, patch);
               return branch ? Response::Json(200, http::Dump(BranchJson(*branch)))
                             : ErrorResponse(req, branch.error());
             });

  router.Add("GET", "/api/v1/audit", Access::kSession, [&team](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return page.error();
    AuditFilter filter;
    filter.limit = page->limit + 1;
    filter.before_id = page->after;
    if (auto entity = req.Query("entity"); entity && !entity->empty()) filter.entity = *entity;
    if (auto entity_id = req.Query("entity_id"); entity_id && !entity_id->empty()) {
      filter.entity_id = http::ParseId(*entity_id);
      if (!filter.entity_id) return http::BadRequest(req, {{"entity_id", "invalid_value"}});
    }
    auto entries = team.Audit(ActorOf(req), filter);
    if (!entries) return ErrorResponse(req, entries.error());
    Json next = nullptr;
    if (static_cast<int>(entries->size()) > page->limit) {
      entries->resize(page->limit);
      next = http::EncodeCursor(entries->back().id);
    }
    Json items = Json::array();
    for (const auto& e : *entries) items.push_back(AuditJson(e));
    return Response::Json(200, http::Dump({{"items", items}, {"next_cursor", next}}));
  });
}

}  // namespace kvitka::identity
