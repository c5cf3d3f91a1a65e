# CTest rules for bmm-report (examples/bmm_report.cpp): the report as printed with its findings
# beside their cells, the findings as CSV and JSON, the HTML page, bad input and exit status.
# Included from examples/CMakeLists.txt when tests are built. Each rule runs bmm_audit_run.cmake
# (exit status AND output) or bmm_report_check.cmake (what needs a parser or a file).
set(_bmm_report_seed003 ${PROJECT_SOURCE_DIR}/tests/data/seed003)
set(_bmm_report_work ${CMAKE_CURRENT_BINARY_DIR}/bmm_report)
file(MAKE_DIRECTORY ${_bmm_report_work})

# bmm_report_test(<name> RC <status> ARGS <arg>... [<check> <value>]...): as bmm_audit_test.
function(bmm_report_test name)
    cmake_parse_arguments(PARSE_ARGV 1 _t "" "RC;STDOUT_LINES;STDOUT_REGEX;STDOUT_REGEX2;STDERR_REGEX;STDOUT_EMPTY;STDERR_EMPTY" "ARGS")
    set(_defs -DEXE=$<TARGET_FILE:bmm_example_bmm_report> -DEXPECT_RC=${_t_RC})
    set(_i 0)
    foreach(_a IN LISTS _t_ARGS)
        math(EXPR _i "${_i} + 1")
        list(APPEND _defs "-DARG${_i}=${_a}")
    endforeach()
    foreach(_check STDOUT_LINES STDOUT_REGEX STDOUT_REGEX2 STDERR_REGEX STDOUT_EMPTY STDERR_EMPTY)
        if(DEFINED _t_${_check})
            list(APPEND _defs "-D${_check}=${_t_${_check}}")
        endif()
    endforeach()
    add_test(NAME example.bmm_report.${name}
             COMMAND ${CMAKE_COMMAND} ${_defs} -P ${CMAKE_CURRENT_SOURCE_DIR}/bmm_audit_run.cmake)
    set_tests_properties(example.bmm_report.${name} PROPERTIES LABELS example)
endfunction()

# Seed 003 (May 2023): exit status 1; Table 11's Contingency row as printed, its figures as
# entered, the wrong -29.6% marked and its finding (expected -26.6%) under the row; the same
# cell reprinted in Annex B; the summary of the whole audit.
bmm_report_test(seed003 RC 1 ARGS --data ${_bmm_report_seed003}
    STDOUT_REGEX "table11_financial_position\\.csv \\(finance, May 2023\\)\n[^\n]*\n(  [^\n]*\n)*  Contingency \\| 12\\.4 \\[rounding [0-9]+\\] \\| 9\\.1 \\| -3\\.3 \\| -29\\.6% \\[error ([0-9]+)\\]\n    \\[[0-9]+\\] rounding at Contingency, Latest Budget 2023/24 £m [^\n]*\n    \\[[0-9]+\\] error at Contingency, Variance May 2023 % \\(table11_financial_position\\.csv:13:27\\): printed -29\\.6%, expected -26\\.6%, rule variance % = variance / \\|budget\\|"
    STDOUT_REGEX2 "annexB_overall_position\\.csv[^\n]*\n(  [^\n]*\n)*  Contingency \\| 12\\.4 \\| 9\\.1 \\| -3\\.3 \\| -29\\.6% \\[error [0-9]+\\]\n.*\n47 tables, 753 cells checked: 32 errors, 20 follow from an error, 32 undecided, 4 sign-convention, 12 rounding\n$")
# The findings as CSV: the heading row and one record per stored finding (100), the summary on
# stderr; a figure a spreadsheet would read as a formula is written with a leading '.
bmm_report_test(seed003_csv RC 1 ARGS --data ${_bmm_report_seed003} --findings csv
    STDOUT_LINES 101
    STDOUT_REGEX "^section,row,column,line,cell_column,rule,printed,expected,verdict,explanation,likely_cause\n.*\ntable11_financial_position\\.csv,Contingency,Variance May 2023 %,13,27,variance % = variance / \\|budget\\|,'-29\\.6%,'-26\\.6%,error,"
    STDERR_REGEX "^bmm-report: 753 cells checked: 32 errors, 20 follow from an error, 32 undecided, 4 sign-convention, 12 rounding\n$")
# A report holding one finance table only (no tables.csv: finance.csv read by its kind's
# built-in declaration): exit 0 when its figures agree, 1 with the wrong one marked.
file(WRITE ${_bmm_report_work}/finance_ok/report.csv "key,value\nrounding,half_up\n")
file(WRITE ${_bmm_report_work}/finance_ok/finance.csv
     "label,budget,forecast,variance,variance_pct\nAdult Services,226.9,226.9,0.0,0.0%\nResources,69.7,71.3,1.6,2.3%\n")
file(WRITE ${_bmm_report_work}/finance_wrong/report.csv "key,value\nrounding,half_up\n")
file(WRITE ${_bmm_report_work}/finance_wrong/finance.csv
     "label,budget,forecast,variance,variance_pct\nAdult Services,226.9,226.9,0.0,0.0%\nContingency,12.4,9.1,-3.3,-29.6%\n")
bmm_report_test(finance_only RC 0 ARGS --data ${_bmm_report_work}/finance_ok
    STDOUT_REGEX "\nfinance\\.csv \\(finance\\)\n  label \\| budget \\| forecast \\| variance \\| variance_pct\n  Adult Services \\| 226\\.9 \\| 226\\.9 \\| 0\\.0 \\| 0\\.0%\n  Resources \\| 69\\.7 \\| 71\\.3 \\| 1\\.6 \\| 2\\.3%\n\n1 tables, 4 cells checked: 0 errors, "
    STDERR_EMPTY ON)
bmm_report_test(finance_only_wrong RC 1 ARGS --data ${_bmm_report_work}/finance_wrong
    STDOUT_REGEX "  Contingency \\| 12\\.4 \\| 9\\.1 \\| -3\\.3 \\| -29\\.6% \\[error 1\\]\n    \\[1\\] error at Contingency, variance_pct \\(finance\\.csv:3:27\\): printed -29\\.6%, expected -26\\.6%"
    STDOUT_REGEX2 "1 tables, 4 cells checked: 1 errors, ")
# A report holding only status-only measures and a printed summary of them: the summary is
# recounted from the statuses (exit 0), and a count that does not match is an error at its cell
# (exit 1).
foreach(_case status_only:2,0,1,3 status_only_wrong:3,0,1,4)
    string(REGEX MATCH "^([a-z_]+):(.*)$" _m "${_case}")
    set(_dir ${_bmm_report_work}/${CMAKE_MATCH_1})
    file(WRITE ${_dir}/report.csv "key,value\nmonth,May 2023\nrounding,half_up\n")
    file(WRITE ${_dir}/measures.csv
         "id,title,status\nM1,Homes built,Green\nM2,Calls answered,Red\nM3,Complaints,Green\n")
    file(WRITE ${_dir}/summary.csv "label,green,amber,red,total\nMay 2023,${CMAKE_MATCH_2}\n")
endforeach()
bmm_report_test(status_only RC 0 ARGS --data ${_bmm_report_work}/status_only
    STDOUT_REGEX "\nsummary\.csv \(summary\)\n  label \| green \| amber \| red \| total\n  May 2023 \| 2 \| 0 \| 1 \| 3\n\n2 tables, 5 cells checked: 0 errors, ")
bmm_report_test(status_only_wrong RC 1 ARGS --data ${_bmm_report_work}/status_only_wrong
    STDOUT_REGEX "  May 2023 \| 3 \[error 1\] \| 0 \| 1 \| 4 \[error 2\]\n    \[1\] error at May 2023, green \(summary\.csv:2:10\): printed 3, expected 2, [^\n]*\n    \[2\] error at May 2023, total \(summary\.csv:2:16\): printed 4, expected 3, "
    STDOUT_REGEX2 "2 tables, 5 cells checked: 2 errors, ")
# Bad input: exit status 2, nothing on stdout, the report_error as FILE:LINE:COLUMN: message.
file(WRITE ${_bmm_report_work}/misspelt/report.csv "key,value\nrounding,half_up\n")
file(WRITE ${_bmm_report_work}/misspelt/finance.csv "label,budget,forcast\nA,1.0,1.0\n")
bmm_report_test(bad_column RC 2 ARGS --data ${_bmm_report_work}/misspelt STDOUT_EMPTY ON
    STDERR_REGEX "^bmm-report: [^\n]*misspelt/finance\\.csv:1:14: unknown column \"forcast\"")
file(WRITE ${_bmm_report_work}/blank_line/report.csv "key,value\nrounding,half_up\n\n")
bmm_report_test(bad_file RC 2 ARGS --data ${_bmm_report_work}/blank_line STDOUT_EMPTY ON
    STDERR_REGEX "^bmm-report: [^\n]*blank_line/report\\.csv:[0-9]+(:[0-9]+)?: ")
bmm_report_test(missing_folder RC 2 ARGS --data ${_bmm_report_work}/does-not-exist STDOUT_EMPTY ON
    STDERR_REGEX "^bmm-report: [^\n]*bmm_report/does-not-exist:1: cannot read the folder: No such file or directory\n$")
# Bad arguments: the usage, exit status 2.
bmm_report_test(no_arguments RC 2 STDOUT_EMPTY ON STDERR_REGEX "^usage: bmm-report")
bmm_report_test(unknown_findings RC 2 ARGS --data ${_bmm_report_seed003} --findings xml
    STDOUT_EMPTY ON STDERR_REGEX "^usage: bmm-report")
bmm_report_test(help RC 0 ARGS --help STDERR_EMPTY ON STDOUT_REGEX "^usage: bmm-report")

# What needs a parser or a file: the JSON parses (python3) and holds the findings; the CSV
# parses with 11 fields a record; the HTML page is written, escaped, with the finding beside
# its cell; a failed write (stdout to /dev/full, the page to a device) is exit status 2.
find_program(BMM_PYTHON3 python3)
foreach(_case json csv html html_device dev_full)
    if(_case MATCHES "^(json|csv)$" AND NOT BMM_PYTHON3)
        continue()
    endif()
    add_test(NAME example.bmm_report.check.${_case}
             COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:bmm_example_bmm_report>
                     -DDATA=${_bmm_report_seed003} -DPYTHON=${BMM_PYTHON3}
                     -DWORK=${_bmm_report_work}/check_${_case} -DCASE=${_case}
                     -P ${CMAKE_CURRENT_SOURCE_DIR}/bmm_report_check.cmake)
    set_tests_properties(example.bmm_report.check.${_case} PROPERTIES LABELS example)
endforeach()

# cmake --install puts both tools in bin/ (the package tests' prefix, installed by
# package.install): each runs from there.
if(BMM_INSTALL)
    foreach(_tool bmm-report bmm-audit)
        add_test(NAME example.bmm_report.installed.${_tool}
                 COMMAND ${CMAKE_COMMAND}
                         -DEXE=${PROJECT_BINARY_DIR}/tests/package-prefix/${CMAKE_INSTALL_BINDIR}/${_tool}
                         -DEXPECT_RC=0 -DARG1=--help "-DSTDOUT_REGEX=^usage: ${_tool} "
                         -P ${CMAKE_CURRENT_SOURCE_DIR}/bmm_audit_run.cmake)
        set_tests_properties(example.bmm_report.installed.${_tool} PROPERTIES LABELS "example;package"
                             FIXTURES_REQUIRED bmm_installed)
    endforeach()
endif()
