# gazette_module(NAME SOURCES... DEPENDS modules... LIBS external...)
# One static library per folder under src/; a module may link only the modules below it, so
# the build itself enforces the layering described in ../shared/DESIGN.md.
function(gazette_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPENDS;LIBS" ${ARGN})
  add_library(gazette_${name} STATIC ${M_SOURCES})
  target_include_directories(gazette_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  set(deps)
  foreach(d IN LISTS M_DEPENDS)
    list(APPEND deps gazette_${d})
  endforeach()
  target_link_libraries(gazette_${name} PUBLIC ${deps} ${M_LIBS})
endfunction()

# gazette_test(NAME SOURCES... LIBS ...): a GoogleTest executable registered with CTest.
function(gazette_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
    GAZETTE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    GAZETTE_SAMPLES_DIR="${PROJECT_SOURCE_DIR}/../shared/samples")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 120)
endfunction()
