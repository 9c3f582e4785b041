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
  // online booking
  kBranchNotFound,   // no branch with this public slug
  kBookingNotFound,  // no booking with this manage token
  kOnlineClosed,     // the branch takes no online bookings
  kTooManyBookings,  // the phone has as many future online bookings as the branch allows
  kRefused,          // the salon does not take online bookings from this client
  kDeadlinePassed,   // too late to cancel or move online
  kTooManyRequests,  // rate limit: see retry_after
};

struct Error {
  ErrorCode code;
  FieldErrors fields = {};
  std::vector<Hold> conflicts = {};      // what collided (slot taken)
  std::vector<EpochSeconds> dates = {};  // occurrences of a series that collided
  std::string contact = {};              // whom to call (online booking refusals)
  EpochSeconds retry_after = 0;          // too many requests
  Error(ErrorCode c) : code(c) {}        // NOLINT: an error is often just its code
  Error(ErrorCode c, FieldErrors f) : code(c), fields(std::move(f)) {}
};

}  // namespace kvitka::booking
