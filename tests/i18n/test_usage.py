"""The command line's own words: typer's usage errors and the frame of --help, in both
languages. Each case makes typer raise its real error, so a typer that words an error
differently (and `zinekit.cli.usage` no longer recognises it) fails here."""

from __future__ import annotations

import pytest

from tests.runner import run_zinekit

CASES = [
    (
        ["build", "x.yaml", "--duplex", "bogus"],
        "zinekit: error: Invalid value for '--duplex': 'bogus' is not one of 'long', 'short'"
        " or 'manual'. (see 'zinekit build --help')",
        "zinekit: kesalahan: nilai untuk '--duplex' tidak bisa dipakai: 'bogus' bukan salah"
        " satu dari 'long', 'short' atau 'manual'. (lihat 'zinekit build --help')",
    ),
    (
        ["build", "x.yaml", "--guides=3"],
        "zinekit: error: Option '--guides' does not take a value. (see 'zinekit build --help')",
        "zinekit: kesalahan: opsi '--guides' tidak menerima nilai. (lihat 'zinekit build --help')",
    ),
    (
        ["impose", "a.pdf", "b", "c"],
        "zinekit: error: Got unexpected extra argument(s) (b c) (see 'zinekit impose --help')",
        "zinekit: kesalahan: ada argumen lebih yang tidak dikenal (b c)"
        " (lihat 'zinekit impose --help')",
    ),
    (
        ["calibrate", "--sheet"],
        "zinekit: error: Option '--sheet' requires an argument. (see 'zinekit calibrate --help')",
        "zinekit: kesalahan: opsi '--sheet' perlu diberi nilai. (lihat 'zinekit calibrate --help')",
    ),
    (
        ["check", "x.pdf", "--dpi", "3"],
        "zinekit: error: No such option: --dpi (see 'zinekit check --help')",
        "zinekit: kesalahan: tidak ada opsi --dpi (lihat 'zinekit check --help')",
    ),
    (
        ["buil"],
        "zinekit: error: No such command 'buil'. Did you mean 'build'? (see 'zinekit --help')",
        "zinekit: kesalahan: tidak ada perintah 'buil'. Maksudnya 'build'?"
        " (lihat 'zinekit --help')",
    ),
    (
        ["build"],
        "zinekit: error: Missing argument 'content'. (see 'zinekit build --help')",
        "zinekit: kesalahan: argumen 'content' belum diisi. (lihat 'zinekit build --help')",
    ),
    (
        ["impose", "x.pdf", "--signature-sheets", "abc"],
        "zinekit: error: Invalid value for '--signature-sheets': 'abc' is not a whole number."
        " (see 'zinekit impose --help')",
        "zinekit: kesalahan: nilai untuk '--signature-sheets' tidak bisa dipakai: 'abc' bukan"
        " bilangan bulat. (lihat 'zinekit impose --help')",
    ),
    (
        ["impose", "x.pdf", "--signature-sheets", "0"],
        "zinekit: error: Invalid value for '--signature-sheets': 0 is not in the range x>=1."
        " (see 'zinekit impose --help')",
        "zinekit: kesalahan: nilai untuk '--signature-sheets' tidak bisa dipakai: 0 di luar"
        " rentang x>=1. (lihat 'zinekit impose --help')",
    ),
]


@pytest.mark.parametrize(("args", "english", "indonesian"), CASES)
def test_usage_errors_in_both_languages(
    tmp_path, monkeypatch, args: list[str], english: str, indonesian: str
) -> None:
    monkeypatch.chdir(tmp_path)
    for lang, expected in (("en", english), ("id", indonesian)):
        run = run_zinekit("--lang", lang, *args)
        assert run.code == 2
        assert run.lines == [expected]
    assert list(tmp_path.iterdir()) == []


def test_lang_anywhere_on_the_line() -> None:
    assert run_zinekit("build", "--lang", "id").lines == [CASES[6][2]]
    assert run_zinekit("build", "--lang=id").lines == [CASES[6][2]]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["--lang", "fr", "build"],
            "zinekit: error: --lang 'fr' is not a language zinekit"
            " speaks (hint: use id (Indonesian) or en (English))",
        ),
        (["build", "--lang"], "zinekit: error: --lang needs a value"),
    ],
)
def test_a_wrong_lang_is_a_usage_error(args: list[str], line: str) -> None:
    run = run_zinekit(*args)
    assert (run.code, run.lines) == (2, [line])


def test_a_wrong_zinekit_lang_is_said_in_english(monkeypatch) -> None:
    monkeypatch.setenv("ZINEKIT_LANG", "xx")
    run = run_zinekit("build")
    assert run.code == 2
    assert run.lines == [
        "zinekit: error: ZINEKIT_LANG 'xx' is not a language zinekit speaks"
        " (hint: use id (Indonesian) or en (English))"
    ]


@pytest.mark.parametrize("command", [[], ["build"], ["impose"], ["check"]])
def test_help_frame_in_indonesian(command: list[str]) -> None:
    run = run_zinekit("--lang", "id", *command, "--help")
    assert run.code == 0
    text = " ".join(run.stdout.split())  # options' help wraps at any space
    assert text.startswith("Cara pakai: zinekit")
    assert "Opsi:" in text and "Tampilkan bantuan ini lalu keluar." in text
    for english in (
        "Usage:",
        "Options:",
        "Arguments:",
        "Commands:",
        "Show this message",
        "[required]",
        "[default:",
        "[OPTIONS]",
    ):
        assert english not in text, english
    if command == ["build"]:
        assert "Argumen:" in text and "[wajib]" in text and "[bawaan: long]" in text
    if not command:
        assert "Perintah:" in text and "[OPSI] PERINTAH [ARGUMEN]..." in text


def test_help_frame_in_english() -> None:
    text = " ".join(run_zinekit("--lang", "en", "build", "--help").stdout.split())
    assert text.startswith("Usage: zinekit build [OPTIONS]")
    assert "Arguments:" in text and "[required]" in text and "[default: long]" in text
    assert "Show this message and exit." in text


def test_help_follows_the_language_of_each_run_in_one_process() -> None:
    """A command's module is imported once per process, in the language of the first run
    that needs it; its --help is worded again in the language of every later run."""
    for lang, words in (("id", "Cara pakai"), ("en", "Usage"), ("id", "Cara pakai")):
        for command in ("check", "build", "new"):
            text = " ".join(run_zinekit("--lang", lang, command, "--help").stdout.split())
            assert text.startswith(f"{words}: zinekit {command}"), text[:60]
            if lang == "en":
                assert "Show this message and exit." in text
                assert "Tampilkan" not in text and "berkas" not in text.lower(), text
            else:
                assert "Tampilkan bantuan ini lalu keluar." in text
