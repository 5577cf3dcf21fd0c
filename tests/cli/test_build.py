"""`zinekit build` end to end, through the command line, on a copy of every sample.

Each sample (whatever `samples/*.yaml` holds when the tests run) is built once per session
and read back as a reader would: the reading-order PDF holds every block's words in order,
with its fonts embedded, its title, author, language and outline; the imposed PDF, printed,
turned, cut, nested and folded by the paper oracle of tests/impose/test_sheets.py, gives the
reading pages back 1..n, upright, with blanks only before the back cover. Which reading page
lies in which cell is found from the pages' own text (tests/readpages.py), never from
zinekit's planner.

Elsewhere: `zinekit schema` accepting every sample is tests/cli/test_schema_new.py; where a
word may break is tests/typeset/test_hyphenate.py (here, one build shows a break happens).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from tests.impose.test_sheets import (
    Sheet,
    expected_reading,
    read_folded,
    reader_sees_back_turned,
    shown,
    turned_over,
)
from tests.readback import Cell, Grid, SheetSide, parse_picture, picture
from tests.readpages import ReadingPage, imposed_grids, reading_pages
from tests.runner import Run, run_zinekit
from tests.typeset.helpers import (
    LINE_END_HYPHEN,
    PARAGRAPH_ID,
    normalised,
    outline,
    page_texts,
    reading_text,
)
from zinekit.content import model as m
from zinekit.content.blocks import text as text_blocks
from zinekit.content.loader import load_publication
from zinekit.impose.layout import Layout, load_layout

ROOT = Path(__file__).resolve().parents[2]
# Samples are written alongside this test; whatever exists when the tests run is built.
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
STEMS = [p.stem for p in SAMPLES]
REFERENCE = "kabar-sebaya"  # uses every block kind (tests/test_samples.py): many pages
SHORT = "tak-apa-apa"  # short enough for the mini-zine's 8 panels
DUPLEXES = ["long", "short", "manual"]


# -- building ------------------------------------------------------------------------------


def files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, hidden ones included: relative name -> bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@dataclass(frozen=True)
class Build:
    content: Path
    out: Path  # OUT.pdf; with manual duplex, the name OUT-fronts.pdf and OUT-backs.pdf share
    reading: Path
    layout: Layout
    duplex: str
    run: Run
    new_files: frozenset[str]  # names the build added to the folders it wrote in

    @property
    def publication(self) -> m.Publication:
        return load_publication(self.content)


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of samples/ (content files and images) to build in."""
    folder = tmp_path_factory.mktemp("build") / "samples"
    shutil.copytree(ROOT / "samples", folder, ignore=shutil.ignore_patterns("*.pdf", "__py*"))
    return folder


@pytest.fixture(scope="session")
def built(workspace: Path) -> Callable[..., Build]:
    """A sample built once per session: with the default output name and its own layout, or
    with `layout` and `duplex` into variants/ with -o."""
    made: dict[tuple[str, str | None, str], Build] = {}

    def get(stem: str, layout: str | None = None, duplex: str = "long") -> Build:
        key = (stem, layout, duplex)
        if key in made:
            return made[key]
        content = workspace / f"{stem}.yaml"
        args: list[str | Path] = ["build", content]
        if layout is None and duplex == "long":
            out = content.with_suffix(".pdf")
        else:
            out = workspace / "variants" / f"{stem}-{layout}-{duplex}.pdf"
            out.parent.mkdir(exist_ok=True)
            args += ["-o", out, "--duplex", duplex]
            if layout:
                args += ["--layout", layout]
        before = set(files(out.parent))
        run = run_zinekit(*args)
        assert run.code == 0, f"zinekit build {stem} exited {run.code}: {run.stderr}"
        named = layout or load_publication(content).layout
        if named.endswith(".toml") or "/" in named:  # a layout file beside the content
            named = str(content.parent / named)
        chosen = load_layout(named)
        reading = out.with_name(f"{out.stem}.reading.pdf")
        new = frozenset(set(files(out.parent)) - before)
        made[key] = Build(content, out, reading, chosen, duplex, run, new)
        return made[key]

    return get


# -- 1. every sample builds, beside itself or where -o says ---------------------------------


@pytest.mark.parametrize("stem", STEMS)
def test_every_sample_builds_beside_its_content_file(built, stem: str) -> None:
    build = built(stem)
    assert build.new_files == {f"{stem}.pdf", f"{stem}.reading.pdf"}
    for path in (build.out, build.reading):
        assert path.read_bytes().startswith(b"%PDF-")
    assert f"wrote {build.reading}" in build.run.stderr


@pytest.mark.parametrize("stem", STEMS)
def test_o_names_both_files(tmp_path: Path, stem: str) -> None:
    source = tmp_path / "isi"
    shutil.copytree(ROOT / "samples", source, ignore=shutil.ignore_patterns("*.pdf", "__py*"))
    before = files(source)
    (tmp_path / "cetak").mkdir()
    run = run_zinekit("build", source / f"{stem}.yaml", "-o", tmp_path / "cetak" / "zine.pdf")
    assert run.code == 0, run.stderr
    assert sorted(files(tmp_path / "cetak")) == ["zine.pdf", "zine.reading.pdf"]
    assert files(source) == before  # nothing written beside the content file


# -- 2. every block's words, in order ------------------------------------------------------

_ESCAPED = re.compile(r"\\([\\*_\[\]()])")
_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]+\)")
_ITALIC = re.compile(r"(?<!\w)_(?=\S)|(?<=\S)_(?!\w)")


def plain(text: str) -> str:
    """Content text without its markup, as printed: **bold**, _italic_, [text](url)."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match[1])
        return f"\0{len(kept) - 1}\0"

    text = _ESCAPED.sub(keep, text)
    text = _ITALIC.sub("", _LINK.sub(r"\1", text).replace("**", ""))
    text = re.sub(r"\0(\d+)\0", lambda match: kept[int(match[1])], text)
    return " ".join(text.split())


def opening(text: str, words: int = 7) -> list[str]:
    """The first words of each paragraph of `text`, without markup."""
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]
    return [" ".join(plain(p).split()[:words]) for p in paragraphs]


def pieces(pub: m.Publication) -> list[list[str]]:
    """Distinctive text of the cover, every block and the back, in reading order. Each
    inner list is found in any order after the one before: one piece each for the blocks
    this test knows, all its strings together for a block kind it does not know yet."""
    ordered: list[list[str]] = []

    def add(*texts: str) -> None:
        ordered.extend([t] for t in texts if t)

    if pub.cover:
        add(pub.cover_title, pub.cover_subtitle or "", pub.cover.footer or "")
    else:
        add(pub.title, pub.subtitle or "")
    floating: list[str] = []  # a side pull quote: it may go beside the next block's text
    for block in pub.blocks:
        start = len(ordered)
        match block:
            case m.Heading():
                add(plain(block.heading))
            case m.Text() if not block.dropcap:
                add(*opening(block.text))
            case m.ListBlock():
                add(plain(block.title or ""), *(opening(item)[0] for item in block.items))
            case m.Agreements():
                for agreement in block.agreements:
                    add(plain(agreement.title or ""), *opening(agreement.text or ""))
            case m.Affirmations():
                spec = block.affirmations
                add(*(plain(spec.pattern.replace("{}", item)) for item in spec.items))
                if spec.continue_ and spec.continue_.prompt:
                    add(plain(spec.continue_.prompt))
            case m.Resources():
                add(plain(block.title or ""))
                for resource in block.resources:
                    add(plain(resource.title), *opening(resource.note or ""))
            case m.Quote():
                add(*opening(block.quote.text), plain(block.quote.by or ""))
            case m.Image():
                add(*opening(block.image.caption or ""))
            case text_blocks.Text() if block.dropcap:
                # The drop capital is drawn apart from the words of its first line.
                first, *rest = opening(block.text)
                add(first[1:], *rest)
            case text_blocks.Lede():
                add(*opening(block.lede))
            case text_blocks.Pullquote() if block.side:
                floating = [*opening(block.pullquote), plain(block.by or "")]
                continue
            case text_blocks.Pullquote():
                add(*opening(block.pullquote), plain(block.by or ""))
            case text_blocks.Poster():
                add(*block.poster.split())
            case m.PageBreak() | text_blocks.Columns():
                pass
            case _:
                strings = [plain(s) for s in _strings(block.model_dump(by_alias=True))]
                if strings:
                    ordered.append(strings)
        if floating and len(ordered) > start:
            # Set beside that block's text, or on with its rest where the foot of a page
            # has no room for it: anywhere among its pieces.
            merged = [piece for group in ordered[start:] for piece in group]
            ordered[start:] = [merged + [t for t in floating if t]]
            floating = []
    if pub.back:
        back = pub.back
        add(*opening(back.text or ""), *(back.slogan or "").split())
        add(plain(back.contact or ""), plain(back.license or ""))
    return ordered


def assert_groups_in_order(text: str, groups: list[list[str]]) -> None:
    """Every piece is in `text` after all pieces of the groups before its own, in any
    case (a theme may set headings and titles in capitals)."""
    at = 0
    text = text.casefold()
    for group in groups:
        ends = []
        for piece in group:
            found = text.find(normalised(piece).casefold(), at)
            assert found >= 0, f"{piece!r} missing after position {at}: ...{text[at : at + 200]!r}"
            ends.append(found + len(normalised(piece)))
        at = max(ends)


def _strings(value: object) -> Iterator[str]:
    """Words a block of an unknown kind prints, as far as one can guess: its strings, but
    not paths, links, alt text or patterns."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("src", "alt", "link", "pattern", "kind"):
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str) and len(value.split()) > 1:
        yield " ".join(value.split()[:7])


class Sticker(m.Located):
    sticker: str
    size: str


def test_pieces_of_a_publication() -> None:
    pub = m.Publication.model_validate(
        {
            "title": "Judul",
            "blocks": [
                {"text": "Satu **dua** _tiga_ [empat](https://example.org) \\_lima\\_.\n\nEnam."},
                {"affirmations": {"pattern": "KAMU {} SAJA", "items": ["A", "B"]}},
                "page-break",
            ],
            "back": {"license": "Bebas."},
        }
    )
    # A block kind added after this test: its strings of two words or more, in one group.
    sticker = Sticker.model_validate({"sticker": "Tempel di sini", "size": "besar"})
    pub = pub.model_copy(update={"blocks": [*pub.blocks, sticker]})
    assert pieces(pub) == [
        ["Judul"],
        ["Satu dua tiga empat _lima_."],
        ["Enam."],
        ["KAMU A SAJA"],
        ["KAMU B SAJA"],
        ["Tempel di sini"],
        ["Bebas."],
    ]


@pytest.mark.parametrize("stem", STEMS)
def test_reading_pdf_has_every_block_in_order(built, stem: str) -> None:
    build = built(stem)
    text = reading_text(build.reading.read_bytes())
    assert_groups_in_order(text, pieces(build.publication))


# -- 3. fonts ------------------------------------------------------------------------------


def pdffonts(path: Path) -> list[tuple[str, str]]:
    """(font name, emb column) of every font `pdffonts` lists."""
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    rows = listing.splitlines()[2:]  # after the header and its ----- rule
    # Names have no spaces, types may ("Type 1C"): count the columns from the right.
    return [(row.split()[0], row.split()[-5]) for row in rows if row.strip()]


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) missing")
@pytest.mark.parametrize("stem", STEMS)
def test_every_font_is_embedded(built, stem: str) -> None:
    build = built(stem)
    for path in (build.out, build.reading):
        fonts = pdffonts(path)
        assert fonts, f"{path.name} lists no fonts"
        assert [name for name, emb in fonts if emb != "yes"] == [], path.name


# -- 4. metadata, language, outline --------------------------------------------------------


@pytest.mark.parametrize("stem", STEMS)
def test_reading_pdf_metadata_lang_and_outline(built, stem: str) -> None:
    build = built(stem)
    pub = build.publication
    data = build.reading.read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata.title == pub.title
    # Without an author in the content file, none is made up (reportlab's "anonymous").
    assert reader.metadata.author == pub.author
    assert reader.trailer["/Root"]["/Lang"] == pub.lang
    entries = outline(data)
    titles = [title for _, title, _ in entries]
    headings = [plain(b.heading) for b in pub.blocks if isinstance(b, m.Heading)]
    assert [t for t in titles if t in headings] == headings
    texts = page_texts(data)
    for _, title, page in entries:
        if title in headings:
            # In any case: a theme may set headings in capitals.
            found = normalised(texts[page - 1]).casefold()
            assert normalised(title).casefold() in found, f"{title!r} on p{page}"


# -- 5. the imposed sheets, printed and folded ---------------------------------------------


def printed(
    build: Build, pages: list[ReadingPage]
) -> tuple[list[SheetSide], list[Grid], list[Grid]]:
    """The sides as printed, fronts and backs, with the reading page in each cell."""
    layout = build.layout
    fronts_file = build.out.with_name(f"{build.out.stem}-fronts.pdf")
    if build.duplex == "manual" and fronts_file.exists():
        assert not build.out.exists(), "manual duplex writes two files, not one"
        backs_file = build.out.with_name(f"{build.out.stem}-backs.pdf")
        fronts = imposed_grids(fronts_file, layout.columns, layout.rows, pages)
        backs = imposed_grids(backs_file, layout.columns, layout.rows, pages)
        sides = [s for s, _ in fronts + backs]
        return sides, [g for _, g in fronts], [g for _, g in backs]
    found = imposed_grids(build.out, layout.columns, layout.rows, pages)
    sides = [s for s, _ in found]
    grids = [g for _, g in found]
    if layout.sides == 1:
        return sides, grids, []
    return sides, grids[0::2], grids[1::2]


def held(build: Build, pages: list[ReadingPage]) -> list[Sheet]:
    """Each sheet's front and back as the reader holds it, after the printer's flip."""
    sides, fronts, backs = printed(build, pages)
    assert len({(round(s.width, 2), round(s.height, 2)) for s in sides}) == 1
    assert len(fronts) == len(backs), "a folded booklet has a back to every sheet"
    turn = reader_sees_back_turned(sides[0], build.duplex)
    return [(f, turned_over(b) if turn else b) for f, b in zip(fronts, backs, strict=True)]


def folded_minizine(front: Grid) -> list[Cell]:
    """The mini-zine folded on paper, knowing only how a person folds it (never the layout
    file's picture): the 4 x 2 sheet, printed side up, is folded in half along its long
    middle with the top row going behind the bottom row, cut along the middle of the fold
    and pushed together into an 8-page booklet. The bottom row's right panel is the cover;
    opening it, the reader meets the top row from right to left, seen from behind, so a
    panel printed upside down there reads upright; then the bottom row from left to right
    up to the cover, as printed."""
    assert len(front) == 2 and all(len(row) == 4 for row in front), "the mini-zine is 4 x 2"
    top, bottom = front
    behind = [None if cell is None else (cell[0], (cell[1] + 180) % 360) for cell in top]
    return [bottom[3], *reversed(behind), *bottom[:3]]


def test_the_mini_zine_oracle_reads_the_classic_sheet() -> None:
    """The sheet every zine guide draws folds into pages 1 to 8, upright; a panel printed
    the wrong way up, or two panels swapped, read out of order."""
    classic = parse_picture("5r 4r 3r 2r / 6 7 8 1")
    assert shown(folded_minizine(classic)) == shown([(k, 0) for k in range(1, 9)])
    assert shown(folded_minizine(parse_picture("5 4r 3r 2r / 6 7 8 1"))).startswith("1 2 3 4 5r")
    assert shown(folded_minizine(parse_picture("5r 4r 3r 2r / 7 6 8 1"))) != shown(
        [(k, 0) for k in range(1, 9)]
    )


def expected(pages: list[ReadingPage], per_sheet: int) -> list[Cell]:
    """Reading pages 1..n, padded before the last one; a reading page with nothing on it
    (the typesetter's own blanks before the back cover) reads as a blank."""
    return [
        None if cell is None or pages[cell[0] - 1].blank else cell
        for cell in expected_reading(len(pages), per_sheet)
    ]


def blanks_only_before_the_back(read: list[Cell]) -> bool:
    blanks = [i for i, cell in enumerate(read) if cell is None]
    return blanks == list(range(len(read) - 1 - len(blanks), len(read) - 1))


def check_imposed(build: Build) -> None:
    layout = build.layout
    pages = reading_pages(build.reading)
    if layout.kind == "repeat":
        # Step and repeat: the k-th side the reader sees carries page k in every cell.
        sides, fronts, backs = printed(build, pages)
        turn = reader_sees_back_turned(sides[0], build.duplex)
        seen = []
        for k, front in enumerate(fronts):
            seen.append(front)
            if k < len(backs):
                seen.append(turned_over(backs[k]) if turn else backs[k])
        assert len(seen) == len(pages)
        for k, side in enumerate(seen, start=1):
            cell = None if pages[k - 1].blank else (k, 0)
            assert side == tuple((cell,) * layout.columns for _ in range(layout.rows)), (
                f"side {k}: {picture(side)}"
            )
        return
    if layout.kind == "saddle":
        sheets = held(build, pages)
        read = read_folded(sheets)
        views = [picture(s) for sheet in sheets for s in sheet]
    else:
        assert layout.kind == "sheet" and layout.name == "minizine", "no oracle for this layout"
        _, fronts, _ = printed(build, pages)
        assert len(fronts) == 1, "a one-sheet layout prints one side"
        read = folded_minizine(fronts[0])
        views = [picture(fronts[0])]
    assert shown(read) == shown(expected(pages, layout.pages_per_sheet)), f"sides: {views}"
    if build.publication.back:
        assert blanks_only_before_the_back(read), shown(read)


@pytest.mark.parametrize("stem", STEMS)
def test_each_sample_folds_into_reading_order_in_its_own_layout(built, stem: str) -> None:
    check_imposed(built(stem))


@pytest.mark.parametrize("duplex", DUPLEXES)
@pytest.mark.parametrize(("stem", "layout"), [(REFERENCE, "quarter-booklet"), (SHORT, "minizine")])
def test_other_layouts_fold_into_reading_order(built, stem: str, layout: str, duplex: str) -> None:
    build = built(stem, layout, duplex)
    names = {build.out.name, build.reading.name}
    if duplex == "manual" and build.layout.sides == 2:
        names = {f"{build.out.stem}-fronts.pdf", f"{build.out.stem}-backs.pdf", build.reading.name}
    assert build.new_files == names
    check_imposed(build)


def test_the_oracle_catches_a_misplaced_page(built) -> None:
    """Swapping two cells of a real build's sheet is seen: the check is not vacuous."""
    build = built(REFERENCE)
    pages = reading_pages(build.reading)
    (front, back), *rest = held(build, pages)
    swapped = ((front[0][1], front[0][0]), *front[1:])
    read = read_folded([(swapped, back), *rest])
    assert shown(read) != shown(expected(pages, build.layout.pages_per_sheet))


def test_without_a_back_cover_blanks_go_at_the_end(tmp_path: Path) -> None:
    content = tmp_path / "lembar.yaml"
    content.write_text(
        "title: Lembar Dengar\nlayout: minizine\nblocks:\n"
        + "".join(f"  - heading: Bagian {k}\n  - text: {PARAGRAPH_ID}\n" for k in range(1, 4)),
        encoding="utf-8",
    )
    run = run_zinekit("build", content)
    assert run.code == 0, run.stderr
    out = content.with_suffix(".pdf")
    pages = reading_pages(tmp_path / "lembar.reading.pdf")
    (_, grid), *_ = imposed_grids(out, 4, 2, pages)
    read = folded_minizine(grid)
    n = len(pages)
    assert 1 < n < 8, "the test needs a few pages and some blanks"
    assert shown(read) == shown([(k, 0) for k in range(1, n + 1)] + [None] * (8 - n))


# -- 6. a mini-zine too long, and --shrink -------------------------------------------------

_SECTION = (
    "Kelompok dukungan sebaya memberi kesempatan untuk berbagi pengalaman tanpa hirarki, tanpa"
    " profesional bayaran, dan tanpa label yang dipaksakan. Kita mendengarkan satu sama lain"
    " dengan sabar."
)


def long_minizine(folder: Path, extra_words: int) -> Path:
    """A mini-zine of 18 short sections and one more paragraph: with 20 extra words it
    needs a ninth panel at the mini-zine's 7.75 pt and fits at a smaller size; with 400 it
    does not fit even at 7 pt."""
    sections = "".join(
        f"  - heading: Bagian {k}\n  - text: >-\n      {_SECTION}\n" for k in range(1, 19)
    )
    extra = " ".join(["kata sabar"] * (extra_words // 2))
    path = folder / "lembar.yaml"
    path.write_text(
        "title: Lembar Kecil\nlayout: minizine\ncover:\n  footer: Lipat\nblocks:\n"
        f"{sections}  - text: {extra}\nback:\n  text: Bebas difotokopi.\n",
        encoding="utf-8",
    )
    return path


OVERFLOW = re.compile(
    r"^zinekit: error: (?P<where>\S+):(?P<line>\d+):\d+: the content needs (?P<needs>\d+) pages"
    r" but the layout holds 8: (?P<over>\d+) pages? \(about \d+ mm of text\) too many,"
    r' from the (?P<kind>[a-z-]+) block "[^"]+" on'
)


def test_a_minizine_too_long_fails_with_one_line_and_writes_nothing(tmp_path: Path) -> None:
    content = long_minizine(tmp_path, extra_words=20)
    before = files(tmp_path)
    run = run_zinekit("build", content)
    assert run.code == 2
    assert len(run.lines) == 1, run.stderr
    found = OVERFLOW.match(run.lines[0])
    assert found, run.lines[0]
    assert int(found["needs"]) - 8 == int(found["over"]) >= 1
    # It names the block where the content runs over, by its line in the content file.
    lines = content.read_text(encoding="utf-8").splitlines()
    assert lines[int(found["line"]) - 1].lstrip().startswith(f"- {found['kind']}:")
    assert "--shrink" in run.lines[0]
    assert files(tmp_path) == before


def test_shrink_fits_it_and_says_the_type_size(tmp_path: Path) -> None:
    content = long_minizine(tmp_path, extra_words=20)
    run = run_zinekit("build", content, "--shrink")
    assert run.code == 0, run.stderr
    notes = [line for line in run.lines if "type set at" in line]
    assert len(notes) == 1, run.stderr
    size, default = map(float, re.findall(r"([\d.]+) pt", notes[0]))
    assert 7 <= size < default
    # The body text is set at that size: the most common size on the reading pages.
    assert body_size(content.with_name("lembar.reading.pdf")) == pytest.approx(size, abs=0.01)
    assert content.with_suffix(".pdf").exists()


def test_shrink_stops_at_7_pt(tmp_path: Path) -> None:
    content = long_minizine(tmp_path, extra_words=400)
    before = files(tmp_path)
    run = run_zinekit("build", content, "--shrink")
    assert run.code == 2
    assert len(run.lines) == 1 and OVERFLOW.match(run.lines[0]), run.stderr
    assert "even with the type at 7 pt" in run.lines[0]
    assert files(tmp_path) == before


def body_size(path: Path) -> float:
    """The type size most characters of the PDF are set in."""
    pdf = pdfium.PdfDocument(path)
    counts: dict[float, int] = {}
    try:
        for page in pdf:
            text = page.get_textpage()
            for i in range(text.count_chars()):
                size = round(pdfium_c.FPDFText_GetFontSize(text, i), 2)
                counts[size] = counts.get(size, 0) + 1
            text.close()
            page.close()
    finally:
        pdf.close()
    return max(counts, key=counts.__getitem__)


# -- 7. names with spaces and accents ------------------------------------------------------


def test_folder_and_image_names_with_spaces_and_accents(tmp_path: Path) -> None:
    folder = tmp_path / "Zine Kita — édisi ünï"
    (folder / "gambar kita").mkdir(parents=True)
    image = folder / "gambar kita" / "lingkaran dengar ü.png"
    shutil.copy(ROOT / "samples" / "images" / "lingkaran-dengar.png", image)
    content = folder / "lembar ünï.yaml"
    content.write_text(
        "title: Lembar Ünï\nauthor: Kolektif Édisi\ncover:\n"
        "  image: gambar kita/lingkaran dengar ü.png\nblocks:\n"
        "  - text: Duduk melingkar, saling mendengar.\n"
        "  - image:\n      src: gambar kita/lingkaran dengar ü.png\n"
        "      caption: Lingkaran kami.\n",
        encoding="utf-8",
    )
    run = run_zinekit("build", content)
    assert run.code == 0, run.stderr
    out, reading = folder / "lembar ünï.pdf", folder / "lembar ünï.reading.pdf"
    assert out.exists() and reading.exists()
    assert str(out) in run.stderr
    assert images_per_page(reading)[:2] == [1, 1]  # the cover's picture and the block's


def images_per_page(path: Path) -> list[int]:
    pdf = pdfium.PdfDocument(path)
    try:
        counts = []
        for page in pdf:
            counts.append(len(list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))))
            page.close()
        return counts
    finally:
        pdf.close()


# -- 8. a failed build writes nothing and keeps the older output ---------------------------


def test_a_failed_build_keeps_the_older_output_byte_for_byte(tmp_path: Path) -> None:
    content = tmp_path / "zine.yaml"
    good = "title: Zine\nblocks:\n  - text: Halo.\n"
    content.write_text(good, encoding="utf-8")
    assert run_zinekit("build", content).code == 0
    before = files(tmp_path)
    assert sorted(before) == ["zine.pdf", "zine.reading.pdf", "zine.yaml"]
    content.write_text(good + "  - image: {src: images/tidak ada.png}\n", encoding="utf-8")
    before = files(tmp_path)
    run = run_zinekit("build", content)
    assert run.code == 2
    assert len(run.lines) == 1 and "tidak ada.png" in run.stderr, run.stderr
    assert files(tmp_path) == before  # no temporary file either: hidden ones are listed


def test_a_failed_build_writes_no_file(tmp_path: Path) -> None:
    content = tmp_path / "zine.yaml"
    content.write_text(
        "title: Zine\nblocks:\n  - image: {src: images/tidak ada.png}\n", encoding="utf-8"
    )
    run = run_zinekit("build", content, "-o", tmp_path / "keluar.pdf")
    assert run.code == 2, run.stderr
    assert sorted(files(tmp_path)) == ["zine.yaml"]


# -- 10. hyphenation through the command line ----------------------------------------------


def line_end_breaks(path: Path) -> list[tuple[str, str]]:
    """(head, tail) of every word split at a line end of the reading PDF."""
    return [
        (match[1], match[2])
        for text in page_texts(path.read_bytes())
        for match in re.finditer(rf"(\w+){LINE_END_HYPHEN}\n?(\w+)", text)
    ]


def build_text(folder: Path, text: str) -> Path:
    """Build a one-block Indonesian A5 booklet; return its reading PDF."""
    content = folder / "esai.yaml"
    content.write_text(f"title: Esai\nlang: id\nblocks:\n  - text: {text}\n", encoding="utf-8")
    run = run_zinekit("build", content)
    assert run.code == 0, run.stderr
    return folder / "esai.reading.pdf"


@pytest.mark.parametrize(
    "copies",
    [2, 4],
)
def test_a_long_indonesian_paragraph_is_hyphenated(tmp_path: Path, copies: int) -> None:
    source = " ".join([PARAGRAPH_ID] * copies)  # one paragraph, 12 or 24 lines on A5
    breaks = line_end_breaks(build_text(tmp_path, source))
    words = set(re.findall(r"\w+", source))
    added = [(h, t) for h, t in breaks if h + t in words and f"{h}-{t}" not in source]
    assert added, f"no line ends in a hyphen the source lacks: {breaks}"


def test_a_words_own_hyphen_is_not_doubled_at_a_line_end(tmp_path: Path) -> None:
    reading = build_text(
        tmp_path,
        "Di ruang ini, setiap orang di lingkaran ini membawa cerita masing-masing dan kita"
        " mendengarkan dengan sabar.",
    )
    lines = page_texts(reading.read_bytes())[0].splitlines()
    assert not [line for line in lines if line.startswith("-")], lines


# -- keeping the images honest -------------------------------------------------------------


def test_readpages_reads_a_picture_only_page(tmp_path: Path) -> None:
    """A page with a picture and no text is still found, by its rendering."""
    content = tmp_path / "foto.yaml"
    shutil.copy(ROOT / "samples" / "images" / "senja-kampung.jpg", tmp_path / "senja.jpg")
    content.write_text(
        "title: Foto\npage-numbers: false\ncover: {}\nblocks:\n  - text: Halo.\n  - page-break\n"
        "  - image: {src: senja.jpg}\n  - page-break\n  - text: Sampai jumpa.\n",
        encoding="utf-8",
    )
    run = run_zinekit("build", content)
    assert run.code == 0, run.stderr
    pages = reading_pages(tmp_path / "foto.reading.pdf")
    assert [p.thumb is not None for p in pages] == [False, False, True, False]
    layout = load_layout("booklet")
    build = Build(
        content,
        content.with_suffix(".pdf"),
        tmp_path / "foto.reading.pdf",
        layout,
        "long",
        run,
        frozenset(),
    )
    check_imposed(build)
