#include "clients/app/tag_service.h"

#include "clients/domain/client_rules.h"
#include "core/text.h"
#include "identity/app/authorize.h"

namespace kvitka::clients {

using identity::Action;
using identity::Actor;

namespace {

Result<Done, Error> Allowed(const Actor& actor, Action action) {
  if (!identity::Authorize(actor, action)) return Fail(Error(ErrorCode::kForbidden));
  return Done{};
}

identity::Snapshot TagSnapshot(const Tag& t) { return {{"name", t.name}, {"color", t.color}}; }

identity::Snapshot SegmentSnapshot(const Segment& segment) {
  identity::Snapshot filter = identity::Snapshot::object();
  for (const auto& [k, v] : segment.filter) filter[k] = v;
  return {{"name", segment.name}, {"filter", filter}};
}

}  // namespace

Result<std::vector<Tag>, Error> TagService::List(const Actor& actor) {
  if (auto ok = Allowed(actor, Action::kViewClients); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) { return d_.tags.List(s, actor.org_id); });
}

Result<Tag, Error> TagService::Create(const Actor& actor, const TagInput& input) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  Tag tag{0, input.name.value_or(""), input.color.value_or("#868e96"), 0};
  if (!IsHexColor(tag.color))
    return Fail(Error(ErrorCode::kValidation, {{"color", "invalid_color"}}));
  return d_.db.Write([&](db::Session& s) -> Result<Tag, Error> {
    if (d_.tags.FindByName(s, actor.org_id, tag.name)) return Fail(Error(ErrorCode::kTagTaken));
    tag.id = d_.tags.Insert(s, actor.org_id, tag, d_.clock.Now());
    d_.audit.Record(s, actor, "client_tag.create", "client_tag", tag.id, nullptr, TagSnapshot(tag));
    return tag;
  });
}

Result<Tag, Error> TagService::Update(const Actor& actor, Id tag_id, const TagInput& input) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  if (input.color && !IsHexColor(*input.color)) {
    return Fail(Error(ErrorCode::kValidation, {{"color", "invalid_color"}}));
  }
  return d_.db.Write([&](db::Session& s) -> Result<Tag, Error> {
    auto tag = d_.tags.Find(s, actor.org_id, tag_id);
    if (!tag) return Fail(Error(ErrorCode::kNotFound));
    const auto before = TagSnapshot(*tag);
    if (input.name && *input.name != tag->name) {
      if (d_.tags.FindByName(s, actor.org_id, *input.name))
        return Fail(Error(ErrorCode::kTagTaken));
      tag->name = *input.name;
    }
    if (input.color) tag->color = *input.color;
    d_.tags.Update(s, actor.org_id, *tag);
    d_.audit.Record(s, actor, "client_tag.update", "client_tag", tag->id, before,
                    TagSnapshot(*tag));
    return *tag;
  });
}

Result<Done, Error> TagService::Delete(const Actor& actor, Id tag_id) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  return d_.db.Write([&](db::Session& s) -> Result<Done, Error> {
    auto tag = d_.tags.Find(s, actor.org_id, tag_id);
    if (!tag) return Fail(Error(ErrorCode::kNotFound));
    d_.tags.Delete(s, actor.org_id, tag_id);
    d_.audit.Record(s, actor, "client_tag.delete", "client_tag", tag_id, TagSnapshot(*tag),
                    nullptr);
    return Done{};
  });
}

long long TagService::CountOf(db::Session& s, const Actor& actor, const Segment& segment,
                              const FilterContext& context) {
  auto filter = ParseClientFilter(segment.filter, context);
  return filter ? d_.clients.Count(s, actor.org_id, *filter) : 0;
}

Result<std::vector<Segment>, Error> TagService::Segments(const Actor& actor) {
  if (auto ok = Allowed(actor, Action::kViewClients); !ok) return Fail(ok.error());
  const auto context = clients_.ContextOf(actor.org_id);  // outside: it reads on its own
  return d_.db.Read([&](db::Session& s) {
    auto segments = d_.segments.List(s, actor.org_id);
    for (auto& segment : segments) segment.clients = CountOf(s, actor, segment, context);
    return segments;
  });
}

Result<Segment, Error> TagService::GetSegment(const Actor& actor, Id segment_id) {
  if (auto ok = Allowed(actor, Action::kViewClients); !ok) return Fail(ok.error());
  const auto context = clients_.ContextOf(actor.org_id);
  return d_.db.Read([&](db::Session& s) -> Result<Segment, Error> {
    auto segment = d_.segments.Find(s, actor.org_id, segment_id);
    if (!segment) return Fail(Error(ErrorCode::kNotFound));
    segment->clients = CountOf(s, actor, *segment, context);
    return *segment;
  });
}

Result<Segment, Error> TagService::CreateSegment(const Actor& actor, const SegmentInput& input) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  Segment segment{0, input.name.value_or(""), FilterPairs(input.filter.value_or(Pairs{})), 0};
  auto parsed = ParseClientFilter(segment.filter, clients_.ContextOf(actor.org_id));
  if (!parsed) {
    FieldErrors errors;
    for (const auto& e : parsed.error()) errors.push_back({"filter." + e.field, e.code, e.limit});
    return Fail(Error(ErrorCode::kValidation, errors));
  }
  return d_.db.Write([&](db::Session& s) -> Result<Segment, Error> {
    segment.id = d_.segments.Insert(s, actor.org_id, segment, d_.clock.Now());
    segment.clients = d_.clients.Count(s, actor.org_id, *parsed);
    d_.audit.Record(s, actor, "client_segment.create", "client_segment", segment.id, nullptr,
                    SegmentSnapshot(segment));
    return segment;
  });
}

Result<Segment, Error> TagService::UpdateSegment(const Actor& actor, Id segment_id,
                                                 const SegmentInput& input) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  const auto context = clients_.ContextOf(actor.org_id);
  return d_.db.Write([&](db::Session& s) -> Result<Segment, Error> {
    auto segment = d_.segments.Find(s, actor.org_id, segment_id);
    if (!segment) return Fail(Error(ErrorCode::kNotFound));
    const auto before = SegmentSnapshot(*segment);
    if (input.name) segment->name = *input.name;
    if (input.filter) segment->filter = FilterPairs(*input.filter);
    auto parsed = ParseClientFilter(segment->filter, context);
    if (!parsed) {
      FieldErrors errors;
      for (const auto& e : parsed.error()) errors.push_back({"filter." + e.field, e.code, e.limit});
      return Fail(Error(ErrorCode::kValidation, errors));
    }
    d_.segments.Update(s, actor.org_id, *segment, d_.clock.Now());
    segment->clients = d_.clients.Count(s, actor.org_id, *parsed);
    d_.audit.Record(s, actor, "client_segment.update", "client_segment", segment->id, before,
                    SegmentSnapshot(*segment));
    return *segment;
  });
}

Result<Done, Error> TagService::DeleteSegment(const Actor& actor, Id segment_id) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  return d_.db.Write([&](db::Session& s) -> Result<Done, Error> {
    auto segment = d_.segments.Find(s, actor.org_id, segment_id);
    if (!segment) return Fail(Error(ErrorCode::kNotFound));
    d_.segments.Delete(s, actor.org_id, segment_id, d_.clock.Now());
    d_.audit.Record(s, actor, "client_segment.delete", "client_segment", segment_id,
                    SegmentSnapshot(*segment), nullptr);
    return Done{};
  });
}

}  // namespace kvitka::clients
