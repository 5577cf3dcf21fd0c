"""A content file (YAML or Markdown) to a validated `Publication` whose blocks, cover and back know
where they were written; or a `ContentError` listing every mistake, in file order."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from zinekit.content.explain import explain
from zinekit.content.files import check_files, check_layout, check_sheet, check_theme
from zinekit.content.links import check_text_links
from zinekit.content.long_form import unfold
from zinekit.content.model import Publication
from zinekit.content.reader import Document, read_document
from zinekit.content.scripts import check_scripts
from zinekit.errors import ContentError, Location, Problem

MARKDOWN_SUFFIXES = (".md", ".markdown")


def load_publication(path: Path, *, allow_outside: bool = False) -> Publication:
    """Read, validate and check the files of a content file (YAML or Markdown).

    Images and fonts are looked up relative to the content file's folder; one outside it
    is an error unless `allow_outside`. Raises `ContentError` with all problems at once.
    """
    return load_content(path, allow_outside=allow_outside)[0]


def load_content(path: Path, *, allow_outside: bool = False) -> tuple[Publication, Document]:
    """The publication and the values it was validated from (for `zinekit convert`)."""
    doc = read_content(Path(path))
    problems = list(doc.problems)
    publication = None
    try:
        publication = Publication.model_validate(doc.data)
    except ValidationError as exc:
        problems += explain(exc, doc)
    # Files are checked even when validation failed, so one run shows every mistake.
    problems += check_files(doc, allow_outside=allow_outside)
    problems += check_theme(doc)
    problems += check_layout(doc)
    problems += check_sheet(doc)
    problems += check_scripts(doc)
    problems += check_text_links(doc)
    if problems or publication is None:
        raise ContentError(sorted(problems, key=_file_order))
    _locate(publication, doc)
    return publication, doc


def read_content(path: Path) -> Document:
    """A content file's values and positions, whatever its format (YAML or Markdown), every
    block in its short form."""
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        # Imported only for a Markdown file: markdown-it is not needed for YAML.
        from zinekit.content.markdown import read_markdown

        doc = read_markdown(path)
    else:
        doc = read_document(path)
    unfold(doc)
    return doc


def _file_order(problem: Problem) -> tuple[int, int]:
    where = problem.where
    if isinstance(where, Location):
        return (where.line or 0, where.column or 0)
    return (0, 0)


def _locate(publication: Publication, doc: Document) -> None:
    """Give each block, the cover and the back its place in the file, for later messages
    ("this list does not fit on one page")."""
    for index, block in enumerate(publication.blocks):
        block._where = doc.at(("blocks", index))
    for path, where in doc.keys.items():
        if len(path) == 1:  # title:, subtitle:... for what is found only when typesetting
            publication._keys[path] = doc.at(path)  # the value, where the mistake is
        if len(path) > 2 and path[0] == "blocks" and isinstance(path[1], int):
            publication.blocks[path[1]]._keys[path[2:]] = where
    # The cover and the back point at their key: their value often starts a line later.
    if publication.cover is not None:
        publication.cover._where = doc.at(("cover",), key=True)
    if publication.back is not None:
        publication.back._where = doc.at(("back",), key=True)
