// Loopback fakes of the providers for tests: a tiny HTTP server that records every request and
// answers with queued responses, on plain POSIX sockets and one thread. Test code only.
#pragma once

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "channels/http_client.h"

namespace kvitka::channels::testing {

// One connected client of a fake server: line and byte reads with a timeout, so that a test that
// goes wrong fails instead of hanging.
class Connection {
 public:
  explicit Connection(int fd) : fd_(fd) {}
  // A line without its CRLF (or LF); false when the peer closed or went quiet.
  bool ReadLine(std::string& line);
  bool ReadBytes(std::size_t count, std::string& out);
  bool Write(std::string_view bytes);

 private:
  bool Fill();
  int fd_;
  std::string buffer_;
};

// Listens on 127.0.0.1 on a free port and runs `handle` for each connection, one at a time, on
// its own thread until destroyed.
class LoopbackListener {
 public:
  explicit LoopbackListener(std::function<void(Connection&)> handle);
  ~LoopbackListener();
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;

  int port() const { return port_; }

 private:
  void Run();
  std::function<void(Connection&)> handle_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

struct RecordedRequest {
  std::string method;
  std::string target;  // path and query, as sent
  std::vector<HttpHeader> headers;
  std::string body;

  // The first header of that name (case-insensitive), "" when absent.
  std::string Header(std::string_view name) const;
};

struct CannedResponse {
  int status = 200;
  std::string body;
  std::vector<HttpHeader> headers;
  std::chrono::milliseconds delay{0};  // wait before answering (timeouts)
};

class FakeHttpServer {
 public:
  FakeHttpServer();

  std::string url() const;  // "http://127.0.0.1:<port>"
  int port() const { return listener_.port(); }

  // Answers are given in the order queued; with none left the server answers 500.
  void Enqueue(CannedResponse response);
  void EnqueueJson(int status, std::string body, std::vector<HttpHeader> headers = {});

  std::vector<RecordedRequest> requests() const;
  RecordedRequest last_request() const;  // an empty one when none came

 private:
  void Handle(Connection& connection);

  mutable std::mutex mutex_;
  std::deque<CannedResponse> queue_;
  std::vector<RecordedRequest> requests_;
  LoopbackListener listener_;  // last: starts after the state above exists, stops first
};

// A loopback port nothing listens on (bound and released at once): a closed port for network
// failure tests.
int ClosedLoopbackPort();

}  // namespace kvitka::channels::testing
