// The booking module's routes: availability, appointments, the journal, group classes, the
// waitlist and the live event stream.
#pragma once

#include "booking/app/availability_service.h"
#include "booking/app/group_service.h"
#include "booking/app/journal_service.h"
#include "booking/app/waitlist_service.h"
#include "platform/http/event_hub.h"
#include "platform/http/router.h"

namespace kvitka::booking {

struct BookingServices {
  AvailabilityService& availability;
  AppointmentService& appointments;
  JournalService& journal;
  GroupService& groups;
  WaitlistService& waitlist;
  http::EventHub& events;
};

void AddBookingRoutes(http::Router& router, BookingServices services);
void AddGroupRoutes(http::Router& router, BookingServices services);

// Publishes booking changes to the open event streams.
class EventHubFeed final : public ChangeFeed {
 public:
  explicit EventHubFeed(http::EventHub& hub) : hub_(hub) {}
  void Publish(const BookingChange& change) override;

 private:
  http::EventHub& hub_;
};

}  // namespace kvitka::booking
