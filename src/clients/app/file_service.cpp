#include "clients/app/file_service.h"

#include "identity/app/authorize.h"

namespace kvitka::clients {

using identity::Action;
using identity::Actor;

namespace {

Result<Done, Error> Allowed(const Actor& actor, Action action) {
  if (!identity::Authorize(actor, action)) return Fail(Error(ErrorCode::kForbidden));
  return Done{};
}

bool IsKind(std::string_view kind) {
  return kind == "photo_before" || kind == "photo_after" || kind == "document" ||
         kind == "consent" || kind == "other";
}

}  // namespace

Result<std::vector<ClientFile>, Error> ClientFileService::List(const Actor& actor, Id client_id) {
  if (auto ok = Allowed(actor, Action::kViewClients); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) -> Result<std::vector<ClientFile>, Error> {
    if (!d_.clients.Find(s, actor.org_id, client_id)) return Fail(Error(ErrorCode::kNotFound));
    return d_.files.List(s, actor.org_id, client_id);
  });
}

Result<ClientFile, Error> ClientFileService::Add(const Actor& actor, Id client_id,
                                                 const Upload& upload) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  FieldErrors errors;
  if (!IsKind(upload.kind)) errors.push_back({"kind", "invalid_value"});
  if (upload.filename.empty() || upload.filename.size() > 200 ||
      upload.filename.find_first_of("/\\") != std::string::npos) {
    errors.push_back({"filename", "invalid_value"});
  }
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  if (upload.bytes.size() > kMaxClientFileBytes) return Fail(Error(ErrorCode::kFileTooLarge));
  if (!files::LooksLike(upload.content_type, upload.bytes))
    return Fail(Error(ErrorCode::kUnsupportedFile));
  const bool exists = d_.db.Read(
      [&](db::Session& s) { return d_.clients.Find(s, actor.org_id, client_id).has_value(); });
  if (!exists) return Fail(Error(ErrorCode::kNotFound));

  ClientFile file{0,
                  client_id,
                  upload.kind,
                  upload.filename,
                  upload.content_type,
                  static_cast<std::int64_t>(upload.bytes.size()),
                  d_.storage.Save(upload.bytes),
                  d_.clock.Now()};
  try {
    return d_.db.Write([&](db::Session& s) -> Result<ClientFile, Error> {
      if (!d_.clients.Find(s, actor.org_id, client_id)) return Fail(Error(ErrorCode::kNotFound));
      file.id = d_.files.Insert(s, actor.org_id, file);
      d_.audit.Record(s, actor, "client_file.create", "client", client_id, nullptr,
                      {{"file_id", file.id}, {"kind", file.kind}, {"filename", file.filename}});
      return file;
    });
  } catch (...) {
    d_.storage.Remove(file.storage_key);
    throw;
  }
}

Result<StoredFile, Error> ClientFileService::Open(const Actor& actor, Id client_id, Id file_id) {
  if (auto ok = Allowed(actor, Action::kViewClients); !ok) return Fail(ok.error());
  auto file = d_.db.Read(
      [&](db::Session& s) { return d_.files.Find(s, actor.org_id, client_id, file_id); });
  if (!file) return Fail(Error(ErrorCode::kNotFound));
  auto path = d_.storage.PathOf(file->storage_key);
  if (path.empty()) return Fail(Error(ErrorCode::kNotFound));
  return StoredFile{*file, path};
}

Result<Done, Error> ClientFileService::Delete(const Actor& actor, Id client_id, Id file_id) {
  if (auto ok = Allowed(actor, Action::kManageClients); !ok) return Fail(ok.error());
  auto removed = d_.db.Write([&](db::Session& s) -> Result<ClientFile, Error> {
    auto file = d_.files.Find(s, actor.org_id, client_id, file_id);
    if (!file) return Fail(Error(ErrorCode::kNotFound));
    d_.files.Delete(s, actor.org_id, file_id, d_.clock.Now());
    d_.audit.Record(s, actor, "client_file.delete", "client", client_id,
                    {{"file_id", file->id}, {"kind", file->kind}, {"filename", file->filename}},
                    nullptr);
    return *file;
  });
  if (!removed) return Fail(removed.error());
  d_.storage.Remove(removed->storage_key);
  return Done{};
}

}  // namespace kvitka::clients
