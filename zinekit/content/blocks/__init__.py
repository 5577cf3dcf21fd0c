"""The kinds of block, one module per family, each declaring its models and a `BlockKind`
per kind (listed in `zinekit.content.registry`)."""
