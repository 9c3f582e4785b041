// JSON DTOs of the catalog module and its error table.
#pragma once

#include "catalog/app/catalog_service.h"
#include "platform/http/json_body.h"

namespace kvitka::catalog {

http::Json CategoryJson(const Category& c);
http::Json ServiceJson(const Service& s);
http::Json RoomJson(const Room& r);

// Applies the service fields present in the body (types checked into the body's errors).
void ReadService(http::JsonBody& body, Service& service, bool creating);
void ReadRoom(http::JsonBody& body, Room& room, bool creating);

http::Response ErrorResponse(const http::Request& request, const Error& error);

}  // namespace kvitka::catalog
