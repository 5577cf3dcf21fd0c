"""Where a word may break at a line end: pyphen's patterns, corrected by an exception list
(assets/hyphenation/<lang>.txt) and, for Indonesian, by syllable rules the patterns miss.

The hyphenator is a callable that reportlab's ParagraphStyle.hyphenationLang accepts: given
a word it yields (head, tail) pairs, longest head first, as pyphen's `iterate` does.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyphen

from zinekit.data import data_dir

# pyphen's own dictionary names for the languages zinekit writes.
_PYPHEN_LANG = {"id": "id_ID", "en": "en_US"}

# No break leaves fewer letters than this on either side.
_MIN_LEFT = 2
_MIN_RIGHT = 2

_VOWELS = frozenset("aeiouAEIOU")
# Indonesian letters pairs that spell one sound (ng, ny, sy, kh) or a diphthong (ai, au,
# oi, ei): a break inside one is always wrong, and pyphen's Indonesian patterns make it
# (de-ng-an, dimula-inya).
_ID_UNBREAKABLE = frozenset({"ng", "ny", "sy", "kh", "ai", "au", "oi", "ei"})
# Endings written onto a word (dengannya, ambillah, bukumu): the stem breaks as the stem does.
_ID_CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")


def load_exceptions(path: Path) -> dict[str, tuple[int, ...]]:
    """Read an exception list: one word a line, hyphens where it may break, # comments.

    A word written without hyphens never breaks. Keys are lower case.
    """
    table: dict[str, tuple[int, ...]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split("-")
        cuts, at = [], 0
        for part in parts[:-1]:
            at += len(part)
            cuts.append(at)
        table["".join(parts).lower()] = tuple(cuts)
    return table


class Hyphenator:
    """Break points for one language; call it with a word for reportlab."""

    def __init__(self, lang: str, exceptions: dict[str, tuple[int, ...]]) -> None:
        self.lang = lang
        self.exceptions = exceptions
        self._pyphen = pyphen.Pyphen(lang=_PYPHEN_LANG[lang], left=_MIN_LEFT, right=_MIN_RIGHT)

    def positions(self, word: str) -> list[int]:
        """Indices in `word` before which a break is allowed, ascending.

        A word written with hyphens (masing-masing, anak-anaknya) breaks only right after a
        hyphen: the line end shows that hyphen and needs none of its own, and the halves of a
        repeated word stay whole. Never just before a hyphen, which would print it twice.
        """
        if "-" not in word:
            return self._plain(word)
        cuts = [i + 1 for i, c in enumerate(word) if c == "-"]
        return [p for p in cuts if _MIN_LEFT <= p <= len(word) - _MIN_RIGHT]

    def _plain(self, word: str) -> list[int]:
        cuts = self._listed(word.lower())
        if cuts is None:
            cuts = [int(p) for p in self._pyphen.positions(word)]
            if self.lang == "id":
                cuts = [p for p in cuts if _indonesian_break_ok(word, p)]
        return [p for p in cuts if _MIN_LEFT <= p <= len(word) - _MIN_RIGHT]

    def _listed(self, lower: str) -> list[int] | None:
        if lower in self.exceptions:
            return list(self.exceptions[lower])
        if self.lang == "id":
            for clitic in _ID_CLITICS:
                stem = lower[: -len(clitic)]
                if lower.endswith(clitic) and stem in self.exceptions:
                    return [*self.exceptions[stem], len(stem)]
        return None

    def __deepcopy__(self, memo: dict[int, object]) -> Hyphenator:
        # Never changed once made, and shared by every style of its language. reportlab's
        # balanced columns deep-copy their paragraphs, styles included, for every split they
        # try; a copy of the pyphen dictionary took 75 ms each, most of a two-column build.
        return self

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        for p in reversed(self.positions(word)):
            yield word[:p], word[p:]


def _indonesian_break_ok(word: str, p: int) -> bool:
    before, after = word[p - 1], word[p]
    # A single consonant before a vowel starts that vowel's syllable (ke-se-ha-tan,
    # men-de-ngar-kan); the patterns often break before the vowel instead (mendeng-arkan).
    if after in _VOWELS and before.isalpha() and before not in _VOWELS:
        return False
    return (before + after).lower() not in _ID_UNBREAKABLE


@functools.cache
def hyphenator(lang: str) -> Hyphenator:
    """The hyphenator for "id" or "en", with its exception list."""
    path = data_dir("assets") / "hyphenation" / f"{lang}.txt"
    return Hyphenator(lang, load_exceptions(path))


# What reportlab may call as a hyphenator: a language's, or a paragraph's `WordBreaks`.
BreakPoints = Callable[[str], Iterator[tuple[str, str]]]


def word_key(word: str) -> str:
    """A word as the break rules look it up: lower case, without the punctuation around it
    (reportlab gives the hyphenator a word without it; a paragraph's text has it)."""
    return word.strip(_PUNCTUATION).lower()


_PUNCTUATION = "\"'()[]{}<>.,;:!?\u201c\u201d\u2018\u2019\u00ab\u00bb\u2014\u2013-\u2026*_"


class WordBreaks:
    """The break points of one paragraph: its language's hyphenator, except for words
    marked in another language (their language's) and words that must not break (none).
    A paragraph asks for the latter itself to keep a rule: its last word, the word at a
    page turn, a third hyphenated line in a row (see `paragraph.Para`)."""

    def __init__(
        self, base: BreakPoints | None, words: dict[str, BreakPoints | None] | None = None
    ) -> None:
        self.base = base
        self.words = dict(words or {})

    def with_words(self, words: dict[str, BreakPoints | None]) -> WordBreaks:
        return WordBreaks(self.base, {**self.words, **words})

    def refusing(self, word: str) -> WordBreaks:
        return self.with_words({word_key(word): None})

    def __deepcopy__(self, memo: dict[int, object]) -> WordBreaks:
        return self  # never changed once made (see Hyphenator.__deepcopy__)

    def refuses(self, word: str) -> bool:
        key = word_key(word)
        return key in self.words and self.words[key] is None

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        key = word_key(word)
        found = self.words.get(key, self.base)
        if found is not None:
            yield from found(word)


def marked_words(
    items: Iterable[tuple[str, str | None, bool]],
) -> dict[str, BreakPoints | None]:
    """The words of a paragraph marked in text, from its (text, lang, nobreak) pieces:
    `[Support Groups]{lang=en}` -> {"support": en, "groups": en}; `[Sahabat
    Mental]{nobreak}` -> {"sahabat": None, "mental": None} (never broken)."""
    found: dict[str, BreakPoints | None] = {}
    for text, lang, nobreak in items:
        if not lang and not nobreak:
            continue
        breaks = None if nobreak else hyphenator(lang or "id")
        # A nobreak name's words are joined by no-break spaces: reportlab sees one word.
        for word in {*text.split(), *text.split(" "), *text.split("\u00a0")}:
            if key := word_key(word):
                found[key] = breaks
    return found
