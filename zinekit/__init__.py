"""zinekit: structured content and existing PDFs to print-ready zines, booklets and handouts."""

__version__ = "0.1.0"
