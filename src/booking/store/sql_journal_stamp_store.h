// The journal stamps kept by the database's triggers (migrations/0008_journal_stamp.*).
#pragma once

#include "booking/app/stores.h"

namespace kvitka::booking {

class SqlJournalStampStore final : public JournalStampStore {
 public:
  std::int64_t Stamp(db::Session& s, Id org_id) override;
};

}  // namespace kvitka::booking
