# CTest rules for bmm-audit (examples/bmm_audit.cpp): its CSV contract, which cells it flags, its
# output formats and its exit status. Included from examples/CMakeLists.txt when tests are built.
# Every rule runs bmm_audit_run.cmake, which checks the exit status AND the output (a
# PASS_REGULAR_EXPRESSION alone would ignore the exit status).
set(_bmm_audit_data ${CMAKE_CURRENT_SOURCE_DIR}/data)
set(_bmm_audit_work ${CMAKE_CURRENT_BINARY_DIR}/bmm_audit)
file(MAKE_DIRECTORY ${_bmm_audit_work})

# bmm_audit_test(<name> RC <status> ARGS <arg>... [<check> <value>]...): the checks are the
# script's variables (EXPECT_STDOUT_FILE, STDOUT_LINES, STDOUT_REGEX, STDOUT_REGEX2,
# STDERR_REGEX, STDOUT_EMPTY, STDERR_EMPTY).
function(bmm_audit_test name)
    cmake_parse_arguments(PARSE_ARGV 1 _t "" "RC;EXPECT_STDOUT_FILE;STDOUT_LINES;STDOUT_REGEX;STDOUT_REGEX2;STDERR_REGEX;STDOUT_EMPTY;STDERR_EMPTY" "ARGS")
    set(_defs -DEXE=$<TARGET_FILE:bmm_example_bmm_audit> -DEXPECT_RC=${_t_RC})
    set(_i 0)
    foreach(_a IN LISTS _t_ARGS)
        math(EXPR _i "${_i} + 1")
        list(APPEND _defs "-DARG${_i}=${_a}")
    endforeach()
    foreach(_check EXPECT_STDOUT_FILE STDOUT_LINES STDOUT_REGEX STDOUT_REGEX2 STDERR_REGEX
                   STDOUT_EMPTY STDERR_EMPTY)
        if(DEFINED _t_${_check})
            list(APPEND _defs "-D${_check}=${_t_${_check}}")
        endif()
    endforeach()
    add_test(NAME example.bmm_audit.${name}
             COMMAND ${CMAKE_COMMAND} ${_defs} -P ${CMAKE_CURRENT_SOURCE_DIR}/bmm_audit_run.cmake)
    set_tests_properties(example.bmm_audit.${name} PROPERTIES LABELS example)
endfunction()

# Seed 003's overall table (Table 11): exactly the two real errors and the two sign cells —
# which row, which column, which verdict — and exit status 1.
bmm_audit_test(seed003 RC 1 ARGS ${_bmm_audit_data}/seed003_overall.csv
    STDOUT_LINES 5
    STDOUT_REGEX "row 10 \\(line 11\\) Interest on Balances: variance_pct printed 3\\.0, expected -3\\.0: sign_convention\nrow 12 \\(line 13\\) Contingency: variance_pct printed -29\\.6, expected -26\\.6: error\nrow 15 \\(line 16\\) Contribution from COVID-19 reserve: variance_pct printed 20\\.3, expected -20\\.3: sign_convention\nrow 19 \\(line 20\\) Total Budgets Held Centrally: variance_pct printed -49\\.6, expected -46\\.9: error\n"
    STDOUT_REGEX2 "bmm-audit: 22 rows, 50 cells checked: 2 errors, 2 sign-convention, 0 rounding\n$")
# The same findings as CSV, byte for byte; the summary goes to stderr.
bmm_audit_test(seed003_csv RC 1 ARGS ${_bmm_audit_data}/seed003_overall.csv --format csv
    EXPECT_STDOUT_FILE ${_bmm_audit_data}/seed003_overall_findings.csv
    STDERR_REGEX "^bmm-audit: 22 rows, 50 cells checked: 2 errors, 2 sign-convention, 0 rounding\n$")
# Under the signed-budget convention the income lines pass and the two errors remain.
bmm_audit_test(seed003_signed RC 1 ARGS ${_bmm_audit_data}/seed003_overall.csv --basis signed
    STDOUT_LINES 3
    STDOUT_REGEX "Contingency: variance_pct .*: error\n.*Total Budgets Held Centrally: variance_pct .*: error\n"
    STDOUT_REGEX2 "2 errors, 0 sign-convention, 0 rounding\n$")
# The directorate tables print budget and variance only (the forecast cells are blank): the
# Public Health lines add to 1.9, not the printed 2.2 (an error); Children's 1.8 + 1.2 printed
# 3.1 is a rounding effect.
bmm_audit_test(seed003_directorates RC 1
    ARGS ${_bmm_audit_data}/seed003_directorates.csv --format csv
    EXPECT_STDOUT_FILE ${_bmm_audit_data}/seed003_directorates_findings.csv
    STDERR_REGEX "40 rows, 12 cells checked: 1 errors, 0 sign-convention, 1 rounding")
# The DSG table adds up: exit status 0 and nothing but the summary.
bmm_audit_test(seed003_dsg RC 0 ARGS ${_bmm_audit_data}/seed003_dsg.csv
    STDOUT_LINES 1
    STDOUT_REGEX "^bmm-audit: 5 rows, 7 cells checked: 0 errors, 0 sign-convention, 0 rounding\n$")
bmm_audit_test(seed003_dsg_csv RC 0 ARGS ${_bmm_audit_data}/seed003_dsg.csv --format csv
    STDOUT_REGEX "^row,line,name,column,printed,expected,verdict\n$")

# A copy with one figure changed (Resources forecast 71.3 -> 75.3): that figure is reported, in
# its row's variance and in the Directorate Total's forecast.
file(READ ${_bmm_audit_data}/seed003_overall.csv _bmm_overall)
string(REPLACE "Resources,0,69.7,71.3," "Resources,0,69.7,75.3," _bmm_changed "${_bmm_overall}")
file(WRITE ${_bmm_audit_work}/seed003_overall_changed.csv "${_bmm_changed}")
bmm_audit_test(changed_figure RC 1 ARGS ${_bmm_audit_work}/seed003_overall_changed.csv
    STDOUT_LINES 7
    STDOUT_REGEX "row 6 \\(line 7\\) Resources: variance printed 1\\.6, expected 5\\.6: error\nrow 7 \\(line 8\\) Directorate Total: forecast printed 572\\.7, expected 576\\.7: error\n"
    STDOUT_REGEX2 "4 errors, 2 sign-convention, 0 rounding\n$")
# Figures truncated for print: four lines of 1.09 shown as 1.0 and their total 4.36 as 4.3 are a
# rounding effect under --rounding floor, an error under the default half_up.
file(WRITE ${_bmm_audit_work}/truncated.csv
     "line,level,budget,forecast,variance,variance_pct\nA,0,1.0,,,\nB,0,1.0,,,\nC,0,1.0,,,\nD,0,1.0,,,\nTotal,1,4.3,,,\n")
bmm_audit_test(rounding_floor RC 0 ARGS ${_bmm_audit_work}/truncated.csv --rounding floor
    STDOUT_REGEX "Total: budget printed 4\\.3, expected 4\\.0: rounding\n")
bmm_audit_test(rounding_half_up RC 1 ARGS ${_bmm_audit_work}/truncated.csv
    STDOUT_REGEX "Total: budget printed 4\\.3, expected 4\\.0: error\n")

# Bad input: exit status 2, nothing on stdout, and a message on stderr naming the line.
set(_bmm_header "line,level,budget,forecast,variance,variance_pct\n")
set(_bmm_bad_figure "${_bmm_header}Adult Services,0,226.9,226.9,0.0,0.0\nResources,0,69.7,abc,1.6,2.3\n")
set(_bmm_bad_cells "${_bmm_header}Adult Services,0,226.9,226.9,0.0,0.0\nResources,0,69.7,71.3,1.6,2.3\nInsurance,0,1.4,1.4,0.0\n")
set(_bmm_bad_level "${_bmm_header}Adult Services,x,226.9,226.9,0.0,0.0\n")
set(_bmm_bad_header "line,level,budget,forecast,variance\nAdult Services,0,226.9,226.9,0.0\n")
set(_bmm_bad_quote "${_bmm_header}Adult Services,0,226.9,226.9,0.0,0.0\n\"Resources,0,69.7,71.3,1.6,2.3\n")
set(_bmm_bad_empty_total "${_bmm_header}Directorate Total,1,567.4,572.7,5.3,0.9\n")
set(_bmm_bad_no_budget "${_bmm_header}Adult Services,0,226.9,226.9,0.0,0.0\nResources,0,,71.3,1.6,2.3\n")
set(_bmm_bad_huge "${_bmm_header}A,0,4000000000000000000,,,\nB,0,4000000000000000000,,,\nC,0,4000000000000000000,,,\nTotal,1,1,,,\n")
set(_bmm_bad_long_figure "${_bmm_header}Resources,0,69.7,71.3,1.6,0.0000000000000000001\n")
foreach(_case figure:3 cells:4 level:2 header:1 quote:3 empty_total:2 no_budget:3 huge:5
              long_figure:2)
    string(REPLACE ":" ";" _pair ${_case})
    list(GET _pair 0 _what)
    list(GET _pair 1 _line)
    file(WRITE ${_bmm_audit_work}/bad_${_what}.csv "${_bmm_bad_${_what}}")
    bmm_audit_test(bad_input.${_what} RC 2 ARGS ${_bmm_audit_work}/bad_${_what}.csv
        STDOUT_EMPTY ON
        STDERR_REGEX "^bmm-audit: [^\n]*bad_${_what}\\.csv(:[0-9]+:[0-9]+)?: bmm: .*line ${_line}[^0-9]")
endforeach()
# An unknown, misspelled or repeated column is not ignored: a located error (FILE:LINE:COLUMN).
set(_bmm_audit_cols "line,level,budget,forecast,variance,variance_pct")
set(_bmm_bad_unknown_column "${_bmm_audit_cols},previous variance\nA,0,1.0,1.0,0.0,0.0,0.0\n")
set(_bmm_bad_misspelt_column "line,level,budget,forcast,variance,variance_pct\nA,0,1.0,1.0,0.0,0.0\n")
set(_bmm_bad_repeated_column "${_bmm_audit_cols},budget\nA,0,1.0,1.0,0.0,0.0,2.0\n")
foreach(_case "unknown_column:1:50:previous variance\" as a bmm-audit column: unknown column"
              "misspelt_column:1:19:forcast\" as a bmm-audit column: unknown column"
              "repeated_column:1:50:budget\" as a bmm-audit column: the column budget is repeated")
    string(REGEX MATCH "^([a-z_]+):([0-9]+):([0-9]+):(.*)$" _m "${_case}")
    file(WRITE ${_bmm_audit_work}/bad_${CMAKE_MATCH_1}.csv "${_bmm_bad_${CMAKE_MATCH_1}}")
    bmm_audit_test(bad_input.${CMAKE_MATCH_1} RC 2 ARGS ${_bmm_audit_work}/bad_${CMAKE_MATCH_1}.csv
        STDOUT_EMPTY ON
        STDERR_REGEX "^bmm-audit: [^\n]*bad_${CMAKE_MATCH_1}\\.csv:${CMAKE_MATCH_2}:${CMAKE_MATCH_3}: bmm: cannot read \"${CMAKE_MATCH_4}")
endforeach()
# Bad arguments: exit status 2 with the usage on stderr; a missing file names itself.
bmm_audit_test(no_arguments RC 2 STDOUT_EMPTY ON STDERR_REGEX "^usage: bmm-audit")
bmm_audit_test(unknown_option RC 2 ARGS ${_bmm_audit_data}/seed003_overall.csv --colour
    STDOUT_EMPTY ON STDERR_REGEX "^usage: bmm-audit")
bmm_audit_test(unknown_format RC 2 ARGS ${_bmm_audit_data}/seed003_overall.csv --format xml
    STDOUT_EMPTY ON STDERR_REGEX "^usage: bmm-audit")
bmm_audit_test(unknown_rounding RC 2 ARGS ${_bmm_audit_data}/seed003_overall.csv --rounding up
    STDOUT_EMPTY ON STDERR_REGEX "^usage: bmm-audit")
bmm_audit_test(missing_file RC 2 ARGS ${_bmm_audit_work}/does-not-exist.csv STDOUT_EMPTY ON
    STDERR_REGEX "^bmm-audit: cannot open [^\n]*does-not-exist\\.csv: No such file or directory\n$")
bmm_audit_test(help RC 0 ARGS --help STDERR_EMPTY ON STDOUT_REGEX "^usage: bmm-audit")

# --declare (issue 18): any council's table as printed, every column declared. The collected
# tables live in tests/data/councils; each has its declaration beside it (table.decl).
set(_bmm_councils ${PROJECT_SOURCE_DIR}/tests/data/councils)
set(_bmm_iow ${_bmm_councils}/isle-of-wight_2004_adult-community-month4)
# Isle of Wight, month 4 2004: variances printed budget - forecast, lone lines, unlabelled
# subtotals, last year's block: no error, its 11 rounding effects, 5 undefined %s not checked.
bmm_audit_test(declared_isle_of_wight RC 0 ARGS --declare ${_bmm_iow}/table.decl ${_bmm_iow}/table.csv
    STDOUT_LINES 12
    STDOUT_REGEX "row 8 \\(line 9\\) @8: LAST YEAR 2003/4 ANNUAL BUDGET £000 printed 7,401, expected 7400: rounding\n"
    STDOUT_REGEX2 "bmm-audit: 19 rows, 93 cells checked: 0 errors, 0 sign-convention, 11 rounding, 5 not checked\n$")
# The same table declared the other way round: ONE table-level sign_convention finding naming
# the declaration that fixes it (not an error per row), then audited the way it is printed.
file(READ ${_bmm_iow}/table.decl _bmm_iow_decl)
string(REPLACE "direction budget - forecast" "direction forecast - budget" _bmm_iow_flipped "${_bmm_iow_decl}")
file(WRITE ${_bmm_audit_work}/iow_flipped.decl "${_bmm_iow_flipped}")
bmm_audit_test(declared_other_direction RC 0
    ARGS --declare ${_bmm_audit_work}/iow_flipped.decl ${_bmm_iow}/table.csv
    STDOUT_REGEX "^table \\([^\n]*iow_flipped\\.decl line 4\\): FORECAST OUTTURN VARIANCE £000 variance direction printed forecast - budget, expected budget - forecast: sign_convention\n"
    STDOUT_REGEX2 "read as: FORECAST OUTTURN VARIANCE £000: variance = budget - forecast \\(declared forecast - budget[^\n]*\nbmm-audit: 19 rows, 94 cells checked: 0 errors, 1 sign-convention, 11 rounding, 5 not checked\n$")
# Declared infer (no direction): read in the direction its cells fit, and said.
string(REPLACE "direction budget - forecast" "" _bmm_iow_infer "${_bmm_iow_decl}")
file(WRITE ${_bmm_audit_work}/iow_infer.decl "${_bmm_iow_infer}")
bmm_audit_test(declared_infer RC 0 ARGS --declare ${_bmm_audit_work}/iow_infer.decl ${_bmm_iow}/table.csv
    STDOUT_REGEX "read as: FORECAST OUTTURN VARIANCE £000: variance = budget - forecast \\(inferred: "
    STDOUT_REGEX2 "0 errors, 0 sign-convention, 11 rounding, 5 not checked\n$")
# A performance summary from the command line: Bracknell Forest's 64 of 114 printed (55%), and
# the three shares that cannot make 100; as CSV, the summary on stderr.
set(_bmm_bf ${_bmm_councils}/bracknell-forest_2025_council-plan-q4)
bmm_audit_test(declared_summary RC 1 ARGS --declare ${_bmm_bf}/table.decl ${_bmm_bf}/table.csv --format csv
    STDOUT_REGEX "^row,line,name,column,printed,expected,verdict\n2,3,are complete,Share,\\(55%\\),56,error\n4,5,has not started,Share,\\(less than 1%\\),2,error\n$"
    STDERR_REGEX "^bmm-audit: 10 rows, 14 cells checked: 2 errors, 0 sign-convention, 0 rounding, 0 not checked\n$")
set(_bmm_hv ${_bmm_councils}/havering_2014_performance-q4)
bmm_audit_test(declared_rated_shares RC 0 ARGS --declare ${_bmm_hv}/table.decl ${_bmm_hv}/table.csv
    STDOUT_LINES 1
    STDOUT_REGEX "^bmm-audit: 5 rows, 8 cells checked: 0 errors, 0 sign-convention, 0 rounding, 0 not checked\n$")
# An undeclared column is refused (exit 2) at its heading's place; so is a declaration that
# breaks the format, at its line and column; --rounding / --basis go with the declaration.
file(WRITE ${_bmm_audit_work}/extra_column.csv "Line,Count,Of,Share,Colour\nx,1,,,red\n")
bmm_audit_test(declared_undeclared_column RC 2
    ARGS --declare ${_bmm_hv}/table.decl ${_bmm_audit_work}/extra_column.csv
    STDOUT_EMPTY ON
    STDERR_REGEX "^bmm-audit: [^\n]*extra_column\\.csv:1:21: bmm: cannot read \"Colour\" as a column heading: the declaration does not declare this column")
file(WRITE ${_bmm_audit_work}/bad.decl "rounding half_up\ncolumn \"Line\" name\ncolumn \"Count\" cuont\n")
bmm_audit_test(declared_bad_declaration RC 2
    ARGS --declare ${_bmm_audit_work}/bad.decl ${_bmm_hv}/table.csv
    STDOUT_EMPTY ON STDERR_REGEX "^bmm-audit: [^\n]*bad\\.decl:3:16: bmm: cannot read \"cuont\" as a column role")
bmm_audit_test(declared_with_rounding RC 2
    ARGS --declare ${_bmm_hv}/table.decl ${_bmm_hv}/table.csv --rounding floor
    STDOUT_EMPTY ON STDERR_REGEX "^usage: bmm-audit")

# --localize: three misprinted forecasts are the cells named, with the values that fit each; the
# plain audit's errors at the variances and the total follow from them; exit status 1.
bmm_audit_test(localize RC 1 ARGS --localize ${_bmm_audit_data}/localize_forecasts.csv
    STDOUT_LINES 8
    STDOUT_REGEX "^row 1 \\(line 2\\) Children's Services: forecast printed 157\\.0, expected 156\\.6: error; fits 156\\.5 to 156\\.7\nrow 2 \\(line 3\\) Adults: forecast printed 205\\.4, expected 205\\.0: error; fits 204\\.9 to 205\\.1\n"
    STDOUT_REGEX2 "row 4 \\(line 5\\) Total: forecast printed 509\\.6, expected 510\\.8: follows; follows from row 1 forecast; row 2 forecast; row 3 forecast\nbmm-audit: 4 rows, 13 cells checked: 3 errors, 4 follow, 0 undecided, 0 sign-convention, 0 rounding\n$")
# --declare with --localize: a declared table's relations (bmm::relations_of) localized. Bracknell
# Forest's Q4 2024/25 summary: the 55% is the cell to change (56% fits its count); the "less than
# 1%" that fails beside it follows from it.
set(_bmm_bf ${_bmm_councils}/bracknell-forest_2025_council-plan-q4)
bmm_audit_test(declared_localize RC 1
    ARGS --declare ${_bmm_bf}/table.decl --localize ${_bmm_bf}/table.csv
    STDOUT_LINES 4
    STDOUT_REGEX "are complete: Share printed \\(55%\\), expected 56: error; fits 3200/57 to 3200/57\n"
    STDOUT_REGEX2 "follows; follows from row 2 Share\nbmm-audit: 10 rows, 14 cells checked: 1 errors, 1 follow, 0 undecided, 0 sign-convention, 1 rounding\n$")
# --localize --max-cells 4: seed 003's four wrong %s, joined by its totals, each the cell named
# with its likely cause (two under the other variance-% basis, two with digits transposed).
bmm_audit_test(localize_seed003 RC 1
    ARGS --localize --max-cells 4 ${_bmm_audit_data}/seed003_overall.csv
    STDOUT_LINES 5
    STDOUT_REGEX "^row 10 \\(line 11\\) Interest on Balances: variance_pct printed 3\\.0, expected -3\\.0: error; fits [^;]+; cause: the other variance-% basis\nrow 12 \\(line 13\\) Contingency: variance_pct printed -29\\.6, expected -26\\.9: error; fits [^;]+; cause: digits transposed \\(-26\\.9 printed as -29\\.6\\)\n"
    STDOUT_REGEX2 "bmm-audit: 22 rows, 50 cells checked: 4 errors, 0 follow, 0 undecided, 0 sign-convention, 0 rounding\n$")
