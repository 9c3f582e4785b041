#include "messaging/domain/delivery_report.h"

#include <algorithm>
#include <map>
#include <set>

namespace kvitka::messaging {
namespace {

// How far a message got: a report only ever moves it further.
int Rank(DeliveryState state) {
  switch (state) {
    case DeliveryState::kUnknown:
      return 0;
    case DeliveryState::kUndelivered:
      return 1;
    case DeliveryState::kDelivered:
      return 2;
    case DeliveryState::kSeen:
      return 3;
  }
  return 0;
}

}  // namespace

const char* DeliveryStateName(DeliveryState state) {
  switch (state) {
    case DeliveryState::kUnknown:
      return "";
    case DeliveryState::kUndelivered:
      return "undelivered";
    case DeliveryState::kDelivered:
      return "delivered";
    case DeliveryState::kSeen:
      return "seen";
  }
  return "";
}

std::optional<DeliveryState> ParseDeliveryState(std::string_view name) {
  for (auto state : {DeliveryState::kUnknown, DeliveryState::kUndelivered,
                     DeliveryState::kDelivered, DeliveryState::kSeen}) {
    if (name == DeliveryStateName(state)) return state;
  }
  return std::nullopt;
}

bool Reached(DeliveryState state) {
  return state == DeliveryState::kDelivered || state == DeliveryState::kSeen;
}

bool Advances(DeliveryState current, DeliveryState reported) {
  return Rank(reported) > Rank(current);
}

std::vector<std::vector<std::string>> ReportBatches(const std::vector<AwaitingReport>& messages,
                                                    std::size_t limit) {
  limit = std::max<std::size_t>(limit, 1);
  std::vector<std::vector<std::string>> batches;
  std::set<std::string> seen;
  for (const auto& message : messages) {
    if (message.provider_id.empty() || !seen.insert(message.provider_id).second) continue;
    if (batches.empty() || batches.back().size() >= limit) batches.emplace_back();
    batches.back().push_back(message.provider_id);
  }
  return batches;
}

std::vector<DeliveryChange> ChangesFrom(const std::vector<AwaitingReport>& messages,
                                        const std::vector<ProviderReport>& reports,
                                        EpochSeconds now) {
  // The furthest word on each id (a provider may name one twice).
  std::map<std::string, ProviderReport, std::less<>> furthest;
  for (const auto& report : reports) {
    if (report.provider_id.empty() || report.state == DeliveryState::kUnknown) continue;
    auto [it, added] = furthest.emplace(report.provider_id, report);
    if (!added && Rank(report.state) > Rank(it->second.state)) it->second = report;
  }
  std::vector<DeliveryChange> changes;
  for (const auto& message : messages) {
    if (message.provider_id.empty()) continue;
    const auto it = furthest.find(message.provider_id);
    if (it == furthest.end() || !Advances(message.delivery, it->second.state)) continue;
    const EpochSeconds at = std::max(it->second.at > 0 ? it->second.at : now, message.sent_at);
    changes.push_back({message.id, message.delivery, it->second.state, at});
  }
  return changes;
}

}  // namespace kvitka::messaging
