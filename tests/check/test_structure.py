"""The file itself: what pypdf repaired on reading, and `qpdf --check`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests import wildgen
from tests.check.helpers import detail_texts
from zinekit.check import tools
from zinekit.check.report import Status
from zinekit.check.structure import check_qpdf, check_structure

needs_qpdf = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")


def test_no_repairs_pass() -> None:
    assert check_structure([]).status == Status.PASS


def test_repairs_warn_once_each() -> None:
    result = check_structure(
        ["Ignoring wrong pointing object 1 0", "  xref  repaired ", "xref repaired"]
    )
    assert result.status == Status.WARN
    assert detail_texts(result) == ["Ignoring wrong pointing object 1 0", "xref repaired"]


@needs_qpdf
@pytest.mark.parametrize(
    ("data", "status"),
    [
        (wildgen.text_pdf(2), Status.PASS),
        (wildgen.wrong_xref_offsets(), Status.WARN),
        (wildgen.bad_ascii85(), Status.FAIL),
    ],
)
def test_qpdf_check(tmp_path: Path, data: bytes, status: Status) -> None:
    path = tmp_path / "-starts-like-an-option.pdf"
    path.write_bytes(data)
    result = check_qpdf(path, None)
    assert result.status == status
    # qpdf's lines, without the file name it starts them with.
    assert all(str(tmp_path) not in text for text in detail_texts(result))


@needs_qpdf
def test_qpdf_gets_the_password(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(wildgen.encrypted("sesame", "AES-128"))
    assert check_qpdf(path, "sesame").status == Status.PASS


def test_qpdf_is_skipped_with_a_note_when_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tools.shutil, "which", lambda name: None)
    result = check_qpdf(tmp_path / "in.pdf", None)
    assert result.status == Status.SKIP
    assert result.message == "skipped: qpdf is not installed"
