// The values of a marketing message (campaign, birthday greeting, come-back reminder) for one
// client: the salon, its first branch's booking page, and the opt-out link every marketing
// message carries.
#pragma once

#include <string>

#include "booking/app/online_booking.h"
#include "identity/app/branch_service.h"
#include "messaging/app/stores.h"
#include "messaging/domain/templates.h"

namespace kvitka::messaging {

// Inside the caller's unit of work. With `opt_out_token` empty, a stand-in of the same length is
// used (estimates); otherwise the link is the client's.
TemplateValues MarketingValues(db::Session& s, identity::BranchService& branches,
                               booking::OnlineBooking& online, Id org_id,
                               const std::string& client_name, Language language,
                               const std::string& public_url, const std::string& opt_out_token);

// "Відписатися: <url>" in the language.
std::string OptOutLine(const std::string& url, Language language);
// The link of an opt-out token.
std::string OptOutUrl(const std::string& public_url, const std::string& token);

}  // namespace kvitka::messaging
