"""Typeset publications built in code, read back from the PDF: text in order, fonts, outline,
hyphenation, QR codes, ruled lines and page capacity measured on the output."""
