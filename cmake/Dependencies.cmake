# Every dependency comes from a Debian 12 package (scripts/lib/packages lists them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(yaml-cpp REQUIRED)
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)
find_library(CMARK_GFM_EXTENSIONS_LIBRARY NAMES cmark-gfm-extensions REQUIRED)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# mimalloc: the gazette executable allocates many small strings and values on every core; a
# thread-caching allocator renders about 10% faster than glibc's. Not with the sanitizers,
# which bring their own.
if(NOT GAZETTE_SANITIZE)
  find_library(MIMALLOC_LIBRARY NAMES mimalloc REQUIRED)
endif()

# cmark-gfm with its GFM extensions (tables, strikethrough, autolinks, task lists).
add_library(gazette_cmark INTERFACE)
target_link_libraries(gazette_cmark INTERFACE ${CMARK_GFM_EXTENSIONS_LIBRARY} PkgConfig::CMARK_GFM)
