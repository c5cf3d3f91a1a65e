# CTest script: the monthly report on its own data exported as CSV is byte-identical to the
# report on the embedded data (text and dashboard), and bad CSV input is refused with the file,
# line and column, writing nothing.
#   cmake -DREPORT=<monthly_report> -DWORK=<dir> -P roundtrip.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${REPORT} --export-csv ${WORK}/data RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "export failed: ${rc}")
endif()
execute_process(COMMAND ${REPORT} --html ${WORK}/dashboard.html OUTPUT_FILE ${WORK}/embedded.txt
                WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc)
file(RENAME ${WORK}/dashboard.html ${WORK}/embedded.html)
execute_process(COMMAND ${REPORT} --data ${WORK}/data --html ${WORK}/dashboard.html
                OUTPUT_FILE ${WORK}/csv.txt WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc2)
if(NOT rc EQUAL 0 OR NOT rc2 EQUAL 0)
    message(FATAL_ERROR "a report run failed: ${rc} ${rc2}")
endif()
file(READ ${WORK}/embedded.txt a)
file(READ ${WORK}/csv.txt b)
if(NOT a STREQUAL b)
    message(FATAL_ERROR "the report on the CSV data differs from the embedded run")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/embedded.html
                        ${WORK}/dashboard.html RESULT_VARIABLE same)
if(NOT same EQUAL 0)
    message(FATAL_ERROR "the dashboard on the CSV data differs from the embedded run")
endif()

# A bad cell: exit 2, a message naming file, line and column, and no dashboard written.
file(READ ${WORK}/data/measures.csv measures)
string(REPLACE "56.74%" "56.7.4%" measures "${measures}")
file(WRITE ${WORK}/data/measures.csv "${measures}")
file(REMOVE ${WORK}/bad.html)
execute_process(COMMAND ${REPORT} --data ${WORK}/data --html ${WORK}/bad.html
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 2)
    message(FATAL_ERROR "bad input: exit ${rc}, expected 2")
endif()
if(NOT err MATCHES "measures.csv, line 4, column actual: bmm: cannot read \"56.7.4%\"")
    message(FATAL_ERROR "bad input: the message does not name file, line and column: ${err}")
endif()
if(EXISTS ${WORK}/bad.html OR EXISTS ${WORK}/bad.html.part OR NOT out STREQUAL "")
    message(FATAL_ERROR "bad input: something was written")
endif()
message(STATUS "round trip: byte-identical; bad input refused: ${err}")
