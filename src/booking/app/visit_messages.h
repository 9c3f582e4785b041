// The messages about a visit (confirmation, reminders, move, cancellation, feedback request, the
// masters' notices) are written to the outbox in the same transaction as the change that causes
// them: the booking use cases tell this port about every change, inside their unit of work.
// Messaging implements it (wired in main.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/domain/appointment.h"
#include "identity/app/actor.h"
#include "platform/db/database.h"

namespace kvitka::booking {

struct VisitChange {
  std::string kind;                // created, rescheduled, updated, status_changed, visit_recorded
  const Appointment& appointment;  // as saved (version already bumped)
  std::optional<Status> old_status;       // none for a new appointment
  std::optional<EpochSeconds> old_start;  // none for a new appointment
  std::vector<Id> old_masters;            // the masters of its items before the change
  EpochSeconds at = 0;                    // when the change happened
};

class VisitMessages {
 public:
  virtual ~VisitMessages() = default;
  virtual void Changed(db::Session& s, const identity::Actor& actor, const VisitChange& change) = 0;
  // A freed time was offered to a client on the waitlist (`services`: their names).
  virtual void WaitlistOffered(db::Session& /*s*/, Id /*org_id*/, Id /*branch_id*/,
                               Id /*client_id*/, Id /*entry_id*/, EpochSeconds /*start*/,
                               Id /*staff_id*/) {}
};

// Tells several listeners in turn (the outbox, the tasks, ...), in the order given.
class VisitListeners final : public VisitMessages {
 public:
  explicit VisitListeners(std::vector<VisitMessages*> listeners)
      : listeners_(std::move(listeners)) {}
  void Changed(db::Session& s, const identity::Actor& actor, const VisitChange& change) override {
    for (auto* listener : listeners_) listener->Changed(s, actor, change);
  }
  void WaitlistOffered(db::Session& s, Id org_id, Id branch_id, Id client_id, Id entry_id,
                       EpochSeconds start, Id staff_id) override {
    for (auto* listener : listeners_) {
      listener->WaitlistOffered(s, org_id, branch_id, client_id, entry_id, start, staff_id);
    }
  }

 private:
  std::vector<VisitMessages*> listeners_;
};

}  // namespace kvitka::booking
