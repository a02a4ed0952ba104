"""Plain-text tables of scenario results, one section per target year."""

from __future__ import annotations

import textwrap

from collections.abc import Mapping, Sequence

from kttt._display import level
from kttt._labels import localize_digits, pick
from kttt.series import Observation
from kttt.targets import Target


_FIRST_WIDTH = 40
_NO_DATA = {"vi": "chưa có số liệu", "en": "no data"}


def percent(share: float, lang: str) -> str:
    """Write a share from 0 to 1 as a whole percentage."""
    return localize_digits(f"{share * 100:.0f} %", lang)


def target_cells(
    target: Target, latest: Observation | None, lang: str
) -> list[str]:
    """Return the indicator, the target and the latest observation."""
    if latest is None:
        seen = _NO_DATA[lang]
    else:
        unit = target.indicator.unit.symbol
        seen = f"{latest.year}: {level(latest.value, lang)}{unit}"
    return [target.indicator.label(lang), target.describe(lang), seen]


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(
        cell.ljust(width) for cell, width in zip(cells, widths, strict=True)
    ).rstrip()


def render(
    lang: str,
    headers: Mapping[str, Sequence[str]],
    title: Mapping[str, str],
    rows: Sequence[tuple[Target, Sequence[str]]],
) -> str:
    """Return *title* and one section per target year of *rows*, in *lang*.

    Each row is a target and its cells, the indicator's label first.

    Raises:
        ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
    """
    names = headers[pick(lang, "vi", "en")]
    widths = [len(h) for h in names]
    widths[0] = _FIRST_WIDTH
    for _, cells in rows:
        for index, cell in enumerate(cells[1:], start=1):
            widths[index] = max(widths[index], len(cell))
    lines = [title[lang], ""]
    for year in sorted({target.horizon for target, _ in rows}):
        lines.append(f"{pick(lang, 'Đến năm', 'By')} {year}")
        lines.append(_line(names, widths))
        lines.append(_line(["-" * w for w in widths], widths))
        for target, cells in rows:
            if target.horizon != year:
                continue
            wrapped = textwrap.wrap(cells[0], _FIRST_WIDTH) or [""]
            lines.append(_line([wrapped[0], *cells[1:]], widths))
            lines.extend(
                _line([more] + [""] * (len(cells) - 1), widths)
                for more in wrapped[1:]
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
