// HTTP routes of the staff module: masters, schedules, absences, work intervals, the calendar
// feed, closed days and staff events.
#pragma once

#include <string>

#include "platform/http/router.h"
#include "staff/app/staff_photos.h"
#include "staff/app/staff_service.h"

namespace kvitka::staff {

// `public_url`: base of feed links; empty: from the Host header.
void AddStaffRoutes(http::Router& router, StaffService& staff, std::string public_url);
// A master's photo: upload and remove (staff), and the public read for the booking page.
void AddStaffPhotoRoutes(http::Router& router, StaffPhotos& photos);

}  // namespace kvitka::staff
