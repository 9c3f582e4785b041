// Expected outcomes of the booking use cases that are not a success.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "booking/domain/appointment.h"
#include "core/field_error.h"

namespace kvitka::booking {

enum class ErrorCode {
  kValidation,
  kForbidden,
  kNotFound,
  kSlotTaken,            // a master, room or seat is taken by another booking
  kOutsideWorkingHours,  // and the request did not say to book anyway
  kClosed,               // a completed, no-show or cancelled visit cannot be moved
  kGroupFull,
  kAlreadyParticipant,
  kIdempotencyKeyReused,  // the same key came with another request
};

struct Error {
  ErrorCode code;
  FieldErrors fields = {};
  std::vector<Hold> conflicts = {};      // what collided (slot taken)
  std::vector<EpochSeconds> dates = {};  // occurrences of a series that collided
  Error(ErrorCode c) : code(c) {}        // NOLINT: an error is often just its code
  Error(ErrorCode c, FieldErrors f) : code(c), fields(std::move(f)) {}
};

}  // namespace kvitka::booking
