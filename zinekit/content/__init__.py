"""Content files (YAML) to a validated `Publication`, with the line and column of every key
kept for messages; every mistake in a file is reported at once (`loader.load_publication`).
"""
