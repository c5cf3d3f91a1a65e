# CTest script: the monthly report's audit lists every published figure that does not follow
# from the others, and why. On the exported embedded data with one printed figure changed in each
# audited table, each change is listed with its class (and what it breaks), and the summary
# counts them.
#   cmake -DREPORT=<monthly_report> -DWORK=<dir> -P audit_edits.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(data ${WORK}/data)
execute_process(COMMAND ${REPORT} --export-csv ${data} RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "export failed: ${rc}")
endif()

# edit(FILE OLD NEW): replaces the one occurrence of OLD in FILE.
function(edit file old new)
    file(READ ${data}/${file} text)
    string(FIND "${text}" "${old}" at)
    if(at LESS 0)
        message(FATAL_ERROR "\"${old}\" is not in ${file}")
    endif()
    string(REPLACE "${old}" "${new}" text "${text}")
    file(WRITE ${data}/${file} "${text}")
endfunction()

# The overall table: Insurance's forecast 1.4 -> 1.9 (its printed variance 0.0 is now wrong; its
# total's forecast 6.0 is still within the rounding of its members').
edit(overall.csv "Insurance,0,1.4,1.4,0.0,0.0" "Insurance,0,1.4,1.9,0.0,0.0")
# A directorate line's variance 0.0 -> 0.4: Children's printed 3.1 becomes an error (3.4).
edit(directorates.csv "Children's Services,Schools,0,0.2,0.0" "Children's Services,Schools,0,0.2,0.4")
# A savings row's printed total 22.1 -> 22.4: the row and the TOTAL row's column sum break.
edit(savings_plan.csv "Adult Services,0,18.1,4.0,22.1" "Adult Services,0,18.1,4.0,22.4")
# A printed % for the amber savings: 41% of £28.2m is not £11.3m (40.1%).
edit(savings_status.csv "amber,11.3,\n" "amber,11.3,41\n")

execute_process(COMMAND ${REPORT} --data ${data} --html ${WORK}/dashboard.html
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the report failed: ${rc}: ${err}")
endif()
foreach(expected
        "  \\[error\\] Table 11 Insurance variance: printed 0\\.0, computed 0\\.5\n"
        "  \\[rounding\\] Table 11 Total Budgets Held Centrally forecast: printed 6\\.0, computed 6\\.5\n"
        "  \\[error\\] Children's Services table: printed total variance 3\\.1, its lines add to 3\\.4\n"
        "  \\[error\\] savings: printed 41% amber \\(£11\\.3m of £28\\.2m\\), computed 40% \\(40\\.1%\\)\n"
        "  \\[error\\] savings table Adult Services total: printed 22\\.4, planned \\+ carried forward give 22\\.1\n"
        "  \\[error\\] savings table TOTAL total: printed 38\\.4, the column adds to 38\\.7\n"
        "  16 errors, 3 rounding or sign-convention differences\n")
    if(NOT out MATCHES "${expected}")
        message(FATAL_ERROR "the audit does not list \"${expected}\":\n${out}")
    endif()
endforeach()
message(STATUS "every changed figure is listed with its class")
