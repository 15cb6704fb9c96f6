#!/usr/bin/python3
"""Checks of the human export formats, called by tests/cli/export_formats.sh.

check_exports.py html FILE [TEXT...]   parses with html5lib: only known elements, no
                                       script, no event handlers, no links or external
                                       resources, no control bytes; each TEXT appears
                                       literally in the rendered text.
check_exports.py md FILE.html [TEXT...]  the cmark rendering of the Markdown: no raw HTML,
                                       no links or images; each TEXT appears literally.
check_exports.py csv FILE ROWS [TEXT...]  reads back with the csv module (BOM, ';'): the
                                       header, ROWS data rows, no cell that Excel would
                                       run as a formula; each TEXT is some cell exactly.
"""
import csv
import sys

ALLOWED = {"html", "head", "meta", "title", "style", "body", "header", "p", "h1", "h2",
           "h3", "h4", "section", "dl", "dt", "dd", "div", "svg", "polygon", "circle",
           "text", "article", "span", "ul", "li", "table", "thead", "tbody", "tr", "th",
           "td", "small", "strong", "footer", "br", "code", "em", "hr"}


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def no_controls(data, name):
    for ch in data:
        o = ord(ch)
        if (o < 32 and ch not in "\n\r\t") or 0x7f <= o <= 0x9f:
            fail("%s contains control character U+%04X" % (name, o))


def check_html(path, texts, md=False):
    import html5lib
    data = open(path, encoding="utf-8").read()
    no_controls(data, path)
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    doc = parser.parse(data)
    if not md and parser.errors:
        fail("%s: HTML parse errors: %s" % (path, parser.errors[:3]))
    for el in doc.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.split("}")[-1]
        if tag and tag not in ALLOWED:
            fail("%s: element <%s> %s" % (path, tag, (el.text or "")[:40]))
        for k, v in el.attrib.items():
            k = k.split("}")[-1].lower()
            if k.startswith("on") or k in ("href", "src", "srcset", "action", "formaction"):
                fail("%s: attribute %s=%r on <%s>" % (path, k, v, tag))
            if "url(" in v.lower():
                fail("%s: url() in an attribute" % path)
    if "raw HTML omitted" in data:
        fail("%s: cmark omitted raw HTML, so the Markdown carried HTML" % path)
    text = "".join(doc.itertext())
    for t in texts:
        if t not in text:
            fail("%s: text %r not shown literally" % (path, t))
    if not md and "url(" in data.lower().replace("url(#", ""):
        fail("%s: CSS or SVG loads an external resource" % path)


def check_csv(path, rows, texts):
    raw = open(path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("CSV has no UTF-8 BOM")
    data = raw.decode("utf-8-sig")
    no_controls(data.replace("\r\n", "\n"), path)
    table = list(csv.reader(data.splitlines(keepends=True), delimiter=";"))
    head = table[0]
    if head[:7] != ["id", "datum", "tijd", "klas", "vak", "hoek", "notitie"]:
        fail("CSV header %r" % head)
    body = table[1:]
    if len(body) != rows:
        fail("CSV has %d rows, expected %d" % (len(body), rows))
    cells = set()
    for r in body:
        if len(r) != len(head):
            fail("CSV row with %d cells: %r" % (len(r), r))
        for c in r:
            if c[:1] in ("=", "+", "-", "@", "\t", "\r"):
                fail("CSV cell starts like a formula: %r" % c)
            cells.add(c)
    for t in texts:
        if t not in cells:
            fail("CSV: no cell is exactly %r" % t)


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "html":
        check_html(path, sys.argv[3:])
    elif kind == "md":
        check_html(path, sys.argv[3:], md=True)
    elif kind == "csv":
        check_csv(path, int(sys.argv[3]), sys.argv[4:])
    else:
        fail("unknown kind " + kind)


if __name__ == "__main__":
    main()
