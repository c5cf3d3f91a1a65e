#!/usr/bin/env python3
"""Checks that no public declaration of bmm names `detail::` (issue 14).

    scripts/check-public-api.py [INCLUDE_DIR]        default: this checkout's include/
    scripts/check-public-api.py twins [INCLUDE_DIR]  every public reader has a try_ twin
    scripts/check-public-api.py --self-test          the scanner on small texts of its own

Reads include/bmm/*.hpp and include/bmm/{audit,report,io}/*.hpp. A declaration is public when
it stands at namespace scope outside every `namespace detail` block, or in the public part of a
class there. Its head (the text from the previous `;`, `{` or `}` up to its own `;` or `{`:
return type, name, parameters, default arguments, base classes, a member's type) must not name
`detail::`. Not checked, because users never spell them: function bodies and initialisers,
private and protected members, `friend` declarations, `static_assert`s, and the template-head
`template <...>` (SFINAE constraints). Comments and string literals are skipped.

A pragmatic scanner, not a C++ parser: braces decide the scopes (a `{` after `namespace X` opens
a namespace, after `class`/`struct`/`union NAME ...` a class, after `enum` an enumeration;
anything else, such as a function body, a lambda or a braced initialiser, is skipped whole).

`twins`: every public reader (`parse`, `parse_*`, `read`, `read_*`, `from_thousands`,
`from_millions`) has a public `try_` twin in the same header taking the same parameters (it may
leave out a defaulted one), which returns std::optional and is noexcept by the library's
convention (tests/parsers_test.cpp checks each on good and bad text). read_printed_figure and
read_printed_figures never throw (they say why a text is no figure) and need none.

Exit status 0 when the check holds, 1 otherwise (each failure printed as FILE:LINE: text).
Standard library only.
"""
import os
import re
import sys

SUBDIRS = ("", "audit", "report", "io")


def strip(text):
    """Returns text with comments and string/character literals blanked (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == 'R' and text.startswith('R"', i) and (i == 0 or not text[i - 1].isalnum()):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isalnum():  # a digit separator: 1'000
                out.append(c)
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + " " * (j - i - 2) + c if j - i >= 2 else c)
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def drop_template_heads(head):
    """Blanks every `template <...>` in head (balanced angle brackets, parentheses counted)."""
    out = list(head)
    for m in re.finditer(r"\btemplate\s*<", head):
        depth, paren, j = 1, 0, m.end()
        while j < len(head) and depth > 0:
            ch = head[j]
            if ch == "(":
                paren += 1
            elif ch == ")":
                paren -= 1
            elif paren == 0 and ch == "<":
                depth += 1
            elif paren == 0 and ch == ">":
                depth -= 1
            j += 1
        for k in range(m.start(), j):
            if out[k] != "\n":
                out[k] = " "
    return "".join(out)


def declaration_part(head):
    """Returns the part of a declaration head that a user's code depends on: without a
    constructor's member initialisers and a variable's initialiser (text after a `:` or `=` at
    parenthesis depth 0, once a parameter list closed or for `=` anywhere but in an alias).
    Returns None for the out-of-class definition of a qualified name (`X::f(...)`): its
    declaration is checked where it stands."""
    depth, closed = 0, False
    alias = re.match(r"\s*using\b", head) is not None
    cut = len(head)
    first_paren = None
    for k, ch in enumerate(head):
        if ch == "(":
            if depth == 0 and first_paren is None:
                first_paren = k
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                closed = True
        elif depth == 0 and ch == ":" and closed:
            if head[k - 1:k] != ":" and head[k + 1:k + 2] != ":":
                cut = k
                break
        elif depth == 0 and ch == "=" and not alias:
            before, after = head[:k].rstrip(), head[k + 1:k + 2]
            if after == "=" or before[-1:] in "=!<>" or re.search(r"\boperator$", before):
                continue
            cut = k
            break
    if first_paren is not None and first_paren < cut:
        if re.search(r"::\s*~?\w+\s*$|::\s*operator\b.*$", head[:first_paren]):
            return None
    return head[:cut]


def scope_of(head):
    """What a `{` after `head` opens: 'detail', 'namespace', 'class', 'struct', 'enum' or
    'other' (a body or an initialiser, skipped)."""
    h = " ".join(drop_template_heads(head).split())
    if re.search(r"\bnamespace\b", h):
        return "detail" if re.search(r"\bnamespace\s+(\w+::)*detail\b", h) else "namespace"
    if re.match(r'^extern\s+"', h):
        return "namespace"
    if re.search(r"\benum\b", h) and "(" not in h:
        return "enum"
    m = re.search(r"\b(class|struct|union)\s+(\[\[[^\]]*\]\]\s*)?\w+[^()=]*$", h)
    if m and "(" not in h[m.start():]:
        return "class" if m.group(1) == "class" else "struct"
    return "other"


def violations(text):
    """Yields (line, head) for each public declaration head naming detail::."""
    for line_of, h, flat in declarations(text):
        m = re.search(r"\bdetail::", h)
        if m:
            yield line_of(m.start()), flat


def declarations(text):
    """Yields (line_of, head, flat) for each public declaration: its head as declaration_part
    gives it, the head on one line, and line_of(k), the line of the head's k-th character."""
    s = strip(text)
    # Preprocessor lines are not declarations.
    s = re.sub(r"(?m)^[ \t]*#.*(?:\\\n.*)*$", lambda m: re.sub(r"[^\n]", " ", m.group(0)), s)
    stack = []  # entries: [kind, public?]
    start = 0
    i, n = 0, len(s)

    def checked():
        return all(k in ("namespace", "class", "struct") and pub for k, pub in stack)

    def report(head, at):
        if not checked():
            return
        h = declaration_part(drop_template_heads(head))
        if h is None:
            return
        flat = " ".join(h.split())
        if not flat or re.match(r"^(friend|static_assert|using\s+namespace)\b", flat):
            return
        yield (lambda k: s.count("\n", 0, at + k) + 1), h, flat

    while i < n:
        c = s[i]
        if c == "{":
            head = s[start:i]
            kind = scope_of(head)
            yield from report(head, start)
            if kind == "other" or kind == "enum":
                depth, j = 1, i + 1
                while j < n and depth > 0:
                    depth += {"{": 1, "}": -1}.get(s[j], 0)
                    j += 1
                i = j
                # a variable's braced initialiser or a class body's closing part runs to ';'
                start = i
                continue
            stack.append([kind, kind != "class"])
            i += 1
            start = i
        elif c == "}":
            if stack:
                stack.pop()
            i += 1
            start = i
        elif c == ";":
            yield from report(s[start:i], start)
            i += 1
            start = i
        elif c == ":" and stack and stack[-1][0] in ("class", "struct"):
            m = re.search(r"\b(public|private|protected)\s*$", s[start:i])
            if m and not s.startswith("::", i) and s[i - 1] != ":":
                stack[-1][1] = m.group(1) == "public"
                i += 1
                start = i
            else:
                i += 1
        else:
            i += 1


# Readers that never throw (but std::bad_alloc): they return why a text is no figure.
NO_TWIN_NEEDED = {"read_printed_figure", "read_printed_figures"}
READER = re.compile(r"^(parse|parse_\w+|read|read_\w+|from_thousands|from_millions)$")


def functions(text):
    """Yields (line, name, required, total) for each public function declaration: its name and
    how many parameters it requires and takes (defaults counted in total only)."""
    for line_of, h, flat in declarations(text):
        m = re.search(r"(~?\w+)\s*\(", h)
        if not m or re.match(r"^(using|typedef)\b", flat):
            continue
        depth, params, k = 0, [], m.end()
        current = ""
        while k < len(h):
            ch = h[k]
            if ch in "(<[{":
                depth += 1
            elif ch in ")>]}":
                if depth == 0 and ch == ")":
                    break
                depth -= 1
            elif ch == "," and depth == 0:
                params.append(current)
                current = ""
                k += 1
                continue
            current += ch
            k += 1
        if current.strip():
            params.append(current)
        params = [x for x in params if x.strip() and x.strip() != "void"]
        required = sum(1 for x in params if "=" not in x)
        yield line_of(m.start()), m.group(1), required, len(params)


def missing_twins(text):
    """Yields (line, name) for each public reader (parse*, read*, from_thousands, from_millions)
    without a public try_ twin in the same header taking the same parameters (a twin may leave
    out a defaulted one, such as the file name used in messages)."""
    found = list(functions(text))
    # A definition repeats its declaration without the default arguments: the fewest required.
    fewest = {}
    for _, name, required, total in found:
        key = (name, total)
        fewest[key] = min(required, fewest.get(key, required))
    found = [(line, name, fewest[(name, total)], total) for line, name, _, total in found]
    for line, name, required, total in found:
        if not READER.match(name) or name.endswith("_error") or name in NO_TWIN_NEEDED:
            continue
        twin = "try_" + name
        if not any(n == twin and required <= t <= total for _, n, _, t in found):
            yield line, name


def headers(include):
    root = os.path.join(include, "bmm")
    for sub in SUBDIRS:
        d = os.path.join(root, sub)
        for name in sorted(os.listdir(d)):
            if name.endswith(".hpp"):
                yield os.path.join(d, name)


def self_test():
    cases = [
        ("namespace bmm { detail::x f(int); }", 1),
        ("namespace bmm { int f(detail::x); }", 1),
        ("namespace bmm { int f(int a = detail::k); }", 1),
        ("namespace bmm { int f() { return detail::g(); } }", 0),
        ("namespace bmm { namespace detail { x f(detail::y); } }", 0),
        ("namespace bmm::detail { x f(detail::y); }", 0),
        ("namespace bmm { class c { detail::m m_; public: int f(); }; }", 0),
        ("namespace bmm { class c { public: detail::m get() const; }; }", 1),
        ("namespace bmm { struct c { detail::m m; }; }", 1),
        ("namespace bmm { struct c { private: detail::m m; }; }", 0),
        ("namespace bmm { struct c { friend struct detail::a; }; }", 0),
        ("namespace bmm { template <class I, std::enable_if_t<detail::w<I>, int> = 0> int f(I); }",
         0),
        ("namespace bmm { // detail::x f();\n int f(); }", 0),
        ('namespace bmm { inline const char* s = "detail::x"; }', 0),
        ("namespace bmm { struct c : detail::base {}; }", 1),
        ("namespace bmm { enum class e { a = detail::k }; int f(); }", 0),
        ("namespace bmm { int f(std::vector<std::int64_t> v = {1, 2}); detail::x g(); }", 1),
        ("namespace bmm { struct c { int f() const { return 1'000; } detail::z g(); }; }", 1),
        ("namespace bmm { struct c { c(int a) : x(detail::f(a)) {} int x; }; }", 0),
        ("namespace bmm { inline constexpr bool b = detail::v<int>; }", 0),
        ("namespace bmm { using w = detail::wide; }", 1),
        ("namespace bmm { detail::x c::f() const { return {}; } }", 0),
        ("namespace bmm { struct c { c(detail::t) : x(1) {} int x; }; }", 1),
        ("namespace bmm { struct c { bool operator==(const c&) const; detail::q h(); }; }", 1),
    ]
    bad = 0
    for text, want in cases:
        got = len(list(violations(text)))
        if got != want:
            print(f"self-test: {got} found, {want} expected: {text}")
            bad += 1
    twin_cases = [
        ("namespace bmm { int parse_x(std::string_view t); }", 1),
        ("namespace bmm { int parse_x(std::string_view t); "
         "std::optional<int> try_parse_x(std::string_view t) noexcept; }", 0),
        ("namespace bmm { struct c { static c parse(std::string_view t); "
         "static c parse(std::string_view t, int m); "
         "static std::optional<c> try_parse(std::string_view t) noexcept; }; }", 1),
        ("namespace bmm { t read_t(std::string_view s, std::string f = {}); "
         "std::optional<t> try_read_t(std::string_view s) noexcept; }", 0),
        ("namespace bmm { namespace detail { int parse_y(std::string_view t); } }", 0),
        ("namespace bmm { struct parse_error { parse_error(std::string_view w); }; }", 0),
        ("namespace bmm { template <class C> money<C> parse_money(std::string_view t, "
         "const money_format& f); }", 1),
    ]
    for text, want in twin_cases:
        got = len(list(missing_twins(text)))
        if got != want:
            print(f"self-test (twins): {got} found, {want} expected: {text}")
            bad += 1
    cases += twin_cases
    print(f"self-test: {len(cases) - bad} of {len(cases)} cases as expected")
    return 1 if bad else 0


def main(argv):
    args = argv[1:]
    if args == ["--self-test"]:
        return self_test()
    twins = bool(args) and args[0] == "twins"
    if twins:
        args = args[1:]
    include = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "include")
    found = 0
    count = 0
    for path in headers(include):
        count += 1
        with open(path, encoding="utf-8") as f:
            text = f.read()
        rel = os.path.relpath(path, include)
        if twins:
            for line, name in missing_twins(text):
                print(f"{rel}:{line}: {name} has no try_{name} twin")
                found += 1
        else:
            for line, head in violations(text):
                print(f"{rel}:{line}: {head[:160]}")
                found += 1
    if twins:
        print(f"{found} reader(s) without a try_ twin in {count} headers")
    else:
        print(f"{found} public declaration(s) naming detail:: in {count} headers")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
