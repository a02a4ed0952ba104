"""Plain-text tables of scenario results, one section per target year."""

from __future__ import annotations

import textwrap

from collections.abc import Mapping, Sequence

import attrs

from kttt._labels import localize_digits, pick
from kttt.errors import ValidationError
from kttt.series import Observation
from kttt.targets import Target


_FIRST_WIDTH = 40
_NO_DATA = {"vi": "chưa có số liệu", "en": "no data"}


def level(value: float, lang: str) -> str:
    """Write a level with digit grouping in *lang* (whole above 100)."""
    digits = 0 if abs(value) >= 100 else 1
    return localize_digits(f"{value:,.{digits}f}", lang)


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


@attrs.define
class Table:
    """Rows of cells by target, rendered one section per target year."""

    lang: str
    headers: Sequence[str]
    rows: list[tuple[int, list[str]]] = attrs.field(
        factory=list[tuple[int, list[str]]]
    )

    @classmethod
    def of(cls, lang: str, headers: Mapping[str, Sequence[str]]) -> Table:
        """Return an empty table with the *headers* of *lang*.

        Raises:
            ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
        """
        if lang not in headers:
            raise ValidationError("lang", lang, "must be 'vi' or 'en'")
        return cls(lang, headers[lang])

    def add(self, target: Target, cells: list[str]) -> None:
        """Add the row of *target*."""
        self.rows.append((target.horizon, cells))

    def render(self, title: str, horizons: Sequence[int]) -> str:
        """Return the title and one section per target year."""
        widths = [len(h) for h in self.headers]
        widths[0] = _FIRST_WIDTH
        for _, cells in self.rows:
            for index, cell in enumerate(cells[1:], start=1):
                widths[index] = max(widths[index], len(cell))
        lines = [title, ""]
        for year in horizons:
            lines.append(f"{pick(self.lang, 'Đến năm', 'By')} {year}")
            lines.append(_line(self.headers, widths))
            lines.append(_line(["-" * w for w in widths], widths))
            for horizon, cells in self.rows:
                if horizon != year:
                    continue
                wrapped = textwrap.wrap(cells[0], _FIRST_WIDTH) or [""]
                lines.append(_line([wrapped[0], *cells[1:]], widths))
                lines.extend(
                    _line([more] + [""] * (len(cells) - 1), widths)
                    for more in wrapped[1:]
                )
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"
