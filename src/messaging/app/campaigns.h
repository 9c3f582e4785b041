// Campaigns: one text on one channel to a segment of the salon's clients (the client list's
// filters or a saved segment), only to those who agreed to marketing on that channel; an estimate
// of recipients and SMS parts before sending; sent now or at a set time, paced per minute; and
// the results: sent, delivered (by the providers' reports), failed, pending, and the bookings
// its recipients made within N days.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/app/appointment_service.h"
#include "booking/app/online_booking.h"
#include "core/result.h"
#include "identity/app/actor.h"
#include "identity/app/audit_trail.h"
#include "messaging/app/error.h"
#include "messaging/app/recipients.h"

namespace kvitka::messaging {

// A change to a campaign: only the fields that are set change.
struct CampaignInput {
  std::optional<std::string> name, subject, body;
  std::optional<Channel> channel;
  std::optional<clients::Pairs> audience;
  std::optional<int> per_minute;
  // Problems the request body already had: reported with the campaign's own, in one answer.
  FieldErrors format_errors;
};

struct CampaignView {
  Campaign campaign;
  std::optional<CampaignResults> results;  // once sent or scheduled
  int bookings = 0;                        // booked by its recipients within `days` of sending
  int days = 14;
};

struct CampaignEstimate {
  int clients = 0;          // matching the audience
  int recipients = 0;       // who will get it: consent and an address on the channel
  int without_consent = 0;  // left out: no consent for the channel
  int unreachable = 0;      // left out: no address on the channel (no phone, chat, email)
  int sms_parts = 0;        // SMS: all parts of all messages
  int max_parts = 0;        // SMS: the longest message's parts
  std::string sample;       // the text for the first recipient
};

// What the opt-out link shows: whose link it is (first name only) and whether marketing still
// reaches them on any channel.
struct OptOutView {
  std::string salon;
  std::string first_name;
  bool subscribed = false;
};

struct CampaignDeps {
  db::Database& db;
  CampaignStore& campaigns;
  ChatStore& chats;
  OutboxStore& outbox;
  Recipients& recipients;
  clients::ClientService& clients;
  booking::AppointmentService& appointments;
  booking::OnlineBooking& online;
  identity::BranchService& branches;
  identity::AuditTrail& audit;
  const Clock& clock;
  std::string public_url;
};

class Campaigns {
 public:
  explicit Campaigns(CampaignDeps deps) : d_(std::move(deps)) {}

  Result<CampaignView, Error> Create(const identity::Actor& actor, const CampaignInput& input);
  // Drafts only (kConflict otherwise).
  Result<CampaignView, Error> Update(const identity::Actor& actor, Id id,
                                     const CampaignInput& input);
  Result<CampaignView, Error> Get(const identity::Actor& actor, Id id, int days = 14);
  Result<std::vector<Campaign>, Error> List(const identity::Actor& actor, std::optional<Id> before,
                                            int limit);
  Result<CampaignEstimate, Error> Estimate(const identity::Actor& actor, Id id);
  // Writes its messages into the outbox, due from `at` (now when none) at its pace.
  Result<CampaignView, Error> Send(const identity::Actor& actor, Id id,
                                   std::optional<EpochSeconds> at);
  // A scheduled or sending campaign stops: what has not gone is voided.
  Result<CampaignView, Error> Cancel(const identity::Actor& actor, Id id);

  // The public opt-out link of marketing messages: what it shows, and following it (every
  // marketing consent of the client is withdrawn, audited). kNotFound for an unknown token.
  Result<OptOutView, Error> OptOutInfo(const std::string& token);
  Result<OptOutView, Error> OptOut(const std::string& token);

 private:
  struct Audience {
    std::vector<Addressee> recipients;
    CampaignEstimate estimate;
  };
  Result<Audience, Error> Resolve(const identity::Actor& actor, const Campaign& campaign);

  CampaignDeps d_;
};

}  // namespace kvitka::messaging
