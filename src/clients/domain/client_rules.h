// Pure rules of the client card: validation, display name, search text, masking.
#pragma once

#include <string>
#include <string_view>

#include "clients/domain/client.h"
#include "core/field_error.h"

namespace kvitka::clients {

inline constexpr const char* kGenders[] = {"female", "male", "other"};
inline constexpr const char* kSources[] = {"instagram", "google_maps",    "friend",   "walk_in",
                                           "campaign",  "online_booking", "facebook", "tiktok",
                                           "website",   "other"};

bool IsGender(std::string_view value);
bool IsSource(std::string_view value);
// "YYYY-MM-DD" of a real date between 1900-01-01 and `today` (also YYYY-MM-DD).
bool IsPlausibleBirthday(std::string_view value, std::string_view today);

// Normalizes the phones (E.164 with the organization's region, duplicates removed) and checks
// every field. Errors name the field ("phones[1]").
FieldErrors NormalizeClient(Client& client, std::string_view region, std::string_view today);

std::string DisplayName(const Client& client, NameOrder order);

// Folded names and phone digits (international and national) for substring search.
std::string SearchText(const Client& client);

// What a master may see: no phones, email, last or middle name.
void HideContacts(Client& client);

// The client's personal data wiped for an erasure request; visits and money stay, anonymous.
void Erase(Client& client);

}  // namespace kvitka::clients
