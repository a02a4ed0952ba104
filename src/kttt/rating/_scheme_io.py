"""Scheme files: reading and writing `RatingScheme` as JSON.

The format is plain JSON with exact numbers written as strings (``"7"``,
``"79.99"``); JSON numbers are accepted on reading (read exactly, never as
binary floats).
Keys at their default value are left out when writing, so a file written
by `RatingScheme.to_json` reads back to an equal scheme and writes back to
the same text.
"""

from __future__ import annotations

import datetime as dt
import json

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar, cast

import pendulum

from kttt._labels import LabelledEnum
from kttt.errors import DataError, KtttError
from kttt.organizations import OrganizationKind, Sector
from kttt.rating._enums import Fact, Grade, Rating, SizeBasis, SizeClass
from kttt.rating._scheme import (
    Band,
    Condition,
    Criterion,
    Exclusion,
    Override,
    RatingScheme,
    ScoringRule,
    SizeScale,
    SizeStep,
    Step,
    StepRule,
    YesNoRule,
)
from kttt.sources import Source


T = TypeVar("T")
E = TypeVar("E", bound=LabelledEnum)
Data = dict[str, Any]
_RULE_KEYS = ("measure", "unit", "steps", "requires", "yes", "no")


def dump_json(data: object) -> str:
    """Write plain data as the canonical text of a scheme file."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_json(text: str, file: str) -> object:
    """Parse the text of a scheme file, numbers exactly.

    Raises:
        DataError: If *text* is not JSON.
    """
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise DataError(
            f"{file}: line {error.lineno}, column {error.colno}",
            error.doc[error.pos : error.pos + 20],
            f"not JSON: {error.msg}",
        ) from None


# --- writing ---------------------------------------------------------------


def _put(data: Data, key: str, value: object, default: object = None) -> None:
    if value != default:
        data[key] = value


def _num(value: Decimal) -> str:
    return str(value)


def _source_data(source: Source | None) -> Data | None:
    if source is None:
        return None
    data: Data = {}
    _put(data, "document", source.document)
    _put(data, "clause", source.clause)
    _put(data, "title", source.title)
    _put(data, "url", source.url)
    _put(
        data,
        "retrieved",
        None if source.retrieved is None else source.retrieved.isoformat(),
    )
    _put(data, "note", source.note)
    return data


def _rule_data(rule: ScoringRule) -> Data:
    if isinstance(rule, StepRule):
        data: Data = {
            "kind": "steps",
            "measure": rule.measure,
            "unit": rule.unit,
            "steps": [
                {"from": _num(s.at_least), "points": _num(s.points)}
                for s in rule.steps
            ],
        }
        _put(data, "requires", rule.requires)
        return data
    return {
        "kind": "yes_no",
        "measure": rule.measure,
        "yes": _num(rule.yes),
        "no": _num(rule.no),
    }


def _criterion_data(criterion: Criterion) -> Data:
    data: Data = {
        "code": criterion.code,
        "label_vi": criterion.label_vi,
        "label_en": criterion.label_en,
        "maximum": None
        if criterion.maximum is None
        else _num(criterion.maximum),
    }
    _put(
        data,
        "rule",
        None if criterion.rule is None else _rule_data(criterion.rule),
    )
    _put(data, "parts", [_criterion_data(p) for p in criterion.parts], [])
    _put(data, "source", _source_data(criterion.source))
    return data


def _condition_data(condition: Condition) -> Data:
    data: Data = {"fact": condition.fact.value}
    _put(data, "below", condition.below)
    _put(data, "above", condition.above)
    return data


def _band_data(band: Band) -> Data:
    data: Data = {"rating": band.rating.value, "minimum": _num(band.minimum)}
    _put(data, "inclusive", band.inclusive, default=True)
    _put(data, "grade", None if band.grade is None else band.grade.value)
    _put(data, "provisional", band.provisional, default=False)
    return data


def _rule_item_data(item: Exclusion | Override) -> Data:
    data: Data = {"code": item.code, "when": _condition_data(item.when)}
    if isinstance(item, Override):
        data["rating"] = item.rating.value
    data["label_vi"] = item.label_vi
    data["label_en"] = item.label_en
    _put(data, "source", _source_data(item.source))
    return data


def _scale_data(scale: SizeScale) -> Data:
    data: Data = {
        "basis": scale.basis.value,
        "steps": [
            {"size": s.size.value, "from": s.at_least} for s in scale.steps
        ],
    }
    _put(data, "source", _source_data(scale.source))
    return data


def _ordered(members: frozenset[E], enum: type[E]) -> list[str]:
    return [m.value for m in enum if m in members]


def scheme_to_data(scheme: RatingScheme) -> Data:
    """Return *scheme* as plain JSON data."""
    data: Data = {
        "code": scheme.code,
        "name_vi": scheme.name_vi,
        "name_en": scheme.name_en,
        "source": _source_data(scheme.source),
        "in_force": scheme.in_force.isoformat(),
        "kinds": _ordered(scheme.kinds, OrganizationKind),
    }
    _put(data, "sectors", _ordered(scheme.sectors, Sector), [])
    _put(data, "total", _num(scheme.total), "100")
    data["criteria"] = [_criterion_data(c) for c in scheme.criteria]
    data["bands"] = [_band_data(b) for b in scheme.bands]
    _put(
        data, "exclusions", [_rule_item_data(e) for e in scheme.exclusions], []
    )
    _put(data, "overrides", [_rule_item_data(o) for o in scheme.overrides], [])
    _put(data, "size_scales", [_scale_data(s) for s in scheme.size_scales], [])
    _put(data, "known", list(scheme.known), [])
    _put(data, "unknown", list(scheme.unknown), [])
    return data


# --- reading ---------------------------------------------------------------


class _Reader:
    """Reads plain data along a path: errors name file, path and value."""

    def __init__(self, file: str) -> None:
        self.file = file

    def error(self, path: str, value: object, rule: str) -> DataError:
        return DataError(f"{self.file}: {path}", value, rule)

    def mapping(
        self,
        data: object,
        path: str,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> Data:
        if not isinstance(data, Mapping):
            raise self.error(path, data, "must be a JSON object")
        items = cast("Mapping[str, object]", data)
        keys = set(items)
        missing = [k for k in required if k not in keys]
        if missing:
            raise self.error(
                f"{path}.{missing[0]}", None, "required key is missing"
            )
        extra = sorted(str(k) for k in keys - set(required) - set(optional))
        if extra:
            raise self.error(
                f"{path}.{extra[0]}",
                items[extra[0]],
                f"unknown key; allowed: {', '.join((*required, *optional))}",
            )
        return dict(items)

    def items(self, data: object, path: str) -> list[object]:
        if not isinstance(data, list):
            raise self.error(path, data, "must be a JSON array")
        return list(data)  # pyright: ignore[reportUnknownArgumentType]

    def each(
        self, data: object, path: str, read: Callable[[object, str], T]
    ) -> tuple[T, ...]:
        return tuple(
            read(item, f"{path}[{i}]")
            for i, item in enumerate(self.items(data, path))
        )

    def text(self, data: object, path: str) -> str:
        if not isinstance(data, str):
            raise self.error(path, data, "must be text")
        return data

    def optional_text(self, data: object, path: str) -> str | None:
        return None if data is None else self.text(data, path)

    def number(self, data: object, path: str) -> Decimal:
        if isinstance(data, bool) or not isinstance(data, str | int | Decimal):
            raise self.error(path, data, "an exact number, written as text")
        try:
            value = Decimal(data)
        except InvalidOperation:
            raise self.error(path, data, "not a number") from None
        if not value.is_finite():
            raise self.error(path, data, "must be finite")
        return value

    def integer(self, data: object, path: str) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise self.error(path, data, "must be a whole number")
        return data

    def optional_integer(self, data: object, path: str) -> int | None:
        return None if data is None else self.integer(data, path)

    def flag(self, data: object, path: str) -> bool:
        if not isinstance(data, bool):
            raise self.error(path, data, "must be true or false")
        return data

    def date(self, data: object, path: str) -> pendulum.Date:
        text = self.text(data, path)
        try:
            parsed = dt.date.fromisoformat(text)
        except ValueError:
            raise self.error(path, data, "a date is 'YYYY-MM-DD'") from None
        return pendulum.Date(parsed.year, parsed.month, parsed.day)

    def member(self, enum: type[E], data: object, path: str) -> E:
        try:
            return enum(self.text(data, path))
        except ValueError:
            choices = ", ".join(m.value for m in enum)
            raise self.error(
                path, data, f"must be one of: {choices}"
            ) from None

    def make(self, cls: Callable[..., T], path: str, **fields: object) -> T:
        try:
            return cls(**fields)
        except KtttError as error:
            raise self.error(
                f"{path}.{error.field}", error.value, error.rule
            ) from None

    # --- the domain shapes ---

    def source(self, data: object, path: str) -> Source | None:
        if data is None:
            return None
        d = self.mapping(
            data,
            path,
            (),
            ("document", "clause", "title", "url", "retrieved", "note"),
        )
        retrieved = d.get("retrieved")
        return self.make(
            Source,
            path,
            document=self.optional_text(d.get("document"), f"{path}.document"),
            clause=self.optional_text(d.get("clause"), f"{path}.clause"),
            title=self.optional_text(d.get("title"), f"{path}.title"),
            url=self.optional_text(d.get("url"), f"{path}.url"),
            retrieved=None
            if retrieved is None
            else self.date(retrieved, f"{path}.retrieved"),
            note=self.optional_text(d.get("note"), f"{path}.note"),
        )

    def step(self, data: object, path: str) -> Step:
        d = self.mapping(data, path, ("from", "points"))
        return self.make(
            Step,
            path,
            at_least=self.number(d["from"], f"{path}.from"),
            points=self.number(d["points"], f"{path}.points"),
        )

    def rule(self, data: object, path: str) -> ScoringRule | None:
        if data is None:
            return None
        kind = self.mapping(data, path, ("kind",), _RULE_KEYS)["kind"]
        if kind == "steps":
            d = self.mapping(
                data, path, ("kind", "measure", "unit", "steps"), ("requires",)
            )
            return self.make(
                StepRule,
                path,
                measure=self.text(d["measure"], f"{path}.measure"),
                unit=self.text(d["unit"], f"{path}.unit"),
                steps=self.each(d["steps"], f"{path}.steps", self.step),
                requires=self.optional_text(
                    d.get("requires"), f"{path}.requires"
                ),
            )
        if kind == "yes_no":
            d = self.mapping(data, path, ("kind", "measure", "yes", "no"))
            return self.make(
                YesNoRule,
                path,
                measure=self.text(d["measure"], f"{path}.measure"),
                yes=self.number(d["yes"], f"{path}.yes"),
                no=self.number(d["no"], f"{path}.no"),
            )
        raise self.error(f"{path}.kind", kind, "must be 'steps' or 'yes_no'")

    def criterion(self, data: object, path: str) -> Criterion:
        d = self.mapping(
            data,
            path,
            ("code", "label_vi", "label_en", "maximum"),
            ("rule", "parts", "source"),
        )
        maximum = d["maximum"]
        return self.make(
            Criterion,
            path,
            code=self.text(d["code"], f"{path}.code"),
            label_vi=self.text(d["label_vi"], f"{path}.label_vi"),
            label_en=self.text(d["label_en"], f"{path}.label_en"),
            maximum=None
            if maximum is None
            else self.number(maximum, f"{path}.maximum"),
            rule=self.rule(d.get("rule"), f"{path}.rule"),
            parts=self.each(
                d.get("parts", []), f"{path}.parts", self.criterion
            ),
            source=self.source(d.get("source"), f"{path}.source"),
        )

    def condition(self, data: object, path: str) -> Condition:
        d = self.mapping(data, path, ("fact",), ("below", "above"))
        return self.make(
            Condition,
            path,
            fact=self.member(Fact, d["fact"], f"{path}.fact"),
            below=self.optional_integer(d.get("below"), f"{path}.below"),
            above=self.optional_integer(d.get("above"), f"{path}.above"),
        )

    def band(self, data: object, path: str) -> Band:
        d = self.mapping(
            data,
            path,
            ("rating", "minimum"),
            ("inclusive", "grade", "provisional"),
        )
        grade = d.get("grade")
        return self.make(
            Band,
            path,
            rating=self.member(Rating, d["rating"], f"{path}.rating"),
            minimum=self.number(d["minimum"], f"{path}.minimum"),
            inclusive=self.flag(d.get("inclusive", True), f"{path}.inclusive"),
            grade=None
            if grade is None
            else self.member(Grade, grade, f"{path}.grade"),
            provisional=self.flag(
                d.get("provisional", False), f"{path}.provisional"
            ),
        )

    def exclusion(self, data: object, path: str) -> Exclusion:
        d = self.mapping(
            data, path, ("code", "when", "label_vi", "label_en"), ("source",)
        )
        return self.make(
            Exclusion,
            path,
            code=self.text(d["code"], f"{path}.code"),
            when=self.condition(d["when"], f"{path}.when"),
            label_vi=self.text(d["label_vi"], f"{path}.label_vi"),
            label_en=self.text(d["label_en"], f"{path}.label_en"),
            source=self.source(d.get("source"), f"{path}.source"),
        )

    def override(self, data: object, path: str) -> Override:
        d = self.mapping(
            data,
            path,
            ("code", "when", "rating", "label_vi", "label_en"),
            ("source",),
        )
        return self.make(
            Override,
            path,
            code=self.text(d["code"], f"{path}.code"),
            when=self.condition(d["when"], f"{path}.when"),
            rating=self.member(Rating, d["rating"], f"{path}.rating"),
            label_vi=self.text(d["label_vi"], f"{path}.label_vi"),
            label_en=self.text(d["label_en"], f"{path}.label_en"),
            source=self.source(d.get("source"), f"{path}.source"),
        )

    def size_step(self, data: object, path: str) -> SizeStep:
        d = self.mapping(data, path, ("size", "from"))
        return self.make(
            SizeStep,
            path,
            size=self.member(SizeClass, d["size"], f"{path}.size"),
            at_least=self.integer(d["from"], f"{path}.from"),
        )

    def size_scale(self, data: object, path: str) -> SizeScale:
        d = self.mapping(data, path, ("basis", "steps"), ("source",))
        return self.make(
            SizeScale,
            path,
            basis=self.member(SizeBasis, d["basis"], f"{path}.basis"),
            steps=self.each(d["steps"], f"{path}.steps", self.size_step),
            source=self.source(d.get("source"), f"{path}.source"),
        )

    def scheme(self, data: object, path: str) -> RatingScheme:
        d = self.mapping(
            data,
            path,
            (
                "code",
                "name_vi",
                "name_en",
                "source",
                "in_force",
                "kinds",
                "criteria",
                "bands",
            ),
            (
                "sectors",
                "total",
                "exclusions",
                "overrides",
                "size_scales",
                "known",
                "unknown",
            ),
        )

        def kind(item: object, at: str) -> OrganizationKind:
            return self.member(OrganizationKind, item, at)

        def sector(item: object, at: str) -> Sector:
            return self.member(Sector, item, at)

        source = self.source(d["source"], f"{path}.source")
        if source is None:
            raise self.error(
                f"{path}.source", None, "a scheme names its source"
            )
        return self.make(
            RatingScheme,
            path,
            code=self.text(d["code"], f"{path}.code"),
            name_vi=self.text(d["name_vi"], f"{path}.name_vi"),
            name_en=self.text(d["name_en"], f"{path}.name_en"),
            source=source,
            in_force=self.date(d["in_force"], f"{path}.in_force"),
            kinds=self.each(d["kinds"], f"{path}.kinds", kind),
            sectors=self.each(d.get("sectors", []), f"{path}.sectors", sector),
            total=self.number(d.get("total", "100"), f"{path}.total"),
            criteria=self.each(
                d["criteria"], f"{path}.criteria", self.criterion
            ),
            bands=self.each(d["bands"], f"{path}.bands", self.band),
            exclusions=self.each(
                d.get("exclusions", []), f"{path}.exclusions", self.exclusion
            ),
            overrides=self.each(
                d.get("overrides", []), f"{path}.overrides", self.override
            ),
            size_scales=self.each(
                d.get("size_scales", []),
                f"{path}.size_scales",
                self.size_scale,
            ),
            known=self.each(d.get("known", []), f"{path}.known", self.text),
            unknown=self.each(
                d.get("unknown", []), f"{path}.unknown", self.text
            ),
        )


def scheme_from_data(data: object, file: str) -> RatingScheme:
    """Build a scheme from plain JSON data read from *file*.

    Raises:
        DataError: Naming *file*, the path in the data and the value.
    """
    return _Reader(file).scheme(data, "$")
