// Server-Sent Events: an in-process hub that fans events out to the open event streams.
// A module publishes; the server (server.cpp) subscribes one sink per open stream.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/id.h"

namespace kvitka::http {

struct ServerEvent {
  Id org_id = 0;
  Id branch_id = 0;
  std::string type;  // SSE "event:" name, e.g. "appointment"
  std::string data;  // one line of JSON
};

// In-process fan-out of events to open streams. Thread-safe.
//
// A subscriber with a branch receives the events of its organization with that branch_id;
// one without a branch receives every event of its organization. Events of other
// organizations are never delivered.
class EventHub {
 public:
  // Called with a whole SSE frame. Must not block (queue the bytes and return) and must not
  // call Publish; it may call Unsubscribe (also its own).
  using Sink = std::function<void(const std::string& frame)>;

  EventHub() = default;
  EventHub(const EventHub&) = delete;
  EventHub& operator=(const EventHub&) = delete;

  // Delivers the event to the matching subscribers, in publication order, on the calling
  // thread. Never blocks on slow clients (sinks only queue). Exceptions of a sink are
  // swallowed so one broken stream cannot hurt the publisher or the other streams.
  void Publish(const ServerEvent& event);

  // Returns the subscription id (> 0). The sink may be called (from any thread) as soon as
  // this is entered, until Unsubscribe returns.
  Id Subscribe(Id org_id, std::optional<Id> branch_id, Sink sink);
  // Unknown or already removed ids are ignored. A Publish already running on another thread
  // may still finish calling the sink once after this returns.
  void Unsubscribe(Id subscription);
  std::size_t Subscribers() const;

  // "id: <n>\nevent: <type>\ndata: <data>\n\n"; n is a hub-wide increasing counter. The
  // event line is left out when the type is empty; a line break in the data starts another
  // "data:" line, and line breaks in the type are dropped, so a frame is always well formed.
  static std::string Frame(std::uint64_t id, const ServerEvent& event);

 private:
  struct Subscription {
    Id org_id = 0;
    std::optional<Id> branch_id;
    std::shared_ptr<const Sink> sink;
  };

  std::mutex publish_mutex_;         // serializes Publish: ids and delivery stay in order
  std::uint64_t next_event_id_ = 1;  // guarded by publish_mutex_

  mutable std::mutex mutex_;  // guards the members below; never held while calling a sink
  std::map<Id, Subscription> subscriptions_;
  Id next_subscription_ = 1;
};

}  // namespace kvitka::http
