"""Files people write by hand (content YAML, layout TOML) checked the same way.

A reader turns a file's bytes into a `Document`: plain values plus the line and column of
every key and value. A pydantic model validates the values; `Explainer` maps each of
pydantic's errors back to a position and words it through a `Messages` table read from
assets/messages/. Which reader, model and table is up to the caller: this package knows
nothing of content or layouts, so every stage (impose included) can use it.
"""
