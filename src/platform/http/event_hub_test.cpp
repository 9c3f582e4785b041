#include "platform/http/event_hub.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "platform/http/request.h"

namespace kvitka::http {
namespace {

// Collects the frames a sink receives.
struct Inbox {
  std::mutex mutex;
  std::vector<std::string> frames;

  EventHub::Sink Sink() {
    return [this](const std::string& frame) {
      std::lock_guard lock(mutex);
      frames.push_back(frame);
    };
  }
  std::vector<std::string> Frames() {
    std::lock_guard lock(mutex);
    return frames;
  }
};

ServerEvent Event(Id org, Id branch, std::string type = "appointment", std::string data = "{}") {
  return ServerEvent{org, branch, std::move(type), std::move(data)};
}

TEST(EventHub, FrameFormat) {
  EXPECT_EQ(EventHub::Frame(7, Event(1, 2, "appointment", R"({"id":5})")),
            "id: 7\nevent: appointment\ndata: {\"id\":5}\n\n");
}

TEST(EventHub, FrameKeepsMultilineDataAndTypeWellFormed) {
  EXPECT_EQ(EventHub::Frame(1, Event(1, 0, "a\nb", "x\ny\r\nz\rw")),
            "id: 1\nevent: ab\ndata: x\ndata: y\ndata: z\ndata: w\n\n");
  EXPECT_EQ(EventHub::Frame(2, Event(1, 0, "", "")), "id: 2\ndata: \n\n");
}

TEST(EventHub, RoutesByOrganizationAndBranch) {
  EventHub hub;
  Inbox whole_org, branch_10, branch_11, other_org;
  hub.Subscribe(1, std::nullopt, whole_org.Sink());
  hub.Subscribe(1, 10, branch_10.Sink());
  hub.Subscribe(1, 11, branch_11.Sink());
  hub.Subscribe(2, std::nullopt, other_org.Sink());
  EXPECT_EQ(hub.Subscribers(), 4u);

  hub.Publish(Event(1, 10, "appointment", "a"));
  hub.Publish(Event(1, 11, "appointment", "b"));
  hub.Publish(Event(3, 10, "appointment", "c"));  // nobody listens to org 3

  ASSERT_EQ(whole_org.Frames().size(), 2u);
  EXPECT_EQ(whole_org.Frames()[0], "id: 1\nevent: appointment\ndata: a\n\n");
  EXPECT_EQ(whole_org.Frames()[1], "id: 2\nevent: appointment\ndata: b\n\n");
  ASSERT_EQ(branch_10.Frames().size(), 1u);
  EXPECT_EQ(branch_10.Frames()[0], "id: 1\nevent: appointment\ndata: a\n\n");
  ASSERT_EQ(branch_11.Frames().size(), 1u);
  EXPECT_EQ(branch_11.Frames()[0], "id: 2\nevent: appointment\ndata: b\n\n");
  EXPECT_TRUE(other_org.Frames().empty());

  // The counter is hub-wide: it moved on even for the event nobody received.
  hub.Publish(Event(2, 0, "client", "d"));
  ASSERT_EQ(other_org.Frames().size(), 1u);
  EXPECT_EQ(other_org.Frames()[0], "id: 4\nevent: client\ndata: d\n\n");
}

TEST(EventHub, UnsubscribeStopsDelivery) {
  EventHub hub;
  Inbox kept, gone;
  const Id kept_id = hub.Subscribe(1, std::nullopt, kept.Sink());
  const Id gone_id = hub.Subscribe(1, std::nullopt, gone.Sink());
  EXPECT_GT(kept_id, 0);
  EXPECT_NE(kept_id, gone_id);
  hub.Unsubscribe(gone_id);
  hub.Unsubscribe(gone_id);  // twice is harmless
  hub.Unsubscribe(12345);    // unknown too
  EXPECT_EQ(hub.Subscribers(), 1u);
  hub.Publish(Event(1, 0));
  EXPECT_EQ(kept.Frames().size(), 1u);
  EXPECT_TRUE(gone.Frames().empty());
}

TEST(EventHub, SinkMayUnsubscribeItselfAndThrowingSinksDoNotHurtOthers) {
  EventHub hub;
  Inbox after;
  Id self = 0;
  int calls = 0;
  self = hub.Subscribe(1, std::nullopt, [&](const std::string&) {
    ++calls;
    hub.Unsubscribe(self);
  });
  hub.Subscribe(1, std::nullopt, [](const std::string&) { throw std::runtime_error("broken"); });
  hub.Subscribe(1, std::nullopt, after.Sink());
  hub.Publish(Event(1, 0));
  hub.Publish(Event(1, 0));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(after.Frames().size(), 2u);
  EXPECT_EQ(hub.Subscribers(), 2u);
}

TEST(EventHub, ConcurrentPublishSubscribeAndUnsubscribe) {
  EventHub hub;
  Inbox steady;
  hub.Subscribe(1, std::nullopt, steady.Sink());
  constexpr int kPublishers = 4;
  constexpr int kEventsEach = 500;
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  for (int p = 0; p < kPublishers; ++p) {
    threads.emplace_back([&hub, p] {
      for (int i = 0; i < kEventsEach; ++i) {
        hub.Publish(Event(1, p, "tick", std::to_string(i)));
      }
    });
  }
  // Streams come and go meanwhile. A Publish already under way may still call a sink once
  // after Unsubscribe returns, so the sink owns what it writes to (as the server's do).
  threads.emplace_back([&hub, &stop] {
    while (!stop) {
      auto churn = std::make_shared<Inbox>();
      const Id id = hub.Subscribe(1, 2, [churn](const std::string& frame) {
        std::lock_guard lock(churn->mutex);
        churn->frames.push_back(frame);
      });
      hub.Unsubscribe(id);
    }
  });
  for (int p = 0; p < kPublishers; ++p) threads[p].join();
  stop = true;
  threads.back().join();

  const auto frames = steady.Frames();
  ASSERT_EQ(frames.size(), static_cast<std::size_t>(kPublishers * kEventsEach));
  // Delivery follows the hub-wide counter: ids arrive 1, 2, 3, ... without gaps or repeats.
  for (std::size_t i = 0; i < frames.size(); ++i) {
    EXPECT_TRUE(frames[i].starts_with("id: " + std::to_string(i + 1) + "\n")) << frames[i];
  }
  EXPECT_EQ(hub.Subscribers(), 1u);
}

TEST(EventStreamResponse, CarriesTheStreamSpec) {
  EventHub hub;
  auto response = Response::EventStream(hub, 4, 9);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "text/event-stream");
  EXPECT_TRUE(response.body.empty());
  ASSERT_TRUE(response.event_stream);
  EXPECT_EQ(response.event_stream->hub, &hub);
  EXPECT_EQ(response.event_stream->org_id, 4);
  EXPECT_EQ(response.event_stream->branch_id, 9);
  EXPECT_FALSE(Response::EventStream(hub, 4, std::nullopt).event_stream->branch_id);
}

}  // namespace
}  // namespace kvitka::http
