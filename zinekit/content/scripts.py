"""Writing systems zinekit cannot set: text in a right-to-left script (Arabic, Hebrew,
Syriac, Thaana...) is refused where it is written.

zinekit's typesetter lays every line out left to right and draws each character as it
is stored, without joining letters: Arabic would print unjoined and backwards, Hebrew
backwards, on every copy and without a word. Until text is shaped (and a font for those
scripts ships), saying so at the file's line and column is the honest answer; the check
reads Unicode's bidirectional class, so it knows every such script, not a list of two.
"""

from __future__ import annotations

import unicodedata

from zinekit.content.reader import Document, shown
from zinekit.content.texts import text_values
from zinekit.content.wording import problem
from zinekit.errors import Problem
from zinekit.i18n import current, entry


def check_scripts(doc: Document) -> list[Problem]:
    """A problem at every value with a character of a right-to-left script."""
    problems = []
    for path, text in text_values(doc.data):
        found = next((c for c in text if unicodedata.bidirectional(c) in ("R", "AL")), None)
        if found is None:
            continue
        unicode_name = unicodedata.name(found, "").split(" ")[0].title() or "?"
        script = entry(current(), "content.scripts").get(unicode_name, unicode_name)
        start = text.index(found)
        quoted = shown(text[max(0, start - 10) : start + 20], limit=40)
        where = doc.inside(path, start)
        problems.append(problem("right_to_left", where, input=quoted, script=script))
    return problems
