"""`zinekit layouts`: list the built-in layouts and how to fold them."""

from __future__ import annotations

import textwrap

from zinekit.cli.app import app, command_help
from zinekit.i18n import say
from zinekit.impose.layout import builtin_names, load_layout, words
from zinekit.impose.plan import Options, make_plan
from zinekit.units import describe_size


@app.command("layouts", help=command_help("layouts"))
def layouts_command() -> None:
    """List the built-in layouts: sheet, page size, pages per sheet and how to fold."""
    for name in builtin_names():
        layout = load_layout(name)
        description, fold = words(layout)
        plan = make_plan(layout, layout.capacity or layout.pages_per_sheet, Options())
        sheet = describe_size(*plan.sheet_size)
        page = describe_size(*plan.cell_size)
        sides = say("cli.layouts.double" if layout.sides == 2 else "cli.layouts.single")
        orientation = say(f"cli.layouts.{layout.orientation}")
        print(f"{name}")
        print(f"  {description}")
        print(say("cli.layouts.sheet", sheet=sheet, orientation=orientation, sides=sides))
        print(say("cli.layouts.page", page=page, count=layout.pages_per_sheet))
        label = say("cli.layouts.fold")
        print(
            textwrap.fill(
                fold,
                width=88,
                initial_indent=label,
                subsequent_indent=" " * len(label),
                break_on_hyphens=False,  # "putus-putus" is one word, never cut at its hyphen
            )
        )
        print()
    print(say("cli.layouts.duplex-advice"))
