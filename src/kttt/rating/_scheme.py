"""Rating schemes as values, and their file format."""

from __future__ import annotations

import bisect
import functools
import itertools
import json

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs
import cattrs
import pendulum

from cattrs.gen import make_dict_structure_fn, override

from kttt import _data
from kttt._data import Envelope
from kttt.errors import NotFoundError, ValidationError
from kttt.organizations import OrganizationKind, Sector
from kttt.rating._bands import Band, Exclusion, Override
from kttt.rating._criteria import Criterion, Node, check_maxima, index_criteria
from kttt.rating._enums import Rating, SizeBasis, SizeClass
from kttt.rating._exact import POINTS
from kttt.rating._format import (
    configure_parts,
    omitting_defaults,
    ordered,
    source_hook,
    structure_measure,
)
from kttt.rating._rules import CODE, LABEL, as_tuple, label_field
from kttt.rating._sizes import SizeScale
from kttt.sources import Source


_ZERO: Final = Decimal(0)


def _frozenset(values: Iterable[Any]) -> frozenset[Any]:
    return frozenset(values)


def _texts(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(_data.nfc_text(value) for value in values)


def _non_empty(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not value:
        raise ValidationError(attribute.name, value, "must not be empty")


# Runs only at import (building tables or fields), before mutmut sets a
# mutant: mutmut cannot test it; what it builds is tested.
# pragma: no mutate start
def _set_of(
    cls: type[object],
) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    """Return an attrs validator: every member of the set is a *cls*."""

    def each(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for member in value:
            if not isinstance(member, cls):
                raise ValidationError(
                    attribute.name, member, f"must be a {cls.__name__}"
                )

    return each


# pragma: no mutate end
@attrs.frozen(kw_only=True)
class RatingScheme:
    """A rating scheme: criteria, points, bands, exclusions, overrides.

    Built-in schemes come from `kttt.rating.builtin_schemes`; a province's
    own scheme is loaded with `kttt.rating.load_scheme` or
    `RatingScheme.from_json`.
    Everything the regulation leaves unknown is `None` (a criterion's
    maximum) or listed in *unknown*; the points are then entered by the
    user, as on the official self-scoring form.
    """

    #: A short identifier (``"TT-01-2020"``), used on score sheets.
    code: str = attrs.field(validator=CODE)
    #: The name in Vietnamese.
    name_vi: str = label_field()
    #: The name in English.
    name_en: str = label_field()
    #: The document the scheme comes from.
    source: Source = attrs.field(
        validator=_data.instance_of(Source, "a scheme names its source")
    )
    #: The date the document came into force.
    in_force: pendulum.Date = attrs.field(validator=_data.date())
    #: The kinds of organisation it rates.
    kinds: frozenset[OrganizationKind] = attrs.field(
        converter=_frozenset,
        validator=[_non_empty, _set_of(OrganizationKind)],
    )
    #: The sectors it is limited to; empty means every sector.
    sectors: frozenset[Sector] = attrs.field(
        default=frozenset[Sector](),
        converter=_frozenset,
        validator=_set_of(Sector),
    )
    #: The most points in all.
    total: Decimal = attrs.field(default=Decimal(100), validator=POINTS)
    #: The top-level criteria (or groups of criteria).
    criteria: tuple[Criterion, ...] = attrs.field(
        converter=as_tuple,
        validator=[_non_empty, _data.tuple_of(Criterion)],
    )
    #: The bands from the best to the worst.
    bands: tuple[Band, ...] = attrs.field(
        converter=as_tuple, validator=[_non_empty, _data.tuple_of(Band)]
    )
    #: When an organisation is not rated.
    exclusions: tuple[Exclusion, ...] = attrs.field(
        default=(), converter=as_tuple, validator=_data.tuple_of(Exclusion)
    )
    #: Rules that set the rating whatever the score.
    overrides: tuple[Override, ...] = attrs.field(
        default=(), converter=as_tuple, validator=_data.tuple_of(Override)
    )
    #: Size classes defined by the same document.
    size_scales: tuple[SizeScale, ...] = attrs.field(
        default=(), converter=as_tuple, validator=_data.tuple_of(SizeScale)
    )
    #: What is known about the scheme and where it was read.
    known: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, validator=_data.tuple_of(LABEL)
    )
    #: What is not known (thresholds not retrieved, open questions).
    unknown: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, validator=_data.tuple_of(LABEL)
    )

    # The criteria by code, with their limits (built by the scheme itself).
    _nodes: Mapping[str, Node] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )
    # The bands' minima from the lowest, for bisection.
    _minima: tuple[Decimal, ...] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        nodes = index_criteria(self.criteria, self.total)
        check_maxima(
            "criteria", self.criteria, self.total, f"the total {self.total}"
        )
        _check_bands(self.bands, self.total)
        for name, items in (
            ("exclusions", self.exclusions),
            ("overrides", self.overrides),
        ):
            codes = [item.code for item in items]
            if len(set(codes)) != len(codes):
                raise ValidationError(name, codes, "codes must be unique")
        bases = [scale.basis for scale in self.size_scales]
        if len(set(bases)) != len(bases):
            raise ValidationError(
                "size_scales", [b.value for b in bases], "one scale per basis"
            )
        object.__setattr__(self, "_nodes", nodes)
        minima = tuple(band.minimum for band in reversed(self.bands))
        object.__setattr__(self, "_minima", minima)

    # --- lookups ---

    def criterion(self, code: str) -> Criterion:
        """Return the criterion with *code*, at any depth.

        Raises:
            NotFoundError: If the scheme has no such criterion.
        """
        return self._node(code).criterion

    def limit(self, code: str) -> Decimal:
        """Return the most points criterion *code* can have.

        That is its maximum, or, where its maximum is unknown, the limit of
        the criterion it belongs to (the scheme's total at the top).

        Raises:
            NotFoundError: If the scheme has no such criterion.
        """
        return self._node(code).limit

    def ancestors(self, code: str) -> tuple[str, ...]:
        """Return the codes of the criteria *code* belongs to, from the top.

        Raises:
            NotFoundError: If the scheme has no such criterion.
        """
        return self._node(code).ancestors

    def _node(self, code: str) -> Node:
        try:
            return self._nodes[code]
        except KeyError:
            raise NotFoundError(
                "criterion", code, f"not a criterion of {self.code}"
            ) from None

    def codes(self) -> tuple[str, ...]:
        """Return the codes of every criterion, depth first."""
        return tuple(self._nodes)

    def measures(self) -> frozenset[str]:
        """Return the names of every measure the scheme's rules read."""
        return frozenset(
            name
            for node in self._nodes.values()
            if node.criterion.rule is not None
            for name in node.criterion.rule.measures
        )

    def band_for(self, total: Decimal) -> Band:
        """Return the band a *total* falls in (edges are exact).

        >>> from decimal import Decimal
        >>> from kttt.rating import builtin_scheme
        >>> scheme = builtin_scheme("TT-01-2020")
        >>> scheme.band_for(Decimal("80")).rating, scheme.band_for(
        ...     Decimal("79.99")
        ... ).rating
        (<Rating.GOOD: 'good'>, <Rating.FAIR: 'fair'>)

        Raises:
            ValidationError: If *total* is below 0.
        """
        above = bisect.bisect_right(self._minima, total)
        if not above:
            raise ValidationError("total", total, "a total is at least 0")
        band = self.bands[-above]
        if total == band.minimum and not band.inclusive:
            return self.bands[1 - above]
        return band

    def band_of(self, rating: Rating) -> Band:
        """Return the band that gives *rating*.

        Raises:
            NotFoundError: If no band of the scheme gives it.
        """
        for band in self.bands:
            if band.rating is rating:
                return band
        raise NotFoundError("rating", rating.value, f"no band of {self.code}")

    def band_ceiling(self, band: Band) -> tuple[Decimal, bool]:
        """Return the upper end of *band* and whether it is in the band."""
        position = self.bands.index(band)
        if position == 0:
            return self.total, True
        above = self.bands[position - 1]
        return above.minimum, not above.inclusive

    def applies_to(
        self, kind: OrganizationKind, sector: Sector, year: int
    ) -> bool:
        """Whether the scheme rates *kind* in *sector* for *year*.

        A scheme rates a year when it was in force on 31 December of it.
        """
        return (
            kind in self.kinds
            and (not self.sectors or sector in self.sectors)
            and self.in_force.year <= year
        )

    def size_class(self, basis: SizeBasis, value: int) -> SizeClass:
        """Return the size class of *value* on *basis*.

        Raises:
            NotFoundError: If the scheme defines no size classes on *basis*.
            ValidationError: If *value* is not a whole number at least 0.
        """
        for scale in self.size_scales:
            if scale.basis is basis:
                return scale.classify(value)
        raise NotFoundError(
            "basis", basis.value, f"{self.code} defines no size classes on it"
        )

    # --- files ---

    def to_dict(self) -> dict[str, object]:
        """Return the scheme as plain JSON data (the scheme file format)."""
        data: dict[str, object] = converter().unstructure(self)
        return data

    def to_json(self) -> str:
        """Return the scheme as the text of a scheme file."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: object, *, file: str = "<data>") -> RatingScheme:
        """Build a scheme from plain JSON data (the scheme file format).

        Raises:
            DataError: Naming *file*, the path in the data and the value.
        """
        with _data.reading(file):
            return _data.structure(converter(), data, cls)

    @classmethod
    def from_json(cls, text: str, *, file: str = "<json>") -> RatingScheme:
        """Read a scheme from the text of a scheme file.

        The text is one scheme in the scheme file format, or a kttt data
        file (an envelope of a description, sources and rows) whose one
        row is a scheme, as kttt's own files are.
        JSON numbers are read exactly, never as binary floats.

        Raises:
            DataError: Naming *file*, the path in the data and the value.
        """
        data: object = _data.load_json(text, file=file, exact=True)
        if _is_envelope(data):
            return parse_scheme(
                _data.parse_envelope(text, file=file, exact=True)
            )
        return cls.from_dict(data, file=file)


def _is_envelope(data: object) -> bool:
    """Whether *data* is a data file (its records under ``"rows"``)."""
    return isinstance(data, dict) and "rows" in data


def parse_scheme(envelope: Envelope) -> RatingScheme:
    """Read the one scheme of a data file.

    Raises:
        DataError: Naming the file and the path of what is wrong.
    """
    return envelope.only().structure(converter(), RatingScheme)


def configure_converter(conv: cattrs.Converter) -> None:
    """Register a `RatingScheme` and measured values on *conv*.

    A scheme is written whole in the scheme file format
    (`RatingScheme.to_dict`); its parts elsewhere (the band of a
    `Classification`) are written field by field like any record.
    A measured value (``Decimal | bool``) is read from a JSON bool or an
    exact number.
    """
    conv.register_unstructure_hook(RatingScheme, RatingScheme.to_dict)
    conv.register_structure_hook(
        RatingScheme, lambda value, _: RatingScheme.from_dict(value)
    )
    conv.register_structure_hook(Decimal | bool, structure_measure)


def _configure_file(conv: cattrs.Converter) -> None:
    # The scheme file format: exact numbers as strings, defaults left out,
    # kinds and sectors in their enumeration's order.
    configure_parts(conv)
    listed = override(unstruct_hook=ordered)
    conv.register_unstructure_hook(
        RatingScheme,
        omitting_defaults(
            RatingScheme,
            conv,
            source=override(unstruct_hook=source_hook(conv)),
            kinds=listed,
            sectors=listed,
        ),
    )
    source = conv.get_structure_hook(Source)

    def structure_source(value: object, _: object) -> Source:
        if value is None:
            raise ValidationError("", None, "a scheme names its source")
        found: Source = source(value, Source)
        return found

    conv.register_structure_hook(
        RatingScheme,
        make_dict_structure_fn(
            RatingScheme, conv, source=override(struct_hook=structure_source)
        ),
    )
    conv.register_structure_hook(Decimal | bool, structure_measure)


@functools.cache
def converter() -> cattrs.Converter:
    """Return the converter of scheme files (made once)."""
    return _data.new_converter(_configure_file)


def _check_bands(bands: tuple[Band, ...], total: Decimal) -> None:
    minima = [band.minimum for band in bands]
    ratings = [band.rating for band in bands]
    if any(high <= low for high, low in itertools.pairwise(minima)):
        raise ValidationError(
            "bands", [str(m) for m in minima], "bands go from best to worst"
        )
    if len(set(ratings)) != len(ratings):
        raise ValidationError(
            "bands", [r.value for r in ratings], "one band per rating"
        )
    if minima[-1] != _ZERO or not bands[-1].inclusive:
        raise ValidationError(
            "bands", str(minima[-1]), "the lowest band starts at 0 inclusive"
        )
    if minima[0] > total:
        raise ValidationError(
            "bands", str(minima[0]), f"a band cannot start above {total}"
        )
