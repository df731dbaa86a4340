// The memory allocator's settings for a gazette process.
#pragma once

namespace gazette::cli {

// Sets up the allocator linked into gazette (mimalloc) for builds of large archives: memory
// in 2 MiB pages where the system offers them, so that a build touching a few hundred MB of
// site model and index pays for a few hundred page faults instead of tens of thousands (on a
// virtual machine each costs several µs: a one-issue rebuild of 100,000 articles makes 18k
// page faults instead of 90k, and is 35% faster). A MIMALLOC_* setting in the environment wins.
// Does nothing without mimalloc.
void tune_allocator();

}  // namespace gazette::cli
