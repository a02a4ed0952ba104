"""Target sets: the targets of one programme, and their JSON format.

A set is written as one record (`TargetSet.to_json`): the programme's
``code``, ``title``, ``scope`` and ``source``, the ``indicators`` the
built-in catalogue lacks, and the ``targets``, each naming its indicator
by code and taking the set's scope, and its source unless it has its own.
A data file holds that record as the one row of the data layer's envelope.
"""

from __future__ import annotations

import functools
import json
import os

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final, Self, TypeVar, cast

import attrs
import cattrs
import pendulum

from kttt import _data, geography
from kttt._data import Envelope
from kttt.errors import NotFoundError, ParseError, ValidationError
from kttt.geography import Era, Province
from kttt.sources import Source
from kttt.targets import _views
from kttt.targets._comparators import Comparator
from kttt.targets._indicators import Catalogue, Indicator, configure_converter
from kttt.targets._target import Target
from kttt.targets._tolerance import Tolerance, as_tolerance


#: A year asked for: a whole number (not a bool, a float or a Decimal).
_YEAR: Final = _data.whole_number(None)


_S = TypeVar("_S", bound="TargetSet")

#: The fields of a target set record.
SET_FIELDS: Final = (
    "code",
    "title",
    "scope",
    "adopted",
    "tolerance",
    "source",
    "indicators",
    "targets",
)


def _check_targets(
    instance: TargetSet,
    attribute: attrs.Attribute[tuple[Target, ...]],
    value: tuple[Target, ...],
) -> None:
    _data.tuple_of(Target).check(attribute.name, value)
    if not value:
        raise ValidationError(
            attribute.name, value, "a target set has targets"
        )
    seen: set[tuple[str, int]] = set()
    for index, target in enumerate(value):
        key = (target.indicator.code, target.horizon)
        if key in seen:
            raise ValidationError(
                f"targets[{index}]",
                key,
                "one target per indicator and horizon",
            )
        seen.add(key)
        if target.scope != instance.scope:
            raise ValidationError(
                f"targets[{index}].scope",
                target.scope,
                "every target of a set has the set's scope",
            )


@attrs.frozen(kw_only=True)
class TargetSet:
    """The quantified targets of one programme.

    >>> from kttt.targets import nq20_targets
    >>> nq20 = nq20_targets()
    >>> nq20.code, nq20.horizons()
    ('20-NQ/TW', (2030, 2045))
    """

    #: The programme's document number, e.g. ``"20-NQ/TW"``.
    code: str = attrs.field(converter=_data.nfc_text, validator=_data.text())
    #: The programme's title.
    title: str = attrs.field(converter=_data.nfc_text, validator=_data.text())
    #: The programme document.
    source: Source = attrs.field(
        validator=_data.instance_of(Source, "must be a Source")
    )
    #: The targets, one per indicator and horizon.
    targets: tuple[Target, ...] = attrs.field(validator=_check_targets)
    #: The province the programme is for (``None``: national), as the unit
    #: was on the day the programme was adopted: a 2022 programme of Tây
    #: Ninh is for the Tây Ninh of the 63, whatever it merged into later.
    scope: Province | None = attrs.field(
        default=None,
        validator=_data.optional(
            _data.instance_of(Province, "must be a Province or None")
        ),
    )
    #: The day the programme was adopted (signed), if known.
    adopted: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_data.date())
    )
    #: The tolerance its "about" targets inherit when read from a file
    #: that gives them none (`None`: each states its own).
    tolerance: Tolerance | None = attrs.field(
        default=None,
        converter=as_tolerance,
        validator=_data.optional(
            _data.instance_of(Tolerance, "must be a Tolerance or a fraction")
        ),
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.scope is not None
            and self.adopted is not None
            and not self.scope.in_force(self.adopted)
        ):
            era = Era.on(self.adopted)
            raise ValidationError(
                "scope",
                f"{self.scope.name} ({self.scope.era.value})",
                f"a programme adopted on {self.adopted} is for a unit of "
                f"{era.label_en}",
            )

    def __repr__(self) -> str:
        return _views.set_short(self)

    def _repr_html_(self) -> str:
        return _views.set_html(self)

    def __iter__(self) -> Iterator[Target]:
        return iter(self.targets)

    def __len__(self) -> int:
        return len(self.targets)

    def horizons(self) -> tuple[int, ...]:
        """Return the horizon years of the targets, earliest first."""
        return tuple(sorted({t.horizon for t in self.targets}))

    def by_horizon(self, year: int) -> tuple[Target, ...]:
        """Return the targets to be met by *year*, in document order.

        Raises:
            ValidationError: If *year* is not a whole number.
        """
        _YEAR.check("year", year)
        return tuple(t for t in self.targets if t.horizon == year)

    def get(self, indicator_code: str, horizon: int) -> Target:
        """Return the target on *indicator_code* for *horizon*.

        Raises:
            ValidationError: If *horizon* is not a whole number.
            NotFoundError: If the set has no such target.
        """
        _YEAR.check("horizon", horizon)
        for target in self.targets:
            if (
                target.indicator.code == indicator_code
                and target.horizon == horizon
            ):
                return target
        raise NotFoundError(
            "target",
            (indicator_code, horizon),
            f"{self.code} has no target on this indicator for this year",
        )

    def indicators(self) -> tuple[Indicator, ...]:
        """Return the indicators the targets are set on, without repeats."""
        return tuple(dict.fromkeys(t.indicator for t in self.targets))

    # --- JSON ----------------------------------------------------------------

    def to_json(self) -> str:
        """Return the set as JSON, in the format of the built-in data files.

        Targets name their indicator by code; indicators that the built-in
        catalogue lacks (or defines differently) are written in an
        ``"indicators"`` list, so `from_json` gives back an equal set.
        The scope is written as the province's NSO ``code``, its ``era``
        and its ``name``.
        """
        record = _record(self)
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(
        cls, text: str, *, catalogue: Catalogue | None = None
    ) -> Self:
        """Read a target set from JSON written by `to_json` (or by hand).

        The text is one set record, or a data file (the envelope of
        kttt's data files) whose one row is a set record.
        Indicators are looked up in the record's own ``"indicators"``
        list, then in *catalogue* (default: the built-in one). A target
        without a ``"source"`` takes the set's.

        Raises:
            DataError: Naming the path of what is wrong in the record
                (``targets[2].value``; ``rows[0].targets[2].value`` in a
                data file), the value and the rule broken.
            ValidationError: If *catalogue* is not a `Catalogue`.
        """
        return cls._parse(text, None, catalogue)

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str],
        *,
        catalogue: Catalogue | None = None,
    ) -> Self:
        """Read a target set from a JSON file, as `from_json` reads text.

        Raises:
            DataError: Naming the file, and as `from_json` does.
        """
        file = str(Path(path))
        return cls._parse(_data.read_text(path), file, catalogue)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the set to a JSON file (UTF-8), as `to_json` does."""
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def _parse(
        cls, text: str, file: str | None, catalogue: Catalogue | None
    ) -> Self:
        known = Catalogue.builtin() if catalogue is None else catalogue
        if not isinstance(cast("object", known), Catalogue):
            raise ValidationError(
                "catalogue", catalogue, "must be a Catalogue or None"
            )
        name = "json" if file is None else file
        data: object = _data.load_json(text, file=name)
        if _is_envelope(data):
            row = _data.parse_envelope(text, file=name).only()
            with _data.reading(file, path=row.path):
                return structure_set(cls, row.data, known)
        with _data.reading(file):
            return structure_set(cls, data, known)


def _is_envelope(data: object) -> bool:
    """Whether *data* is a data file rather than a bare set record."""
    return isinstance(data, dict) and "rows" in data


def parse_set(envelope: Envelope) -> TargetSet:
    """Read the one target set of a data file, on the built-in catalogue.

    Raises:
        DataError: Naming the file and the path of what is wrong.
    """
    row = envelope.only()
    with row.reading():
        return structure_set(TargetSet, row.data, Catalogue.builtin())


def structure_set(cls: type[_S], data: object, catalogue: Catalogue) -> _S:
    """Read a set record; indicators named by code are looked up.

    Raises:
        KtttError: Whose field is the path of the first bad value in the
            record.
    """
    if not isinstance(data, dict):
        raise ParseError("$", data, "a target set is a JSON object")
    record = cast("dict[str, object]", data)
    for key, value in record.items():
        if key not in SET_FIELDS:
            raise ValidationError(key, value, "unknown field of a target set")
    conv = _converter()
    with _data.reading(None, path="indicators"):
        own = _data.structure(
            conv, record.get("indicators", []), tuple[Indicator, ...]
        )
    mine = {indicator.code for indicator in own}
    known = Catalogue(
        indicators=(*own, *(i for i in catalogue if i.code not in mine))
    )
    with _data.reading(None, path="adopted"):
        adopted = _data.structure(
            conv, record.get("adopted"), pendulum.Date | None
        )
    scope = record.get("scope")
    with _data.reading(None, path="scope"):
        if isinstance(scope, str):
            scope = conv.unstructure(province_on(scope, adopted), Province)
        _data.structure(conv, scope, Province | None)
    with _data.reading(None, path="tolerance"):
        _data.structure(conv, record.get("tolerance"), Tolerance | None)
    raw = record.get("targets")
    if not isinstance(raw, list):
        raise ParseError("targets", raw, "must be a JSON list")
    targets = [
        _target_record(item, f"targets[{index}]", known, conv)
        for index, item in enumerate(cast("list[object]", raw))
    ]
    for target in targets:
        target["scope"] = scope
        target.setdefault("source", record.get("source"))
        if "tolerance" not in target and _is_about(target.get("comparator")):
            target["tolerance"] = record.get("tolerance")
    head = {
        k: v for k, v in record.items() if k not in {"indicators", "scope"}
    }
    head["scope"] = scope
    return _data.structure(conv, {**head, "targets": targets}, cls)


def province_on(name: str, adopted: pendulum.Date | None) -> Province:
    """Return the province named *name* as it was when *adopted*.

    Without a date, the name must belong to one era only.

    Raises:
        KtttError: If no unit has this name, or it names units of both eras
            and no date says which.
    """
    if adopted is not None:
        return Province.get(name, era=Era.on(adopted))
    found = {Province.get(name, era=era) for era in Era if _names(name, era)}
    if len(found) != 1:
        raise ValidationError(
            "",
            name,
            "names a unit of the 63 and one of the 34: give the "
            "programme's adopted date, or the code and era",
        )
    return found.pop()


def _names(name: str, era: Era) -> bool:
    try:
        Province.get(name, era=era)
    except NotFoundError:
        return False
    return True


def _is_about(comparator: object) -> bool:
    if not isinstance(comparator, str):
        return False
    try:
        return Comparator.parse(comparator) is Comparator.ABOUT
    except ParseError:
        return False


def _target_record(
    item: object, path: str, known: Catalogue, conv: cattrs.Converter
) -> dict[str, object]:
    """Return a target's record with its indicator written out."""
    if not isinstance(item, dict):
        raise ParseError(path, item, "a target is a JSON object")
    record = dict(cast("dict[str, object]", item))
    if "scope" in record:
        raise ValidationError(
            f"{path}.scope", record["scope"], "a target takes its set's scope"
        )
    code = record.get("indicator")
    if not isinstance(code, str) or code not in known:
        raise ValidationError(
            f"{path}.indicator",
            code,
            "names an indicator of the catalogue or of the file",
        )
    record["indicator"] = conv.unstructure(known.get(code))
    return record


def _record(target_set: TargetSet) -> dict[str, Any]:
    conv = _converter()
    builtin = Catalogue.builtin()
    own = [
        conv.unstructure(indicator)
        for indicator in target_set.indicators()
        if indicator.code not in builtin
        or builtin.get(indicator.code) != indicator
    ]
    set_source = conv.unstructure(target_set.source)
    targets: list[dict[str, Any]] = []
    for target in target_set.targets:
        record: dict[str, Any] = conv.unstructure(target)
        record["indicator"] = target.indicator.code
        del record["scope"]
        if record["source"] == set_source:
            del record["source"]
        if target.tolerance == target_set.tolerance:
            del record["tolerance"]
        targets.append({k: v for k, v in record.items() if v is not None})
    head: dict[str, Any] = {
        "code": target_set.code,
        "title": target_set.title,
        "scope": conv.unstructure(target_set.scope, Province | None),
    }
    if target_set.adopted is not None:
        head["adopted"] = target_set.adopted.isoformat()
    if target_set.tolerance is not None:
        head["tolerance"] = conv.unstructure(target_set.tolerance)
    return {
        **head,
        "source": set_source,
        "indicators": own,
        "targets": targets,
    }


@functools.cache
def _converter() -> cattrs.Converter:
    return _data.new_converter(
        geography.configure_converter, configure_converter
    )
