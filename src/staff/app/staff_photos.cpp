#include "staff/app/staff_photos.h"

#include "identity/app/authorize.h"

namespace kvitka::staff {

using identity::Action;
using identity::Actor;

Result<StaffView, Error> StaffPhotos::Set(const Actor& actor, Id staff_id,
                                          const std::string& content_type, std::string_view bytes) {
  if (!identity::Allows(actor.role, Action::kManageStaff))
    return Fail(Error(ErrorCode::kForbidden));
  const bool image =
      content_type == "image/jpeg" || content_type == "image/png" || content_type == "image/webp";
  if (!image || !files::LooksLike(content_type, bytes)) {
    return Fail(Error(ErrorCode::kValidation, {{"photo", "unsupported_type"}}));
  }
  if (bytes.size() > kMaxStaffPhotoBytes) {
    return Fail(Error(ErrorCode::kValidation,
                      {{"photo", "too_large", static_cast<std::int64_t>(kMaxStaffPhotoBytes)}}));
  }
  const bool exists = d_.db.Read([&](db::Session& s) {
    auto member = d_.store.Find(s, actor.org_id, staff_id);
    return member && !member->archived;
  });
  if (!exists) return Fail(Error(ErrorCode::kNotFound));
  // The bytes first: a photo row never points at nothing. A failed save leaves an unused file.
  StaffPhoto photo;
  photo.org_id = actor.org_id;
  photo.staff_id = staff_id;
  photo.content_type = content_type;
  photo.size = static_cast<std::int64_t>(bytes.size());
  photo.storage_key = storage_.Save(bytes);
  photo.created_at = d_.clock.Now();
  const Id photo_id = d_.db.Write([&](db::Session& s) { return d_.store.InsertPhoto(s, photo); });
  return Change(actor, staff_id, photo_id, "staff.photo_set");
}

Result<StaffView, Error> StaffPhotos::Remove(const Actor& actor, Id staff_id) {
  if (!identity::Allows(actor.role, Action::kManageStaff))
    return Fail(Error(ErrorCode::kForbidden));
  return Change(actor, staff_id, std::nullopt, "staff.photo_removed");
}

Result<StaffView, Error> StaffPhotos::Change(const Actor& actor, Id staff_id,
                                             std::optional<Id> photo_id,
                                             const std::string& action) {
  auto changed = d_.db.Write([&](db::Session& s) -> Result<Done, Error> {
    auto member = d_.store.Find(s, actor.org_id, staff_id);
    if (!member || member->archived) return Fail(Error(ErrorCode::kNotFound));
    const nlohmann::json before = {{"photo_file_id", member->photo_file_id
                                                         ? nlohmann::json(*member->photo_file_id)
                                                         : nlohmann::json(nullptr)}};
    member->photo_file_id = photo_id;
    d_.store.Update(s, actor.org_id, *member);
    d_.audit.Record(s, actor, action, "staff", staff_id, before,
                    {{"photo_file_id", photo_id ? nlohmann::json(*photo_id) : nullptr}});
    return Done{};
  });
  if (!changed) return Fail(changed.error());
  return staff_.Get(actor, staff_id);
}

std::optional<StoredPhoto> StaffPhotos::Public(Id staff_id) {
  auto photo = d_.db.Read([&](db::Session& s) { return d_.store.PublicPhoto(s, staff_id); });
  if (!photo) return std::nullopt;
  auto path = storage_.PathOf(photo->storage_key);
  if (path.empty()) return std::nullopt;
  return StoredPhoto{photo->content_type, path};
}

}  // namespace kvitka::staff
