// JSON DTOs of the booking module and its error table.
#pragma once

#include "booking/app/availability_service.h"
#include "booking/app/group_service.h"
#include "booking/app/journal_service.h"
#include "booking/app/waitlist_service.h"
#include "platform/http/json_body.h"
#include "platform/http/json_writer.h"

namespace kvitka::booking {

// Appointments, the journal and availability are written straight to text (large responses).
void WriteAppointment(http::JsonWriter& w, const AppointmentView& view);
std::string AppointmentJson(const AppointmentView& view);
http::Json GroupEventJson(const GroupEventView& view);
http::Json WaitlistJson(const WaitlistView& view);
std::string JournalJson(const JournalView& view);
std::string AvailabilityJson(const AvailabilityView& view);

// A positive id in the query (a field error when malformed, or missing and required).
std::optional<Id> QueryId(const http::Request& req, const char* name, FieldErrors& errors,
                          bool required);
// A comma-separated list of ids in the query (at most 10), required.
std::optional<std::vector<Id>> QueryIds(const http::Request& req, const char* name,
                                        FieldErrors& errors);

// An instant in a body: RFC 3339 text; records a field error otherwise.
std::optional<EpochSeconds> ReadInstant(http::JsonBody& body, const http::Json& json,
                                        const std::string& field, bool required);
// The items of a booking request (`items`), with field errors named items[i].field.
std::optional<std::vector<ItemInput>> ReadItems(http::JsonBody& body, bool required);

http::Response ErrorResponse(const http::Request& request, const Error& error);

}  // namespace kvitka::booking
