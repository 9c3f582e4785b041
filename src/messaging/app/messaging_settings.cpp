#include "messaging/app/messaging_settings.h"

#include <cstdio>

#include "identity/app/authorize.h"

namespace kvitka::messaging {

using identity::Actor;
using nlohmann::json;

namespace {

std::string Clock(int minutes) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60 % 24, minutes % 60);
  return text;
}

// "HH:MM" to minutes after midnight.
std::optional<int> ParseClock(const json& value) {
  if (!value.is_string()) return std::nullopt;
  const auto& text = value.get_ref<const std::string&>();
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int h = (text[0] - '0') * 10 + (text[1] - '0');
  const int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

json QuietJson(const std::optional<QuietHours>& quiet) {
  if (!quiet) return nullptr;
  return {{"start", Clock(quiet->start)}, {"end", Clock(quiet->end)}};
}

// `value` (null or {"start", "end"}) into `quiet`; errors under `field`.
void ApplyQuiet(const json& value, const std::string& field, std::optional<QuietHours>& quiet,
                FieldErrors& errors) {
  if (value.is_null()) {
    quiet.reset();
    return;
  }
  if (!value.is_object()) {
    errors.push_back({field, "invalid_type"});
    return;
  }
  QuietHours parsed = quiet.value_or(QuietHours{});
  for (const char* end : {"start", "end"}) {
    if (!value.contains(end)) continue;
    auto minutes = ParseClock(value[end]);
    if (!minutes) {
      errors.push_back({field + "." + end, "invalid_time"});
      continue;
    }
    (std::string(end) == "start" ? parsed.start : parsed.end) = *minutes;
  }
  quiet = parsed;
}

void ApplyInt(const json& changes, const char* name, int& target, FieldErrors& errors,
              const std::string& prefix = "") {
  if (!changes.contains(name)) return;
  const auto& value = changes[name];
  if (!value.is_number_integer()) {
    errors.push_back({prefix + name, "invalid_type"});
    return;
  }
  const auto number = value.get<long long>();
  if (number < -1000000 || number > 1000000) {
    errors.push_back({prefix + name, "out_of_range"});
    return;
  }
  target = static_cast<int>(number);
}

json OrgJson(const MessagingRules& rules) {
  json j = RulesJson(rules);
  j.erase("branches");
  return j;
}

}  // namespace

json RulesJson(const MessagingRules& r) {
  json order = json::array();
  for (auto channel : r.channel_order) order.push_back(ChannelName(channel));
  json kinds = json::object();
  for (auto kind : AllMessageKinds()) kinds[MessageKindName(kind)] = r.Sends(kind);
  json branches = json::array();
  for (const auto& [branch_id, quiet] : r.branch_quiet_hours) {
    branches.push_back({{"branch_id", branch_id}, {"quiet_hours", QuietJson(quiet)}});
  }
  return {{"channel_order", order},
          {"reminders",
           {{"offsets", r.reminders.offsets},
            {"min_lead", r.reminders.min_lead},
            {"min_gap_after_booking", r.reminders.min_gap_after_booking}}},
          {"quiet_hours", QuietJson(r.reminders.quiet_hours)},
          {"kinds", kinds},
          {"feedback_delay_minutes", r.feedback_delay_minutes},
          {"come_back_lead_days", r.come_back_lead_days},
          {"birthday_days_before", r.birthday_days_before},
          {"branches", branches}};
}

FieldErrors ApplyRulesChanges(const json& changes, MessagingRules& r) {
  FieldErrors errors;
  if (!changes.is_object()) return {{"body", "invalid_type"}};
  static const std::vector<std::string> kKnown = {
      "channel_order",          "reminders",           "quiet_hours",          "kinds",
      "feedback_delay_minutes", "come_back_lead_days", "birthday_days_before", "branches"};
  for (const auto& [key, value] : changes.items()) {
    if (std::find(kKnown.begin(), kKnown.end(), key) == kKnown.end()) {
      errors.push_back({key, "unknown_field"});
    }
  }
  if (changes.contains("channel_order")) {
    const auto& order = changes["channel_order"];
    if (!order.is_array()) {
      errors.push_back({"channel_order", "invalid_type"});
    } else {
      r.channel_order.clear();
      for (std::size_t i = 0; i < order.size(); ++i) {
        auto channel =
            order[i].is_string() ? ParseChannel(order[i].get<std::string>()) : std::nullopt;
        if (!channel) {
          errors.push_back({"channel_order[" + std::to_string(i) + "]", "invalid_value"});
        } else {
          r.channel_order.push_back(*channel);
        }
      }
    }
  }
  if (changes.contains("reminders")) {
    const auto& reminders = changes["reminders"];
    if (!reminders.is_object()) {
      errors.push_back({"reminders", "invalid_type"});
    } else {
      if (reminders.contains("offsets")) {
        const auto& offsets = reminders["offsets"];
        if (!offsets.is_array()) {
          errors.push_back({"reminders.offsets", "invalid_type"});
        } else {
          r.reminders.offsets.clear();
          for (std::size_t i = 0; i < offsets.size(); ++i) {
            if (!offsets[i].is_number_integer()) {
              errors.push_back({"reminders.offsets[" + std::to_string(i) + "]", "invalid_type"});
            } else if (offsets[i].get<long long>() < -1000000 ||
                       offsets[i].get<long long>() > 1000000) {
              errors.push_back({"reminders.offsets[" + std::to_string(i) + "]", "out_of_range"});
            } else {
              r.reminders.offsets.push_back(offsets[i].get<int>());
            }
          }
        }
      }
      ApplyInt(reminders, "min_lead", r.reminders.min_lead, errors, "reminders.");
      ApplyInt(reminders, "min_gap_after_booking", r.reminders.min_gap_after_booking, errors,
               "reminders.");
    }
  }
  if (changes.contains("quiet_hours")) {
    ApplyQuiet(changes["quiet_hours"], "quiet_hours", r.reminders.quiet_hours, errors);
  }
  if (changes.contains("kinds")) {
    const auto& kinds = changes["kinds"];
    if (!kinds.is_object()) {
      errors.push_back({"kinds", "invalid_type"});
    } else {
      for (const auto& [name, on] : kinds.items()) {
        auto kind = ParseMessageKind(name);
        if (!kind) {
          errors.push_back({"kinds." + name, "unknown_field"});
        } else if (!on.is_boolean()) {
          errors.push_back({"kinds." + name, "invalid_type"});
        } else {
          r.kinds[*kind] = on.get<bool>();
        }
      }
    }
  }
  ApplyInt(changes, "feedback_delay_minutes", r.feedback_delay_minutes, errors);
  ApplyInt(changes, "come_back_lead_days", r.come_back_lead_days, errors);
  ApplyInt(changes, "birthday_days_before", r.birthday_days_before, errors);
  if (changes.contains("branches")) {
    const auto& branches = changes["branches"];
    if (!branches.is_array()) {
      errors.push_back({"branches", "invalid_type"});
    } else {
      r.branch_quiet_hours.clear();
      for (std::size_t i = 0; i < branches.size(); ++i) {
        const std::string field = "branches[" + std::to_string(i) + "]";
        const auto& b = branches[i];
        if (!b.is_object() || !b.contains("branch_id") || !b["branch_id"].is_number_integer()) {
          errors.push_back({field + ".branch_id", "required"});
          continue;
        }
        std::optional<QuietHours> quiet;
        if (b.contains("quiet_hours"))
          ApplyQuiet(b["quiet_hours"], field + ".quiet_hours", quiet, errors);
        r.branch_quiet_hours[b["branch_id"].get<Id>()] = quiet;
      }
    }
  }
  if (errors.empty()) errors = CheckMessagingRules(r);
  return errors;
}

MessagingRules LoadRules(db::Session& s, MessagingRulesStore& store, Id org_id) {
  MessagingRules rules;
  for (const auto& [branch_id, text] : store.All(s, org_id)) {
    auto stored = json::parse(text, nullptr, false);
    if (!stored.is_object()) continue;  // a damaged row keeps the defaults
    if (branch_id == 0) {
      stored.erase("branches");
      MessagingRules parsed = rules;
      if (ApplyRulesChanges(stored, parsed).empty()) {
        parsed.branch_quiet_hours = rules.branch_quiet_hours;
        rules = parsed;
      }
    } else {
      std::optional<QuietHours> quiet;
      FieldErrors ignored;
      if (stored.contains("quiet_hours")) {
        ApplyQuiet(stored["quiet_hours"], "quiet_hours", quiet, ignored);
      }
      if (ignored.empty()) rules.branch_quiet_hours[branch_id] = quiet;
    }
  }
  return rules;
}

Result<MessagingRules, Error> MessagingSettings::Get(const Actor& actor) {
  if (!identity::Authorize(actor, identity::Action::kManageMessaging)) {
    return Fail(Error(ErrorCode::kForbidden));
  }
  return db_.Read([&](db::Session& s) { return LoadRules(s, store_, actor.org_id); });
}

Result<MessagingRules, Error> MessagingSettings::Put(const Actor& actor, const json& changes) {
  if (!identity::Authorize(actor, identity::Action::kManageMessaging)) {
    return Fail(Error(ErrorCode::kForbidden));
  }
  return db_.Write([&](db::Session& s) -> Result<MessagingRules, Error> {
    const MessagingRules before = LoadRules(s, store_, actor.org_id);
    MessagingRules rules = before;
    if (auto errors = ApplyRulesChanges(changes, rules); !errors.empty()) {
      return Fail(Error(ErrorCode::kValidation, errors));
    }
    if (changes.is_object() && changes.contains("branches")) {
      for (std::size_t i = 0; i < changes["branches"].size(); ++i) {
        const Id branch_id = changes["branches"][i]["branch_id"].get<Id>();
        if (!branches_.Exists(s, actor.org_id, branch_id)) {
          return Fail(Error(ErrorCode::kValidation,
                            {{"branches[" + std::to_string(i) + "].branch_id", "not_found"}}));
        }
      }
      for (const auto& [branch_id, quiet] : before.branch_quiet_hours) {
        if (rules.branch_quiet_hours.count(branch_id) == 0)
          store_.Delete(s, actor.org_id, branch_id);
      }
      for (const auto& [branch_id, quiet] : rules.branch_quiet_hours) {
        store_.Save(s, actor.org_id, branch_id, json{{"quiet_hours", QuietJson(quiet)}}.dump(),
                    clock_.Now());
      }
    }
    store_.Save(s, actor.org_id, 0, OrgJson(rules).dump(), clock_.Now());
    // New offsets or quiet hours apply to the visits already booked too.
    const auto was = RulesJson(before);
    const auto is = RulesJson(rules);
    if (was["reminders"] != is["reminders"] || was["quiet_hours"] != is["quiet_hours"] ||
        was["branches"] != is["branches"] ||
        before.Sends(MessageKind::kReminder) != rules.Sends(MessageKind::kReminder)) {
      replanner_.ReplanIn(s, actor.org_id, clock_.Now());
    }
    audit_.Record(s, actor, "messaging_rules.update", "messaging_rules", std::nullopt,
                  RulesJson(before), RulesJson(rules));
    return rules;
  });
}

}  // namespace kvitka::messaging
