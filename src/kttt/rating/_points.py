"""Points as a score sheet holds them: exact, compact and read-only.

`Points` is a mapping of criterion code to `decimal.Decimal` that stores
every value as a whole number of hundredths (or of a finer power of ten
when a value needs it), packed into `bytes`: about 100 bytes for fifteen
criteria where fifteen Decimals take 1,500.
Codes are shared between sheets entered the same way (a `Layout`).

Reading a value back gives a Decimal without trailing fractional zeros:
``Decimal("7.0")`` is held as 700 hundredths and reads back as
``Decimal("7")``, which is equal.
"""

from __future__ import annotations

import functools
import operator
import struct
import types

from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, cast

from kttt import _data
from kttt.errors import ValidationError
from kttt.rating._exact import (
    EXACT,
    check_number,
    check_points,
    decimal_of,
    exponent_of,
    scaled,
)


#: The exponent of the usual sheet: points in hundredths.
HUNDREDTHS: Final = -2
#: The largest number of points the shortcut for hundredths holds; larger
#: values (measures of revenue...) take the general path.
_SHORTCUT_LIMIT: Final = 10**7
#: How many layouts, and how many texts of numbers, are remembered.
_MEMORY: Final = 1 << 16

_CODE: Final = _data.text(unpadded=True)
_INT32: Final = 2**31
_INT64: Final = 2**63


class Layout:
    """The codes of a sheet, sorted, with what reads and packs its values.

    Sheets entered with the same codes in the same order share one layout.
    """

    __slots__ = ("_pack", "_unpack", "codes", "getter", "index")

    codes: tuple[str, ...]
    index: Mapping[str, int]
    getter: Callable[[Mapping[str, Any]], tuple[Any, ...]]

    def __init__(self, codes: tuple[str, ...]) -> None:
        self.codes = codes
        self.index = {code: i for i, code in enumerate(codes)}
        self.getter = picker(codes)
        self._pack = (_struct(len(codes), "i"), _struct(len(codes), "q"))
        self._unpack = {s.size: s.unpack for s in self._pack}

    def pack_small(self, values: tuple[int, ...]) -> bytes:
        """Return *values*, each known to fit in 32 bits, packed."""
        return self._pack[0].pack(*values)

    def pack(self, values: tuple[int, ...]) -> bytes | tuple[int, ...]:
        """Return *values* packed (32- or 64-bit), or as they are if huge."""
        if not values:
            return b""
        least, most = min(values), max(values)
        if least >= -_INT32 and most < _INT32:
            return self._pack[0].pack(*values)
        if least >= -_INT64 and most < _INT64:
            return self._pack[1].pack(*values)
        return values

    def unpack(self, data: bytes | tuple[int, ...]) -> tuple[int, ...]:
        """Return the whole numbers *data* holds."""
        if isinstance(data, tuple):
            return data
        return cast("tuple[int, ...]", self._unpack[len(data)](data))


@functools.cache
def _struct(count: int, kind: str) -> struct.Struct:
    return struct.Struct(f"<{count}{kind}")


def picker(keys: Sequence[Any]) -> Callable[[Any], tuple[Any, ...]]:
    """Return what picks the items at *keys* out of a sequence or mapping.

    Like `operator.itemgetter`, but it always returns a tuple.
    """
    if len(keys) > 1:
        return operator.itemgetter(*keys)
    if keys:
        only = keys[0]
        return lambda items: (items[only],)
    return lambda _: ()


_LAYOUTS: dict[tuple[Any, ...], Layout] = {}


def layout_of(keys: tuple[Any, ...], field: str) -> Layout:
    """Return the layout of a sheet whose codes were given as *keys*.

    Raises:
        ValidationError: Naming *field*, if a key is not a code.
    """
    found = _LAYOUTS.get(keys)
    if found is not None:
        return found
    for key in keys:
        _CODE.check(field, key)
    layout = Layout(tuple(sorted(keys)))
    if len(_LAYOUTS) < _MEMORY:
        _LAYOUTS[keys] = layout
    return layout


class Points(Mapping[str, Decimal]):
    """The points of a score sheet: criterion code to exact points.

    Read-only and sorted by code; values are `decimal.Decimal` without
    trailing fractional zeros.
    """

    __slots__ = ("_data", "_layout", "exponent")

    _data: bytes | tuple[int, ...]
    _layout: Layout
    #: The power of ten the values are whole numbers of (at most -2).
    exponent: int

    def __init__(
        self, layout: Layout, data: bytes | tuple[int, ...], exponent: int
    ) -> None:
        self._layout = layout
        self._data = data
        self.exponent = exponent

    @property
    def layout(self) -> Layout:
        """The codes of the points, shared with sheets entered alike."""
        return self._layout

    def scaled(self) -> tuple[int, ...]:
        """Return the values as whole numbers of ``10**exponent``."""
        return self._layout.unpack(self._data)

    def __getitem__(self, code: str) -> Decimal:
        position = self._layout.index[code]
        return decimal_of(self.scaled()[position], self.exponent)

    def __iter__(self) -> Iterator[str]:
        return iter(self._layout.codes)

    def __len__(self) -> int:
        return len(self._layout.codes)

    def __contains__(self, code: object) -> bool:
        return code in self._layout.index

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Points):
            return (self._layout.codes, self.exponent, self.scaled()) == (
                other.layout.codes,
                other.exponent,
                other.scaled(),
            )
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Points({dict(self)!r})"


#: Texts of numbers (``str`` of a Decimal or int) to their hundredths.
_HUNDREDTHS: dict[str, int] = {}
_EXACT_TYPES: Final = frozenset({Decimal, int})
_DECIMAL_TEXT: Final = Decimal.__str__

NO_POINTS: Final = Points(Layout(()), b"", HUNDREDTHS)


def points_of(values: Mapping[str, Decimal | int]) -> Points:
    """Return *values* as `Points`.

    Raises:
        ValidationError: If *values* is not a mapping of codes to finite
            numbers (`Decimal` or `int`) of at least 0, each of at most
            `kttt._data.MAX_DIGITS` digits.
    """
    if type(values) is Points:
        return values
    if not isinstance(values, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError("points", values, "must be a mapping of codes")
    layout = layout_of(tuple(values), "points")
    numbers = layout.getter(values)
    # The usual sheet: every number's text is one seen before.
    try:
        # Decimal.__str__ refuses anything but a Decimal (ints below).
        known = tuple(map(_HUNDREDTHS.get, map(_DECIMAL_TEXT, numbers)))
    except TypeError:
        known = _known_mixed(numbers)
    if None not in known:
        whole = cast("tuple[int, ...]", known)
        return Points(layout, layout.pack_small(whole), HUNDREDTHS)
    return general_points(layout, numbers, "points")


def _known_mixed(numbers: tuple[object, ...]) -> tuple[int | None, ...]:
    """Return the hundredths known of Decimals and ints; None for others."""
    if not _EXACT_TYPES.issuperset(map(type, numbers)):
        return (None,)
    try:
        return tuple(map(_HUNDREDTHS.get, map(str, numbers)))
    except ValueError:  # an int too long to write (refused later)
        return (None,)


def general_points(
    layout: Layout, numbers: tuple[object, ...], field: str
) -> Points:
    """Return *numbers* (in the order of *layout*) as `Points`, checked.

    Raises:
        ValidationError: Naming ``<field>.<code>`` for a value that is not
            a finite number of at least 0 of at most
            `kttt._data.MAX_DIGITS` digits.
    """
    exact = [
        check_points(f"{field}.{code}", number)
        for code, number in zip(layout.codes, numbers, strict=True)
    ]
    exponent = min(
        (exponent_of(value.normalize(EXACT)) for value in exact),
        default=0,
    )
    exponent = min(exponent, HUNDREDTHS)
    whole = tuple(scaled(value, exponent) for value in exact)
    for number, value in zip(numbers, exact, strict=True):
        if type(number) in _EXACT_TYPES:
            remember_in(_HUNDREDTHS, str(number), value)
    return Points(layout, layout.pack(whole), exponent)


def remember_in(memory: dict[str, int], text: str, value: Decimal) -> None:
    """Remember in *memory* the hundredths of *value*, written *text*.

    Only points of at most two decimal places below `_SHORTCUT_LIMIT` are
    remembered, and only so many texts (a memory of texts seen, not of
    every sheet).
    """
    if (
        len(memory) < _MEMORY
        and 0 <= value < _SHORTCUT_LIMIT
        and exponent_of(value) >= HUNDREDTHS
    ):
        memory[text] = scaled(value, HUNDREDTHS)


NO_MEASURES: Final[Mapping[str, Decimal | bool]] = types.MappingProxyType({})


def measures_of(
    values: Mapping[str, Decimal | int | bool],
) -> Mapping[str, Decimal | bool]:
    """Return *values* as a read-only mapping sorted by name, ints as Decimal.

    Raises:
        ValidationError: If *values* is not a mapping of names to yes/no
            or finite numbers of at most `kttt._data.MAX_DIGITS` digits.
    """
    if not isinstance(values, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError("measures", values, "must be a mapping of names")
    if not values:
        return NO_MEASURES
    layout = layout_of(tuple(values), "measures")
    frozen: dict[str, Decimal | bool] = {}
    for name, value in zip(layout.codes, layout.getter(values), strict=True):
        frozen[name] = (
            value
            if type(value) is bool
            else check_number(f"measures.{name}", value)
        )
    return types.MappingProxyType(frozen)
