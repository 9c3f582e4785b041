#include "platform/http/server.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <restinio/all.hpp>
#include <thread>

namespace kvitka::http {
namespace {

using Traits = restinio::default_traits_t;

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Internal Server Error" : "Status";
  }
}

Request ToRequest(const restinio::request_handle_t& raw) {
  Request request;
  const auto& header = raw->header();
  request.method = std::string(header.method().c_str());
  request.path = std::string(header.path());
  if (request.path.empty()) request.path = "/";
  auto query = restinio::try_parse_query<restinio::parse_query_traits::relaxed>(header.query());
  if (query) {
    for (const auto& [key, value] : *query) {
      request.query.emplace_back(std::string(key), std::string(value));
    }
  } else {
    request.malformed_query = true;
  }
  header.for_each_field([&](const restinio::http_header_field_t& field) {
    std::string name = field.name();
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers.emplace_back(std::move(name), field.value());
  });
  request.body = raw->body();
  try {
    request.remote_ip = raw->remote_endpoint().address().to_string();
  } catch (...) {
    request.remote_ip = "unknown";
  }
  return request;
}

void Send(const restinio::request_handle_t& raw, Response& response) {
  auto builder = raw->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
      ReasonPhrase(response.status)});
  if (!response.content_type.empty()) {
    builder.append_header(restinio::http_field::content_type, response.content_type);
  }
  for (auto& [name, value] : response.headers) builder.append_header(name, value);
  if (!response.file_path.empty()) {
    try {
      builder.set_body(restinio::sendfile(response.file_path));
    } catch (const std::exception&) {
      builder.set_body("");
    }
  } else {
    builder.set_body(std::move(response.body));
  }
  builder.done();
}

}  // namespace

void Serve(const ServerOptions& options, Dispatcher& dispatcher,
           const std::function<void()>& on_ready) {
  asio::io_context io;
  std::atomic<int> in_flight{0};
  std::atomic<bool> draining{false};

  auto handler = [&](restinio::request_handle_t raw) {
    ++in_flight;
    Request request = ToRequest(raw);
    Response response;
    if (draining) {
      response.status = 503;
      response.content_type = "application/problem+json";
      response.body = R"({"type":"about:blank","title":"Shutting down","status":503})";
      response.Header("Connection", "close");
    } else {
      response = dispatcher.Handle(request);
    }
    Send(raw, response);
    --in_flight;
    return restinio::request_accepted();
  };

  restinio::http_server_t<Traits> server{
      restinio::external_io_context(io),
      restinio::server_settings_t<Traits>{}
          .port(options.port)
          .address(options.host)
          .request_handler(handler)
          .read_next_http_message_timelimit(std::chrono::seconds(60))
          .handle_request_timeout(std::chrono::seconds(60))
          .write_http_response_timelimit(std::chrono::seconds(60))
          .incoming_http_msg_limits(
              restinio::incoming_http_msg_limits_t{}.max_body_size(options.max_body_bytes))};

  std::exception_ptr failure;
  asio::signal_set signals(io, SIGINT, SIGTERM);
  asio::steady_timer drain_timer(io);
  int drain_ticks = 0;
  std::function<void()> wait_for_requests = [&] {
    drain_timer.expires_after(std::chrono::milliseconds(50));
    drain_timer.async_wait([&](const asio::error_code&) {
      if (in_flight > 0 && ++drain_ticks < 200) {
        wait_for_requests();
        return;
      }
      server.close_async([&] { io.stop(); },
                         [&](std::exception_ptr e) {
                           failure = e;
                           io.stop();
                         });
    });
  };
  signals.async_wait([&](const asio::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("{{\"event\":\"shutdown\",\"signal\":{}}}", signal);
    draining = true;
    wait_for_requests();
  });

  server.open_async([&] { on_ready(); },
                    [&](std::exception_ptr e) {
                      failure = e;
                      io.stop();
                    });

  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < options.threads; ++i) threads.emplace_back([&] { io.run(); });
  io.run();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace kvitka::http
