#!/usr/bin/env python3
"""Renders bmm's HTML dashboard in headless Chromium and checks that it rendered.

    scripts/check-dashboard.py DASHBOARD.html SCREENSHOT.png [--measures ID,ID,...]
    scripts/check-dashboard.py --self-test WORKDIR

Checks:
  * Chromium exits 0 for the screenshot and for the DOM dump;
  * the screenshot is a PNG that is not blank: decoded pixel by pixel (zlib and struct only), at
    least MIN_INK of its pixels differ from the background (its commonest colour), at least
    MIN_COLOURS colours each cover MIN_SHARE of it, and the three status colours of the charts
    (Green, Amber, Red) are each on MIN_STATUS_PIXELS pixels;
  * the DOM dump holds every expected section title, inline SVG, and each measure id given with
    --measures (each exception measure has its chart);
  * Chromium, run with --enable-logging=stderr --v=0, logged no console message and no uncaught
    exception: the page has no script, so any CONSOLE line (console.error, an uncaught
    exception, a resource that failed to load) is a failure.
Exit status 0 when every check holds, 1 otherwise (each failure is printed).

--self-test writes pages that must fail (a console error, an uncaught exception, a blank page)
and one that must pass into WORKDIR, and checks that the checker says so.
Uses Debian's python3 only: no packages beyond the standard library.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

TITLES = [
    "Business Management &amp; Monitoring",
    "Measures by status and priority",
    "Exception measures against their targets",
    "Forecast variance by directorate",
    "General balances against the risk-assessed level",
    "Strategic risks",
]
# The dashboard's status colours (examples/dashboard.hpp), as RGB.
STATUS_COLOURS = {"Green": (0x2E, 0x7D, 0x32), "Amber": (0xF9, 0xA8, 0x25), "Red": (0xC6, 0x28, 0x28)}
MIN_INK = 0.03           # share of pixels that are not background
MIN_COLOURS = 6          # distinct colours, each on at least MIN_SHARE of the pixels
MIN_SHARE = 0.0002
MIN_STATUS_PIXELS = 300  # pixels within TOLERANCE of each status colour
TOLERANCE = 6
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]
CONSOLE = re.compile(r":CONSOLE[:(]\d+|Uncaught ")


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("check-dashboard: chromium is not installed (make test installs it)")


def run_browser(args):
    """Runs Chromium with a fresh profile; returns the CompletedProcess."""
    with tempfile.TemporaryDirectory(prefix="bmm-chromium-") as profile:
        return subprocess.run([chromium(), *FLAGS, "--user-data-dir=" + profile, *args],
                              capture_output=True, text=True, timeout=180)


def png_pixels(path):
    """Returns (width, height, rows): rows is a list of bytes objects, 3 bytes (RGB) a pixel.
    Raises ValueError for a file that is not an 8-bit, non-interlaced RGB/RGBA/grey PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, colour_type, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour_type)
    if depth != 8 or channels is None or interlace != 0:
        raise ValueError("unsupported PNG (depth %d, colour type %d, interlace %d)"
                         % (depth, colour_type, interlace))
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    if len(raw) != height * (stride + 1):
        raise ValueError("the image data has %d bytes, expected %d" % (len(raw), height * (stride + 1)))
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:    # Sub
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else (b if pb <= pc else c))) & 0xFF
        elif kind != 0:
            raise ValueError("row %d has filter type %d" % (y, kind))
        previous = line
        if channels == 3:
            rows.append(bytes(line))
        elif channels == 4:
            rgb = bytearray(width * 3)
            rgb[0::3], rgb[1::3], rgb[2::3] = line[0::4], line[1::4], line[2::4]
            rows.append(bytes(rgb))
        else:
            grey = line[0::channels]
            rgb = bytearray(width * 3)
            rgb[0::3] = rgb[1::3] = rgb[2::3] = grey
            rows.append(bytes(rgb))
    return width, height, rows


def colour_counts(rows):
    counts = {}
    for row in rows:
        for i in range(0, len(row), 3):
            key = row[i:i + 3]
            counts[key] = counts.get(key, 0) + 1
    return counts


def check_screenshot(path, failures, want_status_colours=True):
    try:
        width, height, rows = png_pixels(path)
    except (OSError, ValueError, zlib.error) as e:
        failures.append("the screenshot cannot be read: %s" % e)
        return ""
    counts = colour_counts(rows)
    total = width * height
    background, background_pixels = max(counts.items(), key=lambda kv: kv[1])
    ink = 1 - background_pixels / total
    common = [c for c, n in counts.items() if n >= MIN_SHARE * total]
    if ink < MIN_INK:
        failures.append("the screenshot looks blank: %.1f%% of its pixels differ from the "
                        "background #%s (at least %.0f%% expected)"
                        % (100 * ink, background.hex(), 100 * MIN_INK))
    if len(common) < MIN_COLOURS:
        failures.append("the screenshot has %d colours on %.2f%% of it or more (at least %d "
                        "expected)" % (len(common), 100 * MIN_SHARE, MIN_COLOURS))
    found = []
    if want_status_colours:
        for name, rgb in STATUS_COLOURS.items():
            near = sum(n for c, n in counts.items()
                       if all(abs(c[k] - rgb[k]) <= TOLERANCE for k in range(3)))
            if near < MIN_STATUS_PIXELS:
                failures.append("the %s of the charts is on %d pixels (at least %d expected)"
                                % (name, near, MIN_STATUS_PIXELS))
            found.append("%s %d px" % (name, near))
    return "%dx%d, %.1f%% ink, %d colours, %s" % (width, height, 100 * ink, len(common),
                                                  ", ".join(found))


def console_lines(log):
    return [line for line in log.splitlines() if CONSOLE.search(line)]


def check(page, shot, measures, titles=TITLES, want_status_colours=True, window="1200,2700"):
    """Returns (failures, summary) for one page."""
    page, shot = os.path.abspath(page), os.path.abspath(shot)
    failures = []
    if os.path.exists(shot):
        os.remove(shot)
    shot_run = run_browser(["--window-size=" + window, "--screenshot=" + shot, "file://" + page])
    if shot_run.returncode != 0:
        failures.append("chromium --screenshot exited %d" % shot_run.returncode)
    dom_run = run_browser(["--dump-dom", "file://" + page])
    if dom_run.returncode != 0:
        failures.append("chromium --dump-dom exited %d" % dom_run.returncode)
    dom = dom_run.stdout
    for title in titles:
        if title not in dom:
            failures.append("the DOM has no %r" % title)
    if "<svg" not in dom:
        failures.append("the DOM has no inline SVG")
    for m in measures:
        if not re.search(r"<figcaption>[^<]*\b%s\b" % re.escape(m), dom):
            failures.append("the DOM has no chart for the exception measure %s" % m)
    for log in (shot_run.stderr, dom_run.stderr):
        for line in console_lines(log):
            failures.append("console: " + line.strip())
    summary = ""
    if not os.path.exists(shot):
        failures.append("no screenshot was written")
    else:
        summary = check_screenshot(shot, failures, want_status_colours)
    return failures, summary


def self_test(work):
    """The checker must fail each bad page for the right reason and pass a good one."""
    os.makedirs(work, exist_ok=True)
    body = "".join("<h2>%s</h2>" % t for t in TITLES)
    bars = "".join('<rect x="%d" y="0" width="150" height="60" fill="#%02x%02x%02x"/>'
                   % (i * 160, *rgb) for i, rgb in enumerate(STATUS_COLOURS.values()))
    extra = "".join('<rect x="0" y="%d" width="600" height="40" fill="%s"/>' % (70 + 45 * i, c)
                    for i, c in enumerate(["#1565c0", "#6a1b9a", "#ef6c00", "#455a64"]))
    good = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
            '<body>%s<svg width="700" height="300">%s%s</svg><figure><figcaption>X OCC99.01 '
            'Red</figcaption></figure></body></html>' % (body, bars, extra))
    pages = {
        "good": (good, None),
        "console_error": (good.replace("</body>", "<script>console.error('bad')</script></body>"),
                          "console: "),
        "uncaught": (good.replace("</body>", "<script>throw new Error('boom')</script></body>"),
                     "Uncaught Error: boom"),
        "blank": ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
                  '</head><body></body></html>', "looks blank"),
        "no_chart": (good.replace("OCC99.01", "OCC99.02"), "no chart for the exception measure"),
    }
    broken = []
    for name, (html, expect) in pages.items():
        path = os.path.join(work, name + ".html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(html)
        failures, _ = check(path, os.path.join(work, name + ".png"), ["OCC99.01"],
                            window="800,500")
        said = "\n    ".join(failures) or "(no failure)"
        if expect is None and failures:
            broken.append("%s: the good page failed:\n    %s" % (name, said))
        elif expect is not None and not any(expect in f for f in failures):
            broken.append("%s: expected a failure saying %r, got:\n    %s" % (name, expect, said))
        else:
            print("check-dashboard: self-test %s: %s" % (name, said.splitlines()[0]))
    for b in broken:
        print("check-dashboard: SELF-TEST FAIL:", b)
    return 1 if broken else 0


def main(argv):
    if len(argv) == 2 and argv[0] == "--self-test":
        return self_test(argv[1])
    measures = []
    if len(argv) == 4 and argv[2] == "--measures":
        measures = [m for m in argv[3].split(",") if m]
    elif len(argv) != 2:
        sys.exit(__doc__)
    failures, summary = check(argv[0], argv[1], measures)
    for f in failures:
        print("check-dashboard: FAIL:", f)
    if not failures:
        print("check-dashboard: rendered %s: %d titles and %d measure charts found, screenshot "
              "%s (%s)" % (argv[0], len(TITLES), len(measures), argv[1], summary))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
