#include "messaging/app/outbox_dispatcher.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>

#include "messaging/app/message_composer.h"

namespace kvitka::messaging {

namespace {

// A message put back because its chat's pace is full waits this long.
constexpr EpochSeconds kPaceDelay = 1;
// The longest a sending thread waits for a chat's pace before putting the message back.
constexpr channels::EpochMillis kMaxPaceWait = 3000;

double Jitter() {
  thread_local std::mt19937 random(std::random_device{}());
  return std::uniform_real_distribution<double>(0.0, 1.0)(random);
}

}  // namespace

DispatchReport& DispatchReport::operator+=(const DispatchReport& o) {
  claimed += o.claimed;
  sent += o.sent;
  retried += o.retried;
  failed += o.failed;
  voided += o.voided;
  skipped += o.skipped;
  lost += o.lost;
  return *this;
}

DispatchReport OutboxDispatcher::RunDue(EpochSeconds now) {
  DispatchReport total;
  // Time goes on while a long run sends: each batch acts at `now` plus the time spent so far
  // (leases, retries and sent_at stay true; what falls due meanwhile waits for the next run).
  const auto started = std::chrono::steady_clock::now();
  for (;;) {
    const auto spent =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
            .count();
    const DispatchReport batch = RunBatch(now + spent);
    total += batch;
    // What fell back to another channel is due again at once; what waits for later is not.
    if (batch.claimed == 0) break;
  }
  return total;
}

DispatchReport OutboxDispatcher::RunBatch(EpochSeconds now) {
  const auto rows = d_.db.Write([&](db::Session& s) {
    return d_.outbox.Claim(s, now, now + options_.lease_seconds, options_.batch);
  });
  DispatchReport report;
  report.claimed = static_cast<int>(rows.size());
  if (rows.empty()) return report;
  std::atomic<std::size_t> next{0};
  std::array<std::atomic<int>, 6> counts{};
  auto work = [&] {
    for (std::size_t i = next++; i < rows.size(); i = next++) {
      Outcome outcome = Outcome::kRetried;
      try {
        outcome = Process(rows[i], now);
      } catch (const std::exception& e) {
        // The lease runs out and the message is tried again.
        spdlog::error("{{\"event\":\"message_failed\",\"id\":{},\"error\":\"{}\"}}", rows[i].id,
                      e.what());
      }
      ++counts[static_cast<std::size_t>(outcome)];
    }
  };
  const int threads = std::max(1, std::min<int>(options_.workers, static_cast<int>(rows.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  report.sent = counts[static_cast<std::size_t>(Outcome::kSent)];
  report.retried = counts[static_cast<std::size_t>(Outcome::kRetried)];
  report.failed = counts[static_cast<std::size_t>(Outcome::kFailed)];
  report.voided = counts[static_cast<std::size_t>(Outcome::kVoided)];
  report.skipped = counts[static_cast<std::size_t>(Outcome::kSkipped)];
  report.lost = counts[static_cast<std::size_t>(Outcome::kLost)];
  return report;
}

OutboxDispatcher::Outcome OutboxDispatcher::Process(OutboxRow row, EpochSeconds now) {
  const EpochSeconds lease = row.lease_until;
  MessageComposer composer(d_, options_.public_url);
  const Composition c = d_.db.Write([&](db::Session& s) { return composer.Compose(s, row, now); });
  auto finish = [&](OutboxStatus status, Outcome outcome) {
    row.status = status;
    row.updated_at = now;
    const bool saved = d_.db.Write([&](db::Session& s) { return d_.outbox.Finish(s, row, lease); });
    return saved ? outcome : Outcome::kLost;
  };
  switch (c.state) {
    case Composition::State::kVoid:
      row.error = c.reason;
      return finish(OutboxStatus::kVoided, Outcome::kVoided);
    case Composition::State::kSkip:
      row.error = c.reason;
      return finish(OutboxStatus::kSkipped, Outcome::kSkipped);
    case Composition::State::kFail:
      row.error = c.reason;
      return finish(OutboxStatus::kFailed, Outcome::kFailed);
    case Composition::State::kLater:
      // Not an attempt: the message waits for the quiet hours to end.
      --row.attempts;
      row.due_at = c.later;
      return finish(OutboxStatus::kPending, Outcome::kRetried);
    case Composition::State::kReady:
      break;
  }
  row.channel = ChannelName(c.channel);
  row.address = c.outgoing.to;
  row.subject = c.outgoing.subject;
  row.body = c.outgoing.text;
  auto gateway = d_.gateways.For(row.org_id, c.stored);
  if (!gateway) {
    row.error = "not_configured";
    row.due_at = now + kPaceDelay;
    return finish(OutboxStatus::kPending, Outcome::kRetried);
  }
  if (!d_.gateways.Pace(row.org_id, c.channel, c.outgoing.to, kMaxPaceWait)) {
    // The chat had enough for now: the message waits its turn (not counted as an attempt).
    --row.attempts;
    row.due_at = now + kPaceDelay;
    return finish(OutboxStatus::kPending, Outcome::kRetried);
  }
  const channels::Delivery delivery = gateway->Send(c.outgoing);
  row.error = delivery.error;
  if (delivery.outcome == channels::Delivery::Outcome::kSent) {
    row.provider_id = delivery.provider_id;
    row.sent_at = now;
    row.error.clear();
    if (c.channel == Channel::kTelegram) {
      // A message sendMessage took is in the chat: delivered (Telegram has no other report).
      row.delivery = DeliveryState::kDelivered;
      row.delivered_at = now;
    }
    return finish(OutboxStatus::kSent, Outcome::kSent);
  }
  bool give_up = delivery.outcome == channels::Delivery::Outcome::kRejected;
  if (!give_up) {
    const bool throttled = delivery.retry_after > 0;
    if (throttled) d_.gateways.Hold(row.org_id, c.channel, c.outgoing.to, delivery.retry_after);
    const auto decision = NextAttempt(
        options_.retry, row.attempts,
        throttled ? SendFailure::kRateLimited : SendFailure::kTemporary,
        throttled ? std::optional<int>(static_cast<int>(delivery.retry_after)) : std::nullopt,
        Jitter(), now, SendDeadline(row.kind, row.visit_start));
    give_up = decision.give_up;
    if (!give_up) {
      row.due_at = decision.retry_at;
      return finish(OutboxStatus::kPending, Outcome::kRetried);
    }
  }
  // This channel will not do: the next one in the order, at once.
  row.tried = row.tried.empty() ? row.channel : row.tried + "," + row.channel;
  if (auto next = FallbackAfter(c.order, c.channel)) {
    row.channel = ChannelName(*next);
    row.attempts = 0;
    row.due_at = now;
    return finish(OutboxStatus::kPending, Outcome::kRetried);
  }
  return finish(OutboxStatus::kFailed, Outcome::kFailed);
}

}  // namespace kvitka::messaging
