#include "clients/http/client_json.h"

#include <algorithm>

#include "clients/domain/client_rules.h"
#include "core/time.h"
#include "platform/http/problem.h"

namespace kvitka::clients {

using http::Json;

namespace {

Json OptionalId(const std::optional<Id>& id) { return id ? Json(*id) : Json(nullptr); }
Json TextOrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }
Json InstantOrNull(const std::optional<EpochSeconds>& at) {
  return at ? Json(FormatRfc3339Utc(*at)) : Json(nullptr);
}

// Filter keys whose values are numbers or flags in JSON.
bool IsNumberKey(std::string_view key) {
  for (const char* k : {"age_min", "age_max", "visits_min", "visits_max", "spent_min", "spent_max",
                        "no_shows_min", "sleeping_days", "segment_id"}) {
    if (key == k) return true;
  }
  return false;
}

}  // namespace

Json TagJson(const Tag& t) {
  return {{"id", t.id}, {"name", t.name}, {"color", t.color}, {"clients", t.clients}};
}

Json ClientJson(const Client& c, NameOrder order) {
  Json tags = Json::array();
  for (const auto& t : c.tags) tags.push_back({{"id", t.id}, {"name", t.name}, {"color", t.color}});
  Json json = {
      {"id", c.id},
      {"first_name", c.first_name},
      {"display_name", DisplayName(c, order)},
      {"birthday", TextOrNull(c.birthday)},
      {"gender", TextOrNull(c.gender)},
      {"notes", c.notes},
      {"source", TextOrNull(c.source)},
      {"referred_by_id", OptionalId(c.referred_by_id)},
      {"preferred_staff_ids", c.preferred_staff_ids},
      {"preferred_service_ids", c.preferred_service_ids},
      {"preferences", c.preferences},
      {"consent",
       {{"sms", c.consent.sms},
        {"telegram", c.consent.telegram},
        {"viber", c.consent.viber},
        {"email", c.consent.email}}},
      {"language", c.language},
      {"discount_percent", c.discount_percent},
      {"tags", tags},
      {"stats",
       {{"first_visit_at", InstantOrNull(c.stats.first_visit_at)},
        {"last_visit_at", InstantOrNull(c.stats.last_visit_at)},
        {"visits", c.stats.visits},
        {"no_shows", c.stats.no_shows},
        {"cancellations", c.stats.cancellations},
        {"total_spent", c.stats.total_spent},
        {"average_check", c.stats.AverageCheck()}}},
      {"photo_file_id", OptionalId(c.photo_file_id)},
      {"archived", c.archived},
      {"erased", c.erased},
      {"merged_into_id", OptionalId(c.merged_into_id)},
      {"created_at", FormatRfc3339Utc(c.created_at)},
      {"updated_at", FormatRfc3339Utc(c.updated_at)},
  };
  if (!c.contacts_hidden) {
    json["last_name"] = c.last_name;
    json["middle_name"] = c.middle_name;
    json["phones"] = c.phones;
    json["email"] = TextOrNull(c.email);
  }
  return json;
}

Json SegmentJson(const Segment& segment) {
  Json filter = Json::object();
  for (const auto& [key, value] : segment.filter) {
    if (key == "tag_ids") {
      Json ids = Json::array();
      std::size_t start = 0;
      while (start < value.size()) {
        auto end = value.find(',', start);
        if (end == std::string::npos) end = value.size();
        try {
          ids.push_back(std::stoll(value.substr(start, end - start)));
        } catch (const std::exception&) {
          // Stored filters are validated on save; skip what cannot be read.
        }
        start = end + 1;
      }
      filter[key] = ids;
    } else if (key == "archived") {
      filter[key] = value == "true";
    } else if (IsNumberKey(key)) {
      try {
        filter[key] = std::stoll(value);
      } catch (const std::exception&) {
        filter[key] = value;
      }
    } else {
      filter[key] = value;
    }
  }
  return {
      {"id", segment.id}, {"name", segment.name}, {"filter", filter}, {"clients", segment.clients}};
}

Json FileJson(const ClientFile& f) {
  return {
      {"id", f.id},
      {"kind", f.kind},
      {"filename", f.filename},
      {"content_type", f.content_type},
      {"size", f.size},
      {"created_at", FormatRfc3339Utc(f.created_at)},
      {"url", "/api/v1/clients/" + std::to_string(f.client_id) + "/files/" + std::to_string(f.id)}};
}

ClientPatch ReadClient(http::JsonBody& body, bool creating) {
  ClientPatch p;
  const http::TextRule name{.max = 100};
  p.first_name = body.Text("first_name", {.required = creating, .max = 100});
  p.last_name = body.ClearableText("last_name", name);
  p.middle_name = body.ClearableText("middle_name", name);
  p.email = body.ClearableText("email", {.max = 254});
  p.birthday = body.ClearableText("birthday", {.max = 10});
  p.gender = body.ClearableText("gender", {.max = 10});
  p.notes = body.ClearableText("notes", {.max = 5000});
  p.source = body.ClearableText("source", {.max = 30});
  p.preferences = body.ClearableText("preferences", {.max = 2000});
  p.language = body.Text("language", {.max = 2});
  p.phones = body.TextList("phones", 10, {.max = 40});
  if (body.IsNull("phones")) p.phones = std::vector<std::string>{};
  p.referred_by_id = body.NullableId("referred_by_id");
  p.photo_file_id = body.NullableId("photo_file_id");
  p.preferred_staff_ids = body.IdList("preferred_staff_ids", 50);
  p.preferred_service_ids = body.IdList("preferred_service_ids", 50);
  p.tag_ids = body.IdList("tag_ids", 50);
  if (auto d = body.Int("discount_percent", false, 0, 100))
    p.discount_percent = static_cast<int>(*d);
  if (body.Has("consent")) {
    const auto& consent = body.json().at("consent");
    if (!consent.is_object()) {
      body.AddError({"consent", "invalid_type"});
    } else {
      auto flag = [&](const char* key, std::optional<bool>& out) {
        if (!consent.contains(key) || consent.at(key).is_null()) return;
        if (!consent.at(key).is_boolean()) {
          body.AddError({std::string("consent.") + key, "invalid_type"});
        } else {
          out = consent.at(key).get<bool>();
        }
      };
      flag("sms", p.consent_sms);
      flag("telegram", p.consent_telegram);
      flag("viber", p.consent_viber);
      flag("email", p.consent_email);
    }
  }
  return p;
}

std::optional<Pairs> ReadFilter(http::JsonBody& body) {
  if (!body.Has("filter")) return std::nullopt;
  const auto& filter = body.json().at("filter");
  if (!filter.is_object()) {
    body.AddError({"filter", "invalid_type"});
    return std::nullopt;
  }
  Pairs pairs;
  for (const auto& [key, value] : filter.items()) {
    const std::string field = "filter." + key;
    if (value.is_null()) continue;
    if (value.is_string()) {
      pairs.emplace_back(key, value.get<std::string>());
    } else if (value.is_number_integer()) {
      pairs.emplace_back(key, std::to_string(value.get<std::int64_t>()));
    } else if (value.is_boolean()) {
      pairs.emplace_back(key, value.get<bool>() ? "true" : "false");
    } else if (value.is_array()) {
      std::string joined;
      for (const auto& item : value) {
        if (!item.is_number_integer()) {
          body.AddError({field, "invalid_type"});
          return std::nullopt;
        }
        joined += (joined.empty() ? "" : ",") + std::to_string(item.get<std::int64_t>());
      }
      pairs.emplace_back(key, joined);
    } else {
      body.AddError({field, "invalid_type"});
    }
  }
  return pairs;
}

http::Response ErrorResponse(const http::Request& request, const Error& error) {
  switch (error.code) {
    case ErrorCode::kValidation:
      return http::ValidationFailed(request, error.fields);
    case ErrorCode::kForbidden:
      return http::Forbidden(request);
    case ErrorCode::kNotFound:
      return http::NotFound(request);
    case ErrorCode::kPhoneTaken: {
      auto response = http::Problem(request, 409, "phone-taken",
                                    {"This phone number already belongs to a client",
                                     "Цей номер телефону вже належить клієнту",
                                     "Этот номер телефона уже принадлежит клиенту"},
                                    error.existing_name);
      auto json = Json::parse(response.body);
      json["existing_client"] = {{"id", error.existing_id}, {"display_name", error.existing_name}};
      response.body = http::Dump(json);
      return response;
    }
    case ErrorCode::kTagTaken:
      return http::Problem(request, 409, "tag-taken",
                           {"A tag with this name already exists", "Тег з такою назвою вже є",
                            "Тег с таким названием уже есть"},
                           {}, {{"name", "taken"}});
    case ErrorCode::kUnsupportedFile:
      return http::Problem(request, 415, "unsupported-media-type",
                           {"This file type is not accepted: use JPEG, PNG, WebP or PDF",
                            "Такий тип файлу не приймається: JPEG, PNG, WebP або PDF",
                            "Такой тип файла не принимается: JPEG, PNG, WebP или PDF"});
    case ErrorCode::kFileTooLarge:
      return http::Problem(request, 413, "payload-too-large",
                           {"The file is too large", "Файл завеликий", "Файл слишком большой"});
    case ErrorCode::kUnreadableFile:
      return http::Problem(
          request, 422, "unreadable-file",
          {"The file could not be read as a spreadsheet", "Файл не вдалося прочитати як таблицю",
           "Файл не удалось прочитать как таблицу"});
    case ErrorCode::kConflict:
      return http::Problem(request, 409, "conflict",
                           {"This client card is archived", "Ця картка клієнта в архіві",
                            "Эта карточка клиента в архиве"});
    case ErrorCode::kImportUsed:
      return http::Problem(request, 409, "import-used",
                           {"This import has already been run", "Цей імпорт уже виконано",
                            "Этот импорт уже выполнен"});
  }
  return http::NotFound(request);
}

http::Response QueryErrorResponse(const http::Request& request, const Error& error) {
  if (error.code == ErrorCode::kValidation) return http::BadRequest(request, error.fields);
  return ErrorResponse(request, error);
}

}  // namespace kvitka::clients
