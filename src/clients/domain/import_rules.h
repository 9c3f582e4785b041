// Turning rows of a spreadsheet into client cards: which column is which field (guessed from
// headers in Ukrainian, Russian or English), and one row into a card.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clients/domain/client.h"
#include "core/field_error.h"

namespace kvitka::clients {

// Target fields of an import column.
inline constexpr const char* kImportFields[] = {
    "first_name", "last_name", "middle_name", "full_name", "phones", "email",
    "birthday",   "gender",    "notes",       "tags",      "source", "ignore"};

bool IsImportField(std::string_view field);

// One target field per column, guessed from the header ("Ім'я" -> first_name,
// "Телефон" -> phones, ...); "ignore" when unknown. A field is guessed once at most, except
// phones (several phone columns).
std::vector<std::string> GuessMapping(const std::vector<std::string>& headers);

struct ImportedClient {
  Client client;
  std::vector<std::string> tag_names;
};

// The card of one row; a row with nothing to import gives nullopt without errors. Errors name
// the target field.
std::optional<ImportedClient> ClientFromRow(const std::vector<std::string>& row,
                                            const std::vector<std::string>& mapping,
                                            FieldErrors& errors);

// "17.05.1990", "17/05/1990", "1990-05-17", "17.05.90" -> "1990-05-17"; empty if unknown.
std::string ParseBirthday(std::string_view text);

// "жін", "ж", "female", "f", "женский" -> "female"; empty if unknown.
std::string ParseGender(std::string_view text);

}  // namespace kvitka::clients
