// GET /healthz for load balancers and probes.
#pragma once

#include <functional>

#include "platform/http/router.h"

namespace kvitka::http {

// `database_ok` answers whether the database responds; 503 when it does not.
void AddHealthRoute(Router& router, std::function<bool()> database_ok);

}  // namespace kvitka::http
