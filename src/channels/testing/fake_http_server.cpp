#include "channels/testing/fake_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <stdexcept>

namespace kvitka::channels::testing {
namespace {

constexpr int kReadTimeoutMs = 5000;

int BindLoopback(int& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    ::close(fd);
    throw std::runtime_error("bind() failed");
  }
  socklen_t length = sizeof(address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  port = ntohs(address.sin_port);
  return fd;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

const char* Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

}  // namespace

bool Connection::Fill() {
  pollfd poll_fd{fd_, POLLIN, 0};
  if (::poll(&poll_fd, 1, kReadTimeoutMs) <= 0) return false;
  char chunk[4096];
  const ssize_t got = ::recv(fd_, chunk, sizeof(chunk), 0);
  if (got <= 0) return false;
  buffer_.append(chunk, static_cast<std::size_t>(got));
  return true;
}

bool Connection::ReadLine(std::string& line) {
  std::size_t end;
  while ((end = buffer_.find('\n')) == std::string::npos) {
    if (!Fill()) return false;
  }
  line = buffer_.substr(0, end);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  buffer_.erase(0, end + 1);
  return true;
}

bool Connection::ReadBytes(std::size_t count, std::string& out) {
  while (buffer_.size() < count) {
    if (!Fill()) return false;
  }
  out = buffer_.substr(0, count);
  buffer_.erase(0, count);
  return true;
}

bool Connection::Write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

LoopbackListener::LoopbackListener(std::function<void(Connection&)> handle)
    : handle_(std::move(handle)) {
  listen_fd_ = BindLoopback(port_);
  if (::listen(listen_fd_, 16) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("listen() failed");
  }
  thread_ = std::thread([this] { Run(); });
}

LoopbackListener::~LoopbackListener() {
  stop_ = true;
  thread_.join();
  ::close(listen_fd_);
}

void LoopbackListener::Run() {
  while (!stop_) {
    pollfd poll_fd{listen_fd_, POLLIN, 0};
    if (::poll(&poll_fd, 1, 50) <= 0) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    Connection connection(fd);
    handle_(connection);
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
  }
}

std::string RecordedRequest::Header(std::string_view name) const {
  const std::string wanted = Lower(name);
  for (const auto& header : headers) {
    if (Lower(header.name) == wanted) return header.value;
  }
  return "";
}

FakeHttpServer::FakeHttpServer() : listener_([this](Connection& c) { Handle(c); }) {}

std::string FakeHttpServer::url() const { return "http://127.0.0.1:" + std::to_string(port()); }

void FakeHttpServer::Enqueue(CannedResponse response) {
  std::lock_guard lock(mutex_);
  queue_.push_back(std::move(response));
}

void FakeHttpServer::EnqueueJson(int status, std::string body, std::vector<HttpHeader> headers) {
  headers.push_back({"Content-Type", "application/json"});
  Enqueue({status, std::move(body), std::move(headers), {}});
}

std::vector<RecordedRequest> FakeHttpServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

RecordedRequest FakeHttpServer::last_request() const {
  std::lock_guard lock(mutex_);
  return requests_.empty() ? RecordedRequest{} : requests_.back();
}

void FakeHttpServer::Handle(Connection& connection) {
  RecordedRequest request;
  std::string line;
  if (!connection.ReadLine(line)) return;
  const auto first_space = line.find(' ');
  const auto second_space = line.find(' ', first_space + 1);
  if (first_space == std::string::npos || second_space == std::string::npos) return;
  request.method = line.substr(0, first_space);
  request.target = line.substr(first_space + 1, second_space - first_space - 1);
  std::size_t content_length = 0;
  while (connection.ReadLine(line) && !line.empty()) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    request.headers.push_back({line.substr(0, colon), value});
  }
  if (const std::string length = request.Header("Content-Length"); !length.empty()) {
    content_length = std::stoul(length);
  }
  if (Lower(request.Header("Expect")) == "100-continue") {
    connection.Write("HTTP/1.1 100 Continue\r\n\r\n");
  }
  if (content_length > 0 && !connection.ReadBytes(content_length, request.body)) return;

  CannedResponse response{500, "no canned response queued", {}, {}};
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
    if (!queue_.empty()) {
      response = std::move(queue_.front());
      queue_.pop_front();
    }
  }
  if (response.delay.count() > 0) std::this_thread::sleep_for(response.delay);
  std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + Reason(response.status) +
                    "\r\nContent-Length: " + std::to_string(response.body.size()) +
                    "\r\nConnection: close\r\n";
  for (const auto& header : response.headers) out += header.name + ": " + header.value + "\r\n";
  out += "\r\n" + response.body;
  connection.Write(out);
}

int ClosedLoopbackPort() {
  int port = 0;
  const int fd = BindLoopback(port);
  ::close(fd);
  return port;
}

}  // namespace kvitka::channels::testing
