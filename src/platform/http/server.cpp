#include "platform/http/server.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <map>
#include <memory>
#include <mutex>
#include <restinio/all.hpp>
#include <string_view>
#include <thread>

#include "platform/http/event_hub.h"

namespace kvitka::http {
namespace {

using Traits = restinio::default_traits_t;
using ChunkedBuilder = restinio::response_builder_t<restinio::chunked_output_t>;

// Below RESTinio's handle_request_timeout (60 s), which closes a stream that writes nothing.
constexpr auto kPingInterval = std::chrono::seconds(15);
// A client that has not taken this much yet is dropped (it reconnects and catches up).
constexpr std::size_t kMaxUnsentBytes = 4u << 20;
constexpr std::string_view kFirstFrame = "retry: 2000\n\n";
constexpr std::string_view kPingFrame = ": ping\n\n";

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

bool SameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

class EventStream;

// The open event streams of a server, for the pings and the shutdown.
class EventStreams {
 public:
  void Add(std::shared_ptr<EventStream> stream) {
    std::lock_guard lock(mutex_);
    auto* key = stream.get();
    streams_.emplace(key, std::move(stream));
  }
  void Remove(const EventStream* stream) {
    std::shared_ptr<EventStream> removed;  // released after the lock
    std::lock_guard lock(mutex_);
    auto it = streams_.find(stream);
    if (it == streams_.end()) return;
    removed = std::move(it->second);
    streams_.erase(it);
  }
  std::vector<std::shared_ptr<EventStream>> Snapshot() const {
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<EventStream>> all;
    all.reserve(streams_.size());
    for (const auto& [key, stream] : streams_) all.push_back(stream);
    return all;
  }

 private:
  mutable std::mutex mutex_;
  std::map<const EventStream*, std::shared_ptr<EventStream>> streams_;
};

// One open text/event-stream response. Always owned by shared_ptr: the hub's sink, the set of
// open streams and every pending write callback hold it, so it outlives all of them.
//
// Locking: mutex_ guards the response builder and is held only while queuing bytes (RESTinio
// hands them to the connection's strand, never waits for the socket). A write callback may run
// inline inside flush() (when the socket is already closed), so AfterWrite and Detach never
// take mutex_.
class EventStream : public std::enable_shared_from_this<EventStream> {
 public:
  EventStream(ChunkedBuilder builder, EventHub& hub, EventStreams& streams)
      : builder_(std::move(builder)), hub_(hub), streams_(streams) {}

  // Sends the headers and the first frame, then subscribes to the hub. Call once.
  void Start(const EventStreamSpec& spec) {
    streams_.Add(shared_from_this());
    Write(kFirstFrame);
    auto self = shared_from_this();
    subscription_ = hub_.Subscribe(spec.org_id, spec.branch_id,
                                   [self](const std::string& frame) { self->Write(frame); });
    if (detached_) {  // closed while subscribing: Detach missed the subscription
      if (Id id = subscription_.exchange(0)) hub_.Unsubscribe(id);
    }
  }

  // Queues a frame; any thread, never waits for the client.
  void Write(std::string_view frame) {
    if (detached_) return;
    std::lock_guard lock(mutex_);
    if (detached_ || ended_ || !builder_) return;
    if (unsent_bytes_ + frame.size() > kMaxUnsentBytes) {
      spdlog::warn(R"({{"event":"event_stream_dropped","reason":"slow client","unsent_bytes":{}}})",
                   unsent_bytes_.load());
      EndLocked();
      Detach();
      return;
    }
    unsent_bytes_ += frame.size();
    try {
      builder_->append_chunk(std::string(frame));
      builder_->flush([self = shared_from_this(), size = frame.size()](const asio::error_code& ec) {
        self->AfterWrite(ec, size);
      });
    } catch (const std::exception&) {
      ended_ = true;
      Detach();
    }
  }

  // Ends the response (the browser reconnects after `retry`) and unsubscribes. Any thread,
  // but not from inside a write callback.
  void End() {
    Detach();
    std::lock_guard lock(mutex_);
    EndLocked();
  }

  // Unsubscribes and lets go of the connection without writing: for when the io_context has
  // stopped. Waits for a Write in progress, so no Write touches the connection afterwards.
  void Abandon() {
    Detach();
    std::lock_guard lock(mutex_);
    ended_ = true;
    builder_.reset();
  }

 private:
  void EndLocked() {
    if (ended_ || !builder_) return;
    ended_ = true;
    try {
      builder_->done();
    } catch (const std::exception&) {
      // The connection is gone already.
    }
  }

  // Unsubscribes and leaves the set of open streams; once. Takes no lock of its own.
  void Detach() {
    if (detached_.exchange(true)) return;
    auto keep = shared_from_this();
    if (Id id = subscription_.exchange(0)) hub_.Unsubscribe(id);
    streams_.Remove(this);
  }

  void AfterWrite(const asio::error_code& ec, std::size_t size) {
    unsent_bytes_ -= size;
    if (ec) Detach();  // the client went away (or the write timed out)
  }

  std::mutex mutex_;
  std::optional<ChunkedBuilder> builder_;  // guarded by mutex_; reset by Abandon
  bool ended_ = false;                     // guarded by mutex_: done() was called
  std::atomic<bool> detached_{false};
  std::atomic<Id> subscription_{0};
  std::atomic<std::size_t> unsent_bytes_{0};
  EventHub& hub_;
  EventStreams& streams_;
};

// Sends the headers and the first frame of an event stream and subscribes it to its hub.
std::shared_ptr<EventStream> StartEventStream(const restinio::request_handle_t& raw,
                                              const Response& response, EventStreams& streams) {
  auto builder = raw->create_response<restinio::chunked_output_t>(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
      ReasonPhrase(response.status)});
  builder.append_header(restinio::http_field::content_type, "text/event-stream");
  builder.append_header(restinio::http_field::cache_control, "no-cache");
  builder.append_header("X-Accel-Buffering", "no");
  for (const auto& [name, value] : response.headers) {
    if (SameName(name, "Content-Type") || SameName(name, "Cache-Control") ||
        SameName(name, "X-Accel-Buffering") || SameName(name, "Connection") ||
        SameName(name, "Content-Length") || SameName(name, "Transfer-Encoding")) {
      continue;
    }
    builder.append_header(name, value);
  }
  // RESTinio writes "Connection: keep-alive" itself (HTTP/1.1) and "Transfer-Encoding: chunked".
  auto stream =
      std::make_shared<EventStream>(std::move(builder), *response.event_stream->hub, streams);
  stream->Start(*response.event_stream);
  return stream;
}

}  // namespace

void Serve(const ServerOptions& options, Dispatcher& dispatcher,
           const std::function<void()>& on_ready) {
  asio::io_context io;
  std::atomic<int> in_flight{0};
  std::atomic<bool> draining{false};
  // Declared after `io`, so streams let go of their connections before the io_context goes.
  EventStreams streams;

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
    if (response.event_stream && response.event_stream->hub && request.method != "HEAD") {
      // A stream is not "in flight": it stays open after this handler returns.
      try {
        auto stream = StartEventStream(raw, response, streams);
        if (draining) stream->End();  // the drain may have missed it
      } catch (const std::exception& e) {
        spdlog::error(R"({{"event":"event_stream_failed","request_id":"{}","error":"{}"}})",
                      request.request_id, e.what());
      }
    } else {
      if (response.event_stream && !response.event_stream->hub) {
        spdlog::error(R"({{"event":"event_stream_without_hub","request_id":"{}"}})",
                      request.request_id);
        response = Response{};
        response.status = 500;
        response.content_type = "application/problem+json";
        response.body = R"({"type":"about:blank","title":"Internal Server Error","status":500})";
      }
      Send(raw, response);
    }
    --in_flight;
    return restinio::request_accepted();
  };

  restinio::http_server_t<Traits> server{
      restinio::external_io_context(io),
      restinio::server_settings_t<Traits>{}
          .port(options.port)
          .address(options.host)
          .request_handler(handler)
          // No Nagle: a large answer's last part would wait ~40 ms for the client's delayed ACK.
          .socket_options_setter([](restinio::socket_options_t& options) {
            options.set_option(asio::ip::tcp::no_delay{true});
          })
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
    // Open event streams would never finish: end them now (browsers reconnect elsewhere).
    for (const auto& stream : streams.Snapshot()) stream->End();
    wait_for_requests();
  });

  // A comment frame keeps every stream alive through proxies and RESTinio's request timeout,
  // and finds the streams whose clients went away (their write fails).
  asio::steady_timer ping_timer(io);
  std::function<void()> schedule_ping = [&] {
    ping_timer.expires_after(kPingInterval);
    ping_timer.async_wait([&](const asio::error_code& ec) {
      if (ec || draining) return;
      for (const auto& stream : streams.Snapshot()) stream->Write(kPingFrame);
      schedule_ping();
    });
  };
  schedule_ping();

  server.open_async([&] { on_ready(); },
                    [&](std::exception_ptr e) {
                      failure = e;
                      io.stop();
                    });

  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < options.threads; ++i) threads.emplace_back([&] { io.run(); });
  io.run();
  for (auto& t : threads) t.join();
  // Nothing runs on `io` any more: unsubscribe what is left from the hubs (which outlive us).
  for (const auto& stream : streams.Snapshot()) stream->Abandon();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace kvitka::http
