# The MTFS demo (examples/mtfs.cpp) as part of the test suite: it reads examples/data/
# mtfs_plan.csv, prints its computed figures and writes the dashboard; bad input exits 2 with
# FILE:LINE:COLUMN.
add_test(NAME example.mtfs
         COMMAND bmm_example_mtfs --plan ${CMAKE_CURRENT_SOURCE_DIR}/data/mtfs_plan.csv
                 --html ${CMAKE_CURRENT_BINARY_DIR}/bmm-mtfs.html)
set_tests_properties(example.mtfs PROPERTIES LABELS example FIXTURES_SETUP bmm_mtfs_dashboard
    PASS_REGULAR_EXPRESSION "Medium Term Financial Strategy 2024/25 to 2028/29 \\(base year 2023/24\\)\n.*2024/25 +£[0-9]+\\.[0-9]m.*The budget requirement rolled forward.*  2024/25  £620\\.2m \\+.*Reserves rolled forward\n  General balances\n    2024/25  £30\\.2m.*CIPFA resilience measures.*The gap in each scenario.*Pay \\+1%.*High inflation.*Sensitivity: the pay award 1 point higher.*\\(exactly 2217000 in 2024/25\\).*Dashboard: ")
add_test(NAME example.mtfs.bad_input
         COMMAND ${CMAKE_COMMAND} -DMTFS=$<TARGET_FILE:bmm_example_mtfs>
                 -DPLAN=${CMAKE_CURRENT_SOURCE_DIR}/data/mtfs_plan.csv
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/mtfs_bad_input
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/mtfs_bad_input.cmake)
set_tests_properties(example.mtfs.bad_input PROPERTIES LABELS example)
find_program(BMM_PYTHON3 python3)
if(BMM_PYTHON3)
    add_test(NAME example.mtfs.dashboard_is_self_contained
             COMMAND ${BMM_PYTHON3} ${PROJECT_SOURCE_DIR}/scripts/check-mtfs-dashboard.py
                     ${CMAKE_CURRENT_BINARY_DIR}/bmm-mtfs.html)
    set_tests_properties(example.mtfs.dashboard_is_self_contained PROPERTIES LABELS example
                         FIXTURES_REQUIRED bmm_mtfs_dashboard)
endif()
