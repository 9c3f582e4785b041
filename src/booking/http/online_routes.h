// Online booking's routes: a branch's rules (staff) and the public booking page's API.
#pragma once

#include <string>

#include "booking/app/online_booking.h"
#include "platform/http/router.h"

namespace kvitka::booking {

void AddOnlineRoutes(http::Router& router, OnlineBooking& online, const std::string& public_url);

}  // namespace kvitka::booking
