"""What stays together across a page turn, read from the PDF: a QR code with its resource
entry (its title and its address on the same page)."""

from __future__ import annotations

import pytest

from tests.typeset.helpers import A7, PARAGRAPH_ID, page_texts, paths, publication, run
from zinekit.units import mm

LINKS = [
    "https://example.org/sahabat",
    "https://example.org/kelompok-dukungan-sebaya/jadwal-pertemuan-bulanan-2024?kota=bandung",
]


def _qr_pages(pdf: bytes, count: int) -> list[int]:
    """The pages with a QR code: a filled square at least 10 mm wide."""
    return [
        i
        for i in range(count)
        if any(
            p.filled and not p.stroked and p.width > mm(10) and abs(p.width - p.height) < 2
            for p in paths(pdf, i)
        )
    ]


@pytest.mark.parametrize("link", LINKS, ids=["beside", "under"])
def test_a_qr_code_never_leaves_its_entry(link: str) -> None:
    words = PARAGRAPH_ID.split()
    seen = 0
    for lead in range(0, 60, 4):
        blocks = [
            {"text": " ".join(words[:lead] or ["Awal."])},
            {"text": " ".join(words[: lead // 2 + 20])},
            {
                "resources": [
                    {
                        "kind": "site",
                        "title": "Sahabat Jiwa",
                        "note": "Ada jadwalnya.",
                        "link": link,
                    }
                ]
            },
        ]
        result = run(publication(blocks, cover=None), size=A7, binding="none")
        texts = page_texts(result.pdf)
        for page in _qr_pages(result.pdf, len(texts)):
            seen += 1
            text = texts[page].replace("\n", "")
            assert "Sahabat Jiwa" in text and "example.org" in text, (lead, texts[page])
    assert seen >= 10
