// Feedback's routes: the client's form behind the visit's link (public) and the answers for
// owners and managers.
#pragma once

#include "feedback/app/feedback_service.h"
#include "platform/http/router.h"

namespace kvitka::feedback {

void AddFeedbackRoutes(http::Router& router, FeedbackService& feedback);

}  // namespace kvitka::feedback
