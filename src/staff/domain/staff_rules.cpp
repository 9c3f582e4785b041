#include <algorithm>

#include "core/phone.h"
#include "core/text.h"
#include "core/time.h"
#include "staff/domain/schedule.h"
#include "staff/domain/staff.h"

namespace kvitka::staff {

namespace {

bool IsDate(const std::string& text) { return StartOfDay(text, "UTC").has_value(); }

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
  if (!IsHexColor(m.color)) errors.push_back({"color", "invalid_color"});
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

const char* ReasonName(AbsenceReason reason) {
  switch (reason) {
    case AbsenceReason::kVacation:
      return "vacation";
    case AbsenceReason::kSickLeave:
      return "sick_leave";
    case AbsenceReason::kTraining:
      return "training";
    case AbsenceReason::kUnpaid:
      return "unpaid";
    case AbsenceReason::kTruancy:
      return "truancy";
    case AbsenceReason::kOther:
      return "other";
  }
  return "other";
}

std::optional<AbsenceReason> ParseReason(const std::string& name) {
  for (auto reason : {AbsenceReason::kVacation, AbsenceReason::kSickLeave, AbsenceReason::kTraining,
                      AbsenceReason::kUnpaid, AbsenceReason::kTruancy, AbsenceReason::kOther}) {
    if (name == ReasonName(reason)) return reason;
  }
  return std::nullopt;
}

bool WorkPermitWarning(const StaffMember& m, const std::string& today) {
  if (m.work_permit_expires.empty()) return false;
  auto expires = StartOfDay(m.work_permit_expires, "UTC");
  auto now = StartOfDay(today, "UTC");
  return expires && now && *expires - *now <= 30L * 86400;
}

}  // namespace kvitka::staff
