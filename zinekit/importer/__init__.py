"""`zinekit import`: a word-processor document (.docx, .odt, .html) to zinekit Markdown.

pandoc (the `import` extra, pypandoc-binary) reads the document into its syntax tree and
writes the tree back as CommonMark with pipe tables; `walk.Walker` stands between the two and
decides what may pass (headings, paragraphs, bold, italic, lists, quotes, tables, images,
http/https/mailto links), counting what could not, for the notes the command prints.

Nothing from the input runs: pandoc works in its `--sandbox` (it reads only its input, writes
only to stdout, fetches nothing) with no filters and no Lua. Images come only from inside the
document (or, for .html, the page's folder and data: addresses), are checked with Pillow and
written under names made here into one folder beside the output. The output and that folder
appear together at the end of a successful run; a failed run leaves nothing behind.

    source.py  the input: format, package parts, declared title and language, silent losses
    pandoc.py  finding pandoc and running it sandboxed
    walk.py    the syntax tree pruned to zinekit Markdown, and the notes
    images.py  images checked and saved
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from zinekit.errors import OutputError
from zinekit.i18n import say
from zinekit.importer.images import Images
from zinekit.importer.pandoc import find_pandoc, run_pandoc
from zinekit.importer.source import Source
from zinekit.importer.walk import Node, Walker, text
from zinekit.output import atomic_outputs, check_target

LANGS = {"id": "id", "in": "id", "en": "en"}  # primary language subtag -> zinekit's lang
WRITER = ["-f", "json", "-t", "commonmark+pipe_tables-raw_html", "--wrap=none"]


def images_folder(target: Path) -> Path:
    """Where the images of `target` go: `zine-images/` beside `zine.md`."""
    return target.with_name(f"{target.stem}-images")


def import_document(document: Path, target: Path, *, force: bool = False) -> list[str]:
    """Write `target` (Markdown) from `document`; returns the notes on what was not carried
    over. Without `force`, an existing output (or images folder) is refused, not replaced."""
    source = Source(document)
    check_target(target, inputs=(document,))
    folder = images_folder(target)
    if folder.exists() and not folder.is_dir():
        raise OutputError(
            say("importer.output.not-a-folder", path=str(folder)),
            where=target,
            hint=say("importer.output.not-a-folder-hint"),
        )
    for existing in () if force else (target, folder):
        if existing.exists():
            raise OutputError(
                say("importer.output.exists", path=str(existing)),
                where=target,
                hint=say("importer.output.exists-hint"),
            )
    pandoc = find_pandoc()
    # .docx: comments and tracked changes stay in the tree as marked spans, to be counted.
    options = ["--track-changes=all"] if source.fmt == "docx" else []
    tree = json.loads(
        run_pandoc(pandoc, ["-f", source.fmt, "-t", "json", *options], source=document)
    )
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".part", dir=target.parent))
    try:
        images = Images(staging, folder.name)
        walker = Walker(source, images)
        blocks = walker.blocks(tree.get("blocks", []))
        front, blocks = _front(source, walker, tree.get("meta", {}), blocks)
        tree.update(blocks=blocks, meta={})
        body = run_pandoc(pandoc, WRITER, data=json.dumps(tree).encode("utf-8"))
        # pandoc draws a horizontal rule as 72 dashes; zinekit's page break reads `---`.
        body = re.sub(rb"(?m)^-{4,}$", b"---", body)
        with atomic_outputs([target]) as (f,):
            f.write((_front_matter(front) + "\n").encode("utf-8") + body)
            if images.count:
                _move_images(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return walker.notes()


def _front(
    source: Source, walker: Walker, meta: Node, blocks: list[Node]
) -> tuple[dict[str, str], list[Node]]:
    """The front matter (title, subtitle, author, lang) and the blocks without a first heading
    that became the title (the title opens the first page; it would be said twice)."""
    declared = source.declared()
    title = text(meta.get("title")) or declared.get("title", "")
    first = blocks[0] if blocks and blocks[0]["t"] == "Header" else None
    heading = text(first["c"][2]) if first is not None else ""
    if heading and (not title or heading == title):
        title, blocks = heading, blocks[1:]
    if not title:
        headings = [b for b in blocks if b["t"] == "Header"]
        title = text(headings[0]["c"][2]) if headings else ""
    if not title:
        title = source.path.stem
        walker.details.append(say("importer.notes.no-title", title=title))
    front = {"title": title}
    for key in ("subtitle", "author"):
        if value := text(meta.get(key)):
            front[key] = value
    if lang := text(meta.get("lang")) or declared.get("lang", ""):
        code = LANGS.get(re.split(r"[-_]", lang.lower())[0])
        if code:
            front["lang"] = code
        else:
            walker.details.append(say("importer.notes.other-lang", lang=lang))
    return front, blocks


def _front_matter(front: dict[str, str]) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]  # title first
    yaml.width = 10_000
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(front, out)
    return f"---\n{out.getvalue()}---\n"


def _move_images(staging: Path, folder: Path) -> None:
    if not folder.exists():
        os.rename(staging, folder)
        staging.mkdir()  # for the caller to remove
        return
    for image in staging.iterdir():
        os.replace(image, folder / image.name)
