#include "tasks/http/task_json.h"

#include <cctype>
#include <charconv>

#include "core/time.h"
#include "platform/http/problem.h"

namespace kvitka::tasks {

using http::Json;

namespace {

Json OptionalId(const std::optional<Id>& id) { return id ? Json(*id) : Json(nullptr); }

std::optional<long long> ParseNumber(std::string_view text) {
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// An RFC 3339 instant; fractions of a second (JavaScript's toISOString) are accepted and dropped.
std::optional<EpochSeconds> ParseInstant(std::string_view text) {
  std::string whole(text);
  if (auto dot = whole.find('.'); dot != std::string::npos && whole.find('T') < dot) {
    auto end = dot + 1;
    while (end < whole.size() && std::isdigit(static_cast<unsigned char>(whole[end]))) ++end;
    if (end > dot + 1) whole.erase(dot, end - dot);
  }
  return ParseRfc3339(whole);
}

// A field holding an RFC 3339 instant (from 1970 to 2999).
std::optional<EpochSeconds> ReadInstant(http::JsonBody& body, const char* field, bool required) {
  const Json& json = body.json();
  if (!json.contains(field) || json[field].is_null()) {
    if (required) body.AddError({field, "required"});
    return std::nullopt;
  }
  if (!json[field].is_string()) {
    body.AddError({field, "invalid_type"});
    return std::nullopt;
  }
  auto parsed = ParseInstant(json[field].get<std::string>());
  if (!parsed || *parsed < 0 || *parsed > kLastInstant) {
    body.AddError({field, "invalid_value"});
    return std::nullopt;
  }
  return parsed;
}

template <class E>
std::optional<E> ReadName(http::JsonBody& body, const char* field,
                          std::optional<E> (*parse)(std::string_view)) {
  const Json& json = body.json();
  if (!json.contains(field) || json[field].is_null()) return std::nullopt;
  if (!json[field].is_string()) {
    body.AddError({field, "invalid_type"});
    return std::nullopt;
  }
  auto parsed = parse(json[field].get<std::string>());
  if (!parsed) body.AddError({field, "invalid_value"});
  return parsed;
}

void RefuseUnknown(http::JsonBody& body, std::initializer_list<const char*> known) {
  for (const auto& [key, value] : body.json().items()) {
    bool found = false;
    for (const char* name : known) found = found || key == name;
    if (!found) body.AddError({key, "unknown_field"});
  }
}

const http::TextRule kTitle{.required = false, .max = kMaxTitle};
const http::TextRule kNotes{.required = false, .max = kMaxNotes, .trim = false};

}  // namespace

Json TaskJson(const TaskView& view, http::Language language) {
  const Task& t = view.task;
  Json client = nullptr;
  if (view.client) {
    const auto& c = *view.client;
    std::string name = c.first_name;
    if (!c.last_name.empty()) name += (name.empty() ? "" : " ") + c.last_name;
    client = {{"id", c.id},
              {"name", name},
              {"first_name", c.first_name},
              {"last_name", c.last_name},
              {"phone", c.phones.empty() ? Json(nullptr) : Json(c.phones.front())}};
  }
  const std::string title =
      t.title.empty() ? AutomaticTitle(t, http::LanguageCode(language)) : t.title;
  return {
      {"id", t.id},
      {"kind", KindName(t.kind)},
      {"automatic", t.automatic()},
      {"status", StatusName(t.status)},
      {"priority", PriorityName(t.priority)},
      {"title", title},
      {"notes", t.notes},
      {"due_at", FormatRfc3339Utc(t.due_at)},
      {"assignee_user_id", OptionalId(t.assignee_user_id)},
      {"client_id", OptionalId(t.client_id)},
      {"client", client},
      {"appointment_id", OptionalId(t.appointment_id)},
      {"branch_id", OptionalId(t.branch_id)},
      {"date", t.date.empty() ? Json(nullptr) : Json(t.date)},
      {"visit_count", t.kind == TaskKind::kConfirmTomorrow ? Json(t.visit_count) : Json(nullptr)},
      {"created_by", OptionalId(t.created_by)},
      {"created_at", FormatRfc3339Utc(t.created_at)},
      {"updated_at", FormatRfc3339Utc(t.updated_at)},
      {"done_at", t.done_at ? Json(FormatRfc3339Utc(*t.done_at)) : Json(nullptr)}};
}

Json SummaryJson(const TaskSummary& s) {
  return {{"open", s.open},
          {"overdue", s.overdue},
          {"due_today", s.due_today},
          {"newest_id", OptionalId(s.newest_id)}};
}

std::string EncodeTaskCursor(const TaskCursor& c) {
  return std::to_string(c.rank) + "-" + std::to_string(c.due_at) + "-" + std::to_string(c.id);
}

std::optional<TaskCursor> ParseTaskCursor(std::string_view text) {
  const auto first = text.find('-');
  const auto second = first == std::string_view::npos ? first : text.find('-', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  auto rank = ParseNumber(text.substr(0, first));
  auto due = ParseNumber(text.substr(first + 1, second - first - 1));
  auto id = ParseNumber(text.substr(second + 1));
  if (!rank || !due || !id || (*rank != 0 && *rank != 1) || *due < 0 || *due > kLastInstant ||
      *id <= 0) {
    return std::nullopt;
  }
  return TaskCursor{static_cast<int>(*rank), *due, *id};
}

Result<TaskQuery, http::Response> ParseTaskQuery(const http::Request& req, Id user_id) {
  TaskQuery q;
  FieldErrors errors;
  auto present = [&](const char* name) -> std::optional<std::string_view> {
    auto value = req.Query(name);
    if (value && value->empty()) return std::nullopt;
    return value;
  };
  if (auto status = present("status")) {
    q.filter.status = ParseStatus(*status);
    if (!q.filter.status) errors.push_back({"status", "invalid_value"});
  }
  if (auto assignee = present("assignee")) {
    if (*assignee == "me") {
      q.filter.assignee = {AssigneeFilter::Kind::kUser, user_id};
    } else if (*assignee == "none") {
      q.filter.assignee = {AssigneeFilter::Kind::kNobody, 0};
    } else if (auto id = http::ParseId(*assignee)) {
      q.filter.assignee = {AssigneeFilter::Kind::kUser, *id};
    } else {
      errors.push_back({"assignee", "invalid_value"});
    }
  }
  if (auto client = present("client_id")) {
    q.filter.client_id = http::ParseId(*client);
    if (!q.filter.client_id) errors.push_back({"client_id", "invalid_value"});
  }
  if (auto kind = present("kind")) {
    q.filter.kind = ParseKind(*kind);
    if (!q.filter.kind) errors.push_back({"kind", "invalid_value"});
  }
  if (auto before = present("due_before")) {
    q.filter.due_before = ParseInstant(*before);
    if (!q.filter.due_before) errors.push_back({"due_before", "invalid_value"});
  }
  if (auto limit = present("limit")) {
    auto value = ParseNumber(*limit);
    if (!value || *value < 1 || *value > 200) {
      errors.push_back({"limit", "out_of_range", 200});
    } else {
      q.limit = static_cast<int>(*value);
    }
  }
  if (auto cursor = present("cursor")) {
    q.after = ParseTaskCursor(*cursor);
    if (!q.after) errors.push_back({"cursor", "invalid_cursor"});
  }
  if (!errors.empty()) return Fail(http::BadRequest(req, errors));
  return q;
}

NewTask ReadNewTask(http::JsonBody& body) {
  RefuseUnknown(body, {"title", "notes", "due_at", "priority", "assignee_user_id", "client_id",
                       "appointment_id", "kind"});
  NewTask in;
  http::TextRule title = kTitle;
  title.required = true;
  in.title = body.Text("title", title).value_or("");
  in.notes = body.ClearableText("notes", kNotes).value_or("");
  in.due_at = ReadInstant(body, "due_at", true).value_or(0);
  in.priority = ReadName<Priority>(body, "priority", ParsePriority).value_or(Priority::kNormal);
  if (auto kind = ReadName<TaskKind>(body, "kind", ParseKind); kind && *kind != TaskKind::kManual) {
    body.AddError({"kind", "invalid_value"});  // only Kvitka adds the other kinds
  }
  in.assignee_user_id = body.NullableId("assignee_user_id").value_or(std::nullopt);
  in.client_id = body.NullableId("client_id").value_or(std::nullopt);
  in.appointment_id = body.NullableId("appointment_id").value_or(std::nullopt);
  return in;
}

TaskPatch ReadTaskPatch(http::JsonBody& body) {
  RefuseUnknown(body, {"title", "notes", "due_at", "priority", "assignee_user_id", "status"});
  TaskPatch patch;
  if (body.Has("title") || body.IsNull("title")) {
    http::TextRule title = kTitle;
    title.required = true;
    patch.title = body.Text("title", title);
    if (!patch.title) patch.title = "";  // refused: the error says why
  }
  patch.notes = body.ClearableText("notes", kNotes);
  if (body.IsNull("due_at")) body.AddError({"due_at", "required"});
  patch.due_at = ReadInstant(body, "due_at", false);
  patch.priority = ReadName<Priority>(body, "priority", ParsePriority);
  patch.assignee_user_id = body.NullableId("assignee_user_id");
  patch.status = ReadName<TaskStatus>(body, "status", ParseStatus);
  return patch;
}

http::Response ErrorResponse(const http::Request& request, const Error& error) {
  switch (error.code) {
    case ErrorCode::kValidation:
      return http::ValidationFailed(request, error.fields);
    case ErrorCode::kForbidden:
      return http::Forbidden(request);
    case ErrorCode::kNotFound:
      return http::NotFound(request);
  }
  return http::NotFound(request);
}

}  // namespace kvitka::tasks
