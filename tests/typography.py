"""A careful typesetter's rules, checked on a built reading PDF: no hyphenated last word
of a paragraph, no hyphen at a page turn, at most two hyphenated lines in a row, no widow
or orphan (one line of a paragraph alone at the foot or the head of a page), no heading
last on a page.

Where a paragraph begins and ends cannot be read from a PDF, so the typesetter's record
of the paragraphs it set (`TypesetResult.paragraphs`: page, style, lines as broken) gives
the boundaries, and every line it names is looked up in the PDF's text on that page: a
rule is broken only where the PDF shows it (a hyphen really printed at the line's end, a
heading really the last text of its page).

Use `typography_faults(result)` for a `TypesetResult`, or `sample_faults(path)` for a
content file built for its own layout. Styles that count as headings are `HEADINGS`;
pass more (a new heading-like style) as `headings=`.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from ruamel.yaml import YAML

from tests.typeset.helpers import LINE_END_HYPHEN
from zinekit.content.model import Publication
from zinekit.impose.layout import load_layout
from zinekit.impose.target import page_target
from zinekit.typeset import TypesetResult, typeset
from zinekit.typeset.result import SetParagraph

# Paragraph styles that are headings: never the last thing on a page.
HEADINGS = frozenset({"h1", "h2", "title", "masthead"})


def page_lines(pdf: bytes) -> list[list[str]]:
    """The text lines of every page, top to bottom: characters grouped by their baseline
    (pdfium's own text joins a line that ends in a hyphen with the next)."""
    doc = pdfium.PdfDocument(pdf)
    out = []
    try:
        for page in doc:
            text = page.get_textpage()
            rows: dict[float, list[tuple[float, str]]] = {}
            x, y = ctypes.c_double(), ctypes.c_double()
            for i in range(text.count_chars()):
                char = chr(pdfium_c.FPDFText_GetUnicode(text.raw, i))
                if char in "\r\n":
                    continue
                pdfium_c.FPDFText_GetCharOrigin(text.raw, i, ctypes.byref(x), ctypes.byref(y))
                key = next((k for k in rows if abs(k - y.value) < 1.0), y.value)
                rows.setdefault(key, []).append((x.value, char))
            out.append(["".join(c for _, c in rows[k]) for k in sorted(rows, reverse=True)])
            text.close()
            page.close()
    finally:
        doc.close()
    return out


def _norm(line: str) -> str:
    # pdfium marks a hyphen it takes for a line-end break (\x02 by character, \ufffe in
    # its text); either is a hyphen printed there.
    for mark in (LINE_END_HYPHEN, "\x02"):
        line = line.replace(mark, "-")
    return " ".join(line.replace("\u00a0", " ").split())


def _hyphenated(line: str) -> bool:
    return _norm(line).endswith("-")


def typography_faults(result: TypesetResult, *, headings: Iterable[str] = HEADINGS) -> list[str]:
    """Every broken rule in `result`, one line each (empty when it is well set)."""
    return faults(result.pdf, result.paragraphs, headings=headings)


def faults(
    pdf: bytes, paragraphs: Sequence[SetParagraph], *, headings: Iterable[str] = HEADINGS
) -> list[str]:
    heads = set(headings)
    pages = [[_norm(line) for line in lines if line.strip()] for lines in page_lines(pdf)]
    found: list[str] = []

    def printed(para: SetParagraph, line: str) -> bool:
        # A line of the PDF may hold more than one paragraph's (cells side by side).
        wanted = _norm(line)
        return any(wanted in shown for shown in pages[para.page - 1])

    for para in _by_page(paragraphs):
        lines = [line for line in para.lines if line.strip()]
        where = f"page {para.page}, {para.style} {(lines or [''])[0][:40]!r}"
        missing = [line for line in lines if not printed(para, line)]
        if missing:
            found.append(f"{where}: line not found in the PDF: {missing[0]!r}")
            continue
        if not lines:
            continue
        if para.last and len(lines) >= 2 and _hyphenated(lines[-2]) and len(lines[-1].split()) == 1:
            found.append(f"{where}: last word hyphenated: {lines[-2]!r} / {lines[-1]!r}")
        if not para.last and _hyphenated(lines[-1]):
            found.append(f"{where}: hyphen at a page turn: {lines[-1]!r}")
        for i in range(len(lines) - 2):
            if all(_hyphenated(line) for line in lines[i : i + 3]):
                found.append(f"{where}: three hyphenated lines in a row from {lines[i]!r}")
                break
        if not (para.first and para.last) and len(lines) == 1:
            what = (
                "orphan (first line alone at a page foot)"
                if para.first
                else ("widow (last line alone at a page head)")
            )
            found.append(f"{where}: {what}: {lines[0]!r}")
    last_page = max((p.page for p in paragraphs), default=0)
    for page in range(1, last_page):
        on_page = [p for p in paragraphs if p.page == page]
        if not on_page or on_page[-1].style not in heads:
            continue
        heading = on_page[-1]
        text = pages[page - 1]
        # The heading's last line is the page's last text, but for a page number under it.
        tail = [line for line in text if not line.isdigit()]
        if tail and heading.lines and tail[-1].endswith(_norm(heading.lines[-1])):
            found.append(f"page {page}: heading last on the page: {heading.lines[-1]!r}")
    return found


def _by_page(paragraphs: Sequence[SetParagraph]) -> list[SetParagraph]:
    """The parts of one paragraph on one page as one: text beside a pull quote or a
    picture is split where the quote ends and set on at the full width under it, and the
    rules concern where the page turns, not where the measure changes."""
    merged: list[SetParagraph] = []
    for para in paragraphs:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and para.serial >= 0
            and para.serial == prev.serial
            and para.page == prev.page
            and not prev.last
        ):
            merged[-1] = replace(prev, lines=prev.lines + para.lines, last=para.last)
        else:
            merged.append(para)
    return merged


def sample_result(path: Path, theme: str | None = None) -> TypesetResult:
    """Typeset the content file at `path` for the layout it names, in `theme` when given
    (else its own)."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    if theme is not None:
        data["theme"] = theme
    pub = Publication.model_validate(data)
    target = page_target(load_layout(pub.layout))
    return typeset(pub, base_dir=path.parent, target=target)


def sample_faults(
    path: Path, *, theme: str | None = None, headings: Iterable[str] = HEADINGS
) -> list[str]:
    return typography_faults(sample_result(path, theme), headings=headings)
