"""`zinekit layouts`: list the built-in layouts and how to fold them."""

from __future__ import annotations

import textwrap

from zinekit.cli.app import app, command_help
from zinekit.impose.layout import builtin_names, load_layout
from zinekit.impose.plan import Options, make_plan
from zinekit.units import describe_size

DUPLEX_ADVICE = """\
Which --duplex does my printer need?
  long    (default) your printer is set to "flip on long edge", most printers' default.
          On a landscape sheet that flip turns the back top over bottom, so zinekit turns
          the backs 180 degrees in the PDF: they read upright when you turn the sheet over
          like a book page.
  short   your printer is set to "flip on short edge" (on a portrait sheet, zinekit turns
          the backs instead).
  manual  no duplex unit: zinekit writes the fronts and the backs as two files and tells
          you how to feed the stack back in.
  To find out: print the test sheet of `zinekit calibrate` once, double-sided, and turn it
  over like a book page: the half of its back that reads upright names the setting.
  Or impose a short PDF with the default, print one sheet on both sides and turn it over
  like a book page. If the back is upside down, your printer flips on the other edge: use
  the other setting, or change it in the print dialog.
"""


@app.command("layouts", help=command_help("layouts"))
def layouts_command() -> None:
    """List the built-in layouts: sheet, page size, pages per sheet and how to fold."""
    for name in builtin_names():
        layout = load_layout(name)
        plan = make_plan(layout, layout.capacity or layout.pages_per_sheet, Options())
        sheet = describe_size(*plan.sheet_size)
        page = describe_size(*plan.cell_size)
        sides = "double-sided" if layout.sides == 2 else "single-sided"
        print(f"{name}")
        print(f"  {layout.description}")
        print(f"  sheet: {sheet} {layout.orientation}, {sides}")
        print(f"  page:  {page}; {layout.pages_per_sheet} pages per sheet")
        print(
            textwrap.fill(
                layout.fold, width=88, initial_indent="  fold:  ", subsequent_indent="         "
            )
        )
        print()
    print(DUPLEX_ADVICE, end="")
