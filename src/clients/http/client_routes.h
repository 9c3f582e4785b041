// HTTP routes of the clients module.
#pragma once

#include "clients/app/client_service.h"
#include "clients/app/exchange_service.h"
#include "clients/app/file_service.h"
#include "clients/app/tag_service.h"
#include "platform/http/router.h"

namespace kvitka::clients {

void AddClientRoutes(http::Router& router, ClientService& clients);
void AddClientCatalogRoutes(http::Router& router, TagService& tags, ClientFileService& files);
void AddClientExchangeRoutes(http::Router& router, ClientExchange& exchange);

}  // namespace kvitka::clients
