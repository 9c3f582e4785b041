#include "platform/sheets/xlsx_package.h"

#include <zip.h>

#include <vector>

#include "core/text.h"
#include "platform/sheets/text_decoding.h"

namespace kvitka::sheets::internal {

std::unique_ptr<Package> Package::Open(std::string_view bytes, std::uint64_t unpack_budget) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return nullptr;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    return nullptr;
  }
  return std::unique_ptr<Package>(new Package(archive, unpack_budget));
}

Package::~Package() { zip_discard(archive_); }

PartStatus Package::ReadXml(std::string_view name, std::string* out) {
  out->clear();
  const std::string name_string(name);
  const zip_int64_t index = zip_name_locate(archive_, name_string.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return PartStatus::kMissing;
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) return PartStatus::kBad;  // encrypted, unknown compression, ...
  zip_stat_t stat;
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
      (stat.valid & ZIP_STAT_SIZE) != 0) {
    out->reserve(static_cast<std::size_t>(std::min<zip_uint64_t>(stat.size, budget_)));
  }
  constexpr std::size_t kChunk = 1 << 16;
  PartStatus status = PartStatus::kOk;
  while (true) {
    const std::size_t used = out->size();
    if (used > budget_) {
      status = PartStatus::kTooLarge;
      break;
    }
    out->resize(used + kChunk);
    const zip_int64_t n = zip_fread(file, out->data() + used, kChunk);
    if (n < 0) {
      status = PartStatus::kBad;  // damaged data or a wrong CRC
      break;
    }
    out->resize(used + static_cast<std::size_t>(n));
    if (n == 0) break;
  }
  zip_fclose(file);
  if (status != PartStatus::kOk) {
    out->clear();
    return status;
  }
  budget_ -= out->size();

  if (out->starts_with("\xEF\xBB\xBF")) {
    out->erase(0, 3);
  } else if (out->starts_with("\xFF\xFE") || out->starts_with("\xFE\xFF")) {
    const char* charset = (*out)[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    std::string utf8;
    if (!ConvertToUtf8(charset, std::string_view(*out).substr(2), &utf8)) return PartStatus::kBad;
    *out = std::move(utf8);
  }
  if (!IsValidUtf8(*out)) return PartStatus::kBad;
  return PartStatus::kOk;
}

std::string ResolveTarget(std::string_view source_part, std::string_view target) {
  std::string path;
  if (target.starts_with('/')) {
    path = std::string(target.substr(1));
  } else {
    const std::size_t slash = source_part.rfind('/');
    if (slash != std::string_view::npos) path = std::string(source_part.substr(0, slash + 1));
    path.append(target);
  }
  std::vector<std::string_view> segments;
  std::string_view rest = path;
  while (true) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  std::string resolved;
  for (std::string_view segment : segments) {
    if (!resolved.empty()) resolved.push_back('/');
    resolved.append(segment);
  }
  return resolved;
}

std::string RelationshipsPart(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  const std::size_t name_start = slash == std::string_view::npos ? 0 : slash + 1;
  std::string rels(part.substr(0, name_start));
  rels.append("_rels/");
  rels.append(part.substr(name_start));
  rels.append(".rels");
  return rels;
}

}  // namespace kvitka::sheets::internal
