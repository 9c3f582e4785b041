// The background work of `kvitka serve`: every `interval` it runs each job (the outbox
// dispatcher, the bots' polling, the daily planners) on its own thread until stopped. A job that
// throws is logged and runs again at its next turn.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kvitka::jobs {

struct Job {
  std::string name;
  std::chrono::milliseconds interval{1000};
  std::function<void()> run;
};

class JobRunner {
 public:
  explicit JobRunner(std::vector<Job> jobs);
  ~JobRunner();  // stops and joins
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  void Stop();

 private:
  void Loop(const Job& job);

  std::vector<Job> jobs_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace kvitka::jobs
