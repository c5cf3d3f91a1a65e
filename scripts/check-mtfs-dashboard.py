#!/usr/bin/env python3
"""Checks the MTFS dashboard page (bmm/io/mtfs_html.hpp) is self-contained and well formed.

    scripts/check-mtfs-dashboard.py PAGE.html

Checks, with Python's standard library only: the page parses as HTML with every element closed
in order (void elements aside); it has no script, no event handler attribute, no external
resource (no src, href, url(...) or @import; the only URL is the SVG namespace); it has the
charts (the gap by year, reserves against the risk-assessed level), each an <svg role="img">
with a <title> and a <desc> and a key after it; every table has a caption; and the page says a
status in words wherever it marks one with a symbol. Exit status 0 when every check holds, 1
otherwise (each failure is printed).
"""
import html.parser
import re
import sys

VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "source", "wbr"}
SVG_LEAVES = {"line", "rect", "circle", "path", "polyline", "stop"}
TITLES = ["The funding gap by year and cumulatively", "Reserves against the risk-assessed level"]


class Checker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.failures, self.svgs, self.tables, self.captions = [], [], 0, 0, 0
        self.svg_titles, self.svg_descs, self.keys = 0, 0, 0

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.failures.append(f"an event handler attribute {name} on <{tag}>")
            if name in ("src", "href") or (value and ("url(" in value or "@import" in value)):
                self.failures.append(f"an external resource: <{tag} {name}=...>")
            if name == "xmlns" and value != "http://www.w3.org/2000/svg":
                self.failures.append(f"an unexpected namespace {value}")
        if tag == "script":
            self.failures.append("a <script> element")
        if tag == "svg" and names.get("role") == "img":
            self.svgs += 1
        if tag == "title" and "svg" in self.stack:
            self.svg_titles += 1
        if tag == "desc":
            self.svg_descs += 1
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag == "ul" and names.get("class") == "key":
            self.keys += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.failures.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    text = open(argv[1], encoding="utf-8").read()
    c = Checker()
    c.feed(text)
    c.close()
    failures = list(c.failures)
    if c.stack:
        failures.append("unclosed elements: " + " ".join(c.stack))
    if not text.startswith("<!DOCTYPE html>"):
        failures.append("no <!DOCTYPE html>")
    if len(re.findall(r"https?://", text)) != text.count('xmlns="http://www.w3.org/2000/svg"'):
        failures.append("a URL other than the SVG namespace")
    for title in TITLES:
        if title not in text:
            failures.append(f"no chart titled {title!r}")
    if c.svgs < 2 or c.svg_titles < c.svgs or c.svg_descs < c.svgs or c.keys < c.svgs:
        failures.append(f"{c.svgs} charts, {c.svg_titles} titles, {c.svg_descs} descriptions, "
                        f"{c.keys} keys: each chart needs all three")
    if c.captions < c.tables:
        failures.append(f"{c.tables} tables but {c.captions} captions")
    if "▲" in text and "below level" not in text and "exceeds" not in text:
        failures.append("a ▲ without words saying what it marks")
    for f in failures:
        print("check-mtfs-dashboard: " + f)
    if not failures:
        print(f"check-mtfs-dashboard: {argv[1]}: {c.svgs} charts, {c.tables} tables: ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
