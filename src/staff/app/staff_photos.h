// Masters' photos for the booking page and the staff screens: upload (JPEG, PNG or WebP up to
// 5 MB), remove, and the public read of an online master's photo.
#pragma once

#include <string>
#include <string_view>

#include "platform/files/file_storage.h"
#include "staff/app/staff_service.h"

namespace kvitka::staff {

inline constexpr std::size_t kMaxStaffPhotoBytes = 5u << 20;

struct StoredPhoto {
  std::string content_type;
  std::string path;
};

class StaffPhotos {
 public:
  StaffPhotos(StaffDeps deps, StaffService& staff, files::FileStorage& storage)
      : d_(deps), staff_(staff), storage_(storage) {}

  // kValidation on `photo` when the bytes are not the image the content type names.
  Result<StaffView, Error> Set(const identity::Actor& actor, Id staff_id,
                               const std::string& content_type, std::string_view bytes);
  Result<StaffView, Error> Remove(const identity::Actor& actor, Id staff_id);
  // The photo of a live master who takes online bookings; nullopt otherwise.
  std::optional<StoredPhoto> Public(Id staff_id);

 private:
  Result<StaffView, Error> Change(const identity::Actor& actor, Id staff_id,
                                  std::optional<Id> photo_id, const std::string& action);

  StaffDeps d_;
  StaffService& staff_;
  files::FileStorage& storage_;
};

}  // namespace kvitka::staff
