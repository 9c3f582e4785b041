// Where uploaded files live (their bytes); their records are in the database.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace kvitka::files {

// Whether the bytes really are what the content type says (JPEG, PNG, WebP, PDF).
bool LooksLike(std::string_view content_type, std::string_view bytes);

class FileStorage {
 public:
  virtual ~FileStorage() = default;
  // Stores the bytes under a new random key and returns it.
  virtual std::string Save(std::string_view bytes) = 0;
  // A path the HTTP layer can send; empty when the key is unknown.
  virtual std::string PathOf(const std::string& key) = 0;
  virtual void Remove(const std::string& key) = 0;
};

// Files in a folder (the server's --data-dir/files). Several instances share it through a
// shared volume.
class DiskFileStorage final : public FileStorage {
 public:
  explicit DiskFileStorage(std::filesystem::path root) : root_(std::move(root)) {}
  std::string Save(std::string_view bytes) override;
  std::string PathOf(const std::string& key) override;
  void Remove(const std::string& key) override;

 private:
  std::filesystem::path root_;
};

}  // namespace kvitka::files
