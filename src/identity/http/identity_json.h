// JSON DTOs of the identity module and its error table.
#pragma once

#include "identity/app/auth_service.h"
#include "identity/app/user_service.h"
#include "identity/domain/error.h"
#include "platform/http/json_body.h"

namespace kvitka::identity {

http::Json MemberJson(const Member& member);
http::Json OrganizationJson(const Organization& org);
http::Json BranchJson(const Branch& branch);
http::Json SessionJson(const SessionView& view);
http::Json AuditJson(const AuditEntry& entry);

// The one table from identity errors to HTTP problems.
http::Response ErrorResponse(const http::Request& request, const Error& error);

}  // namespace kvitka::identity
