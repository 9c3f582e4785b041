// A master (staff record) of a branch.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/field_error.h"
#include "core/id.h"

namespace kvitka::staff {

struct StaffMember {
  Id id = 0;
  Id branch_id = 0;
  std::string name;
  std::string position;  // "Стиліст-колорист"
  std::string bio;
  std::string phone;  // E.164 or empty
  std::string email;
  std::string color = "#e64980";
  std::optional<Id> photo_file_id;
  bool online_booking = true;
  int booking_step = 15;  // minutes: 5, 10, 15, 20, 30 or 60
  std::string hire_date;  // YYYY-MM-DD or empty
  std::string work_permit_expires;
  std::optional<Id> user_id;
  bool archived = false;
  EpochSeconds created_at = 0;
  bool contacts_hidden = false;  // the viewer may not see phone and email
};

// A master's photo for the booking page; its bytes are in the file storage.
struct StaffPhoto {
  Id id = 0;
  Id org_id = 0;
  Id staff_id = 0;
  std::string content_type;  // image/jpeg, image/png or image/webp
  std::int64_t size = 0;
  std::string storage_key;
  EpochSeconds created_at = 0;
};

inline constexpr int kBookingSteps[] = {5, 10, 15, 20, 30, 60};

// Normalizes the phone (E.164 with `region`) and checks every field.
FieldErrors NormalizeStaff(StaffMember& member, const std::string& region);

// The permit runs out within 30 days of `today` (or already has).
bool WorkPermitWarning(const StaffMember& member, const std::string& today);

}  // namespace kvitka::staff
