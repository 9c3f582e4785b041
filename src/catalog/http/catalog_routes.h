// HTTP routes of the catalog module: service categories, services, rooms.
#pragma once

#include "catalog/app/catalog_service.h"
#include "platform/http/router.h"

namespace kvitka::catalog {

void AddCatalogRoutes(http::Router& router, CatalogService& catalog);

}  // namespace kvitka::catalog
