"""The command line: one small module per command; the only place that knows every stage.

`zinekit.cli:main` is the entry point; the app, its table of commands and the mapping of
exceptions to exit codes live in `zinekit.cli.app`.
"""

from zinekit.cli.app import main

__all__ = ["main"]
