#include "messaging/app/message_templates.h"

#include <map>
#include <tuple>

#include "identity/app/authorize.h"
#include "messaging/domain/default_templates.h"

namespace kvitka::messaging {

using identity::Action;
using identity::Actor;

namespace {

Result<Done, Error> Allowed(const Actor& actor) {
  if (!identity::Authorize(actor, Action::kManageMessaging)) {
    return Fail(Error(ErrorCode::kForbidden));
  }
  return Done{};
}

identity::Snapshot TemplateSnapshot(const MessageTemplate& t) {
  return {{"kind", MessageKindName(t.kind)},
          {"channel", ChannelName(t.channel)},
          {"language", LanguageName(t.language)},
          {"subject", t.subject},
          {"body", t.body},
          {"html", t.html}};
}

// Only email has a subject and an HTML part.
MessageTemplate Normalized(MessageTemplate t) {
  if (t.channel != Channel::kEmail) {
    t.subject.clear();
    t.html.clear();
  }
  return t;
}

Error TemplateError(const MessageTemplate& t, FieldErrors fields) {
  Error error(ErrorCode::kValidation, std::move(fields));
  const std::pair<const char*, const std::string*> texts[] = {
      {"subject", &t.subject}, {"body", &t.body}, {"html", &t.html}};
  for (const auto& [field, text] : texts) {
    for (auto& issue : FindTemplateIssues(*text, t.kind)) error.issues.push_back({field, issue});
  }
  return error;
}

}  // namespace

Result<std::vector<TemplateView>, Error> MessageTemplates::List(const Actor& actor,
                                                                const TemplateFilter& filter) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  using Key = std::tuple<MessageKind, Channel, Language>;
  std::map<Key, SavedTemplate> saved;
  d_.db.Read([&](db::Session& s) {
    for (auto& row : d_.templates.List(s, actor.org_id)) {
      saved.emplace(Key{row.text.kind, row.text.channel, row.text.language}, row);
    }
  });
  std::vector<TemplateView> views;
  for (MessageKind kind : AllMessageKinds()) {
    if (filter.kind && *filter.kind != kind) continue;
    for (Channel channel : AllChannels()) {
      if (filter.channel && *filter.channel != channel) continue;
      for (Language language : AllLanguages()) {
        if (filter.language && *filter.language != language) continue;
        auto it = saved.find(Key{kind, channel, language});
        if (it != saved.end()) {
          views.push_back({it->second.text, true, it->second.updated_at});
        } else {
          views.push_back({DefaultTemplate(kind, channel, language), false, std::nullopt});
        }
      }
    }
  }
  return views;
}

Result<TemplateView, Error> MessageTemplates::Save(const Actor& actor,
                                                   const MessageTemplate& input) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  const MessageTemplate text = Normalized(input);
  if (auto fields = CheckTemplate(text); !fields.empty()) {
    return Fail(TemplateError(text, std::move(fields)));
  }
  return d_.db.Write([&](db::Session& s) -> Result<TemplateView, Error> {
    const auto old = d_.templates.Find(s, actor.org_id, text.kind, text.channel, text.language);
    const auto before =
        TemplateSnapshot(old ? old->text : DefaultTemplate(text.kind, text.channel, text.language));
    const EpochSeconds now = d_.clock.Now();
    d_.templates.Save(s, actor.org_id, text, now);
    d_.audit.Record(s, actor, old ? "message_template.update" : "message_template.create",
                    "message_template", std::nullopt, before, TemplateSnapshot(text));
    return TemplateView{text, true, now};
  });
}

Result<TemplateView, Error> MessageTemplates::Reset(const Actor& actor, MessageKind kind,
                                                    Channel channel, Language language) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  const MessageTemplate fallback = DefaultTemplate(kind, channel, language);
  return d_.db.Write([&](db::Session& s) -> Result<TemplateView, Error> {
    const auto old = d_.templates.Find(s, actor.org_id, kind, channel, language);
    if (!old) return TemplateView{fallback, false, std::nullopt};
    d_.templates.Delete(s, actor.org_id, kind, channel, language);
    d_.audit.Record(s, actor, "message_template.reset", "message_template", std::nullopt,
                    TemplateSnapshot(old->text), TemplateSnapshot(fallback));
    return TemplateView{fallback, false, std::nullopt};
  });
}

Result<TemplatePreview, Error> MessageTemplates::Preview(const Actor& actor,
                                                         const MessageTemplate& input) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  const MessageTemplate text = Normalized(input);
  auto rendered = RenderMessage(text, SampleValues(text.language));
  if (!rendered) {
    FieldErrors fields = CheckTemplate(text);
    if (fields.empty()) fields.push_back({"body", "invalid_template"});
    return Fail(TemplateError(text, std::move(fields)));
  }
  TemplatePreview preview{*rendered, std::nullopt};
  if (text.channel == Channel::kSms) preview.sms = MeasureSms(rendered->body);
  return preview;
}

Result<std::span<const std::string_view>, Error> MessageTemplates::Variables(const Actor& actor,
                                                                             MessageKind kind) {
  if (auto ok = Allowed(actor); !ok) return Fail(ok.error());
  return TemplateVariables(kind);
}

}  // namespace kvitka::messaging
