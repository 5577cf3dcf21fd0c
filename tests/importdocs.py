"""Word-processor documents for the `zinekit import` tests, made the way the tools write them.

Each maker writes one document holding the same things: a title, headings, bold and italic,
a bullet and a numbered list, a table, a link, a block quote and an image, plus what an import
cannot carry over (a footnote or a comment, coloured text, a `javascript:` link). The words are
the same in all three (`WORDS`), so a test reads any of them back the same way.

python-docx writes .docx as Word does; odfpy writes .odt as LibreOffice does.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

TITLE = "Lingkar Dengar"
WORDS = {
    "heading": "Cara kita bertemu",
    "subheading": "Sebelum mulai",
    "bold": "tidak ada yang wajib bicara",
    "italic": "listening space",
    "bullets": ["Datang tepat waktu", "Matikan suara ponsel"],
    "numbers": ["Tarik napas", "Ceritakan satu hal"],
    "quote": "Didengar itu sudah separuh pulih.",
    "link_text": "situs kami",
    "link": "https://example.org/lingkar",
    "bad_link_text": "klik di sini",
    "bad_link": "javascript:alert(1)",
    "table": [["Hari", "Perasaan"], ["Senin", "lega"], ["Selasa", "capek"]],
    "footnote": "Catatan kaki yang tidak ikut.",
    "alt": "Dua kursi berhadapan",
}


def png_bytes(colour: tuple[int, int, int] = (200, 80, 40)) -> bytes:
    """A small PNG (a coloured square), made with Pillow."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def make_docx(path: Path) -> Path:
    """A .docx as Word or Google Docs exports it, with a comment and coloured text."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches, RGBColor

    w = WORDS
    doc = docx.Document()
    doc.core_properties.title = TITLE
    doc.core_properties.language = "id-ID"
    doc.add_heading(w["heading"], level=1)
    para = doc.add_paragraph("Di sini ")
    para.add_run(w["bold"]).bold = True
    para.add_run(", dan ini sebuah ")
    para.add_run(w["italic"]).italic = True
    para.add_run(".")
    coloured = doc.add_paragraph().add_run("Kalimat berwarna merah.")
    coloured.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    doc.add_comment(coloured, text="Ubah warnanya?", author="Rina")
    doc.add_heading(w["subheading"], level=2)
    for item in w["bullets"]:
        doc.add_paragraph(item, style="List Bullet")
    for item in w["numbers"]:
        doc.add_paragraph(item, style="List Number")
    doc.add_paragraph(w["quote"], style="Quote")
    rows = w["table"]
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    links = doc.add_paragraph("Kunjungi ")
    for text, url in ((w["link_text"], w["link"]), (w["bad_link_text"], w["bad_link"])):
        rel = doc.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel)
        run = OxmlElement("w:r")
        text_el = OxmlElement("w:t")
        text_el.text = text
        run.append(text_el)
        link.append(run)
        links._p.append(link)
        links.add_run(" ")
    picture = doc.add_paragraph().add_run().add_picture(io.BytesIO(png_bytes()), Inches(1))
    picture._inline.docPr.set("descr", w["alt"])
    doc.save(str(path))
    return path


def make_odt(path: Path) -> Path:
    """An .odt as LibreOffice saves it, with a footnote and coloured text."""
    from odf import dc, draw, svg, table, text
    from odf.opendocument import OpenDocumentText
    from odf.style import ListLevelProperties, ParagraphProperties, Style, TextProperties
    from odf.text import ListLevelStyleBullet, ListLevelStyleNumber, ListStyle

    w = WORDS
    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=TITLE))
    doc.meta.addElement(dc.Language(text="id-ID"))
    styles = {}
    for name, props in (
        ("Bold", {"fontweight": "bold"}),
        ("Italic", {"fontstyle": "italic"}),
        ("Red", {"color": "#c00000"}),
    ):
        style = Style(name=name, family="text")
        style.addElement(TextProperties(**props))
        doc.automaticstyles.addElement(style)
        styles[name] = style
    quote = Style(name="Quotations", family="paragraph")
    quote.addElement(ParagraphProperties(marginleft="1cm", marginright="1cm"))
    doc.styles.addElement(quote)
    bullet = ListStyle(name="Bullets")
    level = ListLevelStyleBullet(level=1, bulletchar="•")
    level.addElement(ListLevelProperties())
    bullet.addElement(level)
    number = ListStyle(name="Numbers")
    level = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
    level.addElement(ListLevelProperties())
    number.addElement(level)
    doc.automaticstyles.addElement(bullet)
    doc.automaticstyles.addElement(number)

    body = doc.text
    body.addElement(text.H(outlinelevel=1, text=w["heading"]))
    para = text.P(text="Di sini ")
    para.addElement(text.Span(stylename=styles["Bold"], text=w["bold"]))
    para.addText(", dan ini sebuah ")
    para.addElement(text.Span(stylename=styles["Italic"], text=w["italic"]))
    para.addText(".")
    note = text.Note(noteclass="footnote", id="ftn1")
    note.addElement(text.NoteCitation(text="1"))
    note_body = text.NoteBody()
    note_body.addElement(text.P(text=w["footnote"]))
    note.addElement(note_body)
    para.addElement(note)
    body.addElement(para)
    red = text.P()
    red.addElement(text.Span(stylename=styles["Red"], text="Kalimat berwarna merah."))
    body.addElement(red)
    body.addElement(text.H(outlinelevel=2, text=w["subheading"]))
    for items, style in ((w["bullets"], bullet), (w["numbers"], number)):
        lst = text.List(stylename=style)
        for item in items:
            li = text.ListItem()
            li.addElement(text.P(text=item))
            lst.addElement(li)
        body.addElement(lst)
    body.addElement(text.P(stylename=quote, text=w["quote"]))
    rows = w["table"]
    grid = table.Table(name="Tabel1")
    grid.addElement(table.TableColumn(numbercolumnsrepeated=len(rows[0])))
    for r, row in enumerate(rows):
        tr = table.TableRow()
        for cell in row:
            tc = table.TableCell()
            tc.addElement(text.P(text=cell))
            tr.addElement(tc)
        if r == 0:
            head = table.TableHeaderRows()
            head.addElement(tr)
            grid.addElement(head)
        else:
            grid.addElement(tr)
    body.addElement(grid)
    links = text.P(text="Kunjungi ")
    for label, url in ((w["link_text"], w["link"]), (w["bad_link_text"], w["bad_link"])):
        links.addElement(text.A(href=url, type="simple", text=label))
        links.addText(" ")
    body.addElement(links)
    href = doc.addPicture("Pictures/kursi.png", "image/png", png_bytes())
    frame = draw.Frame(width="2cm", height="1.5cm", anchortype="as-char")
    frame.addElement(draw.Image(href=href))
    frame.addElement(svg.Title(text=w["alt"]))
    pic = text.P()
    pic.addElement(frame)
    body.addElement(pic)
    doc.save(str(path))
    return path


def make_html(path: Path) -> Path:
    """An .html page (as a browser saves one) with an inline image, a script and a footnote."""
    w = WORDS
    image = base64.b64encode(png_bytes()).decode("ascii")
    bullets = "".join(f"<li>{item}</li>" for item in w["bullets"])
    numbers = "".join(f"<li>{item}</li>" for item in w["numbers"])
    head, *rows = w["table"]
    table = (
        "<table><thead><tr>"
        + "".join(f"<th>{c}</th>" for c in head)
        + "</tr></thead><tbody>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        + "</tbody></table>"
    )
    path.write_text(
        f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{TITLE}</title>
<script>alert("tidak dijalankan")</script></head>
<body>
<h1>{w["heading"]}</h1>
<p>Di sini <strong>{w["bold"]}</strong>, dan ini sebuah <em>{w["italic"]}</em>.</p>
<p><span style="color: red">Kalimat berwarna merah.</span></p>
<h2>{w["subheading"]}</h2>
<ul>{bullets}</ul>
<ol>{numbers}</ol>
<blockquote><p>{w["quote"]}</p></blockquote>
{table}
<p>Kunjungi <a href="{w["link"]}">{w["link_text"]}</a>
<a href="{w["bad_link"]}">{w["bad_link_text"]}</a></p>
<p><img src="data:image/png;base64,{image}" alt="{w["alt"]}"></p>
</body></html>
""",
        encoding="utf-8",
    )
    return path
