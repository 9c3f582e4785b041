#include "clients/app/exchange_service.h"

#include <map>
#include <nlohmann/json.hpp>

#include "clients/domain/client_rules.h"
#include "clients/domain/export_rows.h"
#include "clients/domain/import_rules.h"
#include "core/secret.h"
#include "core/time.h"
#include "identity/app/authorize.h"
#include "platform/sheets/sheets.h"

namespace kvitka::clients {

using identity::Action;
using identity::Actor;

namespace {

constexpr std::size_t kPreviewRows = 10;
constexpr std::size_t kMaxImportRows = 200000;
constexpr EpochSeconds kImportLifetime = 24L * 3600;

Result<Done, Error> Allowed(const Actor& actor, Action action) {
  if (!identity::Authorize(actor, action)) return Fail(Error(ErrorCode::kForbidden));
  return Done{};
}

// The changes an imported row brings to an existing card: only what the file fills in.
void FillFrom(Client& target, const Client& row) {
  auto take = [](std::string& to, const std::string& from) {
    if (!from.empty()) to = from;
  };
  take(target.first_name, row.first_name);
  take(target.last_name, row.last_name);
  take(target.middle_name, row.middle_name);
  take(target.email, row.email);
  take(target.birthday, row.birthday);
  take(target.gender, row.gender);
  take(target.source, row.source);
  if (!row.notes.empty() && target.notes.find(row.notes) == std::string::npos) {
    target.notes = target.notes.empty() ? row.notes : target.notes + "\n" + row.notes;
  }
  for (const auto& phone : row.phones) {
    if (std::find(target.phones.begin(), target.phones.end(), phone) == target.phones.end()) {
      target.phones.push_back(phone);
    }
  }
}

}  // namespace

Result<ImportPreview, Error> ClientExchange::Preview(const Actor& actor, SheetFormat format,
                                                     std::string_view bytes) {
  if (auto ok = Allowed(actor, Action::kImportExportClients); !ok) return Fail(ok.error());
  auto table = format == SheetFormat::kCsv ? sheets::ReadCsv(bytes, kMaxImportRows + 1)
                                           : sheets::ReadXlsx(bytes, kMaxImportRows + 1);
  if (!table || table->rows.empty()) return Fail(Error(ErrorCode::kUnreadableFile));
  // Cells that went through a formula guard (ours or Excel's) come back as what they were.
  for (auto& row : table->rows) {
    for (auto& cell : row) cell = sheets::UnguardCell(cell);
  }
  if (table->rows.size() > kMaxImportRows + 1) return Fail(Error(ErrorCode::kFileTooLarge));
  ImportPreview preview;
  preview.columns = table->rows.front();
  std::size_t width = preview.columns.size();
  for (const auto& row : table->rows) width = std::max(width, row.size());
  preview.columns.resize(width);
  preview.total_rows = table->rows.size() - 1;
  for (std::size_t i = 1; i < table->rows.size() && preview.rows.size() < kPreviewRows; ++i) {
    auto row = table->rows[i];
    row.resize(width);
    preview.rows.push_back(std::move(row));
  }
  preview.mapping = GuessMapping(preview.columns);
  preview.import_id = RandomToken(18);
  const std::string rows_json =
      nlohmann::json(table->rows).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const EpochSeconds now = d_.clock.Now();
  d_.db.Write([&](db::Session& s) {
    d_.imports.DeleteOlderThan(s, now - kImportLifetime);
    d_.imports.Insert(s, actor.org_id, HashToken(preview.import_id), rows_json, now);
  });
  return preview;
}

Result<ImportReport, Error> ClientExchange::Run(const Actor& actor, const std::string& import_id,
                                                const ImportRun& run) {
  if (auto ok = Allowed(actor, Action::kImportExportClients); !ok) return Fail(ok.error());
  FieldErrors errors;
  bool has_name = false;
  for (std::size_t i = 0; i < run.mapping.size(); ++i) {
    if (!IsImportField(run.mapping[i])) {
      errors.push_back({"mapping." + std::to_string(i), "invalid_value"});
    }
    has_name |= run.mapping[i] == "first_name" || run.mapping[i] == "last_name" ||
                run.mapping[i] == "full_name";
  }
  if (!has_name && errors.empty()) errors.push_back({"mapping", "name_column_required"});
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));

  const auto org = d_.orgs.Of(actor.org_id);
  const EpochSeconds now = d_.clock.Now();
  const std::string today = CivilDate(now, org.timezone);
  ImportReport report;
  // One unit of work for the whole file: committed only when the run is real and succeeds; a
  // dry run reports and then rolls everything back.
  auto tx = d_.db.Begin(db::TxMode::kWrite);
  auto result = [&](db::Session& s) -> Result<ImportReport, Error> {
    auto pending = d_.imports.Find(s, actor.org_id, HashToken(import_id));
    if (!pending || pending->created_at < now - kImportLifetime) {
      return Fail(Error(ErrorCode::kNotFound));
    }
    if (pending->used) return Fail(Error(ErrorCode::kImportUsed));
    auto rows = nlohmann::json::parse(pending->rows_json, nullptr, false);
    if (!rows.is_array()) return Fail(Error(ErrorCode::kUnreadableFile));

    std::map<std::string, Tag> tags;  // by name
    for (auto& tag : d_.tags.List(s, actor.org_id)) tags.emplace(tag.name, tag);
    for (std::size_t i = 1; i < rows.size(); ++i) {
      std::vector<std::string> row;
      for (const auto& cell : rows[i])
        row.push_back(cell.is_string() ? cell.get<std::string>() : "");
      FieldErrors row_errors;
      auto imported = ClientFromRow(row, run.mapping, row_errors);
      if (!imported && row_errors.empty()) continue;  // an empty row
      if (imported) {
        for (auto& e : NormalizeClient(imported->client, org.country, today)) {
          row_errors.push_back(std::move(e));
        }
      }
      if (!row_errors.empty()) {
        report.rejected.push_back({i + 1, std::move(row_errors)});
        continue;
      }
      Client& incoming = imported->client;
      std::optional<Client> existing;
      for (const auto& phone : incoming.phones) {
        if (auto owner = d_.clients.PhoneOwner(s, actor.org_id, phone, 0)) {
          existing = d_.clients.Find(s, actor.org_id, *owner);
          break;
        }
      }
      if (existing && !run.update_duplicates) {
        ++report.skipped;
        continue;
      }
      Client card = existing ? *existing : Client{};
      if (existing) {
        FillFrom(card, incoming);
        // A merged phone list may now clash with a third client: keep only free phones.
        std::vector<std::string> free_phones;
        for (const auto& phone : card.phones) {
          if (!d_.clients.PhoneOwner(s, actor.org_id, phone, card.id)) free_phones.push_back(phone);
        }
        card.phones = free_phones;
      } else {
        card = incoming;
        card.org_id = actor.org_id;
        card.created_at = now;
        if (!card.source.empty() && !IsSource(card.source)) card.source = "other";
      }
      card.updated_at = now;
      for (const auto& name : imported->tag_names) {
        auto it = tags.find(name);
        if (it == tags.end()) {
          Tag tag{0, name, "#868e96", 0};
          tag.id = d_.tags.Insert(s, actor.org_id, tag, now);
          it = tags.emplace(name, tag).first;
        }
        if (std::none_of(card.tags.begin(), card.tags.end(),
                         [&](const Tag& t) { return t.id == it->second.id; })) {
          card.tags.push_back(it->second);
        }
      }
      std::vector<Id> tag_ids;
      for (const auto& t : card.tags) tag_ids.push_back(t.id);
      if (existing) {
        d_.clients.Update(s, card, SearchText(card));
        ++report.updated;
      } else {
        card.id = d_.clients.Insert(s, card, SearchText(card));
        ++report.created;
      }
      if (!tag_ids.empty()) d_.clients.SetTags(s, actor.org_id, card.id, tag_ids);
    }
    if (run.dry_run) return report;
    d_.imports.MarkUsed(s, actor.org_id, pending->id, now);
    d_.audit.Record(s, actor, "client.import", "client", std::nullopt, nullptr,
                    {{"created", report.created},
                     {"updated", report.updated},
                     {"skipped", report.skipped},
                     {"rejected", report.rejected.size()}});
    return report;
  }(tx->session());
  if (result && !run.dry_run) tx->Commit();
  return result;
}

Result<ExportFile, Error> ClientExchange::Export(const Actor& actor, const Pairs& query,
                                                 SheetFormat format, std::string_view language) {
  if (auto ok = Allowed(actor, Action::kImportExportClients); !ok) return Fail(ok.error());
  auto filter = clients_.FilterOf(actor, query);
  if (!filter) return Fail(filter.error());
  const auto org = d_.orgs.Of(actor.org_id);
  sheets::Table table;
  table.rows.push_back(ExportHeader(language));
  std::size_t count = d_.db.Write([&](db::Session& s) {
    const NameOrder order = d_.settings.GetNameOrder(s, actor.org_id);
    std::optional<Id> before;
    std::size_t n = 0;
    while (true) {
      auto page = d_.clients.List(s, actor.org_id, *filter, before, 2000);
      for (const auto& c : page) table.rows.push_back(ExportRow(c, order, language));
      n += page.size();
      if (page.size() < 2000) break;
      before = page.back().id;
    }
    d_.audit.Record(s, actor, "client.export", "client", std::nullopt, nullptr,
                    {{"rows", n}, {"format", format == SheetFormat::kCsv ? "csv" : "xlsx"}});
    return n;
  });
  ExportFile file;
  file.rows = count;
  const std::string stamp = CivilDate(d_.clock.Now(), org.timezone);
  if (format == SheetFormat::kCsv) {
    file.bytes = sheets::WriteCsv(table);
    file.content_type = "text/csv; charset=utf-8";
    file.filename = "clients-" + stamp + ".csv";
  } else {
    file.bytes = sheets::WriteXlsx(table, "Clients");
    file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    file.filename = "clients-" + stamp + ".xlsx";
  }
  return file;
}

}  // namespace kvitka::clients
