#include "messaging/app/bot_conversation.h"

#include <algorithm>

#include "messaging/domain/bot_texts.h"
#include "messaging/domain/visit_values.h"

namespace kvitka::messaging {

using booking::Appointment;
using booking::Status;

namespace {

// "cancel:42" -> ("cancel", "42").
std::pair<std::string, std::string> SplitData(const std::string& data) {
  const auto colon = data.find(':');
  if (colon == std::string::npos) return {data, ""};
  return {data.substr(0, colon), data.substr(colon + 1)};
}

}  // namespace

std::vector<channels::Button> BotConversation::Menu(const Chat& chat) const {
  std::vector<channels::Button> row;
  if (chat.client) row.push_back({BotSays(BotText::kButtonBookings, chat.language), "list", ""});
  if (!chat.booking_link.empty()) {
    row.push_back({BotSays(BotText::kButtonBook, chat.language), "", chat.booking_link});
  }
  return row;
}

BotAnswer BotConversation::Handle(Id org_id, const BotInput& in) {
  const EpochSeconds now = d_.clock.Now();
  Chat chat;
  bool linked_now = false;
  bool link_refused = false;
  d_.db.Write([&](db::Session& s) {
    if (in.left) {
      d_.chats.Unlink(s, org_id, in.channel, in.chat_id);
      d_.chats.UnlinkStaffChat(s, org_id, in.channel, in.chat_id);
      return;
    }
    if (in.start && !in.start->empty()) {
      // A master's link (Telegram only) or a client's; a chat is one or the other.
      const auto staff_id = in.channel == Channel::kTelegram
                                ? d_.chats.UseStaffLinkToken(s, org_id, *in.start, now)
                                : std::nullopt;
      if (staff_id) {
        d_.chats.Unlink(s, org_id, in.channel, in.chat_id);
        // The master's notices come in the language of their app.
        const bool known = ParseLanguage(in.language_code.substr(0, 2)).has_value();
        d_.chats.LinkStaff(s, org_id, *staff_id,
                           {in.channel, in.chat_id, now,
                            known ? LanguageName(LanguageOfApp(in.language_code)) : ""});
        linked_now = true;
      } else if (auto client_id = d_.chats.UseLinkToken(s, org_id, *in.start, now)) {
        d_.chats.UnlinkStaffChat(s, org_id, in.channel, in.chat_id);
        d_.chats.Link(s, org_id, *client_id, {in.channel, in.chat_id, now, ""});
        linked_now = true;
      } else {
        link_refused = true;
      }
    }
    chat.master = d_.chats.StaffOfChat(s, org_id, in.channel, in.chat_id);
    if (chat.master) {
      const auto master = d_.recipients.Master(s, org_id, *chat.master);
      chat.master_name = master ? master->name : "";
    } else if (auto client_id = d_.chats.ClientOfChat(s, org_id, in.channel, in.chat_id)) {
      chat.client = d_.recipients.Client(s, org_id, *client_id);
    }
    chat.language = chat.client ? chat.client->language : LanguageOfApp(in.language_code);
    if (auto org = d_.branches.OrganizationIn(s, org_id)) chat.salon = org->name;
    const auto branches = d_.branches.BranchesIn(s, org_id);
    if (!branches.empty()) chat.booking_link = d_.public_url + "/b/" + branches.front().slug;
    // What a client writes is kept for the salon; a master's chat is not a client's.
    const bool plain_text =
        !in.start && in.callback_data.empty() && !in.text.empty() && !in.text.starts_with("/");
    if (plain_text && !chat.master) {
      d_.chats.AddReceived(s, org_id,
                           {0, chat.client ? std::optional<Id>(chat.client->id) : std::nullopt,
                            in.channel, in.chat_id, in.text.substr(0, 4000), now});
    }
  });
  BotAnswer answer;
  if (in.left) return answer;
  if (chat.master) return ToMaster(chat, in, linked_now, link_refused);
  const std::string name = chat.client ? chat.client->name : in.name;
  if (in.start) {
    BotText text = chat.client ? BotText::kWelcomeBack : BotText::kWelcome;
    if (linked_now) text = BotText::kLinked;
    if (link_refused) text = BotText::kLinkInvalid;
    answer.replies.push_back({BotSays(text, chat.language, name, chat.salon), {Menu(chat)}});
    return answer;
  }
  if (!in.callback_data.empty()) return Pressed(org_id, chat, in);
  if (in.text.starts_with("/bookings") || in.text.starts_with("/my")) {
    answer.replies.push_back(Bookings(org_id, chat));
    return answer;
  }
  const BotText text = in.text.starts_with("/")
                           ? (chat.client ? BotText::kWelcomeBack : BotText::kWelcome)
                           : BotText::kReceived;
  answer.replies.push_back({BotSays(text, chat.language, name, chat.salon), {Menu(chat)}});
  return answer;
}

BotAnswer BotConversation::ToMaster(const Chat& chat, const BotInput& in, bool linked_now,
                                    bool link_refused) const {
  BotAnswer answer;
  const std::string name = chat.master_name.empty() ? in.name : chat.master_name;
  if (!in.callback_data.empty()) {
    // A button of a message from before the chat was the master's: no client's booking here.
    answer.notice = BotSays(BotText::kNotYours, chat.language);
    return answer;
  }
  BotText text = BotText::kStaffChat;
  if (linked_now) text = BotText::kStaffLinked;
  if (link_refused) text = BotText::kLinkInvalid;
  // No buttons: "my bookings", "cancel" and "book" are the clients'.
  answer.replies.push_back({BotSays(text, chat.language, name, chat.salon), {}});
  return answer;
}

BotReply BotConversation::Bookings(Id org_id, const Chat& chat) {
  BotReply reply;
  if (!chat.client) {
    reply.text = BotSays(BotText::kWelcome, chat.language, "", chat.salon);
    reply.buttons = {Menu(chat)};
    return reply;
  }
  const EpochSeconds now = d_.clock.Now();
  auto page =
      d_.appointments.OfClient(identity::Actor::System(org_id), chat.client->id, std::nullopt, 100);
  std::vector<Appointment> coming;
  if (page) {
    for (const auto& view : page->items) {
      const auto& a = view.appointment;
      if (booking::HoldsTime(a.status) && a.status != Status::kArrived && a.Start() > now) {
        coming.push_back(a);
      }
    }
  }
  std::sort(coming.begin(), coming.end(),
            [](const Appointment& a, const Appointment& b) { return a.Start() < b.Start(); });
  if (coming.size() > 10) coming.resize(10);
  if (coming.empty()) {
    reply.text = BotSays(BotText::kNoBookings, chat.language);
    reply.buttons = {Menu(chat)};
    return reply;
  }
  reply.text = BotSays(BotText::kYourBookings, chat.language);
  d_.db.Read([&](db::Session& s) {
    for (const auto& a : coming) {
      const auto branch = d_.branches.FindIn(s, org_id, a.branch_id);
      const std::string label =
          VisitLabel(a.Start(), branch ? branch->timezone : "UTC", chat.language);
      std::string services;
      for (const auto& item : a.items) {
        if (!services.empty()) services += ", ";
        services += item.service_name;
      }
      reply.text += "\n• ";
      reply.text += label;
      reply.text += " — ";
      reply.text += services;
      reply.buttons.push_back({{BotSays(BotText::kButtonCancel, chat.language, "", "", label),
                                "cancel:" + std::to_string(a.id), ""}});
    }
  });
  reply.buttons.push_back(Menu(chat));
  return reply;
}

std::optional<std::pair<Appointment, std::string>> BotConversation::OwnVisit(
    Id org_id, const Chat& chat, const std::string& id) {
  if (!chat.client || id.empty() || id.size() > 18 ||
      !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return d_.db.Read([&](db::Session& s) -> std::optional<std::pair<Appointment, std::string>> {
    auto a = d_.appointments.FindIn(s, org_id, std::stoll(id));
    if (!a || a->client_id != chat.client->id) return std::nullopt;
    const auto branch = d_.branches.FindIn(s, org_id, a->branch_id);
    return std::make_pair(*a,
                          VisitLabel(a->Start(), branch ? branch->timezone : "UTC", chat.language));
  });
}

BotAnswer BotConversation::Pressed(Id org_id, const Chat& chat, const BotInput& in) {
  BotAnswer answer;
  const auto [action, id] = SplitData(in.callback_data);
  const Language lang = chat.language;
  if (action == "list") {
    answer.replies.push_back(Bookings(org_id, chat));
    return answer;
  }
  if (action == "keep") {
    answer.notice = BotSays(BotText::kKept, lang);
    return answer;
  }
  auto visit = OwnVisit(org_id, chat, id);
  const bool coming =
      visit && booking::HoldsTime(visit->first.status) && visit->first.Start() > d_.clock.Now();
  if (!coming) {
    answer.notice = BotSays(BotText::kNotYours, lang);
    return answer;
  }
  const Appointment& a = visit->first;
  const std::string& label = visit->second;
  if (action == "confirm") {
    if (a.status == Status::kBooked) {
      booking::StatusChange change;
      change.status = Status::kConfirmed;
      change.cancelled_by = "client";
      auto done = d_.appointments.SetStatus(booking::VisitorActor(org_id, "bot " + in.chat_id),
                                            a.id, change);
      if (!done) {
        answer.notice = BotSays(BotText::kNotYours, lang);
        return answer;
      }
    }
    answer.notice = BotSays(BotText::kConfirmed, lang, "", "", label);
    answer.replies.push_back({answer.notice, {}});
  } else if (action == "cancel") {
    answer.replies.push_back({BotSays(BotText::kAskCancel, lang, "", "", label),
                              {{{BotSays(BotText::kButtonYesCancel, lang), "cancel!:" + id, ""},
                                {BotSays(BotText::kButtonKeep, lang), "keep", ""}}}});
  } else if (action == "cancel!") {
    // The same rules as the manage link: before the branch's deadline only.
    const auto links = d_.db.Write([&](db::Session& s) { return d_.online.LinksIn(s, org_id, a); });
    auto cancelled = d_.online.Cancel(links.manage_token, "", "bot " + in.chat_id);
    if (cancelled) {
      answer.notice = BotSays(BotText::kCancelled, lang, "", "", label);
      answer.replies.push_back({answer.notice, {Menu(chat)}});
    } else {
      answer.replies.push_back(
          {BotSays(BotText::kCancelTooLate, lang, "", "", "", links.phone), {Menu(chat)}});
    }
  } else {
    answer.notice = BotSays(BotText::kNotYours, lang);
  }
  return answer;
}

}  // namespace kvitka::messaging
