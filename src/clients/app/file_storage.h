// Client files keep their bytes in the platform's file storage.
#pragma once

#include "platform/files/file_storage.h"

namespace kvitka::clients {

using FileStorage = files::FileStorage;

}  // namespace kvitka::clients
