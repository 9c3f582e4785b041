// Files on a client card: photos before and after, documents, signed consent forms.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clients/app/client_service.h"

namespace kvitka::clients {

inline constexpr std::size_t kMaxClientFileBytes = 10u << 20;

struct Upload {
  std::string kind;
  std::string filename;
  std::string content_type;
  std::string_view bytes;
};

struct StoredFile {
  ClientFile file;
  std::string path;
};

class ClientFileService {
 public:
  explicit ClientFileService(ClientDeps deps) : d_(deps) {}

  Result<std::vector<ClientFile>, Error> List(const identity::Actor& actor, Id client_id);
  Result<ClientFile, Error> Add(const identity::Actor& actor, Id client_id, const Upload& upload);
  Result<StoredFile, Error> Open(const identity::Actor& actor, Id client_id, Id file_id);
  Result<Done, Error> Delete(const identity::Actor& actor, Id client_id, Id file_id);

 private:
  ClientDeps d_;
};

}  // namespace kvitka::clients
