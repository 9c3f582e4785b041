#include "platform/http/problem.h"

#include <map>
#include <nlohmann/json.hpp>

namespace kvitka::http {

const char* LocalizedText::In(Language language) const {
  switch (language) {
    case Language::kUk:
      return uk;
    case Language::kRu:
      return ru;
    case Language::kEn:
      return en;
  }
  return en;
}

namespace {

const std::map<std::string_view, LocalizedText>& FieldTexts() {
  static const std::map<std::string_view, LocalizedText> texts = {
      {"required", {"This field is required.", "Це поле обов'язкове.", "Это поле обязательно."}},
      {"invalid_type",
       {"This field has the wrong type.", "Поле має неправильний тип.",
        "Поле имеет неправильный тип."}},
      {"invalid_email",
       {"Enter a valid email address.", "Введіть правильну адресу електронної пошти.",
        "Введите правильный адрес электронной почты."}},
      {"too_short",
       {"At least {n} characters.", "Щонайменше {n} символів.", "Не менее {n} символов."}},
      {"too_long",
       {"At most {n} characters.", "Не більше {n} символів.", "Не более {n} символов."}},
      {"out_of_range",
       {"The value is out of range.", "Значення поза допустимими межами.",
        "Значение вне допустимых пределов."}},
      {"invalid_timezone",
       {"Unknown time zone.", "Невідомий часовий пояс.", "Неизвестный часовой пояс."}},
      {"invalid_currency", {"Unknown currency.", "Невідома валюта.", "Неизвестная валюта."}},
      {"invalid_role", {"Unknown role.", "Невідома роль.", "Неизвестная роль."}},
      {"invalid_slug",
       {"Use Latin letters, digits and dashes.", "Використовуйте латинські літери, цифри й дефіси.",
        "Используйте латинские буквы, цифры и дефисы."}},
      {"invalid_value",
       {"The value is not valid.", "Неправильне значення.", "Неправильное значение."}},
      {"invalid_cursor",
       {"The cursor is not valid.", "Неправильний курсор.", "Неправильный курсор."}},
      {"unknown_field", {"Unknown field.", "Невідоме поле.", "Неизвестное поле."}},
      {"not_supported",
       {"This provider does not offer it.", "Цей провайдер такого не пропонує.",
        "Этот провайдер такого не предлагает."}},
      {"taken", {"Already taken.", "Вже зайнято.", "Уже занято."}},
      {"too_many", {"At most {n} items.", "Не більше {n} елементів.", "Не более {n} элементов."}},
      {"too_many_days", {"At most {n} days.", "Не більше {n} днів.", "Не более {n} дней."}},
      {"invalid_phone",
       {"This is not a valid phone number.", "Це неправильний номер телефону.",
        "Это неправильный номер телефона."}},
      {"invalid_date",
       {"Enter a valid date.", "Введіть правильну дату.", "Введите правильную дату."}},
      {"invalid_color",
       {"Use a colour like #e64980.", "Вкажіть колір у форматі #e64980.",
        "Укажите цвет в формате #e64980."}},
      {"not_found", {"Not found.", "Не знайдено.", "Не найдено."}},
      {"duplicate", {"Listed twice.", "Указано двічі.", "Указано дважды."}},
      {"invalid_time",
       {"Enter a time like 09:30.", "Вкажіть час у форматі 09:30.",
        "Укажите время в формате 09:30."}},
      {"no_recipients",
       {"Nobody would get it: no client agreed to this channel or has an address on it.",
        "Її ніхто не отримає: жоден клієнт не погодився на цей канал або не має адреси в ньому.",
        "Её никто не получит: ни один клиент не согласился на этот канал или не имеет адреса в "
        "нём."}},
      {"in_past",
       {"This moment has already passed.", "Цей момент уже минув.", "Этот момент уже прошёл."}},
      {"before_from",
       {"Must not be earlier than the start.", "Не може бути раніше за початок.",
        "Не может быть раньше начала."}},
      {"archived", {"It is archived.", "Це в архіві.", "Это в архиве."}},
      {"not_performed",
       {"This master does not perform the service.", "Цей майстер не виконує послугу.",
        "Этот мастер не выполняет услугу."}},
      {"other_branch",
       {"It belongs to another branch.", "Належить іншій філії.", "Относится к другому филиалу."}},
      {"group_service",
       {"A group service is booked as a group class.",
        "Групову послугу бронюють як групове заняття.",
        "Групповую услугу бронируют как групповое занятие."}},
      {"not_group_service",
       {"Choose a group service.", "Виберіть групову послугу.", "Выберите групповую услугу."}},
      {"name_column_required",
       {"Choose a column with the client's name.", "Виберіть стовпець з ім'ям клієнта.",
        "Выберите столбец с именем клиента."}},
  };
  return texts;
}

}  // namespace

std::string FieldMessage(const FieldError& error, Language language) {
  const auto& texts = FieldTexts();
  auto it = texts.find(error.code);
  std::string message =
      it == texts.end() ? texts.at("invalid_value").In(language) : it->second.In(language);
  if (auto pos = message.find("{n}"); pos != std::string::npos) {
    message.replace(pos, 3, std::to_string(error.limit));
  }
  return message;
}

Response Problem(const Request& request, int status, std::string_view code,
                 const LocalizedText& title, std::string_view detail, const FieldErrors& errors) {
  nlohmann::json body = {
      {"type", "https://kvitka.app/problems/" + std::string(code)},
      {"title", title.In(request.language)},
      {"status", status},
      {"code", code},
  };
  if (!detail.empty()) body["detail"] = detail;
  if (!errors.empty()) {
    auto list = nlohmann::json::array();
    for (const auto& e : errors) {
      list.push_back(
          {{"field", e.field}, {"code", e.code}, {"message", FieldMessage(e, request.language)}});
    }
    body["errors"] = std::move(list);
    if (detail.empty()) {
      std::string fields;
      for (const auto& e : errors) fields += (fields.empty() ? "" : ", ") + e.field;
      body["detail"] = fields;
    }
  }
  Response response;
  response.status = status;
  response.content_type = "application/problem+json";
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response NotFound(const Request& request) {
  return Problem(request, 404, "not-found", {"Not found", "Не знайдено", "Не найдено"});
}

Response ValidationFailed(const Request& request, const FieldErrors& errors) {
  return Problem(request, 422, "validation-failed",
                 {"Some fields are not valid", "Деякі поля заповнено неправильно",
                  "Некоторые поля заполнены неправильно"},
                 {}, errors);
}

Response BadRequest(const Request& request, const FieldErrors& errors) {
  return Problem(
      request, 400, "bad-request",
      {"Bad request parameters", "Неправильні параметри запиту", "Неправильные параметры запроса"},
      {}, errors);
}

Response Forbidden(const Request& request) {
  return Problem(
      request, 403, "forbidden",
      {"You are not allowed to do this", "У вас немає на це прав", "У вас нет на это прав"});
}

Response Unauthorized(const Request& request) {
  return Problem(request, 401, "unauthorized",
                 {"Please sign in", "Будь ласка, увійдіть", "Пожалуйста, войдите"});
}

Response TooManyRequests(const Request& request, long retry_after_seconds) {
  auto response =
      Problem(request, 429, "too-many-requests",
              {"Too many attempts, try again later", "Забагато спроб, спробуйте пізніше",
               "Слишком много попыток, попробуйте позже"});
  response.Header("Retry-After", std::to_string(std::max(1L, retry_after_seconds)));
  return response;
}

}  // namespace kvitka::http
