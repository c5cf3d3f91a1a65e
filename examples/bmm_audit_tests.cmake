# CTest rules for bmm-audit (examples/bmm_audit.cpp): its CSV contract, findings and exit status.
# Included from examples/CMakeLists.txt when tests are built.
# bmm-audit on seed 003's overall table: exactly the two real errors and two sign cells.
add_test(NAME example.bmm_audit.seed003
         COMMAND bmm_example_bmm_audit ${CMAKE_CURRENT_SOURCE_DIR}/data/seed003_overall.csv)
set_tests_properties(example.bmm_audit.seed003 PROPERTIES LABELS example
    PASS_REGULAR_EXPRESSION "50 cells checked: 2 errors, 2 sign-convention, 0 rounding")
# A copy with one figure changed (Resources forecast 71.3 -> 75.3): that figure is reported.
file(READ ${CMAKE_CURRENT_SOURCE_DIR}/data/seed003_overall.csv _bmm_overall)
string(REPLACE "Resources,0,69.7,71.3," "Resources,0,69.7,75.3," _bmm_changed "${_bmm_overall}")
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/seed003_overall_changed.csv "${_bmm_changed}")
add_test(NAME example.bmm_audit.changed_figure
         COMMAND bmm_example_bmm_audit ${CMAKE_CURRENT_BINARY_DIR}/seed003_overall_changed.csv)
set_tests_properties(example.bmm_audit.changed_figure PROPERTIES LABELS example
    PASS_REGULAR_EXPRESSION "Resources: variance published 1\\.6, computed 5\\.6: error")
# Exit status 1 when errors are found, 2 for bad input (here: a missing file).
add_test(NAME example.bmm_audit.exit_status
         COMMAND sh -c "\"$1\" \"$2\" >/dev/null; test $? -eq 1 && \"$1\" /nonexistent.csv 2>/dev/null; test $? -eq 2"
                 sh $<TARGET_FILE:bmm_example_bmm_audit> ${CMAKE_CURRENT_SOURCE_DIR}/data/seed003_overall.csv)
set_tests_properties(example.bmm_audit.exit_status PROPERTIES LABELS example)
