// The booking module's error table: each expected outcome as an HTTP status and problem type.
#include "booking/http/booking_json.h"
#include "core/time.h"
#include "platform/http/problem.h"

namespace kvitka::booking {

using http::Json;

namespace {

Json Instant(EpochSeconds t) { return FormatRfc3339Utc(t); }

Json ConflictJson(const Hold& h) {
  Json json = {{"start", Instant(h.span.start)}, {"end", Instant(h.span.end)}};
  json[h.resource == Hold::Resource::kStaff ? "staff_id" : "room_id"] = h.resource_id;
  return json;
}

// "Call us: +380..." in the request's language; empty without a phone.
std::string CallUs(const http::Request& request, const std::string& phone) {
  if (phone.empty()) return {};
  const http::LocalizedText text{"Call us: ", "Телефонуйте: ", "Звоните: "};
  return text.In(request.language) + phone;
}

}  // namespace

http::Response ErrorResponse(const http::Request& request, const Error& error) {
  switch (error.code) {
    case ErrorCode::kValidation:
      return http::ValidationFailed(request, error.fields);
    case ErrorCode::kForbidden:
      return http::Forbidden(request);
    case ErrorCode::kNotFound:
      return http::NotFound(request);
    case ErrorCode::kSlotTaken:
    case ErrorCode::kOutsideWorkingHours: {
      const bool taken = error.code == ErrorCode::kSlotTaken;
      auto response = taken ? http::Problem(request, 409, "slot-taken",
                                            {"This time is already taken.", "Цей час уже зайнятий.",
                                             "Это время уже занято."})
                            : http::Problem(request, 409, "outside-working-hours",
                                            {"This is outside the master's working hours.",
                                             "Це поза робочими годинами майстра.",
                                             "Это вне рабочих часов мастера."});
      auto json = Json::parse(response.body);
      Json conflicts = Json::array();
      for (const auto& c : error.conflicts) conflicts.push_back(ConflictJson(c));
      json["conflicts"] = conflicts;
      if (!error.dates.empty()) {
        Json dates = Json::array();
        for (auto d : error.dates) dates.push_back(Instant(d));
        json["dates"] = dates;
      }
      response.body = http::Dump(json);
      return response;
    }
    case ErrorCode::kClosed:
      return http::Problem(request, 409, "appointment-closed",
                           {"A completed, missed or cancelled visit cannot be changed like this.",
                            "Завершений, пропущений або скасований візит так змінити не можна.",
                            "Завершённый, пропущенный или отменённый визит так изменить нельзя."});
    case ErrorCode::kGroupFull:
      return http::Problem(request, 409, "group-full",
                           {"All seats of this class are taken.", "Усі місця на занятті зайняті.",
                            "Все места на занятии заняты."});
    case ErrorCode::kAlreadyParticipant:
      return http::Problem(
          request, 409, "already-participant",
          {"The client is already booked for this class.", "Клієнт уже записаний на це заняття.",
           "Клиент уже записан на это занятие."});
    case ErrorCode::kIdempotencyKeyReused:
      return http::Problem(request, 422, "idempotency-key-reused",
                           {"This Idempotency-Key was used for another request.",
                            "Цей Idempotency-Key уже використано для іншого запиту.",
                            "Этот Idempotency-Key уже использован для другого запроса."});
    case ErrorCode::kBranchNotFound:
      return http::Problem(request, 404, "branch-not-found",
                           {"There is no salon at this address.", "За цією адресою салону немає.",
                            "По этому адресу салона нет."});
    case ErrorCode::kBookingNotFound:
      return http::Problem(request, 404, "booking-not-found",
                           {"This booking link is not valid.", "Це посилання на запис недійсне.",
                            "Эта ссылка на запись недействительна."});
    case ErrorCode::kOnlineClosed:
      return http::Problem(request, 403, "online-booking-closed",
                           {"Online booking is closed at the moment. Please call us.",
                            "Онлайн-запис зараз закрито. Будь ласка, зателефонуйте нам.",
                            "Онлайн-запись сейчас закрыта. Пожалуйста, позвоните нам."},
                           CallUs(request, error.contact));
    case ErrorCode::kTooManyBookings:
      return http::Problem(
          request, 409, "too-many-bookings",
          {"You already have as many upcoming online bookings as we can take. Please call us.",
           "У вас уже стільки майбутніх онлайн-записів, скільки ми можемо прийняти. "
           "Будь ласка, зателефонуйте нам.",
           "У вас уже столько будущих онлайн-записей, сколько мы можем принять. "
           "Пожалуйста, позвоните нам."},
          CallUs(request, error.contact));
    case ErrorCode::kRefused:
      return http::Problem(request, 403, "booking-refused",
                           {"We cannot take this booking online. Please call us, we will help.",
                            "Цей запис ми не можемо прийняти онлайн. Зателефонуйте нам, будь "
                            "ласка, ми допоможемо.",
                            "Эту запись мы не можем принять онлайн. Позвоните нам, пожалуйста, "
                            "мы поможем."},
                           CallUs(request, error.contact));
    case ErrorCode::kDeadlinePassed:
      return http::Problem(request, 409, "deadline-passed",
                           {"It is too late to change this booking online. Please call us.",
                            "Змінити цей запис онлайн уже не можна. Будь ласка, зателефонуйте нам.",
                            "Изменить эту запись онлайн уже нельзя. Пожалуйста, позвоните нам."},
                           CallUs(request, error.contact));
    case ErrorCode::kTooManyRequests:
      return http::TooManyRequests(request, static_cast<long>(error.retry_after));
  }
  return http::NotFound(request);
}

}  // namespace kvitka::booking
