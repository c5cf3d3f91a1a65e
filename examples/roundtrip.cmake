# CTest script: the monthly report on its own data exported as CSV is byte-identical to the
# report on the embedded data (text and dashboard), also when a file leaves out its optional
# columns; and a risk given its likelihood and impact is drawn in its heat-map cell.
#   cmake -DREPORT=<monthly_report> -DWORK=<dir> -P roundtrip.cmake
# (Bad input is tested case by case by bad_input.cmake.)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${REPORT} --export-csv ${WORK}/data RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "export failed: ${rc}")
endif()
if(EXISTS ${WORK}/data.part)
    message(FATAL_ERROR "the export left its temporary directory behind")
endif()

# Runs the report (on DIR, or embedded when DIR is empty) into NAME.txt and NAME.html.
function(run_report name dir)
    set(args --html ${WORK}/dashboard.html)
    if(dir)
        list(PREPEND args --data ${dir})
    endif()
    execute_process(COMMAND ${REPORT} ${args} OUTPUT_FILE ${WORK}/${name}.txt
                    WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "the report on ${name} failed: ${rc}")
    endif()
    file(RENAME ${WORK}/dashboard.html ${WORK}/${name}.html)
endfunction()

function(expect_same a b)
    file(READ ${WORK}/${a}.txt ta)
    file(READ ${WORK}/${b}.txt tb)
    if(NOT ta STREQUAL tb)
        message(FATAL_ERROR "the report on ${b} differs from the report on ${a}")
    endif()
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/${a}.html
                            ${WORK}/${b}.html RESULT_VARIABLE same)
    if(NOT same EQUAL 0)
        message(FATAL_ERROR "the dashboard on ${b} differs from the one on ${a}")
    endif()
endfunction()

run_report(embedded "")
run_report(csv ${WORK}/data)
expect_same(embedded csv)

# Optional columns left out: risks.csv without likelihood and impact (risk names hold no comma).
file(READ ${WORK}/data/risks.csv risks)
string(REGEX REPLACE "([^,\n]*,[^,\n]*,[^,\n]*,[^,\n]*),[^,\n]*,[^,\n]*," "\\1," narrow "${risks}")
if(narrow MATCHES "likelihood" OR NOT narrow MATCHES "^risk,inherent,previous_residual,residual,printed_rating")
    message(FATAL_ERROR "could not drop the optional columns: ${narrow}")
endif()
file(WRITE ${WORK}/data/risks.csv "${narrow}")
run_report(narrow ${WORK}/data)
expect_same(embedded narrow)

# Likelihood and impact given for risk 01 (residual 15 = 3 x 5): drawn in its cell, in bold, and
# listed with its factors; the others stay score-only.
string(REPLACE "01. Financial Resilience,25,15,15,," "01. Financial Resilience,25,15,15,3,5"
               placed "${risks}")
file(WRITE ${WORK}/data/risks.csv "${placed}")
run_report(placed ${WORK}/data)
file(READ ${WORK}/placed.html page)
if(NOT page MATCHES "class=\"risk\">01</text>" OR NOT page MATCHES "likelihood 3 × impact 5"
   OR NOT page MATCHES "6 of 7 risks are published as scores only")
    message(FATAL_ERROR "risk 01 with its likelihood and impact is not placed in its cell")
endif()
message(STATUS "round trip: byte-identical, optional columns may be left out, factors placed")
