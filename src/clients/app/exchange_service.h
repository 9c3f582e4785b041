// Import of clients from CSV/XLSX (preview, mapping, all-or-nothing run with a report) and
// export of any filtered list to CSV/XLSX.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clients/app/client_service.h"

namespace kvitka::clients {

enum class SheetFormat { kCsv, kXlsx };

struct ImportPreview {
  std::string import_id;  // a random token; the file waits for the run in the database
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // the first rows after the header
  std::size_t total_rows = 0;
  std::vector<std::string> mapping;  // a target field per column
};

struct RejectedRow {
  std::size_t row = 0;  // 1-based, as the spreadsheet shows it (the header is row 1)
  FieldErrors errors;
};

struct ImportReport {
  std::size_t created = 0;
  std::size_t updated = 0;
  std::size_t skipped = 0;
  std::vector<RejectedRow> rejected;
};

struct ImportRun {
  std::vector<std::string> mapping;
  bool update_duplicates = false;
  bool dry_run = false;
};

struct ExportFile {
  std::string bytes;
  std::string content_type;
  std::string filename;
  std::size_t rows = 0;
};

class ClientExchange {
 public:
  ClientExchange(ClientDeps deps, ClientService& clients) : d_(deps), clients_(clients) {}

  Result<ImportPreview, Error> Preview(const identity::Actor& actor, SheetFormat format,
                                       std::string_view bytes);
  Result<ImportReport, Error> Run(const identity::Actor& actor, const std::string& import_id,
                                  const ImportRun& run);
  // `language` ("uk", "ru", "en") names the columns.
  Result<ExportFile, Error> Export(const identity::Actor& actor, const Pairs& query,
                                   SheetFormat format, std::string_view language);

 private:
  ClientDeps d_;
  ClientService& clients_;
};

}  // namespace kvitka::clients
