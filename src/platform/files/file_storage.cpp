#include "platform/files/file_storage.h"

#include <fstream>
#include <stdexcept>

#include "core/secret.h"

namespace kvitka::files {

bool LooksLike(std::string_view type, std::string_view b) {
  if (type == "image/jpeg") return b.size() > 3 && b.substr(0, 3) == "\xFF\xD8\xFF";
  if (type == "image/png") return b.size() > 8 && b.substr(0, 8) == "\x89PNG\r\n\x1A\n";
  if (type == "image/webp")
    return b.size() > 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP";
  if (type == "application/pdf") return b.size() > 5 && b.substr(0, 5) == "%PDF-";
  return false;
}

namespace {

// Keys are our own random tokens: two levels of folders keep directories small.
bool IsKey(const std::string& key) {
  if (key.size() < 8 || key.size() > 64) return false;
  for (char c : key) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

std::filesystem::path Where(const std::filesystem::path& root, const std::string& key) {
  return root / key.substr(0, 2) / key;
}

}  // namespace

std::string DiskFileStorage::Save(std::string_view bytes) {
  std::string key = RandomToken(18);
  const auto path = Where(root_, key);
  std::filesystem::create_directories(path.parent_path());
  const auto temporary = path.string() + ".part";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) throw std::runtime_error("could not write an uploaded file");
  }
  std::filesystem::rename(temporary, path);
  return key;
}

std::string DiskFileStorage::PathOf(const std::string& key) {
  if (!IsKey(key)) return {};
  const auto path = Where(root_, key);
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) ? path.string() : std::string();
}

void DiskFileStorage::Remove(const std::string& key) {
  if (!IsKey(key)) return;
  std::error_code ec;
  std::filesystem::remove(Where(root_, key), ec);
}

}  // namespace kvitka::files
