"""Imposition: a layout and a page count give a plan (pure values); the plan and a PDF give
print-ready sheets.

`layout` reads layout files, `target` what pages a layout takes (size, bleed, binding,
where blanks go), `plan` computes which page goes where, `geometry` turns a cell into a
transform, `marks` frames the sheet and draws printer's marks, and `sheets` turns the
plan's sides into drawing operations that `zinekit.pdf` (the only package that reads and
writes PDF files) writes out. Nothing here knows about content files or typesetting: it
works on any PDF.
"""
