#include "booking/app/journal_service.h"

#include <cstdio>
#include <functional>
#include <random>

#include "core/time.h"

namespace kvitka::booking {

using identity::Action;
using identity::Actor;

namespace {

// Whether an If-None-Match header names `tag`; weak tags compare the same.
bool Names(std::string_view header, std::string_view tag) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view one = header.substr(0, comma);
    while (!one.empty() && (one.front() == ' ' || one.front() == '\t')) one.remove_prefix(1);
    while (!one.empty() && (one.back() == ' ' || one.back() == '\t')) one.remove_suffix(1);
    if (one.starts_with("W/")) one.remove_prefix(2);
    if (one == tag) return true;
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
  }
  return false;
}

std::string Hex(std::uint64_t v) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(v));
  return text;
}

// A claim to build a journal text: given up unless the text is stored.
class Claim {
 public:
  Claim(JournalCache& cache, const std::string& key, std::int64_t stamp)
      : cache_(cache), key_(key), stamp_(stamp) {}
  Claim(const Claim&) = delete;
  Claim& operator=(const Claim&) = delete;
  ~Claim() {
    if (!stored_) cache_.Abandon(key_, stamp_);
  }
  void Store(std::shared_ptr<const std::string> text) {
    cache_.Store(key_, stamp_, std::move(text));
    stored_ = true;
  }

 private:
  JournalCache& cache_;
  const std::string& key_;
  std::int64_t stamp_;
  bool stored_ = false;
};

}  // namespace

JournalService::JournalService(AppointmentService& appointments, JournalStampStore& stamps)
    : appointments_(appointments), d_(appointments.deps()), stamps_(stamps) {
  std::random_device random;
  instance_ = Hex((static_cast<std::uint64_t>(random()) << 32) ^ random()).substr(4);
}

Result<Done, Error> JournalService::CanWatch(const Actor& actor, std::optional<Id> branch_id) {
  if (auto ok = Allowed(actor, Action::kViewJournal); !ok) return Fail(ok.error());
  if (branch_id && !d_.branches.Find(actor.org_id, *branch_id)) {
    return Fail(Error(ErrorCode::kNotFound));
  }
  return Done{};
}

Result<JournalView, Error> JournalService::Journal(const Actor& actor, Id branch_id,
                                                   const std::string& date, int days,
                                                   bool include_cancelled) {
  if (auto ok = Allowed(actor, Action::kViewJournal); !ok) return Fail(ok.error());
  FieldErrors errors;
  if (!IsJournalDate(date)) errors.push_back({"date", "invalid_date"});
  if (days < 1 || days > 7) errors.push_back({"days", "out_of_range", 7});
  const auto branch = d_.branches.Find(actor.org_id, branch_id);
  if (!branch) errors.push_back({"branch_id", "not_found"});
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  const std::string zone = branch->timezone;
  const std::string last = AddDays(date, days - 1);
  const EpochSeconds from = *StartOfDay(date, zone);
  const EpochSeconds to = *StartOfDay(AddDays(last, 1), zone);
  // Every table read here (and by the stores called) bumps the journal stamp when it changes:
  // see the list in migrations/0008_journal_stamp.*.
  return d_.db.Read([&](db::Session& s) -> Result<JournalView, Error> {
    JournalView view;
    view.branch_id = branch_id;
    view.timezone = zone;
    view.date = date;
    view.days = days;
    auto members = d_.staff.MembersIn(s, actor.org_id, branch_id);
    std::vector<Id> ids;
    ids.reserve(members.size());
    for (const auto& m : members) ids.push_back(m.id);
    auto working = d_.staff.WorkingOfMany(s, actor.org_id, branch_id, ids, date, last, zone);
    for (auto& member : members) {
      JournalMaster master;
      for (const auto& w : working[member.id]) master.working.push_back({w.start, w.end});
      if (!identity::Allows(actor.role, Action::kSeeStaffContacts)) {
        member.phone.clear();
        member.email.clear();
        member.contacts_hidden = true;
      }
      master.member = std::move(member);
      view.masters.push_back(std::move(master));
    }
    view.appointments = appointments_.Views(
        s, actor,
        d_.appointments.InBranch(s, actor.org_id, branch_id, from, to, include_cancelled));
    for (auto& event : d_.groups.InBranch(s, actor.org_id, branch_id, from, to)) {
      if (event.cancelled && !include_cancelled) continue;
      GroupEventView group{event, {}};
      group.participants =
          appointments_.Views(s, actor, d_.appointments.OfGroup(s, actor.org_id, event.id));
      view.group_events.push_back(std::move(group));
    }
    for (const auto& closed : d_.staff.ClosedDatesIn(s, actor.org_id, branch_id)) {
      if (closed >= date && closed <= last) view.closed_days.push_back(closed);
    }
    return view;
  });
}

Result<RenderedJournal, Error> JournalService::Rendered(const Actor& actor, Id branch_id,
                                                        const std::string& date, int days,
                                                        bool include_cancelled,
                                                        JournalRenderer render,
                                                        std::string_view if_none_match) {
  if (auto ok = Allowed(actor, Action::kViewJournal); !ok) return Fail(ok.error());
  if (!IsJournalDate(date) || days < 1 || days > 7) {
    // Nothing to keep: the field errors, all of them.
    auto refused = Journal(actor, branch_id, date, days, include_cancelled);
    if (!refused) return Fail(refused.error());
  }
  // Everything the text depends on besides the stored rows.
  const std::string key = std::to_string(actor.org_id) + '/' + std::to_string(branch_id) + '/' +
                          date + '/' + std::to_string(days) + (include_cancelled ? "/c/" : "/-/") +
                          std::to_string(static_cast<int>(actor.role)) + '/' +
                          std::to_string(reinterpret_cast<std::uintptr_t>(render));
  // Before the data, in its own snapshot: the data read after it is at least as new.
  const std::int64_t stamp =
      d_.db.Read([&](db::Session& s) { return stamps_.Stamp(s, actor.org_id); });
  if (!if_none_match.empty()) {
    std::string tag = Tag(key, stamp);
    if (Names(if_none_match, tag)) return RenderedJournal{nullptr, std::move(tag)};
  }
  if (auto hit = cache_.FindOrClaim(key, stamp)) {
    return RenderedJournal{std::move(hit->text), Tag(key, hit->stamp)};
  }
  Claim claim(cache_, key, stamp);
  auto view = Journal(actor, branch_id, date, days, include_cancelled);
  if (!view) return Fail(view.error());
  auto text = std::make_shared<const std::string>(render(*view));
  claim.Store(text);
  return RenderedJournal{std::move(text), Tag(key, stamp)};
}

std::string JournalService::Tag(const std::string& key, std::int64_t stamp) const {
  return '"' + instance_ + '-' + std::to_string(stamp) + '-' + Hex(std::hash<std::string>{}(key)) +
         '"';
}

}  // namespace kvitka::booking
