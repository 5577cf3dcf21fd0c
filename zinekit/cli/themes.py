"""`zinekit themes`: list the built-in themes and the fonts of each role."""

from __future__ import annotations

from zinekit.cli.app import app, command_help
from zinekit.i18n import say


@app.command("themes", help=command_help("themes"))
def themes_command() -> None:
    """List the built-in themes: what each looks like and its font for every role."""
    from zinekit.themes.load import builtin_dir, builtin_names, load_theme
    from zinekit.themes.model import ROLES

    for name in builtin_names():
        theme = load_theme(name)
        spec = theme.spec
        print(name)
        print(f"  {theme.description}")
        for role in ROLES:
            print(f"  {role + ':':13}{theme.fonts[role].name}")
        print(say("cli.themes.cover", template=spec.cover.template))
        print()
    print(say("cli.themes.choose", path=builtin_dir() / "sans.toml"))
