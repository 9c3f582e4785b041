// The organization's client tags ("VIP", "regular", "black list", ...) and saved filters
// (segments).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clients/app/client_service.h"

namespace kvitka::clients {

struct TagInput {
  std::optional<std::string> name;
  std::optional<std::string> color;
};

struct SegmentInput {
  std::optional<std::string> name;
  std::optional<Pairs> filter;
};

class TagService {
 public:
  TagService(ClientDeps deps, ClientService& clients) : d_(deps), clients_(clients) {}

  Result<std::vector<Tag>, Error> List(const identity::Actor& actor);
  Result<Tag, Error> Create(const identity::Actor& actor, const TagInput& input);
  Result<Tag, Error> Update(const identity::Actor& actor, Id tag_id, const TagInput& input);
  Result<Done, Error> Delete(const identity::Actor& actor, Id tag_id);

  Result<std::vector<Segment>, Error> Segments(const identity::Actor& actor);
  Result<Segment, Error> GetSegment(const identity::Actor& actor, Id segment_id);
  Result<Segment, Error> CreateSegment(const identity::Actor& actor, const SegmentInput& input);
  Result<Segment, Error> UpdateSegment(const identity::Actor& actor, Id segment_id,
                                       const SegmentInput& input);
  Result<Done, Error> DeleteSegment(const identity::Actor& actor, Id segment_id);

 private:
  // The number of clients a segment currently holds.
  long long CountOf(db::Session& s, const identity::Actor& actor, const Segment& segment,
                    const FilterContext& context);

  ClientDeps d_;
  ClientService& clients_;
};

}  // namespace kvitka::clients
