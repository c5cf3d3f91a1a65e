#!/usr/bin/env python3
"""Writes bmm's fuzz seed corpus (fuzz/corpus/<target>/) from the figures the seed reports print.

    python3 fuzz/corpus.py [--seeds DIR] [--report-csv DIR]

--seeds defaults to ../shared/seeds next to the repository; --report-csv names a directory of
the CSV files `monthly_report --export-csv DIR` writes (seed 003's embedded report data), which
become the report_csv target's seeds. The report target's seeds are folders in its input format
("=== NAME" lines start the files, fuzz/fuzz_report.cpp): parts of seed 003's report data
(tests/data/seed003: a few of its tables with their lines of tables.csv and declarations.csv)
and small reports read by their kinds' built-in declarations.

Each target gets the figures of its kind found in seeds 002, 003 and 004 (money, £m and £000
figures, percentages, fiscal periods, measure ids, target texts, status words), the spreadsheet
oddities a council's data brings (blank cells, "n/a", "£493,032,40" from seed 002, negative zero,
a percentage over 100, "13/2023", "2023/25"), and for the CSV targets small tables cut from the
seed reports' tables (seed 003's overall finance table and directorate lines). The output is
deterministic: the same seeds give the same files, named by a hash of their content. Files
already in a corpus directory are kept (libFuzzer's finds can be added by hand).
"""
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARGS = dict(zip(sys.argv[1::2], sys.argv[2::2]))
SEEDS = ARGS.get("--seeds", os.path.join(HERE, "..", "..", "shared", "seeds"))
REPORT_CSV = ARGS.get("--report-csv")
LIMIT = 12  # figures per pattern and seed: variety enough, a small corpus


def seed_texts():
    out = {}
    for name in sorted(os.listdir(SEEDS)):
        if name.endswith(".txt"):
            with open(os.path.join(SEEDS, name), encoding="utf-8", errors="replace") as f:
                out[name[:3]] = f.read()
    return out


def found(pattern, texts, limit=LIMIT):
    """The distinct matches of `pattern` in each seed, in order of first appearance."""
    out = []
    for key in sorted(texts):
        seen = []
        for m in re.finditer(pattern, texts[key]):
            s = m.group(0).strip()
            if s and s not in seen:
                seen.append(s)
            if len(seen) >= limit:
                break
        out += seen
    return out


def write(target, items):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    n = 0
    for item in dict.fromkeys(items):  # distinct, in order
        data = item.encode("utf-8")
        path = os.path.join(d, "seed-" + hashlib.sha1(data).hexdigest()[:12])
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(data)
            n += 1
    print(f"{target}: {n} new, {len(os.listdir(d))} in all")


ODD = ["", "   ", "n/a", "N/A", "-", "\u2013", "\u00a3493,032,40", "-0", "-0.0", "-0.00%",
       "150%", "176%", "13/2023", "2023/25", "M13 2023/24", "Q5 2023/24", "1,7622", "5.3m",
       "(1.2)", "(-1.2)", "\u22122.6%", "92233720368547758.07", "-92233720368547758.08",
       "99999999999999999999", "0.005"]


def main():
    t = seed_texts()
    money = found(r"\(?-?\u00a3-?[0-9][0-9,]*(\.[0-9]+)?[mk]?\)?", t) + \
        found(r"(?<![0-9.,])-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", t) + \
        found(r"(?<![0-9.,])-?[0-9]+\.[0-9]+(?![0-9.%])", t)
    write("money", money + ODD + ["-\u00a392,233,720,368.54775808m",  # INT64_MIN pence in £m
                                  "(92,233,720,368,547.75808)", "\u00a30.001m"])
    numbers = found(r"-?[0-9]+(\.[0-9]+)?\s?%", t) + \
        found(r"(?<![0-9.,])[+-]?[0-9]+\.[0-9]+", t) + found(r"\b[0-9]+/[0-9]+\b", t, 10)
    write("number", numbers + ODD + ["1/12", "1/0", "2.5%%", ".5",
                                     # percentages (parse_percent and printing, issue 13)
                                     "(1.2)%", "(1.2%)", "+2.4%", "-9223372036854775808%",
                                     "(922,337,203,685,477,580.8)%", "0,001%", "1,234.5%",
                                     "0.000000000000000001%", "9" * 40 + "%",
                                     "0." + "0" * 40 + "1%", "\u22123.0%", " 50.00 % "])
    periods = found(r"(FY ?)?(19|20)[0-9]{2}[/-][0-9]{2,4}", t) + \
        found(r"Q[1-4] (19|20)[0-9]{2}[/-][0-9]{2}", t) + \
        found(r"(Quarterly|Monthly|Annual(ly)?|Bi-monthly|Six-monthly|Half-yearly)", t, 10)
    write("period", periods + ODD + ["M2 2023/24", "m12 FY2022/23", "2023/24 Q3", "2023",
                                     "M9 2024", "bi monthly", "mon thly", "FY23/24"])
    measures = found(r"[A-Z]{2,5}[0-9]{1,2}\.[0-9]{1,2}:?", t) + \
        found(r"[<>\u2264\u2265]=? ?-?[0-9][0-9,.]*%?( of [a-z ]+budget)?", t) + \
        found(r"[0-9]+(\.[0-9]+)?\s?[-\u2013]\s?[0-9]+(\.[0-9]+)?%", t) + \
        found(r"\b(Green|Amber|Red|Top quartile|Bottom quartile|Monitoring only|Not reported|"
              r"Data unavailable|Not updated[^\n]{0,16})\b", t, 20) + \
        found(r"[0-9]+ (days|km)\b", t, 10) + \
        ["\u2605", "\u25cf", "\u25b2", "n/r", "?", "\u2b06\ufe0f", "\u27a1", "\u2194",
         "Delivering to plan", "Delivering to plan\nSlightly behind schedule\nSignificantly "
         "behind schedule"]
    write("measure", measures + ODD)

    overall = open(os.path.join(HERE, "..", "examples", "data", "seed003_overall.csv"),
                   encoding="utf-8").read()
    lines = overall.splitlines()
    header = lines[0]
    tables = [
        overall,
        "\n".join([header] + lines[1:8]) + "\n",            # the directorate lines and total
        "\ufeff" + "\r\n".join(lines[:4]) + "\r\n",         # BOM and CRLF, as Excel saves
        header + "\nAdult Services,0,226.9,226.9,0.0,0.0\nTotal,1,226.9,226.9,0.0,0.0%\n",
        header + "\n\"Rates, Council Tax\",0,(1.2),(1.3),(0.1),8.3\nHeading,,,,,\n",
        header + "\nInterest on Balances,0,-16.7,-17.2,-0.5,3.0\nBad,x,n/a,,\u00a3493,032,40,\n",
        # an unknown and a repeated column, and a flat table with one total (issue 13)
        header + ",previous variance\nA,0,1.0,1.0,0.0,0.0,0.0\n",
        header + ",budget\nA,0,1.0,1.0,0.0,0.0,2.0\n",
        header + "\n" + "".join("L%d,0,1.0,1.1,0.1,10.0\n" % i for i in range(40)) +
        "Total,1,40.0,44.0,4.0,10.0\n",
    ]
    write("audit_csv", tables)
    write("csv", tables + ["a,b\n\"x", "a\"b\n", "\"\"\n", "h\n\n\nx\r\n", "a,,b\n,,\n",
                           "\ufeff\"\ufeffh\",k\n\"\"\n\"\r\n\",\n"])  # a BOM field, lone empties
    reports = []
    if REPORT_CSV:  # the CSV files monthly_report --export-csv writes
        for name in sorted(os.listdir(REPORT_CSV)):
            with open(os.path.join(REPORT_CSV, name), encoding="utf-8") as f:
                reports.append(f.read())
    write("report_csv", reports + tables[:2])
    write("report", report_folders())


def report_folders():
    """Folders for fuzz_report: "=== NAME" starts each file, the text before the first is
    report.csv."""
    seed = os.path.join(HERE, "..", "tests", "data", "seed003")

    def text(name):
        with open(os.path.join(seed, name), encoding="utf-8", newline="") as f:
            return f.read()

    def folder(files):
        return "".join("=== %s\n%s" % (n, t) for n, t in files)

    info = text("report.csv")
    tables = text("tables.csv").splitlines(True)
    decls = text("declarations.csv").splitlines(True)
    out = []
    for part in (["table11_financial_position.csv"],
                 ["table11_financial_position.csv", "annexB_overall_position.csv"],
                 ["annexA_occ01_measures.csv", "measures_meta.csv"],
                 ["annexA_key.csv", "annexA_occ08_measures.csv", "table01_summary_may2023.csv"],
                 ["table03_red_measures.csv", "annexA_occ11_measures.csv"],
                 ["table10_strategic_risks.csv"], ["balances_general.csv"],
                 ["annexB_dsg.csv", "balances_dsg.csv"], ["reserve_covid19.csv"],
                 ["annexB_savings.csv"], ["table04_status_changes.csv"]):
        rows = [r for r in tables[1:] if r.split(",", 1)[0] in part]
        used = {r.split(",")[2] for r in rows}
        drows = [r for r in decls[1:] if r.split(",", 1)[0] in used]
        out.append(folder([("report.csv", info), ("tables.csv", tables[0] + "".join(rows)),
                           ("declarations.csv", decls[0] + "".join(drows))] +
                          [(n, text(n)) for n in part]))
    rounding = "key,value\nrounding,half_up\n"
    out += [
        rounding + "=== finance.csv\nlabel,budget,forecast,variance,variance_pct\n"
        "Adult Services,226.9,226.9,0.0,0.0%\nContingency,12.4,9.1,-3.3,-29.6%\n",
        rounding + "=== measures.csv\nid,title,actual,target,status,ytd_actual\n"
        "OCC01.02,\"Homes, built\",12,10,Green,24\nOCC01.03,Data,,,Data unavailable,\n"
        "=== summary.csv\nlabel,green,amber,red,total\nMay 2023,1,0,0,1\n",
        rounding + "=== risks.csv\nlabel,likelihood,impact,rating\nR1,4,4,16\nR2,2,3,High\n"
        "=== notes/\n",
        "key,value\r\nrounding,floor\r\n=== finance.csv\n\ufefflabel,budget,variance\n"
        "\"=HYPERLINK(\"\"x\"\")\",1.0,0.0\n<b>&</b>,2.0,\"(0.1)\"\n",
    ]
    return out


if __name__ == "__main__":
    main()
