"""Themes: how a publication looks, as data. A theme file (themes/*.toml, or the user's
own) names a font per role, a type scale, spacing, rules and ornaments, heading, kicker
and cover styles and the page-number style; the typesetter reads roles and factors from
the `Theme`, never font names or sizes of its own.

`model` is the pydantic model of a theme file (the fields of themes/README.md); `load`
reads a file through `zinekit.validation` (errors at file:line:column, worded by
assets/messages/<lang>/theme-errors.toml) and resolves its font files in assets/fonts/.
"""

from zinekit.themes.load import DEFAULT_THEME, Theme, builtin_names, load_theme

__all__ = ["DEFAULT_THEME", "Theme", "builtin_names", "load_theme"]
