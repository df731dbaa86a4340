#include "cli/allocator.hpp"

#ifdef GAZETTE_MIMALLOC
#include <mimalloc.h>
#endif

namespace gazette::cli {

void tune_allocator() {
#ifdef GAZETTE_MIMALLOC
  mi_option_set_default(mi_option_large_os_pages, 1);
#endif
}

}  // namespace gazette::cli
