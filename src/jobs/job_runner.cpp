#include "jobs/job_runner.h"

#include <spdlog/spdlog.h>

namespace kvitka::jobs {

JobRunner::JobRunner(std::vector<Job> jobs) : jobs_(std::move(jobs)) {
  threads_.reserve(jobs_.size());
  for (const auto& job : jobs_) threads_.emplace_back([this, &job] { Loop(job); });
}

JobRunner::~JobRunner() { Stop(); }

void JobRunner::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void JobRunner::Loop(const Job& job) {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, job.interval, [this] { return stopping_; })) return;
    }
    try {
      job.run();
    } catch (const std::exception& e) {
      spdlog::error("{{\"event\":\"job_failed\",\"job\":\"{}\",\"error\":\"{}\"}}", job.name,
                    e.what());
    }
  }
}

}  // namespace kvitka::jobs
