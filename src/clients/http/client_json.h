// JSON DTOs of the clients module and its error table.
#pragma once

#include "clients/app/client_service.h"
#include "clients/app/exchange_service.h"
#include "clients/app/file_service.h"
#include "clients/app/tag_service.h"
#include "platform/http/json_body.h"

namespace kvitka::clients {

http::Json ClientJson(const Client& client, NameOrder order);
http::Json TagJson(const Tag& tag);
http::Json SegmentJson(const Segment& segment);
http::Json FileJson(const ClientFile& file);

// The fields of a card in a request body (create: first_name required).
ClientPatch ReadClient(http::JsonBody& body, bool creating);
// A segment's filter: an object of filter keys with strings, numbers, booleans or id lists.
std::optional<Pairs> ReadFilter(http::JsonBody& body);

http::Response ErrorResponse(const http::Request& request, const Error& error);
// For list queries: validation problems are bad query parameters (400).
http::Response QueryErrorResponse(const http::Request& request, const Error& error);

}  // namespace kvitka::clients
