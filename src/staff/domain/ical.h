// A master's schedule as an iCalendar feed (RFC 5545) that Google Calendar and phones can
// subscribe to. Pure text: UTC times, lines folded at 75 octets without splitting UTF-8.
#pragma once

#include <string>
#include <vector>

#include "staff/domain/schedule.h"

namespace kvitka::staff {

struct CalendarEvent {
  std::string uid;  // stable per event: "<staff-id>-<start>@kvitka"
  WorkInterval when;
  std::string summary;  // "Робоча зміна — Kvitka Demo"
  std::string description;
  // An all-day event (an absence) when set: civil dates, `last_day` inclusive; `when` unused.
  std::string first_day = {};  // YYYY-MM-DD
  std::string last_day = {};
};

// VCALENDAR with one VEVENT per event; `name` is the calendar's X-WR-CALNAME; `stamp` is
// DTSTAMP for every event (the feed's generation time).
std::string RenderCalendar(const std::string& name, const std::vector<CalendarEvent>& events,
                           EpochSeconds stamp);

// Folds one content line to 75 octets per line (CRLF + space), never inside a UTF-8 sequence.
std::string FoldLine(const std::string& line);

}  // namespace kvitka::staff
