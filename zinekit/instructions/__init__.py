"""Help printed on paper: a layout and its plan -> a one-page PDF saying how to print, fold,
cut and staple (`instruction_page`); a sheet size -> the two-sided test sheet that tells
which --duplex a printer needs (`calibration_sheet`).

Drawn with reportlab in grey only (DeviceGray), text in the embedded Noto Sans, words from
assets/i18n-print/ and the layouts' [[steps]]; sketches are shapes, never symbol glyphs.
"""

from zinekit.instructions.page import instruction_page
from zinekit.instructions.words import LANGS, document_lang

__all__ = ["LANGS", "document_lang", "instruction_page"]
