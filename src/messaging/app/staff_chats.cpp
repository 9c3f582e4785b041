#include "messaging/app/staff_chats.h"

#include "core/secret.h"
#include "identity/app/authorize.h"
#include "messaging/app/channel_fields.h"
#include "messaging/app/channel_settings.h"

namespace kvitka::messaging {

using identity::Action;
using identity::Actor;

namespace {

constexpr EpochSeconds kInviteLifetime = 30L * 24 * 3600;

}  // namespace

Result<Done, Error> StaffChats::MayManage(db::Session& s, const Actor& actor, Id staff_id) {
  if (!identity::Allows(actor.role, Action::kViewStaff)) return Fail(Error(ErrorCode::kForbidden));
  const auto member = d_.staff.FindIn(s, actor.org_id, staff_id);
  if (!member) return Fail(Error(ErrorCode::kNotFound));
  // Masters manage their own chat only.
  if (!identity::Allows(actor.role, Action::kManageStaff) && member->user_id != actor.user_id) {
    return Fail(Error(ErrorCode::kForbidden));
  }
  return Done{};
}

StaffChannels StaffChats::Read(db::Session& s, Id org_id, Id staff_id) {
  StaffChannels view;
  for (const auto& link : d_.chats.StaffLinksOf(s, org_id, staff_id)) {
    if (link.channel == Channel::kTelegram) view.telegram_linked_at = link.linked_at;
  }
  return view;
}

Result<StaffChannels, Error> StaffChats::Channels(const Actor& actor, Id staff_id) {
  return d_.db.Read([&](db::Session& s) -> Result<StaffChannels, Error> {
    if (auto ok = MayManage(s, actor, staff_id); !ok) return Fail(ok.error());
    return Read(s, actor.org_id, staff_id);
  });
}

Result<TelegramInvite, Error> StaffChats::InviteToTelegram(const Actor& actor, Id staff_id) {
  return d_.db.Write([&](db::Session& s) -> Result<TelegramInvite, Error> {
    if (auto ok = MayManage(s, actor, staff_id); !ok) return Fail(ok.error());
    const auto bot = d_.channels.Find(s, actor.org_id, Channel::kTelegram);
    if (!bot) return Fail(Error(ErrorCode::kConflict));
    const auto values = ValuesOf(*bot);
    const std::string name = TextOf(values.settings, "bot_username");
    if (!bot->enabled || !IsConfigured(Channel::kTelegram, values) || name.empty()) {
      return Fail(Error(ErrorCode::kConflict));
    }
    const EpochSeconds now = d_.clock.Now();
    const std::string token = RandomToken(16);
    d_.chats.AddStaffLinkToken(s, actor.org_id, staff_id, token, now, now + kInviteLifetime);
    d_.audit.Record(s, actor, "staff.telegram_link", "staff", staff_id, nullptr, nullptr);
    return TelegramInvite{"https://t.me/" + name + "?start=" + token, now + kInviteLifetime};
  });
}

Result<StaffChannels, Error> StaffChats::UnlinkTelegram(const Actor& actor, Id staff_id) {
  return d_.db.Write([&](db::Session& s) -> Result<StaffChannels, Error> {
    if (auto ok = MayManage(s, actor, staff_id); !ok) return Fail(ok.error());
    if (d_.chats.UnlinkStaff(s, actor.org_id, staff_id, Channel::kTelegram)) {
      d_.audit.Record(s, actor, "staff.telegram_unlink", "staff", staff_id, nullptr, nullptr);
    }
    return Read(s, actor.org_id, staff_id);
  });
}

}  // namespace kvitka::messaging
