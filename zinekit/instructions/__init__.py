"""Help printed on paper: a layout and its plan -> a one-page PDF saying how to print, fold,
cut and staple (`instruction_page`); a sheet size -> the two-sided test sheet that tells
which --duplex a printer needs (`calibration_sheet`).

Drawn with reportlab in grey only (DeviceGray), text in the embedded Noto Sans, words
from assets/messages/<lang>/print.toml and the layouts' [[steps]]; sketches are shapes, never
symbol glyphs,
one module per family of them (printing, flat, folding), each naming the sketches it draws.
`STEP_SKETCHES` is every name a layout's step may give in `draw`.
"""

from zinekit.instructions.page import STEP_SKETCHES, instruction_page
from zinekit.instructions.words import LANGS, document_lang

__all__ = ["LANGS", "STEP_SKETCHES", "document_lang", "instruction_page"]
