#include "messaging/app/marketing_values.h"

namespace kvitka::messaging {

std::string OptOutUrl(const std::string& public_url, const std::string& token) {
  return public_url + "/b/u/" + token;
}

std::string OptOutLine(const std::string& url, Language language) {
  switch (language) {
    case Language::kEn:
      return "Unsubscribe: " + url;
    case Language::kRu:
      return "Отписаться: " + url;
    case Language::kUk:
      break;
  }
  return "Відписатися: " + url;
}

TemplateValues MarketingValues(db::Session& s, identity::BranchService& branches,
                               booking::OnlineBooking& online, Id org_id,
                               const std::string& client_name, Language language,
                               const std::string& public_url, const std::string& opt_out_token) {
  TemplateValues v = {{"client_name", client_name}};
  if (auto org = branches.OrganizationIn(s, org_id)) v["salon_name"] = org->name;
  const auto list = branches.BranchesIn(s, org_id);
  if (!list.empty()) {
    const auto& branch = list.front();
    v["branch_name"] = branch.name;
    v["address"] = branch.address;
    v["booking_link"] = public_url + "/b/" + branch.slug;
    v["salon_phone"] = online.PhoneIn(s, org_id, branch.id);
  }
  const std::string token = opt_out_token.empty() ? std::string(22, 'x') : opt_out_token;
  v["opt_out"] = OptOutLine(OptOutUrl(public_url, token), language);
  return v;
}

}  // namespace kvitka::messaging
