// A campaign: one text on one channel to a segment of the salon's clients, sent now or at a set
// time, paced. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/field_error.h"
#include "core/id.h"
#include "messaging/domain/message_kind.h"

namespace kvitka::messaging {

enum class CampaignStatus { kDraft, kScheduled, kSent, kCancelled };
const char* CampaignStatusName(CampaignStatus status);  // draft, scheduled, sent, cancelled
std::optional<CampaignStatus> ParseCampaignStatus(std::string_view name);

struct Campaign {
  Id id = 0;
  std::string name;
  Channel channel = Channel::kSms;
  // Who gets it: the client list's filters as query pairs ("segment_id" = "5", "tag_ids" = "3",
  // ...); none: every client. Consent for the channel is applied on top.
  std::vector<std::pair<std::string, std::string>> audience;
  std::string subject;  // email
  std::string body;     // Mustache, with {{opt_out}}
  int per_minute = 600;
  CampaignStatus status = CampaignStatus::kDraft;
  std::optional<EpochSeconds> send_at;
  int recipients = 0;  // when sent: messages written
  int sms_parts = 0;   // when sent: SMS parts of all its messages
  Id created_by = 0;
  EpochSeconds created_at = 0;
  EpochSeconds updated_at = 0;
};

inline constexpr int kMaxCampaignName = 120;
inline constexpr int kMaxPerMinute = 6000;

// Field errors of a campaign's own values (the text's variables and {{opt_out}} included).
FieldErrors CheckCampaign(const Campaign& campaign);

// When the n-th message of a campaign goes out: `per_minute` of them each minute from `start`.
EpochSeconds CampaignDueAt(EpochSeconds start, int n, int per_minute);

}  // namespace kvitka::messaging
