"""Tests of the ``kttt committees`` command."""

from __future__ import annotations

import pytest

from kttt.cli import main


def run(capsys, *argv: str) -> tuple[int, str]:
    status = main(["committees", *argv])
    out, _ = capsys.readouterr()
    return status, out


def test_default_is_the_seed_figures_in_vietnamese(capsys):
    """The 2023 figures of seed 000, on the 63 provinces."""
    status, out = run(capsys)

    assert 0 == status
    lines = dict(
        line.rsplit(None, 1) for line in out.splitlines()[2:7] if line
    )
    assert {
        "Số tỉnh, thành phố": "63",
        "Cơ quan thường trực không phải Sở Kế hoạch và Đầu tư": "12",
        "Có Tổ giúp việc": "5",
        "Có Ban Chỉ đạo cấp huyện": "45",
        "Có đầu mối cấp xã": "15",
    } == {key.strip(): value for key, value in lines.items()}


def test_regrouped_in_english(capsys):
    """On the 34, counts known only as totals cannot be told."""
    status, out = run(capsys, "--era", "34", "--lang", "en")

    assert 0 == status
    assert "Provinces" in out
    assert "With district committees" in out
    assert "cannot be told" in out


def test_bad_era_is_refused(capsys):
    """Only the 63 and the 34 exist."""
    with pytest.raises(SystemExit) as info:
        main(["committees", "--era", "40"])

    assert 2 == info.value.code
    assert "invalid choice" in capsys.readouterr().err
