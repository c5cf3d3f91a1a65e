# CTest script: runs bmm-audit once and checks its exit status and what it printed — unlike
# PASS_REGULAR_EXPRESSION, which ignores the exit status.
#   cmake -DEXE=<bmm-audit> -DARG1=<arg> [-DARG2=... -DARG5=...] -DEXPECT_RC=<n>
#         [-DEXPECT_STDOUT_FILE=<file>]   stdout must equal the file byte for byte
#         [-DSTDOUT_LINES=<n>]            stdout must have exactly n lines
#         [-DSTDOUT_REGEX=<re>] [-DSTDOUT_REGEX2=<re>] [-DSTDERR_REGEX=<re>]
#         [-DSTDOUT_EMPTY=ON] [-DSTDERR_EMPTY=ON]
#         -P bmm_audit_run.cmake
set(_args)
foreach(_i RANGE 1 5)
    if(DEFINED ARG${_i})
        list(APPEND _args "${ARG${_i}}")
    endif()
endforeach()
execute_process(COMMAND ${EXE} ${_args} RESULT_VARIABLE _rc OUTPUT_VARIABLE _out
                ERROR_VARIABLE _err)
set(_shown "bmm-audit ${_args}\n--- exit status: ${_rc}\n--- stdout:\n${_out}--- stderr:\n${_err}")
if(NOT "${_rc}" STREQUAL "${EXPECT_RC}")
    message(FATAL_ERROR "exit status ${_rc}, expected ${EXPECT_RC}\n${_shown}")
endif()
if(DEFINED EXPECT_STDOUT_FILE)
    file(READ ${EXPECT_STDOUT_FILE} _want)
    if(NOT _out STREQUAL _want)
        message(FATAL_ERROR "stdout differs from ${EXPECT_STDOUT_FILE}:\n--- expected:\n${_want}${_shown}")
    endif()
endif()
if(DEFINED STDOUT_LINES)
    string(REGEX MATCHALL "\n" _newlines "${_out}")
    list(LENGTH _newlines _n)
    if(NOT _n EQUAL STDOUT_LINES)
        message(FATAL_ERROR "stdout has ${_n} lines, expected ${STDOUT_LINES}\n${_shown}")
    endif()
endif()
foreach(_check STDOUT_REGEX STDOUT_REGEX2)
    if(DEFINED ${_check} AND NOT _out MATCHES "${${_check}}")
        message(FATAL_ERROR "stdout does not match \"${${_check}}\"\n${_shown}")
    endif()
endforeach()
if(DEFINED STDERR_REGEX AND NOT _err MATCHES "${STDERR_REGEX}")
    message(FATAL_ERROR "stderr does not match \"${STDERR_REGEX}\"\n${_shown}")
endif()
if(STDOUT_EMPTY AND NOT _out STREQUAL "")
    message(FATAL_ERROR "stdout is not empty\n${_shown}")
endif()
if(STDERR_EMPTY AND NOT _err STREQUAL "")
    message(FATAL_ERROR "stderr is not empty\n${_shown}")
endif()
