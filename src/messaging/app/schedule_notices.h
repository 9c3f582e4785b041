// A master's notice of a changed schedule (the staff module's ScheduleNotices port), written into
// the outbox inside the staff change's own transaction: one "staff_schedule_changed" message that
// names the changed days with their new hours, unless the kind is off, the master cannot be
// reached, or the master made the change themselves. The message waits kSettleSeconds before it
// goes, so that several saves in a row make one message: a newer change merges the days of the
// notice still pending and voids it. Outbox key: no appointment; `slot` is the minute of the
// change and `version` counts the notices written to the master within that minute.
#pragma once

#include <optional>
#include <string>

#include "messaging/app/visit_planner.h"
#include "messaging/domain/schedule_notice.h"
#include "staff/app/schedule_notices.h"

namespace kvitka::messaging {

struct ScheduleNoticeDeps {
  OutboxStore& outbox;
  MessagingRulesStore& rules;
  Recipients& recipients;
  VisitPlanner& planner;
};

class ScheduleNoticePlanner final : public staff::ScheduleNotices {
 public:
  static constexpr EpochSeconds kSettleSeconds = 60;

  explicit ScheduleNoticePlanner(ScheduleNoticeDeps deps) : d_(deps) {}

  void Changed(db::Session& s, const identity::Actor& actor,
               const staff::ScheduleChange& change) override;

 private:
  ScheduleNoticeDeps d_;
};

// The days a schedule notice's context names ({"days": [{"date", "was", "now"}]}, hours as
// [start, end] instant pairs), and back.
std::vector<NoticeDay> NoticeDaysOf(const std::string& context_json);
std::string NoticeContext(const std::vector<NoticeDay>& days);

// The template values of a schedule notice about to go: `days` (each day on the branch's clock,
// one per line, or "; " between them in an SMS) and, of the first day, `date`, `weekday`,
// `shift_start` and `shift_end` (empty on a day off). Nullopt when every day it names is gone.
std::optional<TemplateValues> ScheduleNoticeValues(const std::string& context_json,
                                                   const std::string& zone,
                                                   const std::string& today, Language language,
                                                   Channel channel);

}  // namespace kvitka::messaging
