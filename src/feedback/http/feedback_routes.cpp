// Routes, JSON and the error table of the feedback module.
#include "feedback/http/feedback_routes.h"

#include "core/time.h"
#include "identity/http/session_authenticator.h"
#include "platform/http/json_body.h"
#include "platform/http/problem.h"

namespace kvitka::feedback {

using http::Json;
using http::JsonBody;
using http::Request;
using http::Response;
using identity::ActorOf;

namespace {

Json Instant(EpochSeconds t) { return FormatRfc3339Utc(t); }

Json Nps(const std::optional<int>& nps) { return nps ? Json(*nps) : Json(nullptr); }

Response ErrorResponse(const Request& request, const Error& error) {
  switch (error.code) {
    case ErrorCode::kValidation:
      return http::ValidationFailed(request, error.fields);
    case ErrorCode::kBadQuery:
      return http::BadRequest(request, error.fields);
    case ErrorCode::kForbidden:
      return http::Forbidden(request);
    case ErrorCode::kNotFound:
      return http::NotFound(request);
    case ErrorCode::kLinkNotFound:
      return http::Problem(
          request, 404, "feedback-link-not-found",
          {"This feedback link is not valid.", "Це посилання для відгуку недійсне.",
           "Эта ссылка для отзыва недействительна."});
    case ErrorCode::kNotCompleted:
      return http::Problem(request, 409, "visit-not-completed",
                           {"Feedback can be left once the visit is over.",
                            "Відгук можна залишити, коли візит завершиться.",
                            "Отзыв можно оставить, когда визит завершится."});
    case ErrorCode::kClosed:
      return http::Problem(request, 409, "feedback-closed",
                           {"Feedback on this visit is no longer taken.",
                            "Відгуки про цей візит уже не приймаються.",
                            "Отзывы об этом визите уже не принимаются."});
    case ErrorCode::kLocked:
      return http::Problem(request, 409, "feedback-locked",
                           {"The feedback could be changed for 24 hours after it was given.",
                            "Відгук можна було змінити протягом 24 годин після того, як його "
                            "залишили.",
                            "Отзыв можно было изменить в течение 24 часов после того, как его "
                            "оставили."});
    case ErrorCode::kTooManyRequests:
      return http::TooManyRequests(request, static_cast<long>(error.retry_after));
  }
  return http::NotFound(request);
}

const char* ClosedReason(FormState state) {
  switch (state) {
    case FormState::kOpen:
      return nullptr;
    case FormState::kNotCompleted:
      return "not_completed";
    case FormState::kExpired:
      return "expired";
  }
  return nullptr;
}

Json PublicJson(const PublicFeedback& v) {
  const booking::Appointment& a = v.visit.appointment;
  const identity::Branch& b = v.visit.branch;
  Json items = Json::array();
  for (const auto& item : a.items) {
    auto name = v.visit.staff_names.find(item.staff_id);
    items.push_back({{"service_name", item.service_name},
                     {"staff_name", name == v.visit.staff_names.end() ? "" : name->second},
                     {"start", Instant(item.start)},
                     {"end", Instant(item.end)}});
  }
  Json feedback = nullptr;
  if (v.feedback) {
    const Feedback& f = *v.feedback;
    feedback = {{"rating", f.answer.rating},
                {"nps", Nps(f.answer.nps)},
                {"comment", f.answer.comment},
                {"created_at", Instant(f.created_at)},
                {"updated_at", Instant(f.updated_at)},
                {"editable_until", Instant(EditableUntil(f.created_at))},
                {"can_edit", v.may_answer}};
  }
  const char* reason = ClosedReason(v.state);
  return {{"salon", {{"name", v.visit.salon_name}}},
          {"branch",
           {{"slug", b.slug},
            {"name", b.name},
            {"address", b.address},
            {"phone", v.visit.phone},
            {"timezone", b.timezone}}},
          {"visit",
           {{"status", booking::StatusName(a.status)},
            {"start", Instant(a.Start())},
            {"end", Instant(a.End())},
            {"local_start", FormatRfc3339InZone(a.Start(), b.timezone)},
            {"timezone", b.timezone},
            {"client_first_name", v.visit.client_first_name},
            {"items", items}}},
          {"feedback", feedback},
          {"open", v.state == FormState::kOpen},
          {"closed_reason", reason ? Json(reason) : Json(nullptr)},
          {"closes_at", Instant(v.closes_at)},
          {"can_answer", v.may_answer}};
}

Json ItemJson(const FeedbackItem& item) {
  const Feedback& f = item.feedback;
  Json staff = Json::array();
  for (const auto& [id, name] : item.staff) staff.push_back({{"id", id}, {"name", name}});
  return {{"id", f.id},
          {"appointment_id", f.appointment_id},
          {"client", {{"id", f.client_id}, {"name", item.client_name}}},
          {"branch", {{"id", f.branch_id}, {"name", item.branch_name}}},
          {"staff", staff},
          {"rating", f.answer.rating},
          {"nps", Nps(f.answer.nps)},
          {"comment", f.answer.comment},
          {"low", IsLowScore(f.answer)},
          {"visit_start", Instant(f.visit_start)},
          {"created_at", Instant(f.created_at)},
          {"updated_at", Instant(f.updated_at)}};
}

Json SummaryJson(const Summary& s) {
  const Counts& c = s.counts;
  Json by_rating = Json::object();
  for (int i = 0; i < 5; ++i) by_rating[std::to_string(i + 1)] = c.by_rating[i];
  return {{"count", c.answers},
          {"average", s.average ? Json(*s.average) : Json(nullptr)},
          {"by_rating", by_rating},
          {"nps",
           {{"count", c.nps_answers},
            {"promoters", c.promoters},
            {"passives", c.nps_answers - c.promoters - c.detractors},
            {"detractors", c.detractors},
            {"score", s.nps ? Json(*s.nps) : Json(nullptr)}}}};
}

Response PageResponse(const Result<FeedbackPage, Error>& page, const Request& req) {
  if (!page) return ErrorResponse(req, page.error());
  Json items = Json::array();
  for (const auto& item : page->items) items.push_back(ItemJson(item));
  return Response::Json(
      200,
      http::Dump({{"items", items},
                  {"next_cursor", page->next_before ? Json(http::EncodeCursor(*page->next_before))
                                                    : Json(nullptr)},
                  {"summary", SummaryJson(page->summary)}}));
}

// ?branch_id=&staff_id=&max_rating= of the list; 400 naming the parameter otherwise.
Result<FeedbackFilter, Response> ParseFilter(const Request& req) {
  FeedbackFilter filter;
  FieldErrors errors;
  auto id = [&](const char* name) -> std::optional<Id> {
    auto text = req.Query(name);
    if (!text || text->empty()) return std::nullopt;
    auto value = http::ParseId(*text);
    if (!value) errors.push_back({name, "invalid_value"});
    return value;
  };
  filter.branch_id = id("branch_id");
  filter.staff_id = id("staff_id");
  if (auto max = req.Query("max_rating"); max && !max->empty()) {
    if (max->size() == 1 && (*max)[0] >= '1' && (*max)[0] <= '5') {
      filter.max_rating = (*max)[0] - '0';
    } else {
      errors.push_back({"max_rating", "out_of_range", 5});
    }
  }
  if (!errors.empty()) return Fail(http::BadRequest(req, errors));
  return filter;
}

}  // namespace

void AddFeedbackRoutes(http::Router& router, FeedbackService& feedback) {
  constexpr auto kPublic = http::Access::kPublic;
  constexpr auto kSession = http::Access::kSession;

  router.Add("GET", "/api/v1/public/feedback/{token}", kPublic, [&feedback](Request& req) {
    auto shown = feedback.Show(req.path_params.at("token"));
    if (!shown) return ErrorResponse(req, shown.error());
    return Response::Json(200, http::Dump(PublicJson(*shown)));
  });
  router.Add("POST", "/api/v1/public/feedback/{token}", kPublic, [&feedback](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    Answer answer;
    if (auto rating = body->Int("rating", true, 1, 5)) answer.rating = static_cast<int>(*rating);
    if (auto nps = body->Int("nps", false, 0, 10)) answer.nps = static_cast<int>(*nps);
    if (auto comment = body->ClearableText("comment", {.max = kMaxComment})) {
      answer.comment = *comment;
    }
    if (auto problems = body->Problems(req)) return *problems;
    auto given = feedback.Give(req.path_params.at("token"), answer, req.remote_ip);
    if (!given) return ErrorResponse(req, given.error());
    return Response::Json(given->created ? 201 : 200, http::Dump(PublicJson(*given)));
  });

  router.Add("GET", "/api/v1/feedback", kSession, [&feedback](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return page.error();
    auto filter = ParseFilter(req);
    if (!filter) return filter.error();
    return PageResponse(feedback.List(ActorOf(req), *filter, page->after, page->limit), req);
  });
  router.Add("GET", "/api/v1/clients/{id}/feedback", kSession, [&feedback](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto page = http::ParsePage(req);
    if (!page) return page.error();
    return PageResponse(feedback.OfClient(ActorOf(req), *id, page->after, page->limit), req);
  });
}

}  // namespace kvitka::feedback
