// The one place where a use case asks whether its actor may act.
#pragma once

#include "core/result.h"
#include "identity/app/actor.h"
#include "identity/domain/error.h"

namespace kvitka::identity {

inline Result<Done, Error> Authorize(const Actor& actor, Action action) {
  if (!Allows(actor.role, action)) return Fail(Error(ErrorCode::kForbidden));
  return Done{};
}

}  // namespace kvitka::identity
