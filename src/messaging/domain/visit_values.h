// The values a message about a visit fills its template with: dates, times and weekdays on the
// branch's clock in the reader's language, the masters and services, the price with its
// currency, and the links. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "messaging/domain/templates.h"

namespace kvitka::messaging {

struct VisitFacts {
  std::string client_name;
  std::string client_phone;
  EpochSeconds start = 0;
  std::optional<EpochSeconds> old_start;  // before a move
  std::string zone;                       // the branch's IANA zone
  std::vector<std::string> masters;       // in the order of the visit, each once
  std::vector<std::string> services;
  std::int64_t price = 0;  // minor units
  std::string currency = "UAH";
  std::string salon_name, salon_phone, branch_name, address;
  std::string manage_link, booking_link, feedback_link, telegram_link;
};

TemplateValues VisitValues(const VisitFacts& facts, Language language);

// "850 грн", "1 200,50 грн" (uk, ru); "UAH 850", "UAH 1,200.50" (en); other currencies by code.
std::string FormatPrice(std::int64_t minor, const std::string& currency, Language language);
// "25.11.2026" (uk, ru), "25.11.2026" (en too: the salon's customers read day first).
std::string FormatDate(const std::string& civil_date);
// The weekday of a civil date "YYYY-MM-DD", lower case in uk and ru: "середа", "среда",
// "Wednesday".
std::string WeekdayName(const std::string& civil_date, Language language);
// The weekday of "YYYY-MM-DD", Sunday 0 .. Saturday 6; nullopt when it is not a date.
std::optional<unsigned> WeekdayIndex(const std::string& civil_date);
// "09:30": the instant on the zone's clock.
std::string Clock(EpochSeconds instant, const std::string& zone);
// A visit as a chat names it: "ср, 25.11 о 10:00" / "Wed 25.11 at 10:00" on the branch's clock.
std::string VisitLabel(EpochSeconds start, const std::string& zone, Language language);
// A maps search link for an address (empty for an empty address).
std::string MapLink(const std::string& address);

}  // namespace kvitka::messaging
