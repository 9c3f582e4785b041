// Delivery reports: what became of a message after its provider accepted it (the outbox's
// `delivery`), which messages are still worth asking the provider about, in which batches, and
// what a provider's answer changes. Pure: no I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/id.h"

namespace kvitka::messaging {

// What is known of a sent message's way to the person. kUnknown: nothing yet (still on its way,
// or a channel without reports: email, the generic SMS gateway); kUndelivered: the provider gave
// up; kDelivered: on the person's phone (or in their chat); kSeen: opened (Viber, TurboSMS "Read").
enum class DeliveryState { kUnknown, kUndelivered, kDelivered, kSeen };

// "", "undelivered", "delivered", "seen" (as stored and in JSON, where "" is null).
const char* DeliveryStateName(DeliveryState state);
std::optional<DeliveryState> ParseDeliveryState(std::string_view name);

// Whether the person got it (delivered or seen): what campaign results count as delivered.
bool Reached(DeliveryState state);

// Whether a report moves a message on from `current`: it never goes back (a late "delivered"
// after "seen", or "undelivered" after "delivered", changes nothing) and an unknown report
// changes nothing. An "undelivered" may still become delivered or seen (a retry by the operator).
bool Advances(DeliveryState current, DeliveryState reported);

// When SMS reports are asked for: messages sent within `window` before now, each asked again no
// sooner than `recheck` after the last time, at most `per_run` of an organization per run.
struct ReportPolicy {
  EpochSeconds window = 48L * 3600;
  EpochSeconds recheck = 10L * 60;
  int per_run = 1000;
};

// A sent message whose delivery is not final yet, as the reports job and the webhooks see it.
struct AwaitingReport {
  Id id = 0;
  std::string provider_id;  // the provider's message id
  DeliveryState delivery = DeliveryState::kUnknown;
  EpochSeconds sent_at = 0;
};

// A provider's word on one of its messages.
struct ProviderReport {
  std::string provider_id;
  DeliveryState state = DeliveryState::kUnknown;  // kUnknown: still on its way
  EpochSeconds at = 0;                            // when it happened; 0: not said
};

// What to save: the message moves from `from` to `to` (saved only if it still is `from`).
struct DeliveryChange {
  Id id = 0;
  DeliveryState from = DeliveryState::kUnknown;
  DeliveryState to = DeliveryState::kUnknown;
  EpochSeconds at = 0;

  friend bool operator==(const DeliveryChange&, const DeliveryChange&) = default;
};

// The provider ids of `messages` to ask about, in batches of at most `limit` (at least 1), each
// id once, in the order given; messages without a provider id are left out.
std::vector<std::vector<std::string>> ReportBatches(const std::vector<AwaitingReport>& messages,
                                                    std::size_t limit);

// The changes the reports make to the messages they name: only those that advance (Advances),
// at the report's time (else `now`), never before the message was sent. Messages sharing a
// provider id all move.
std::vector<DeliveryChange> ChangesFrom(const std::vector<AwaitingReport>& messages,
                                        const std::vector<ProviderReport>& reports,
                                        EpochSeconds now);

}  // namespace kvitka::messaging
