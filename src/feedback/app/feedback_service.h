// Feedback on a visit: the client's form behind the visit's link (no account: the manage token
// of the appointment is the key), and the answers for owners and managers (a list with the
// average and NPS, and a client's answers on the card). A low score is told to the salon's tasks.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "booking/app/online_booking.h"
#include "clients/app/client_service.h"
#include "core/attempt_limit.h"
#include "core/result.h"
#include "feedback/app/error.h"
#include "feedback/app/low_score_alert.h"
#include "feedback/app/stores.h"
#include "identity/app/actor.h"
#include "identity/app/audit_trail.h"
#include "identity/app/branch_service.h"
#include "staff/app/staff_service.h"

namespace kvitka::feedback {

struct FeedbackDeps {
  db::Database& db;
  FeedbackStore& store;
  booking::OnlineBooking& online;
  booking::AppointmentService& appointments;
  clients::ClientService& clients;
  staff::StaffService& staff;
  identity::BranchService& branches;
  identity::AuditTrail& audit;
  LowScoreAlert& alert;
  const Clock& clock;
  int per_ip = 30;  // answers per IP in 10 minutes (as the public booking page's writes)
};

// The visit as whoever holds its link sees it: nothing of the client but the first name.
struct PublicVisit {
  std::string salon_name;
  identity::Branch branch;
  std::string phone;  // the branch's public phone, or empty
  booking::Appointment appointment;
  std::map<Id, std::string> staff_names;
  std::string client_first_name;
};

struct PublicFeedback {
  PublicVisit visit;
  std::optional<Feedback> feedback;
  FormState state = FormState::kNotCompleted;
  EpochSeconds closes_at = 0;
  bool may_answer = false;  // open, and not answered yet or still changeable
  bool created = false;     // this request saved the first answer
};

// An answer as owners and managers see it.
struct FeedbackItem {
  Feedback feedback;
  std::string client_name;
  std::string branch_name;
  std::vector<std::pair<Id, std::string>> staff;  // id, name
};

struct FeedbackPage {
  std::vector<FeedbackItem> items;
  std::optional<Id> next_before;  // the cursor of the next page
  Summary summary;                // over the filter, except max_rating (it only narrows the list)
};

// Only owners and managers read what clients answered.
bool MaySeeFeedback(const identity::Actor& actor);

class FeedbackService {
 public:
  explicit FeedbackService(FeedbackDeps deps) : d_(deps), per_ip_(deps.per_ip, 600) {}

  // The public form.
  Result<PublicFeedback, Error> Show(const std::string& token);
  Result<PublicFeedback, Error> Give(const std::string& token, const Answer& answer,
                                     const std::string& ip);

  // Owners and managers.
  Result<FeedbackPage, Error> List(const identity::Actor& actor, const FeedbackFilter& filter,
                                   std::optional<Id> before_id, int limit);
  Result<FeedbackPage, Error> OfClient(const identity::Actor& actor, Id client_id,
                                       std::optional<Id> before_id, int limit);

 private:
  Result<booking::PublicBooking, Error> Visit(const std::string& token);
  PublicFeedback View(db::Session& s, const booking::PublicBooking& booking,
                      std::optional<Feedback> feedback);
  std::string FirstName(db::Session& s, Id org_id, Id client_id);
  FeedbackPage Page(db::Session& s, const identity::Actor& actor, const FeedbackFilter& filter,
                    std::optional<Id> before_id, int limit, clients::NameOrder order);
  Result<Done, Error> Throttle(const std::string& ip);
  void Tell(db::Session& s, const identity::Actor& actor, const Feedback& f,
            const std::string& first_name, bool changed);

  FeedbackDeps d_;
  std::mutex limit_mutex_;
  AttemptLimit per_ip_;
};

}  // namespace kvitka::feedback
