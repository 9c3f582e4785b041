// The client card: who the salon's client is, how to reach them, what they like, and how
// often they come.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/id.h"

namespace kvitka::clients {

struct Consent {
  bool sms = false;
  bool telegram = false;
  bool viber = false;
  bool email = false;
  friend bool operator==(const Consent&, const Consent&) = default;
};

// Kept current by the journal; zero until visits exist.
struct VisitStats {
  std::optional<EpochSeconds> first_visit_at;
  std::optional<EpochSeconds> last_visit_at;
  int visits = 0;
  int no_shows = 0;
  int cancellations = 0;
  std::int64_t total_spent = 0;  // minor units
  std::int64_t AverageCheck() const { return visits > 0 ? total_spent / visits : 0; }
};

struct Tag {
  Id id = 0;
  std::string name;
  std::string color;  // "#rrggbb"
  int clients = 0;    // filled by listings
};

struct Client {
  Id id = 0;
  Id org_id = 0;
  std::string first_name;
  std::string last_name;
  std::string middle_name;
  std::vector<std::string> phones;  // E.164, primary first
  std::string email;
  std::string birthday;  // YYYY-MM-DD or empty
  std::string gender;    // female, male, other or empty
  std::string notes;
  std::string source;
  std::optional<Id> referred_by_id;
  std::vector<Id> preferred_staff_ids;
  std::vector<Id> preferred_service_ids;
  std::string preferences;
  Consent consent;
  std::string language = "uk";
  int discount_percent = 0;
  std::optional<Id> photo_file_id;
  std::vector<Tag> tags;
  VisitStats stats;
  EpochSeconds created_at = 0;
  EpochSeconds updated_at = 0;
  bool archived = false;
  bool erased = false;
  std::optional<Id> merged_into_id;
  // Set when the viewer may not see contacts and last names (masters): those fields are empty
  // and the API leaves them out.
  bool contacts_hidden = false;
};

enum class NameOrder { kFirstLast, kLastFirst };

}  // namespace kvitka::clients
