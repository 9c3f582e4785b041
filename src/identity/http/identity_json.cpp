#include "identity/http/identity_json.h"

#include "core/time.h"
#include "platform/http/problem.h"

namespace kvitka::identity {

using http::Json;

Json MemberJson(const Member& m) {
  return {{"id", m.user.id},
          {"name", m.user.name},
          {"email", m.user.email},
          {"role", RoleName(m.membership.role)},
          {"active", m.membership.active},
          {"locale", m.user.locale},
          {"created_at", FormatRfc3339Utc(m.membership.created_at)}};
}

Json OrganizationJson(const Organization& o) {
  return {{"id", o.id},
          {"name", o.name},
          {"country", o.country},
          {"currency", o.currency},
          {"created_at", FormatRfc3339Utc(o.created_at)}};
}

Json BranchJson(const Branch& b) {
  return {{"id", b.id},
          {"name", b.name},
          {"slug", b.slug},
          {"address", b.address},
          {"timezone", b.timezone},
          {"currency", b.currency},
          {"created_at", FormatRfc3339Utc(b.created_at)}};
}

Json SessionJson(const SessionView& view) {
  Json branches = Json::array();
  for (const auto& b : view.branches) branches.push_back(BranchJson(b));
  return {{"user", MemberJson(view.me)},
          {"org", OrganizationJson(view.org)},
          {"role", RoleName(view.me.membership.role)},
          {"branches", std::move(branches)},
          {"csrf_token", view.csrf_token}};
}

Json AuditJson(const AuditEntry& e) {
  auto parse = [](const std::string& text) {
    if (text.empty()) return Json(nullptr);
    Json j = Json::parse(text, nullptr, false);
    return j.is_discarded() ? Json(nullptr) : j;
  };
  Json actor = nullptr;
  if (e.actor_id) actor = {{"id", *e.actor_id}, {"name", e.actor_name}};
  return {{"id", e.id},
          {"at", FormatRfc3339Utc(e.at)},
          {"actor", std::move(actor)},
          {"action", e.action},
          {"entity", e.entity},
          {"entity_id", e.entity_id ? Json(*e.entity_id) : Json(nullptr)},
          {"before", parse(e.before_json)},
          {"after", parse(e.after_json)},
          {"ip", e.ip}};
}

http::Response ErrorResponse(const http::Request& request, const Error& error) {
  switch (error.code) {
    case ErrorCode::kValidation:
      return http::ValidationFailed(request, error.fields);
    case ErrorCode::kInvalidCredentials:
      return http::Problem(
          request, 401, "invalid-credentials",
          {"Wrong email or password", "Неправильна пошта або пароль", "Неверная почта или пароль"});
    case ErrorCode::kUnauthorized:
      return http::Unauthorized(request);
    case ErrorCode::kForbidden:
      return http::Forbidden(request);
    case ErrorCode::kNotFound:
      return http::NotFound(request);
    case ErrorCode::kEmailTaken:
      return http::Problem(
          request, 409, "email-taken",
          {"This email is already registered", "Ця електронна пошта вже зареєстрована",
           "Эта электронная почта уже зарегистрирована"},
          {}, {{"email", "taken"}});
    case ErrorCode::kSlugTaken:
      return http::Problem(request, 409, "slug-taken",
                           {"This link name is already taken", "Ця назва посилання вже зайнята",
                            "Это название ссылки уже занято"},
                           {}, {{"slug", "taken"}});
    case ErrorCode::kConflict:
      return http::Problem(
          request, 409, "conflict",
          {"This change conflicts with the current state", "Ця зміна суперечить поточному стану",
           "Это изменение противоречит текущему состоянию"},
          error.detail);
    case ErrorCode::kRateLimited:
      return http::TooManyRequests(request, error.retry_after_seconds);
  }
  return http::NotFound(request);
}

}  // namespace kvitka::identity
