// What the journal shows and what can be booked: the availability of services (through the
// pure engine) and the journal of a branch's days.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/app/appointment_service.h"
#include "booking/app/journal_cache.h"

namespace kvitka::booking {

struct JournalMaster {
  staff::StaffMember member;
  std::vector<Span> working;
};

struct JournalView {
  Id branch_id = 0;
  std::string timezone;
  std::string date;
  int days = 1;
  std::vector<JournalMaster> masters;
  std::vector<AppointmentView> appointments;
  std::vector<GroupEventView> group_events;
  std::vector<std::string> closed_days;
};

// A journal written as text (by the http layer's renderer) and its entity tag.
struct RenderedJournal {
  std::shared_ptr<const std::string> text;  // none when the caller's copy is still current
  std::string etag;                         // quoted, for ETag / If-None-Match
};

// Writes a journal view as text. The text may depend on the view only: it is kept and served
// again while the organization's journal stamp stays the same.
using JournalRenderer = std::string (*)(const JournalView&);

class JournalService {
 public:
  JournalService(AppointmentService& appointments, JournalStampStore& stamps);

  // Whether the actor may watch the live changes of the branch (all branches when none).
  Result<Done, Error> CanWatch(const identity::Actor& actor, std::optional<Id> branch_id);

  Result<JournalView, Error> Journal(const identity::Actor& actor, Id branch_id,
                                     const std::string& date, int days, bool include_cancelled);

  // The same journal rendered: served from memory while nothing it shows has changed, that is
  // while the organization's journal stamp (bumped by the database, migration 0008) is the one
  // the text was built at. The stamp is read before the data, so a change committed meanwhile
  // can only make the kept text look older than it is, never newer. Not modified (no text) when
  // `if_none_match` holds the current tag. The answer depends on the actor only through the
  // role (contacts hidden from masters): the role is part of what the text is kept under.
  Result<RenderedJournal, Error> Rendered(const identity::Actor& actor, Id branch_id,
                                          const std::string& date, int days, bool include_cancelled,
                                          JournalRenderer render,
                                          std::string_view if_none_match = {});

 private:
  std::string Tag(const std::string& key, std::int64_t stamp) const;

  AppointmentService& appointments_;
  BookingDeps& d_;
  JournalStampStore& stamps_;
  JournalCache cache_;
  std::string instance_;  // random per process: a restarted server never confirms an old tag
};

}  // namespace kvitka::booking
