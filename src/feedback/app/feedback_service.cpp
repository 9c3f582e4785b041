#include "feedback/app/feedback_service.h"

#include <algorithm>
#include <set>

#include "clients/domain/client_rules.h"

namespace kvitka::feedback {

using identity::Actor;
using identity::Role;

namespace {

nlohmann::json AnswerSnapshot(const Feedback& f) {
  return {{"appointment_id", f.appointment_id},
          {"rating", f.answer.rating},
          {"nps", f.answer.nps ? nlohmann::json(*f.answer.nps) : nlohmann::json(nullptr)},
          {"comment", f.answer.comment}};
}

std::vector<Id> MastersOf(const booking::Appointment& a) {
  std::vector<Id> ids;
  for (const auto& item : a.items) {
    if (std::find(ids.begin(), ids.end(), item.staff_id) == ids.end()) ids.push_back(item.staff_id);
  }
  return ids;
}

}  // namespace

bool MaySeeFeedback(const Actor& actor) {
  return actor.role == Role::kOwner || actor.role == Role::kManager;
}

Result<Done, Error> FeedbackService::Throttle(const std::string& ip) {
  const EpochSeconds now = d_.clock.Now();
  std::lock_guard lock(limit_mutex_);
  if (const EpochSeconds wait = per_ip_.RetryAfter(ip, now); wait > 0) {
    Error error(ErrorCode::kTooManyRequests);
    error.retry_after = wait;
    return Fail(error);
  }
  per_ip_.Record(ip, now);
  return Done{};
}

Result<booking::PublicBooking, Error> FeedbackService::Visit(const std::string& token) {
  // The visit's link is its manage link's token: whatever the booking side cannot resolve is
  // not a link here either.
  auto visit = d_.online.Manage(token);
  if (!visit) return Fail(Error(ErrorCode::kLinkNotFound));
  return std::move(*visit);
}

std::string FeedbackService::FirstName(db::Session& s, Id org_id, Id client_id) {
  auto found = d_.clients.FindMany(s, Actor::System(org_id), {client_id});
  if (found.empty() || found.front().erased) return {};
  return found.front().first_name;
}

PublicFeedback FeedbackService::View(db::Session& s, const booking::PublicBooking& booking,
                                     std::optional<Feedback> feedback) {
  const Id org_id = booking.branch.org_id;
  const booking::Appointment& a = booking.appointment;
  const EpochSeconds now = d_.clock.Now();
  PublicFeedback view;
  if (auto org = d_.branches.OrganizationIn(s, org_id)) view.visit.salon_name = org->name;
  view.visit.branch = booking.branch;
  view.visit.phone = booking.rules.phone;
  view.visit.appointment = a;
  view.visit.staff_names = booking.staff_names;
  view.visit.client_first_name = FirstName(s, org_id, a.client_id);
  view.state = StateOf(a.status == booking::Status::kCompleted, a.Start(), a.End(), now);
  view.closes_at = ClosesAt(a.End());
  view.may_answer = view.state == FormState::kOpen && (!feedback || MayEdit(*feedback, now));
  view.feedback = std::move(feedback);
  return view;
}

Result<PublicFeedback, Error> FeedbackService::Show(const std::string& token) {
  auto visit = Visit(token);
  if (!visit) return Fail(visit.error());
  return d_.db.Read([&](db::Session& s) {
    return View(s, *visit, d_.store.Find(s, visit->branch.org_id, visit->appointment.id));
  });
}

void FeedbackService::Tell(db::Session& s, const Actor& actor, const Feedback& f,
                           const std::string& first_name, bool changed) {
  if (!IsLowScore(f.answer)) return;
  LowScoreEvent event;
  event.org_id = f.org_id;
  event.feedback_id = f.id;
  event.appointment_id = f.appointment_id;
  event.client_id = f.client_id;
  event.branch_id = f.branch_id;
  event.staff_ids = f.staff_ids;
  event.client_first_name = first_name;
  event.answer = f.answer;
  event.visit_start = f.visit_start;
  event.at = f.updated_at;
  event.changed = changed;
  d_.alert.LowScore(s, actor, event);
}

Result<PublicFeedback, Error> FeedbackService::Give(const std::string& token, const Answer& answer,
                                                    const std::string& ip) {
  if (auto limited = Throttle(ip); !limited) return Fail(limited.error());
  if (auto errors = CheckAnswer(answer); !errors.empty()) {
    return Fail(Error(ErrorCode::kValidation, errors));
  }
  auto visit = Visit(token);
  if (!visit) return Fail(visit.error());
  const Id org_id = visit->branch.org_id;
  const Actor actor = booking::VisitorActor(org_id, ip);
  bool created = false;
  auto saved = d_.db.Write([&](db::Session& s) -> Result<Feedback, Error> {
    // Read again inside the transaction: the salon may have reopened the visit meanwhile.
    auto a = d_.appointments.FindIn(s, org_id, visit->appointment.id);
    if (!a) return Fail(Error(ErrorCode::kLinkNotFound));
    const EpochSeconds now = d_.clock.Now();
    switch (StateOf(a->status == booking::Status::kCompleted, a->Start(), a->End(), now)) {
      case FormState::kNotCompleted:
        return Fail(Error(ErrorCode::kNotCompleted));
      case FormState::kExpired:
        return Fail(Error(ErrorCode::kClosed));
      case FormState::kOpen:
        break;
    }
    const std::string first_name = FirstName(s, org_id, a->client_id);
    auto existing = d_.store.Find(s, org_id, a->id);
    if (!existing) {
      Feedback f;
      f.org_id = org_id;
      f.appointment_id = a->id;
      f.client_id = a->client_id;
      f.branch_id = a->branch_id;
      f.staff_ids = MastersOf(*a);
      f.answer = answer;
      f.visit_start = a->Start();
      f.created_at = f.updated_at = now;
      if (auto id = d_.store.Insert(s, f)) {
        f.id = *id;
        d_.audit.Record(s, actor, "feedback.create", "feedback", f.id, nullptr, AnswerSnapshot(f));
        Tell(s, actor, f, first_name, false);
        created = true;
        return f;
      }
      // Another request of the same moment saved the first answer: this one changes it.
      existing = d_.store.Find(s, org_id, a->id);
      if (!existing) return Fail(Error(ErrorCode::kLinkNotFound));
    }
    if (!MayEdit(*existing, now)) return Fail(Error(ErrorCode::kLocked));
    const auto before = AnswerSnapshot(*existing);
    existing->answer = answer;
    existing->updated_at = now;
    d_.store.Update(s, *existing);
    d_.audit.Record(s, actor, "feedback.update", "feedback", existing->id, before,
                    AnswerSnapshot(*existing));
    // A changed answer that is low is told again: the task side keeps one task per visit.
    Tell(s, actor, *existing, first_name, true);
    return *existing;
  });
  if (!saved) return Fail(saved.error());
  auto view = d_.db.Read([&](db::Session& s) { return View(s, *visit, *saved); });
  view.created = created;
  return view;
}

FeedbackPage FeedbackService::Page(db::Session& s, const Actor& actor, const FeedbackFilter& filter,
                                   std::optional<Id> before_id, int limit,
                                   clients::NameOrder order) {
  FeedbackPage page;
  auto rows = d_.store.List(s, actor.org_id, filter, before_id, limit + 1);
  if (static_cast<int>(rows.size()) > limit) {
    rows.resize(limit);
    page.next_before = rows.back().id;
  }
  FeedbackFilter overall = filter;
  overall.max_rating.reset();
  page.summary = Summarize(d_.store.Count(s, actor.org_id, overall));

  std::set<Id> client_ids, staff_ids;
  for (const auto& f : rows) {
    client_ids.insert(f.client_id);
    staff_ids.insert(f.staff_ids.begin(), f.staff_ids.end());
  }
  std::map<Id, std::string> client_names, staff_names, branch_names;
  for (const auto& c :
       d_.clients.FindMany(s, actor, std::vector<Id>(client_ids.begin(), client_ids.end()))) {
    client_names[c.id] = clients::DisplayName(c, order);
  }
  for (Id id : staff_ids) {
    if (auto m = d_.staff.FindIn(s, actor.org_id, id)) staff_names[id] = m->name;
  }
  for (const auto& b : d_.branches.BranchesIn(s, actor.org_id)) branch_names[b.id] = b.name;
  for (auto& f : rows) {
    FeedbackItem item;
    item.client_name = client_names[f.client_id];
    item.branch_name = branch_names[f.branch_id];
    for (Id id : f.staff_ids) item.staff.emplace_back(id, staff_names[id]);
    item.feedback = std::move(f);
    page.items.push_back(std::move(item));
  }
  return page;
}

Result<FeedbackPage, Error> FeedbackService::List(const Actor& actor, const FeedbackFilter& filter,
                                                  std::optional<Id> before_id, int limit) {
  if (!MaySeeFeedback(actor)) return Fail(Error(ErrorCode::kForbidden));
  const auto order = d_.clients.GetNameOrder(actor);
  return d_.db.Read([&](db::Session& s) -> Result<FeedbackPage, Error> {
    FieldErrors errors;
    if (filter.branch_id && !d_.branches.Exists(s, actor.org_id, *filter.branch_id)) {
      errors.push_back({"branch_id", "not_found"});
    }
    if (filter.staff_id && !d_.staff.FindIn(s, actor.org_id, *filter.staff_id)) {
      errors.push_back({"staff_id", "not_found"});
    }
    if (!errors.empty()) return Fail(Error(ErrorCode::kBadQuery, errors));
    return Page(s, actor, filter, before_id, limit,
                order ? *order : clients::NameOrder::kFirstLast);
  });
}

Result<FeedbackPage, Error> FeedbackService::OfClient(const Actor& actor, Id client_id,
                                                      std::optional<Id> before_id, int limit) {
  if (!MaySeeFeedback(actor)) return Fail(Error(ErrorCode::kForbidden));
  const auto order = d_.clients.GetNameOrder(actor);
  return d_.db.Read([&](db::Session& s) -> Result<FeedbackPage, Error> {
    if (d_.clients.FindMany(s, actor, {client_id}).empty()) {
      return Fail(Error(ErrorCode::kNotFound));
    }
    FeedbackFilter filter;
    filter.client_id = client_id;
    return Page(s, actor, filter, before_id, limit,
                order ? *order : clients::NameOrder::kFirstLast);
  });
}

}  // namespace kvitka::feedback
