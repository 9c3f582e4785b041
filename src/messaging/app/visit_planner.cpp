#include "messaging/app/visit_planner.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "messaging/app/messaging_settings.h"

namespace kvitka::messaging {

using booking::Appointment;
using booking::Status;

const std::vector<MessageKind>& VisitMessageKinds() {
  static const std::vector<MessageKind> kinds = {
      MessageKind::kBookingConfirmation, MessageKind::kReminder,
      MessageKind::kRescheduled,         MessageKind::kCancelled,
      MessageKind::kFeedbackRequest,     MessageKind::kStaffNewBooking,
      MessageKind::kStaffBookingMoved,   MessageKind::kStaffBookingCancelled};
  return kinds;
}

bool VisitPlanner::Enqueue(db::Session& s, const PlannedMessage& m, const Addressee& to,
                           const std::vector<Channel>& salon_channels, EpochSeconds now) {
  OutboxRow row;
  row.org_id = m.org_id;
  row.branch_id = m.branch_id;
  row.appointment_id = m.appointment_id;
  row.version = m.version;
  row.kind = m.kind;
  row.slot = m.slot;
  row.recipient_type = to.type;
  row.recipient_id = to.id;
  const auto order = DeliveryOrder(salon_channels, to.recipient, m.kind);
  row.channel = order.empty() ? "" : ChannelName(order.front());
  row.language = to.language;
  row.visit_start = m.visit_start;
  row.due_at = m.due;
  row.context_json = m.context_json;
  row.created_at = row.updated_at = now;
  return d_.outbox.Add(s, row);
}

void VisitPlanner::Changed(db::Session& s, const identity::Actor& actor,
                           const booking::VisitChange& change) {
  const Appointment& a = change.appointment;
  const Id org_id = actor.org_id;
  const EpochSeconds now = change.at;
  const bool holds = booking::HoldsTime(a.status);
  const bool was_holding = change.old_status && booking::HoldsTime(*change.old_status);
  const bool ahead = a.Start() > now;
  // A later occurrence of a new series gets its reminders, not a confirmation of its own.
  const bool follower = a.series_id && *a.series_id != a.id;

  enum class Plan { kNothing, kNew, kMoved, kCancelled, kCompleted, kRestored, kClosed };
  Plan plan = Plan::kNothing;
  if (change.kind == "created") {
    plan = holds && ahead ? Plan::kNew : Plan::kNothing;
  } else if (change.kind == "rescheduled") {
    plan = Plan::kMoved;
  } else if (change.kind == "status_changed") {
    if (a.status == Status::kCancelled) {
      plan = Plan::kCancelled;
    } else if (a.status == Status::kCompleted) {
      plan = Plan::kCompleted;
    } else if (!holds) {
      plan = Plan::kClosed;  // no-show
    } else if (!was_holding) {
      plan = Plan::kRestored;
    }
  }
  if (plan == Plan::kNothing) return;

  // A move that keeps the time only changes masters: the client's messages stay as planned.
  const bool time_moved = !change.old_start || *change.old_start != a.Start();
  // What waited for the visit as it was goes: the new plan below replaces it.
  if (plan != Plan::kNew && plan != Plan::kRestored) {
    std::vector<MessageKind> obsolete = VisitMessageKinds();
    if (plan == Plan::kCompleted) {
      obsolete = {MessageKind::kBookingConfirmation, MessageKind::kReminder,
                  MessageKind::kRescheduled};
    } else if (plan == Plan::kMoved && !time_moved) {
      obsolete = {MessageKind::kStaffNewBooking, MessageKind::kStaffBookingMoved,
                  MessageKind::kStaffBookingCancelled};
    }
    d_.outbox.VoidPending(s, org_id, a.id, obsolete, now);
  }
  const bool visit_ahead = holds && ahead;
  if ((plan == Plan::kMoved || plan == Plan::kRestored) && !visit_ahead) return;
  if (plan == Plan::kCancelled && !(was_holding && ahead)) return;
  if (plan == Plan::kClosed) return;

  const MessagingRules rules = LoadRules(s, d_.rules, org_id);
  const auto branch = d_.branches.FindIn(s, org_id, a.branch_id);
  const std::string zone = branch ? branch->timezone : "UTC";
  const auto salon = d_.recipients.SalonChannels(s, org_id, rules);
  PlannedMessage base{org_id, a.branch_id, a.id, a.version, MessageKind::kReminder,
                      0,      a.Start(),   now,  "{}"};
  if (change.old_start) base.context_json = nlohmann::json{{"old_start", *change.old_start}}.dump();

  auto client = d_.recipients.Client(s, org_id, a.client_id);
  auto to_client = [&](MessageKind kind, EpochSeconds due, std::int64_t slot = 0) {
    if (!client || !rules.Sends(kind)) return;
    PlannedMessage m = base;
    m.kind = kind;
    m.due = due;
    m.slot = slot;
    Enqueue(s, m, *client, salon, now);
  };
  auto to_master = [&](MessageKind kind, Id staff_id) {
    if (!rules.Sends(kind) || follower) return;
    auto master = d_.recipients.Master(s, org_id, staff_id);
    // Nobody is told of what they did themselves.
    if (!master || (master->user_id && *master->user_id == actor.user_id)) return;
    PlannedMessage m = base;
    m.kind = kind;
    Enqueue(s, m, *master, salon, now);
  };
  std::set<Id> masters;
  for (const auto& item : a.items) masters.insert(item.staff_id);
  const std::set<Id> masters_before(change.old_masters.begin(), change.old_masters.end());
  auto to_masters = [&](MessageKind kind) {
    for (Id staff_id : masters) to_master(kind, staff_id);
  };
  auto reminders = [&] {
    if (!rules.Sends(MessageKind::kReminder)) return;
    for (const auto& planned :
         PlanVisitReminders({a.Start(), now}, rules.AtBranch(a.branch_id), zone, now)) {
      if (planned.due) to_client(MessageKind::kReminder, *planned.due, planned.offset);
    }
  };

  switch (plan) {
    case Plan::kNew:
      if (!follower) to_client(MessageKind::kBookingConfirmation, now);
      reminders();
      to_masters(MessageKind::kStaffNewBooking);
      break;
    case Plan::kMoved:
      if (time_moved) {
        to_client(MessageKind::kRescheduled, now);
        reminders();
      }
      // A master who keeps the visit hears of the new time, one who gets it of a new booking,
      // one who loses it of a cancellation.
      for (Id staff_id : masters) {
        if (masters_before.count(staff_id) == 0) {
          to_master(MessageKind::kStaffNewBooking, staff_id);
        } else if (time_moved) {
          to_master(MessageKind::kStaffBookingMoved, staff_id);
        }
      }
      for (Id staff_id : masters_before) {
        if (masters.count(staff_id) == 0) to_master(MessageKind::kStaffBookingCancelled, staff_id);
      }
      break;
    case Plan::kRestored:
      reminders();
      break;
    case Plan::kCancelled:
      to_client(MessageKind::kCancelled, now);
      to_masters(MessageKind::kStaffBookingCancelled);
      break;
    case Plan::kCompleted:
      to_client(MessageKind::kFeedbackRequest,
                std::max(a.End(), now) + rules.feedback_delay_minutes * 60L);
      break;
    case Plan::kNothing:
    case Plan::kClosed:
      break;
  }
}

void VisitPlanner::WaitlistOffered(db::Session& s, Id org_id, Id branch_id, Id client_id,
                                   Id entry_id, EpochSeconds start, Id staff_id) {
  const MessagingRules rules = LoadRules(s, d_.rules, org_id);
  if (!rules.Sends(MessageKind::kWaitlistOffer)) return;
  auto client = d_.recipients.Client(s, org_id, client_id);
  if (!client) return;
  // One message per offered time of the entry (its minute as the version).
  PlannedMessage m{org_id,
                   branch_id,
                   0,
                   static_cast<int>(start / 60),
                   MessageKind::kWaitlistOffer,
                   entry_id,
                   start,
                   start,
                   nlohmann::json{{"start", start}, {"staff_id", staff_id}}.dump()};
  const EpochSeconds now = d_.clock.Now();
  m.due = now;
  Enqueue(s, m, *client, d_.recipients.SalonChannels(s, org_id, rules), now);
}

}  // namespace kvitka::messaging
