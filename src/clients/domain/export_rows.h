// A client as one spreadsheet row, with column names in the reader's language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clients/domain/client.h"

namespace kvitka::clients {

std::vector<std::string> ExportHeader(std::string_view language);
std::vector<std::string> ExportRow(const Client& client, NameOrder order,
                                   std::string_view language);

}  // namespace kvitka::clients
