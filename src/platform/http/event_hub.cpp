#include "platform/http/event_hub.h"

#include <string_view>
#include <utility>
#include <vector>

namespace kvitka::http {

void EventHub::Publish(const ServerEvent& event) {
  std::lock_guard publishing(publish_mutex_);
  std::vector<std::shared_ptr<const Sink>> sinks;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, subscription] : subscriptions_) {
      if (subscription.org_id != event.org_id) continue;
      if (subscription.branch_id && *subscription.branch_id != event.branch_id) continue;
      sinks.push_back(subscription.sink);
    }
  }
  const std::uint64_t id = next_event_id_++;
  if (sinks.empty()) return;
  const std::string frame = Frame(id, event);
  for (const auto& sink : sinks) {
    try {
      (*sink)(frame);
    } catch (...) {
      // A failing stream is the server's business (it unsubscribes it), not the publisher's.
    }
  }
}

Id EventHub::Subscribe(Id org_id, std::optional<Id> branch_id, Sink sink) {
  auto shared = std::make_shared<const Sink>(std::move(sink));
  std::lock_guard lock(mutex_);
  const Id id = next_subscription_++;
  subscriptions_.emplace(id, Subscription{org_id, branch_id, std::move(shared)});
  return id;
}

void EventHub::Unsubscribe(Id subscription) {
  std::shared_ptr<const Sink> removed;  // destroyed after the lock is released
  std::lock_guard lock(mutex_);
  auto it = subscriptions_.find(subscription);
  if (it == subscriptions_.end()) return;
  removed = std::move(it->second.sink);
  subscriptions_.erase(it);
}

std::size_t EventHub::Subscribers() const {
  std::lock_guard lock(mutex_);
  return subscriptions_.size();
}

std::string EventHub::Frame(std::uint64_t id, const ServerEvent& event) {
  std::string frame = "id: " + std::to_string(id) + "\n";
  if (!event.type.empty()) {
    frame += "event: ";
    for (char c : event.type) {
      if (c != '\n' && c != '\r') frame += c;
    }
    frame += '\n';
  }
  // Each line of the data becomes its own "data:" line (\r\n, \r and \n all end a line).
  std::string_view rest = event.data;
  while (true) {
    const auto end = rest.find_first_of("\r\n");
    frame += "data: ";
    frame += rest.substr(0, end);
    frame += '\n';
    if (end == std::string_view::npos) break;
    const bool crlf = rest[end] == '\r' && end + 1 < rest.size() && rest[end + 1] == '\n';
    rest.remove_prefix(end + (crlf ? 2 : 1));
  }
  frame += '\n';
  return frame;
}

}  // namespace kvitka::http
