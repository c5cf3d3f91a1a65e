# CTest script: bmm-report's outputs that need a parser or a file (see bmm_report_tests.cmake).
#   cmake -DEXE=<bmm-report> -DDATA=<tests/data/seed003> -DPYTHON=<python3> -DWORK=<dir>
#         -DCASE=json|csv|html|html_device|dev_full -P bmm_report_check.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
macro(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    set(shown "exit ${rc}\n--- stderr:\n${err}")
endmacro()
function(expect)  # a function: its condition is not parsed again, as a macro's would be
    if(NOT (${ARGN}))
        message(FATAL_ERROR "${CASE}: expected ${ARGN}\n${shown}")
    endif()
endfunction()

if(CASE STREQUAL "json")
    # Valid JSON (python3's json module) holding the 100 findings and the counts, Table 11's
    # Contingency % among them as printed, with its expected figure and verdict.
    run(${EXE} --data ${DATA} --findings json)
    expect(rc EQUAL 1)
    file(WRITE ${WORK}/findings.json "${out}")
    execute_process(COMMAND ${PYTHON} -c [=[
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
f = d["findings"]
assert len(f) == 100, len(f)
assert d["counts"]["error"] == 32 and sum(d["counts"].values()) == d["cells_checked"] == 753, d["counts"]
assert sum(x["verdict"] == "error" for x in f) == 32
hit = [x for x in f if x["section"] == "table11_financial_position.csv" and x["row"] == "Contingency"
       and x["printed"] == "-29.6%"]
assert len(hit) == 1 and hit[0]["expected"] == "-26.6%" and hit[0]["verdict"] == "error", hit
assert hit[0]["line"] == 13 and hit[0]["cell_column"] == 27, hit
print("bmm-report json: %d findings, %d errors" % (len(f), d["counts"]["error"]))
]=] ${WORK}/findings.json RESULT_VARIABLE py OUTPUT_VARIABLE pyout ERROR_VARIABLE pyerr)
    if(NOT py EQUAL 0)
        message(FATAL_ERROR "json: ${pyout}${pyerr}\n${shown}")
    endif()
    # Strings are escaped: a quote, a backslash, a line break, a NUL and a byte that is not
    # UTF-8 in a printed cell still give valid JSON that holds them.
    file(MAKE_DIRECTORY ${WORK}/odd)
    file(WRITE ${WORK}/odd/report.csv "key,value\nrounding,half_up\n")
    execute_process(COMMAND sh -c "printf 'label,budget,forecast,variance,variance_pct\\n\"A \"\"q\"\" \\\\\\\\ \\n\\001\\377\",12.4,9.1,-3.3,-29.6%%\\n' > '${WORK}/odd/finance.csv'")
    run(${EXE} --data ${WORK}/odd --findings json)
    expect(rc EQUAL 1)
    file(WRITE ${WORK}/odd.json "${out}")
    execute_process(COMMAND ${PYTHON} -c [=[
import json, sys
f = json.load(open(sys.argv[1], encoding="utf-8"))["findings"]
assert len(f) == 1 and f[0]["row"] == 'A "q" \\\\ \n\x01\ufffd', repr(f[0]["row"])
]=] ${WORK}/odd.json RESULT_VARIABLE py OUTPUT_VARIABLE pyout ERROR_VARIABLE pyerr)
    if(NOT py EQUAL 0)
        message(FATAL_ERROR "json (escaping): ${pyout}${pyerr}\n${out}\n${shown}")
    endif()
elseif(CASE STREQUAL "csv")
    run(${EXE} --data ${DATA} --findings csv)
    expect(rc EQUAL 1)
    file(WRITE ${WORK}/findings.csv "${out}")
    execute_process(COMMAND ${PYTHON} -c [=[
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows[0][0] == "section" and len(rows) == 101, len(rows)
assert all(len(r) == 11 for r in rows), [r for r in rows if len(r) != 11][:1]
assert sum(r[8] == "error" for r in rows[1:]) == 32
import re
number = re.compile(r"[+-]?[0-9][0-9,]*(\.[0-9]+)?$")
bad = [c for r in rows[1:] for c in r if c and c[0] in "=+-@" and not number.match(c)]
assert not bad, bad[:3]  # a field a spreadsheet would run as a formula
]=] ${WORK}/findings.csv RESULT_VARIABLE py OUTPUT_VARIABLE pyout ERROR_VARIABLE pyerr)
    if(NOT py EQUAL 0)
        message(FATAL_ERROR "csv: ${pyout}${pyerr}\n${shown}")
    endif()
elseif(CASE STREQUAL "html")
    # The page is written whole; the wrong cell is marked beside its printed figure; a cell's
    # markup is escaped, never run.
    run(${EXE} --data ${DATA} --html ${WORK}/report.html)
    expect(rc EQUAL 1)
    file(READ ${WORK}/report.html page)
    expect(page MATCHES "<td>Contingency</td><td class=.rounding.>12\\.4 <sup><a href=.#f[0-9]+.>\\[[0-9]+\\]</a></sup></td><td>9\\.1</td><td>-3\\.3</td><td class=.error.>-29\\.6% <sup>")
    expect(page MATCHES "</html>\n$" AND NOT page MATCHES "<script")
    expect(NOT EXISTS ${WORK}/report.html.part)
    file(MAKE_DIRECTORY ${WORK}/odd)
    file(WRITE ${WORK}/odd/report.csv "key,value\nrounding,half_up\ntitle,<script>alert(1)</script>\n")
    file(WRITE ${WORK}/odd/finance.csv "label,budget,forecast,variance,variance_pct\n<b>&x</b>,12.4,9.1,-3.3,-29.6%\n")
    run(${EXE} --data ${WORK}/odd --html ${WORK}/odd.html)
    expect(rc EQUAL 1)
    file(READ ${WORK}/odd.html page)
    # (tested here, not by expect: a ";" of "&lt;" would split its list)
    if(page MATCHES "<script" OR page MATCHES "<b>&x" OR
       NOT page MATCHES "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" OR
       NOT page MATCHES "<td>&lt;b&gt;&amp;x&lt;/b&gt;</td>")
        message(FATAL_ERROR "${CASE}: the report's markup is not escaped\n${shown}")
    endif()
elseif(CASE STREQUAL "html_device")
    # A device as the page's path: refused (bmm::write_file), exit 2, nothing on stdout.
    run(${EXE} --data ${DATA} --html /dev/null)
    expect(rc EQUAL 2)
    if(NOT out STREQUAL "")
        message(FATAL_ERROR "${CASE}: stdout is not empty\n${shown}")
    endif()
    expect(err MATCHES "^bmm-report: [^\n]*/dev/null is a device")
elseif(CASE STREQUAL "dev_full")
    # The report cannot be written to standard output: exit 2 with the reason, never 0 or 1.
    execute_process(COMMAND ${EXE} --data ${DATA} OUTPUT_FILE /dev/full ERROR_VARIABLE err
                    RESULT_VARIABLE rc)
    set(shown "exit ${rc}\n--- stderr:\n${err}")
    expect(rc EQUAL 2)
    expect(err MATCHES "cannot write standard output: No space left on device")
else()
    message(FATAL_ERROR "unknown case ${CASE}")
endif()
message(STATUS "${CASE}: ${err}")
