#include "booking/http/online_json.h"

#include "core/time.h"

namespace kvitka::booking {

using http::Json;

namespace {

Json Instant(EpochSeconds t) { return FormatRfc3339Utc(t); }

Json BranchJson(const identity::Branch& b, const OnlineRules& rules) {
  return {{"slug", b.slug},          {"name", b.name},         {"address", b.address},
          {"timezone", b.timezone},  {"currency", b.currency}, {"phone", rules.phone},
          {"message", rules.message}};
}

}  // namespace

std::string BookingPageUrl(const std::string& base, const std::string& slug) {
  return base + "/b/" + slug;
}

std::string ManageUrl(const std::string& base, const std::string& slug, const std::string& token) {
  return base + "/b/" + slug + "/m/" + token;
}

Json OnlineRulesJson(const OnlineRules& r, Id branch_id, const std::string& page_url) {
  return {{"branch_id", branch_id},
          {"enabled", r.enabled},
          {"lead_minutes", r.lead_minutes},
          {"horizon_days", r.horizon_days},
          {"step_minutes", r.step_minutes},
          {"auto_confirm", r.auto_confirm},
          {"cancel_deadline_minutes", r.cancel_deadline_minutes},
          {"master_required", r.master_required},
          {"max_future_bookings", r.max_future_bookings},
          {"phone", r.phone},
          {"message", r.message},
          {"booking_url", page_url}};
}

OnlineRulesPatch ReadOnlineRules(http::JsonBody& body) {
  OnlineRulesPatch p;
  p.enabled = body.Bool("enabled");
  p.auto_confirm = body.Bool("auto_confirm");
  p.master_required = body.Bool("master_required");
  auto integer = [&](const char* field) -> std::optional<int> {
    if (auto v = body.Int(field, false, -1000000, 1000000)) return static_cast<int>(*v);
    return std::nullopt;
  };
  p.lead_minutes = integer("lead_minutes");
  p.horizon_days = integer("horizon_days");
  p.step_minutes = integer("step_minutes");
  p.cancel_deadline_minutes = integer("cancel_deadline_minutes");
  p.max_future_bookings = integer("max_future_bookings");
  p.phone = body.ClearableText("phone", {.max = 40});
  p.message = body.ClearableText("message", {.max = 2000});
  return p;
}

Json PublicBranchJson(const PublicBranch& page) {
  const auto& r = page.rules;
  Json categories = Json::array();
  for (const auto& c : page.categories) categories.push_back({{"id", c.id}, {"name", c.name}});
  Json services = Json::array();
  for (const auto& ps : page.services) {
    const auto& s = ps.service;
    services.push_back({{"id", s.id},
                        {"category_id", s.category_id ? Json(*s.category_id) : Json(nullptr)},
                        {"name", s.name},
                        {"description", s.description},
                        {"duration", s.duration},
                        {"price_min", ps.price_min},
                        {"price_max", ps.price_max ? Json(*ps.price_max) : Json(nullptr)},
                        {"staff_ids", ps.staff_ids}});
  }
  Json masters = Json::array();
  for (const auto& pm : page.masters) {
    const auto& m = pm.member;
    Json photo = nullptr;
    if (m.photo_file_id) {
      photo = "/api/v1/public/staff/" + std::to_string(m.id) +
              "/photo?v=" + std::to_string(*m.photo_file_id);
    }
    masters.push_back({{"id", m.id},
                       {"name", m.name},
                       {"position", m.position},
                       {"bio", m.bio},
                       {"color", m.color},
                       {"photo_url", photo},
                       {"service_ids", pm.service_ids}});
  }
  return {{"branch", BranchJson(page.branch, r)},
          {"rules",
           {{"enabled", r.enabled},
            {"lead_minutes", r.lead_minutes},
            {"horizon_days", r.horizon_days},
            {"step_minutes", r.step_minutes},
            {"master_required", r.master_required},
            {"cancel_deadline_minutes", r.cancel_deadline_minutes},
            {"auto_confirm", r.auto_confirm}}},
          {"categories", categories},
          {"services", services},
          {"masters", masters}};
}

Json PublicBookingJson(const PublicBooking& b) {
  const Appointment& a = b.appointment;
  // List prices: a client's personal discount (applied by the salon) is not shown to whoever
  // holds the link.
  std::int64_t total = 0;
  Json items = Json::array();
  for (const auto& item : a.items) {
    total += item.price;
    auto name = b.staff_names.find(item.staff_id);
    items.push_back({{"service_id", item.service_id},
                     {"service_name", item.service_name},
                     {"staff_id", item.staff_id},
                     {"staff_name", name == b.staff_names.end() ? "" : name->second},
                     {"start", Instant(item.start)},
                     {"end", Instant(item.end)},
                     {"price", item.price}});
  }
  return {{"status", StatusName(a.status)},
          {"start", Instant(a.Start())},
          {"end", Instant(a.End())},
          {"timezone", b.branch.timezone},
          {"branch", BranchJson(b.branch, b.rules)},
          {"items", items},
          {"total", total},
          {"currency", b.branch.currency},
          {"can_cancel", b.may_change},
          {"can_reschedule", b.may_change && b.rules.enabled},
          {"deadline", Instant(ChangeDeadline(a, b.rules))}};
}

Visitor ReadVisitor(http::JsonBody& body) {
  Visitor v;
  const Json& json = body.json();
  if (!json.contains("client") || !json["client"].is_object()) {
    body.AddError({"client", json.contains("client") ? "invalid_type" : "required"});
    return v;
  }
  const Json& c = json["client"];
  auto text = [&](const char* name, std::size_t max) {
    if (!c.contains(name) || c[name].is_null()) return std::string();
    if (!c[name].is_string()) {
      body.AddError({std::string("client.") + name, "invalid_type"});
      return std::string();
    }
    auto value = c[name].get<std::string>();
    if (value.size() > max * 4) {
      body.AddError({std::string("client.") + name, "too_long", static_cast<std::int64_t>(max)});
      return std::string();
    }
    return value;
  };
  v.name = text("name", 100);
  v.phone = text("phone", 40);
  v.email = text("email", 254);
  if (auto lang = body.Text("language", {.max = 5})) v.language = *lang;
  return v;
}

}  // namespace kvitka::booking
