#!/usr/bin/env python3
"""Renders bmm's HTML dashboard in headless Chromium and checks that it rendered.

    scripts/check-dashboard.py DASHBOARD.html SCREENSHOT.png

Checks: Chromium exits 0; the screenshot is a PNG that is not blank (many distinct colours in its
pixel data); the DOM dump holds every expected section title; Chromium logged no console error.
Exit status 0 when every check holds, 1 otherwise (each failure is printed).
"""
import os
import shutil
import subprocess
import sys
import zlib

TITLES = [
    "Business Management &amp; Monitoring",
    "Measures by status and priority",
    "Exception measures against their targets",
    "Forecast variance by directorate",
    "General balances against the risk-assessed level",
    "Strategic risks",
]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("check-dashboard: chromium is not installed (make test installs it)")


def run(args):
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


def png_colours(path):
    """Distinct (filtered) byte values and pixel rows of a PNG: a blank page has few."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return 0, 0
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    return len(set(raw)), height


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    page, shot = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    browser = chromium()
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--enable-logging=stderr", "--v=0"]
    failures = []
    shot_run = run([browser, *flags, "--window-size=1200,2300", "--screenshot=" + shot,
                    "file://" + page])
    if shot_run.returncode != 0:
        failures.append("chromium --screenshot exited %d" % shot_run.returncode)
    dom_run = run([browser, *flags, "--dump-dom", "file://" + page])
    if dom_run.returncode != 0:
        failures.append("chromium --dump-dom exited %d" % dom_run.returncode)
    for title in TITLES:
        if title not in dom_run.stdout:
            failures.append("the DOM has no %r" % title)
    if "<svg" not in dom_run.stdout:
        failures.append("the DOM has no inline SVG")
    for log in (shot_run.stderr, dom_run.stderr):
        for line in log.splitlines():
            if "CONSOLE" in line and ("ERROR" in line or "Uncaught" in line):
                failures.append("console error: " + line)
    if not os.path.exists(shot):
        failures.append("no screenshot was written")
    else:
        colours, height = png_colours(shot)
        if colours < 40 or height < 1000:
            failures.append("the screenshot looks blank (%d byte values, %d rows)" % (colours, height))
    for f in failures:
        print("check-dashboard: FAIL:", f)
    if not failures:
        print("check-dashboard: rendered %s: %d titles found, screenshot %s (%d bytes)"
              % (page, len(TITLES), shot, os.path.getsize(shot)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
