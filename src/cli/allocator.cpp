#include "cli/allocator.hpp"

#ifdef GAZETTE_MIMALLOC
#include <mimalloc.h>
#endif

namespace gazette::cli {

void tune_allocator() {
#ifdef GAZETTE_MIMALLOC
  mi_option_set_default(mi_option_large_os_pages, 1);
  // Every thread's first segments too: by default they are committed lazily, and lazily
  // committed memory is never given 2 MiB pages.
  mi_option_set_default(mi_option_eager_commit_delay, 0);
#endif
}

}  // namespace gazette::cli
