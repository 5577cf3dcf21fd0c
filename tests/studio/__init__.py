"""Tests of `zinekit studio` and `build --watch`."""

# The short mini-zine the studio's server and browser tests open.
ZINE = """\
title: Lingkar Dengar
lang: id
layout: minizine
blocks:
  - heading: Selamat datang
  - text: Di sini kita bergantian bicara dan mendengar.
"""
