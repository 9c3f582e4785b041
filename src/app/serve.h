// `kvitka serve`: the HTTP server and the background jobs beside it.
#pragma once

#include "app/settings.h"

namespace kvitka {

// Migrates, then serves until SIGINT or SIGTERM; returns the exit code.
int Serve(const Settings& settings);

}  // namespace kvitka
