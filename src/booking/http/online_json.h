// JSON of online booking: a branch's rules, the public page's branch, and a booking as its
// client sees it (never an internal id of a client or an appointment).
#pragma once

#include <string>

#include "booking/app/online_booking.h"
#include "platform/http/json_body.h"

namespace kvitka::booking {

// Links for people (base: http::PublicBaseUrl).
std::string BookingPageUrl(const std::string& base, const std::string& slug);
std::string ManageUrl(const std::string& base, const std::string& slug, const std::string& token);

http::Json OnlineRulesJson(const OnlineRules& rules, Id branch_id, const std::string& page_url);
// The rules' fields present in a body (types and lengths checked).
OnlineRulesPatch ReadOnlineRules(http::JsonBody& body);
http::Json PublicBranchJson(const PublicBranch& page);
http::Json PublicBookingJson(const PublicBooking& booking);
// The visitor of a booking or waitlist request (`client`), the comment and the honeypot.
Visitor ReadVisitor(http::JsonBody& body);

}  // namespace kvitka::booking
