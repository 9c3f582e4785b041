// RFC 5545 text for a master's schedule feed.
#include "staff/domain/ical.h"

#include <date/date.h>

#include <cstdio>

#include "core/time.h"

namespace kvitka::staff {

namespace {

constexpr std::size_t kMaxOctets = 75;

// A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped;
// other control characters, which TEXT may not hold, dropped.
std::string EscapeText(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
      case ';':
      case ',':
        out += '\\';
        out += c;
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if ((static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) || c == '\t') out += c;
        break;
    }
  }
  return out;
}

// "20261123T070000Z"
std::string FormatUtc(EpochSeconds instant) {
  const date::sys_seconds tp{std::chrono::seconds{instant}};
  const auto day = date::floor<date::days>(tp);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> time{tp - day};
  char buffer[80];  // room for any int, so that no compiler sees a truncation
  std::snprintf(buffer, sizeof(buffer), "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buffer;
}

void AppendLine(std::string& out, const std::string& line) {
  out += FoldLine(line);
  out += "\r\n";
}

}  // namespace

std::string FoldLine(const std::string& line) {
  std::string out;
  out.reserve(line.size() + line.size() / 24 + 3);
  std::size_t pos = 0;
  std::size_t room = kMaxOctets;  // continuation lines give one octet to the leading space
  while (line.size() - pos > room) {
    std::size_t cut = pos + room;
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == pos) cut = pos + room;  // not UTF-8 at all: cut where the octets run out
    out.append(line, pos, cut - pos);
    out += "\r\n ";
    pos = cut;
    room = kMaxOctets - 1;
  }
  out.append(line, pos, std::string::npos);
  return out;
}

namespace {

// "2026-12-21" -> "20261221".
std::string CompactDate(const std::string& date) {
  std::string out;
  for (char c : date) {
    if (c != '-') out += c;
  }
  return out;
}

// The civil date after `date` (iCalendar all-day ends are exclusive).
std::string NextDay(const std::string& date) {
  auto start = StartOfDay(date, "UTC");
  return start ? CivilDate(*start + 86400, "UTC") : date;
}

}  // namespace

std::string RenderCalendar(const std::string& name, const std::vector<CalendarEvent>& events,
                           EpochSeconds stamp) {
  std::string out;
  out.reserve(256 + events.size() * 256);
  AppendLine(out, "BEGIN:VCALENDAR");
  AppendLine(out, "VERSION:2.0");
  AppendLine(out, "PRODID:-//Kvitka//Schedule//UK");
  AppendLine(out, "CALSCALE:GREGORIAN");
  AppendLine(out, "METHOD:PUBLISH");
  AppendLine(out, "X-WR-CALNAME:" + EscapeText(name));
  const std::string dtstamp = "DTSTAMP:" + FormatUtc(stamp);
  for (const CalendarEvent& event : events) {
    AppendLine(out, "BEGIN:VEVENT");
    AppendLine(out, "UID:" + EscapeText(event.uid));
    AppendLine(out, dtstamp);
    if (!event.first_day.empty()) {
      AppendLine(out, "DTSTART;VALUE=DATE:" + CompactDate(event.first_day));
      AppendLine(out, "DTEND;VALUE=DATE:" + CompactDate(NextDay(event.last_day)));
    } else {
      AppendLine(out, "DTSTART:" + FormatUtc(event.when.start));
      AppendLine(out, "DTEND:" + FormatUtc(event.when.end));
    }
    AppendLine(out, "SUMMARY:" + EscapeText(event.summary));
    if (!event.description.empty()) {
      AppendLine(out, "DESCRIPTION:" + EscapeText(event.description));
    }
    AppendLine(out, "END:VEVENT");
  }
  AppendLine(out, "END:VCALENDAR");
  return out;
}

}  // namespace kvitka::staff
