"""Regenerate ruang-dengar.pdf, the 12-page A5 sample zine the quick start imposes.

It stands in for a PDF made elsewhere (LibreOffice, Scribus, Canva): zinekit imposes it
like any other. Run: python samples/make_sample_pdf.py
"""

from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONTS = Path(reportlab.__file__).parent / "fonts"
pdfmetrics.registerFont(TTFont("Vera", FONTS / "Vera.ttf"))
pdfmetrics.registerFont(TTFont("Vera-Bold", FONTS / "VeraBd.ttf"))

PAGES = [
    ("Ruang Dengar", ["Zine kecil untuk kelompok dukungan sebaya", "", "Edisi contoh"]),
    (
        "Sebelum mulai",
        [
            "Kita datang untuk saling mendengar,",
            "bukan untuk saling menilai.",
            "Ambil napas. Kamu boleh diam dulu.",
        ],
    ),
    (
        "Kesepakatan 1",
        ["Yang dibagikan di sini tetap di sini.", "Cerita orang lain bukan milik kita."],
    ),
    ("Kesepakatan 2", ["Bicara dari pengalaman sendiri:", 'pakai kata "aku", bukan "kamu harus".']),
    ("Kesepakatan 3", ["Tidak ada nasihat yang tidak diminta.", "Dengarkan sampai selesai."]),
    ("Kesepakatan 4", ["Boleh keluar ruangan kapan saja.", "Boleh memilih untuk tidak bercerita."]),
    (
        "Tak apa-apa",
        [
            "Kalau kamu merasa lelah, tak apa-apa.",
            "Kalau kamu merasa bingung, tak apa-apa.",
            "Kalau kamu merasa marah, tak apa-apa.",
        ],
    ),
    (
        "Tulis sendiri",
        [
            "Kalau kamu merasa ..., tak apa-apa.",
            "",
            "______________________________",
            "______________________________",
            "______________________________",
        ],
    ),
    (
        "Mendengar",
        ["Tatap, angguk, beri jeda.", "Ulangi dengan kata-katamu sendiri", "apa yang kamu dengar."],
    ),
    (
        "Bacaan",
        [
            "Zine: Catatan Pemulihan (2019)",
            "Film: Hari-Hari Biasa (2021)",
            "Buku: Ruang Aman (2017)",
        ],
    ),
    (
        "Catatan",
        [
            "",
            "______________________________",
            "______________________________",
            "______________________________",
        ],
    ),
    (
        "Sampai jumpa",
        [
            "Terima kasih sudah hadir.",
            "Kontak: ruangdengar@example.org",
            "Bebas difotokopi dan dibagikan.",
        ],
    ),
]


def main() -> None:
    out = Path(__file__).with_name("ruang-dengar.pdf")
    width, height = A5
    # initialFontName: otherwise reportlab lists an unembedded Helvetica on every page.
    c = canvas.Canvas(str(out), pagesize=A5, invariant=True, initialFontName="Vera")
    c.setTitle("Ruang Dengar")
    c.setAuthor("zinekit samples")
    for number, (title, lines) in enumerate(PAGES, start=1):
        c.setLineWidth(1.5)
        c.rect(24, 24, width - 48, height - 48)
        c.setFont("Vera-Bold", 26 if number == 1 else 20)
        c.drawCentredString(width / 2, height - 110, title)
        c.setFont("Vera", 11)
        for i, line in enumerate(lines):
            c.drawCentredString(width / 2, height - 170 - 20 * i, line)
        if 1 < number < len(PAGES):
            c.setFont("Vera", 9)
            c.drawCentredString(width / 2, 36, str(number))
        c.showPage()
    c.save()


if __name__ == "__main__":
    main()
