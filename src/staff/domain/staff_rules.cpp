#include <algorithm>

#include "core/phone.h"
#include "core/time.h"
#include "staff/domain/staff.h"

namespace kvitka::staff {

namespace {

bool IsDate(const std::string& text) { return StartOfDay(text, "UTC").has_value(); }

bool IsColor(const std::string& value) {
  return value.size() == 7 && value[0] == '#' &&
         std::all_of(value.begin() + 1, value.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
         });
}

}  // namespace

FieldErrors NormalizeStaff(StaffMember& m, const std::string& region) {
  FieldErrors errors;
  if (m.name.empty()) errors.push_back({"name", "required"});
  if (!m.phone.empty()) {
    if (auto phone = NormalizePhone(m.phone, region)) {
      m.phone = *phone;
    } else {
      errors.push_back({"phone", "invalid_phone"});
    }
  }
  if (!m.email.empty() && (m.email.find('@') == std::string::npos || m.email.size() > 254 ||
                           m.email.find(' ') != std::string::npos)) {
    errors.push_back({"email", "invalid_email"});
  }
  if (!IsColor(m.color)) errors.push_back({"color", "invalid_color"});
  if (std::find(std::begin(kBookingSteps), std::end(kBookingSteps), m.booking_step) ==
      std::end(kBookingSteps)) {
    errors.push_back({"booking_step", "invalid_value"});
  }
  if (!m.hire_date.empty() && !IsDate(m.hire_date)) errors.push_back({"hire_date", "invalid_date"});
  if (!m.work_permit_expires.empty() && !IsDate(m.work_permit_expires)) {
    errors.push_back({"work_permit_expires", "invalid_date"});
  }
  return errors;
}

bool WorkPermitWarning(const StaffMember& m, const std::string& today) {
  if (m.work_permit_expires.empty()) return false;
  auto expires = StartOfDay(m.work_permit_expires, "UTC");
  auto now = StartOfDay(today, "UTC");
  return expires && now && *expires - *now <= 30L * 86400;
}

}  // namespace kvitka::staff
