// The HTTP server (RESTinio behind this interface; nothing else includes RESTinio).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "platform/http/dispatcher.h"

namespace kvitka::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  std::size_t threads = 8;
  std::uint64_t max_body_bytes = 32u << 20;  // transport limit; routes set their own
};

// Serves until SIGINT or SIGTERM, then stops accepting, lets requests in flight finish and
// returns. `on_ready` runs once the port is open. Throws when the port cannot be opened.
// A response with `event_stream` set stays open as Server-Sent Events (pinged every 15 s);
// the shutdown ends such streams instead of waiting for them, and unsubscribes them from
// their hubs before returning.
void Serve(const ServerOptions& options, Dispatcher& dispatcher,
           const std::function<void()>& on_ready);

}  // namespace kvitka::http
