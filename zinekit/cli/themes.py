"""`zinekit themes`: list the built-in themes and the fonts of each role."""

from __future__ import annotations

from zinekit.cli.app import app, command_help


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
        print(f"  cover:       {spec.cover.template}")
        print()
    print("Choose one with `theme: NAME` in the content file or `--theme NAME` on build;")
    print(f"write your own from a copy of {builtin_dir() / 'sans.toml'} (see README.md there).")
