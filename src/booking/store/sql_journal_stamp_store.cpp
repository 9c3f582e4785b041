#include "booking/store/sql_journal_stamp_store.h"

#include "platform/db/session.h"

namespace kvitka::booking {

std::int64_t SqlJournalStampStore::Stamp(db::Session& s, Id org_id) {
  long long stamp = 0;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT stamp FROM journal_stamps WHERE org_id = :o", soci::use(org_id),
      soci::into(stamp, ind);
  return s.sql().got_data() && ind == soci::i_ok ? stamp : 0;
}

}  // namespace kvitka::booking
