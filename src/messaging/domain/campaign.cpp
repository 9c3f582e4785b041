#include "messaging/domain/campaign.h"

#include <array>

#include "core/text.h"
#include "messaging/domain/templates.h"

namespace kvitka::messaging {

namespace {

constexpr std::array<std::pair<CampaignStatus, const char*>, 4> kNames = {{
    {CampaignStatus::kDraft, "draft"},
    {CampaignStatus::kScheduled, "scheduled"},
    {CampaignStatus::kSent, "sent"},
    {CampaignStatus::kCancelled, "cancelled"},
}};

}  // namespace

const char* CampaignStatusName(CampaignStatus status) {
  for (const auto& [s, name] : kNames) {
    if (s == status) return name;
  }
  return "draft";
}

std::optional<CampaignStatus> ParseCampaignStatus(std::string_view name) {
  for (const auto& [s, text] : kNames) {
    if (name == text) return s;
  }
  return std::nullopt;
}

FieldErrors CheckCampaign(const Campaign& c) {
  FieldErrors errors;
  const std::string name = Trim(c.name);
  if (name.empty()) {
    errors.push_back({"name", "required"});
  } else if (Utf8Length(name) > kMaxCampaignName) {
    errors.push_back({"name", "too_long", kMaxCampaignName});
  }
  MessageTemplate text{MessageKind::kCampaign, c.channel, Language::kUk, c.subject, c.body, ""};
  for (auto& e : CheckTemplate(text)) {
    if (e.field == "html") continue;
    errors.push_back(std::move(e));
  }
  if (c.per_minute < 1 || c.per_minute > kMaxPerMinute) {
    errors.push_back({"per_minute", "out_of_range", kMaxPerMinute});
  }
  return errors;
}

EpochSeconds CampaignDueAt(EpochSeconds start, int n, int per_minute) {
  return start + static_cast<EpochSeconds>(n) * 60 / std::max(1, per_minute);
}

}  // namespace kvitka::messaging
