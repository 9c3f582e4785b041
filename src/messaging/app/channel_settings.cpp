#include "messaging/app/channel_settings.h"

#include "identity/app/authorize.h"
#include "messaging/app/channel_fields.h"

namespace kvitka::messaging {

using identity::Action;
using identity::Actor;
using nlohmann::json;

namespace {

Result<Done, Error> Allowed(const Actor& actor) {
  if (!identity::Authorize(actor, Action::kManageMessaging)) {
    return Fail(Error(ErrorCode::kForbidden));
  }
  return Done{};
}

ChannelView ViewOf(Channel channel, const std::optional<StoredChannel>& stored) {
  ChannelValues values = stored ? ValuesOf(*stored) : ChannelValues{};
  ChannelView view{channel, values.enabled, IsConfigured(channel, values),
                   ShownFields(channel, values), std::nullopt};
  if (stored) view.updated_at = stored->updated_at;
  return view;
}

// What the audit log keeps: the shown fields only (secrets appear as "<name>_set").
identity::Snapshot ChannelSnapshot(const ChannelView& view) {
  return {
      {"channel", ChannelName(view.channel)}, {"enabled", view.enabled}, {"settings", view.fields}};
}

}  // namespace

ChannelValues ValuesOf(const StoredChannel& stored) {
  auto object = [](const std::string& text) {
    auto parsed = json::parse(text, nullptr, false);
    return parsed.is_object() ? parsed : json::object();
  };
  return {stored.enabled, object(stored.settings_json), object(stored.secrets_json)};
}

Result<std::vector<ChannelView>, Error> ChannelSettings::List(const Actor& actor) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) {
    const auto stored = d_.channels.List(s, actor.org_id);
    std::vector<ChannelView> views;
    for (Channel channel : AllChannels()) {
      std::optional<StoredChannel> found;
      for (const auto& row : stored) {
        if (row.channel == channel) found = row;
      }
      views.push_back(ViewOf(channel, found));
    }
    return views;
  });
}

Result<ChannelView, Error> ChannelSettings::Get(const Actor& actor, Channel channel) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  return d_.db.Read(
      [&](db::Session& s) { return ViewOf(channel, d_.channels.Find(s, actor.org_id, channel)); });
}

Result<ChannelView, Error> ChannelSettings::Put(const Actor& actor, Channel channel,
                                                const json& changes) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  return d_.db.Write([&](db::Session& s) -> Result<ChannelView, Error> {
    const auto stored = d_.channels.Find(s, actor.org_id, channel);
    const ChannelView before = ViewOf(channel, stored);
    ChannelValues values = stored ? ValuesOf(*stored) : ChannelValues{};
    if (auto errors = ApplyChannelChanges(channel, changes, values); !errors.empty()) {
      return Fail(Error(ErrorCode::kValidation, errors));
    }
    const StoredChannel row{channel, values.enabled, values.settings.dump(), values.secrets.dump(),
                            d_.clock.Now()};
    d_.channels.Save(s, actor.org_id, row);
    const ChannelView after = ViewOf(channel, row);
    d_.audit.Record(s, actor, "message_channel.update", "message_channel", std::nullopt,
                    ChannelSnapshot(before), ChannelSnapshot(after));
    return after;
  });
}

}  // namespace kvitka::messaging
