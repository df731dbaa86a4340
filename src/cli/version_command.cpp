#include <unicode/uchar.h>
#include <unicode/uversion.h>

#include <fmt/format.h>

#include "cli/commands.hpp"

namespace gazette::cli {

void add_version_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("version", "Print the version of gazette and its libraries");
  cmd->callback([&exit_status] {
    fmt::print("gazette {}\n", GAZETTE_VERSION);
    fmt::print("  ICU {} (Unicode {})\n", U_ICU_VERSION, U_UNICODE_VERSION);
    exit_status = 0;
  });
}

}  // namespace gazette::cli
