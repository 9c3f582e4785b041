// The fields of each channel's settings, which of them are secrets, how each is checked, and
// when a channel has what it needs to send. Used by ChannelSettings; no I/O.
#pragma once

#include <nlohmann/json.hpp>

#include "core/field_error.h"
#include "messaging/domain/message_kind.h"

namespace kvitka::messaging {

struct ChannelValues {
  bool enabled = false;
  nlohmann::json settings = nlohmann::json::object();  // shown
  nlohmann::json secrets = nlohmann::json::object();   // never shown
};

// Applies a PUT body to `values`: missing fields stay, null clears, others are checked and set.
// Unknown fields, wrong types and bad values come back as errors named "<channel>.<field>".
FieldErrors ApplyChannelChanges(Channel channel, const nlohmann::json& changes,
                                ChannelValues& values);

// The fields the API shows: settings as they are and "<secret>_set" for every secret field
// (for the generic SMS gateway's headers: "header_names" and "headers_set").
nlohmann::json ShownFields(Channel channel, const ChannelValues& values);

// A text field of a settings or secrets object ("" when missing or not a text).
std::string TextOf(const nlohmann::json& object, const char* name);

// Whether the channel has everything it needs to send (a token, a gateway, an SMTP server).
bool IsConfigured(Channel channel, const ChannelValues& values);

}  // namespace kvitka::messaging
