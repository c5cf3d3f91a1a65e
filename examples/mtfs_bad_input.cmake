# Bad MTFS input, case by case: each broken copy of the example plan makes the demo exit 2 with a
# message naming FILE:LINE:COLUMN, and write no dashboard.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(READ ${PLAN} plan)
# case name; text to replace; replacement; the expected message
set(cases
    "unknown_column|section,scenario|section,colour|bad.csv:1:9|an unknown column"
    "blank_rate|pay_award,,,,,,,,4.5%,3%|pay_award,,,,,,,,4.5%,|bad.csv:19:|2025/26 is blank"
    "repeated_row|pay,,Resources,,,,,38.1,,,,,|pay,,Resources,,,,,38.1,,,,,\npay,,Resources,,,,,38.2,,,,,|bad.csv:16:1|repeats line 15"
    "referendum|referendum_limit,,,,,,,,4.99%,4.99%,4.99%,2.99%,2.99%|referendum_limit,,,,,,,,4.99%,2.99%,4.99%,2.99%,2.99%|bad.csv:37:|exceeds the referendum limit of 2.99%"
    "unknown_service|demand_growth,,Adult Services|demand_growth,,Adult Social Care|bad.csv:23:16|no service of the plan")
foreach(case IN LISTS cases)
    string(REPLACE "|" ";" parts "${case}")
    list(GET parts 0 name)
    list(GET parts 1 from)
    list(GET parts 2 to)
    list(GET parts 3 where)
    list(GET parts 4 why)
    string(REPLACE "\\n" "\n" to "${to}")
    string(FIND "${plan}" "${from}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "case ${name}: the plan has no \"${from}\"")
    endif()
    string(REPLACE "${from}" "${to}" broken "${plan}")
    file(MAKE_DIRECTORY ${WORK}/${name})
    file(WRITE ${WORK}/${name}/bad.csv "${broken}")
    execute_process(COMMAND ${MTFS} --plan bad.csv --html ${WORK}/${name}/page.html
                    WORKING_DIRECTORY ${WORK}/${name}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 2)
        message(FATAL_ERROR "case ${name}: exit ${rc}, not 2\n${out}${err}")
    endif()
    string(FIND "${err}" "${why}" found)
    if(found EQUAL -1 OR NOT err MATCHES "${where}")
        message(FATAL_ERROR "case ${name}: the message does not name ${where} and \"${why}\":\n${err}")
    endif()
    if(EXISTS ${WORK}/${name}/page.html)
        message(FATAL_ERROR "case ${name}: a dashboard was written for bad input")
    endif()
    message(STATUS "case ${name}: ${err}")
endforeach()
