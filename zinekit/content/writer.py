"""A content file's values (as read, every block in its short form) written back as YAML
or as Markdown, for `zinekit convert`. Reading what is written gives the same publication.

Markdown takes each block's plain form where it has one (a heading, paragraphs, a list, a
`- [ ]` checklist, a pipe table, a block quote, an image, `***`) and a `::: KEY {options}`
container otherwise: when the block has options its plain form cannot say (a list's
title) or when its plain form would run into the block before it (two text blocks in a
row would read as one).
"""

from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from zinekit.content.md_inline import typed
from zinekit.content.md_shapes import lead_field, shape
from zinekit.content.registry import KINDS, block_kind

_BY_KEY = {kind.key: kind for kind in KINDS}
# A line that Markdown would read as something other than text: a heading, a list item, a
# quote, a rule, a container, a table row, HTML, a setext underline, a numbered item.
_BLOCK_START = re.compile(r"^([#>+|<=:]|[-*_](\s|$|[-*_]{2})|\d+[.)](\s|$))")
_LONE_STAR = re.compile(r"(?<!\*)\*(?!\*)")
_BARE = re.compile(r"^[A-Za-z0-9_:-]+$")


def to_yaml(data: dict[str, Any]) -> str:
    """The values as a YAML content file."""
    return _dump(data)


def to_markdown(data: dict[str, Any]) -> str:
    """The values as a Markdown content file: YAML front matter, then the blocks."""
    front = {key: value for key, value in data.items() if key != "blocks"}
    parts = ["---\n" + _dump(front) + "---"] if front else []
    previous: str | None = None
    for block in data.get("blocks", []):
        text, plain = _block(block, previous)
        parts.append(text)
        previous = plain
    return "\n\n".join(parts) + "\n"


def _dump(data: Any) -> str:
    yaml = YAML(typ="rt", pure=True)
    yaml.default_flow_style = False
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(_literal(data), out)
    return out.getvalue()


def _literal(value: Any) -> Any:
    if isinstance(value, str) and "\n" in value.strip():
        return LiteralScalarString(value.strip() + "\n")
    if isinstance(value, dict):
        return {key: _literal(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_literal(item) for item in value]
    return value


# --- Markdown --------------------------------------------------------------------------


def _block(block: Any, previous: str | None) -> tuple[str, str | None]:
    """The block's Markdown, and the name of its plain form (None for a container)."""
    if isinstance(block, str):
        return "***", "page-break"
    key = block_kind(block) or ""
    options = {name: value for name, value in block.items() if name != key}
    value = block[key]
    if key == "heading" and set(options) <= {"level"} and "\n" not in value.strip():
        return "#" * int(options.get("level", 1)) + " " + _line(value), None
    if key == "text" and not options and previous != "text":
        return _prose(value), "text"
    if key in ("list", "checklist") and set(options) <= {"numbered"} and previous != "list":
        return _list(value, numbered=bool(options.get("numbered")), task=key == "checklist"), "list"
    if key == "table" and not (set(options) - {"rows"}) and isinstance(options.get("rows", 5), int):
        return _table(value, int(options.get("rows", 5))), None
    if key == "quote" and set(value) <= {"text", "by"}:
        return _quote(value), None
    if key == "image" and set(value) >= {"src"}:
        return _image(value), None
    return _container(key, value, options), None


def _container(key: str, value: Any, options: dict[str, Any]) -> str:
    kind = _BY_KEY[key]
    main = kind.main or ""
    if isinstance(value, dict):  # quote, image, affirmations: the options are inside
        options, value = {k: v for k, v in value.items() if k != main}, value.get(main)
    body_shape, model = shape(kind)
    lead = lead_field(kind)
    parts = []
    if body_shape == "list" and lead and isinstance(options.get(lead), str):
        parts.append(_prose(options.pop(lead)))  # the title above the list, the pattern
    if value is None:
        pass
    elif body_shape in ("text", "value"):
        parts.append(_prose(str(value)))
    elif body_shape == "list" and key == "table":
        rows = options.pop("rows") if isinstance(options.get("rows"), int) else 0
        parts.append(_table(value, rows))
    elif body_shape == "list":
        parts.append(_list(value, numbered=False, task=key == "checklist"))
    else:
        fields = [info.alias or name for name, info in model.model_fields.items()] if model else []
        parts += [_titled(item, fields) for item in value]
    head = f"::: {key}" + (" " + _options(options) if options else "")
    return "\n".join([head, "\n\n".join(parts), ":::"] if parts else [head, ":::"])


def _titled(item: dict[str, Any], fields: list[str]) -> str:
    title = fields[0] if fields else "title"
    prose = next((name for name in ("text", "note") if name in item), None)
    # A bare "##" starts an item without a title (an untitled agreement).
    lines = [("## " + _line(str(item[title]))) if item.get(title) else "##"]
    details = [
        f"- {name}: {_line(str(_shown(v)))}"
        for name, v in item.items()
        if name not in (title, prose)
    ]
    if details:
        lines.append("\n".join(details))
    if prose:
        lines.append(_prose(str(item[prose])))
    return "\n\n".join(lines)


def _shown(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _options(options: dict[str, Any]) -> str:
    pairs = []
    for name, value in options.items():
        if isinstance(value, dict):
            pairs += [f"{name}:{inner}={_attribute(v)}" for inner, v in value.items()]
        else:
            pairs.append(f"{name}={_attribute(value)}")
    return "{" + " ".join(pairs) + "}"


def _attribute(value: Any) -> str:
    text = str(_shown(value))
    if _BARE.match(text) and (not isinstance(value, str) or typed(text) == text):
        return text
    return '"' + re.sub(r'([\\"{}])', r"\\\1", text) + '"'


def _line(text: str) -> str:
    """One line of text, safe from being read as anything but text."""
    text = text.strip()
    text = _LONE_STAR.sub(r"\\*", text).replace("`", "\\`")
    if _BLOCK_START.match(text):
        text = "\\" + text if not text[0].isdigit() else re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return text


def _prose(text: str) -> str:
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]
    return "\n\n".join("\n".join(_line(line) for line in p.splitlines()) for p in paragraphs)


def _list(items: list[Any], *, numbered: bool, task: bool) -> str:
    lines = []
    for number, item in enumerate(items, 1):
        marker = f"{number}." if numbered else "-"
        marker += " [ ]" if task else ""
        pad = " " * (len(marker) + 1 if not task else 2)
        body = _prose(str(item)).replace("\n", "\n" + pad).replace("\n" + pad + "\n", "\n\n")
        lines.append(f"{marker} {body}")
    return "\n".join(lines)


def _table(columns: list[Any], rows: int) -> str:
    cells = [_line(str(c)).replace("|", "\\|") for c in columns]
    lines = ["| " + " | ".join(cells) + " |", "|" + "|".join("---" for _ in cells) + "|"]
    lines += ["|" + "|".join("   " for _ in cells) + "|" for _ in range(rows)]
    return "\n".join(lines)


def _quote(spec: dict[str, Any]) -> str:
    lines = _prose(str(spec["text"])).splitlines()
    if spec.get("by"):
        lines.append("\u2014 " + _line(str(spec["by"])))
    return "\n".join("> " + line if line else ">" for line in lines)


def _image(spec: dict[str, Any]) -> str:
    src = str(spec["src"])
    if re.search(r"[\s()<>]", src):
        src = f"<{src}>"
    caption = spec.get("caption")
    title = ' "' + str(caption).replace('"', '\\"') + '"' if caption else ""
    alt = str(spec.get("alt") or "").replace("]", "\\]")
    rest = {k: v for k, v in spec.items() if k not in ("src", "alt", "caption")}
    return f"![{alt}]({src}{title})" + (_options(rest) if rest else "")
