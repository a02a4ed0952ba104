"""Growth assumptions, and scenarios that name one per indicator."""

from __future__ import annotations

import math
import re
import types

from collections.abc import Mapping
from typing import Any

import attrs

from kttt._labels import LabelledEnum, localize_digits, pick
from kttt.errors import NotFoundError, ValidationError
from kttt.targets import TargetSet
from kttt.text import nfc


class AssumptionKind(LabelledEnum):
    """How an indicator is assumed to move from its latest value on."""

    CONSTANT_RATE = "constant_rate", "tăng đều theo tỷ lệ", "constant rate"
    CONSTANT_INCREMENT = (
        "constant_increment",
        "tăng đều theo mức",
        "constant yearly increment",
    )
    OBSERVED_TREND = (
        "observed_trend",
        "theo xu hướng đã quan sát",
        "observed trend",
    )
    NORMAL = "normal", "tăng trưởng ngẫu nhiên (chuẩn)", "normal growth"
    TRIANGULAR = (
        "triangular",
        "tăng trưởng ngẫu nhiên (tam giác)",
        "triangular growth",
    )
    UNIFORM = "uniform", "tăng trưởng ngẫu nhiên (đều)", "uniform growth"
    RESAMPLED = (
        "resampled",
        "tăng trưởng lấy mẫu lại từ số liệu",
        "growth resampled from the series",
    )

    @property
    def is_uncertain(self) -> bool:
        """Whether the growth is drawn at random (for `simulate` only)."""
        return self in _UNCERTAIN


_UNCERTAIN = frozenset(
    {
        AssumptionKind.NORMAL,
        AssumptionKind.TRIANGULAR,
        AssumptionKind.UNIFORM,
        AssumptionKind.RESAMPLED,
    }
)

#: The fields each kind takes; every other number field must be None.
_FIELDS: dict[AssumptionKind, frozenset[str]] = {
    AssumptionKind.CONSTANT_RATE: frozenset({"rate"}),
    AssumptionKind.CONSTANT_INCREMENT: frozenset({"increment"}),
    AssumptionKind.OBSERVED_TREND: frozenset({"years"}),
    AssumptionKind.NORMAL: frozenset({"rate", "sd"}),
    AssumptionKind.TRIANGULAR: frozenset({"low", "mode", "high"}),
    AssumptionKind.UNIFORM: frozenset({"low", "high"}),
    AssumptionKind.RESAMPLED: frozenset(),
}
_NUMBERS = ("rate", "increment", "sd", "low", "mode", "high")


def _check_number(field: str, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field, value, "must be a number")
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an int too large for a float
        finite = False
    if not finite:
        raise ValidationError(field, value, "must be finite")


def _check_rate(field: str, value: float | None) -> None:
    if value is not None and value <= -1:
        raise ValidationError(
            field,
            value,
            "a yearly rate is a fraction above −1 (−100 %); 0.05 is 5 %",
        )


@attrs.frozen(kw_only=True)
class Assumption:
    """How one indicator moves from its latest value on, year by year.

    Rates are fractions per year (``0.05`` is 5 % a year); an increment is
    in the indicator's unit per year.
    Build one with a named constructor:

    - `constant_rate`, `constant_increment`: a deterministic pace;
    - `observed_trend`: the series' own pace over its last *years* years,
      compound or linear;
    - `normal`, `triangular`, `uniform`, `resampled`: a yearly growth rate
      drawn at random each year, for `kttt.scenarios.simulate`.

    >>> Assumption.constant_rate(0.05).describe("en")
    '+5.0 %/yr'
    >>> Assumption.normal(0.05, 0.02).describe("en")
    'normal growth +5.0 %/yr ± 2.0 %'
    """

    #: Which kind of assumption this is.
    kind: AssumptionKind
    #: The yearly rate (constant), or the median yearly rate (normal).
    rate: float | None = None
    #: The yearly change, in the indicator's unit (constant increment).
    increment: float | None = None
    #: The observed trend's window; for resampling, the years whose changes
    #: are drawn from (``None``: the whole series).
    years: int | None = None
    #: Whether the observed trend is linear (a yearly change) rather than
    #: compound (a yearly rate).
    linear: bool = False
    #: The standard deviation of the yearly log growth ``ln(1 + r)``
    #: (normal): about that of the rate itself for small rates.
    sd: float | None = None
    #: The lowest yearly rate (triangular and uniform).
    low: float | None = None
    #: The most likely yearly rate (triangular).
    mode: float | None = None
    #: The highest yearly rate (triangular and uniform).
    high: float | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.kind, AssumptionKind):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise ValidationError(
                "kind", self.kind, "must be an AssumptionKind"
            )
        wanted = _FIELDS[self.kind]
        for name in (*_NUMBERS, "years"):
            value = getattr(self, name)
            if name in wanted and value is None:
                raise ValidationError(
                    name, None, f"a '{self.kind}' assumption needs {name}"
                )
            if (
                name not in wanted
                and value is not None
                and not (
                    name == "years" and self.kind is AssumptionKind.RESAMPLED
                )
            ):
                raise ValidationError(
                    name, value, f"a '{self.kind}' assumption takes no {name}"
                )
        for name in _NUMBERS:
            _check_number(name, getattr(self, name))
        self._check_values()

    def _check_values(self) -> None:
        for name in ("rate", "low", "mode"):
            _check_rate(name, getattr(self, name))
        if self.linear and self.kind is not AssumptionKind.OBSERVED_TREND:
            raise ValidationError(
                "linear", self.linear, "only an observed trend is linear"
            )
        if self.years is not None and (
            isinstance(self.years, bool)
            or not isinstance(self.years, int)  # pyright: ignore[reportUnnecessaryIsInstance]
            or self.years < 1
        ):
            raise ValidationError(
                "years", self.years, "a whole number of years, at least 1"
            )
        if self.sd is not None and self.sd < 0:
            raise ValidationError("sd", self.sd, "must be at least 0")
        low, high = self.low, self.high
        if low is not None and high is not None and high < low:
            raise ValidationError("high", high, f"must be at least low={low}")
        mode = self.mode
        if (
            mode is not None
            and low is not None
            and high is not None
            and not low <= mode <= high
        ):
            raise ValidationError(
                "mode", mode, f"must lie between low={low} and high={high}"
            )

    # --- named constructors -------------------------------------------------

    @classmethod
    def constant_rate(cls, rate: float) -> Assumption:
        """Return growth at *rate* a year (``0.05``: +5 % a year)."""
        return cls(kind=AssumptionKind.CONSTANT_RATE, rate=rate)

    @classmethod
    def constant_increment(cls, increment: float) -> Assumption:
        """Return a change of *increment* a year, in the indicator's unit."""
        return cls(kind=AssumptionKind.CONSTANT_INCREMENT, increment=increment)

    @classmethod
    def observed_trend(
        cls, years: int = 5, *, linear: bool = False
    ) -> Assumption:
        """Return the series' own pace over its last *years* years.

        Compound by default (the observed yearly rate); *linear* continues
        the average yearly change instead. The window starts at the first
        observation at or after ``latest − years``.
        """
        return cls(
            kind=AssumptionKind.OBSERVED_TREND, years=years, linear=linear
        )

    @classmethod
    def normal(cls, rate: float, sd: float) -> Assumption:
        """Return random yearly growth whose log is normal.

        Each year's growth factor ``1 + r`` is log-normal with median
        ``1 + rate``, and ``ln(1 + r)`` has standard deviation *sd*: the
        value at the horizon is then log-normal too, and never negative.
        """
        return cls(kind=AssumptionKind.NORMAL, rate=rate, sd=sd)

    @classmethod
    def triangular(cls, low: float, mode: float, high: float) -> Assumption:
        """Return a yearly rate drawn from a triangular distribution."""
        return cls(
            kind=AssumptionKind.TRIANGULAR, low=low, mode=mode, high=high
        )

    @classmethod
    def uniform(cls, low: float, high: float) -> Assumption:
        """Return a yearly rate drawn uniformly between *low* and *high*."""
        return cls(kind=AssumptionKind.UNIFORM, low=low, high=high)

    @classmethod
    def resampled(cls, years: int | None = None) -> Assumption:
        """Return yearly rates drawn from the series' own yearly changes.

        Each year's rate is drawn, with replacement, from the compound
        yearly rates between consecutive observations of the last *years*
        years (``None``: the whole series); a gap of several years counts
        as that many years at its average rate.
        """
        return cls(kind=AssumptionKind.RESAMPLED, years=years)

    # --- reading ------------------------------------------------------------

    def describe(self, lang: str = "vi") -> str:
        """Return the assumption in words in *lang* (``"vi"`` or ``"en"``)."""
        return _DESCRIBE[self.kind](self, lang)


def _per(lang: str) -> str:
    return pick(lang, "/năm", "/yr")


def _describe_rate(assumption: Assumption, lang: str) -> str:
    return f"{_rate(assumption.rate, lang)}{_per(lang)}"


def _describe_increment(assumption: Assumption, lang: str) -> str:
    return f"{_change(assumption.increment or 0.0, lang)}{_per(lang)}"


def _describe_trend(assumption: Assumption, lang: str) -> str:
    shape = (
        pick(lang, "tuyến tính", "linear")
        if assumption.linear
        else pick(lang, "kép", "compound")
    )
    years = assumption.years
    span = pick(lang, f"{years} năm qua", f"last {years} years")
    return f"{assumption.kind.label(lang)} ({shape}, {span})"


def _describe_normal(assumption: Assumption, lang: str) -> str:
    spread = localize_digits(f"{(assumption.sd or 0.0) * 100:.1f} %", lang)
    rate = _rate(assumption.rate, lang)
    return f"{assumption.kind.label(lang)} {rate}{_per(lang)} ± {spread}"


def _describe_range(assumption: Assumption, lang: str) -> str:
    rates = [
        _rate(v, lang)
        for v in (assumption.low, assumption.mode, assumption.high)
        if v is not None
    ]
    return f"{assumption.kind.label(lang)} {' / '.join(rates)}{_per(lang)}"


def _describe_resampled(assumption: Assumption, lang: str) -> str:
    label = assumption.kind.label(lang)
    if assumption.years is None:
        return label
    return f"{label} ({pick(lang, 'năm', 'last')} {assumption.years})"


_DESCRIBE = {
    AssumptionKind.CONSTANT_RATE: _describe_rate,
    AssumptionKind.CONSTANT_INCREMENT: _describe_increment,
    AssumptionKind.OBSERVED_TREND: _describe_trend,
    AssumptionKind.NORMAL: _describe_normal,
    AssumptionKind.TRIANGULAR: _describe_range,
    AssumptionKind.UNIFORM: _describe_range,
    AssumptionKind.RESAMPLED: _describe_resampled,
}


def _rate(value: float | None, lang: str) -> str:
    return localize_digits(f"{(value or 0.0) * 100:+.1f} %", lang)


def _change(value: float, lang: str) -> str:
    digits = 0 if abs(value) >= 100 else 1
    return localize_digits(f"{value:+,.{digits}f}", lang)


_CODE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")


def _freeze(value: Mapping[str, Assumption]) -> Mapping[str, Assumption]:
    if not isinstance(value, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]
        return value
    return types.MappingProxyType(dict(sorted(value.items())))


def _check_assumptions(
    _: object,
    attribute: attrs.Attribute[Mapping[str, Assumption]],
    value: Mapping[str, Assumption],
) -> None:
    if not isinstance(value, types.MappingProxyType):
        raise ValidationError(
            attribute.name, value, "a mapping of indicator code to Assumption"
        )
    for code, assumption in value.items():
        if (
            not isinstance(code, str)  # pyright: ignore[reportUnnecessaryIsInstance]
            or _CODE.fullmatch(code) is None
        ):
            raise ValidationError(
                f"assumptions.{code}",
                code,
                "keys are indicator codes, e.g. 'cooperatives.count'",
            )
        if not isinstance(assumption, Assumption):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise ValidationError(
                f"assumptions.{code}", assumption, "must be an Assumption"
            )


def _check_name(
    _: object, attribute: attrs.Attribute[str], value: Any
) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, value, "must be non-blank text")


def _nfc(value: Any) -> Any:
    return nfc(value) if isinstance(value, str) else value


@attrs.frozen(kw_only=True)
class Scenario:
    """A named set of assumptions, one per indicator code.

    Indicators without an assumption are left as observed.

    >>> high = Scenario(
    ...     name="5 %/năm",
    ...     assumptions={"cooperatives.count": Assumption.constant_rate(0.05)},
    ... )
    >>> high.assumptions["cooperatives.count"].rate
    0.05
    """

    #: What the scenario is called in tables ("tăng 5 %/năm").
    name: str = attrs.field(converter=_nfc, validator=_check_name)
    #: Indicator code -> its assumption (read-only, sorted by code).
    assumptions: Mapping[str, Assumption] = attrs.field(
        converter=_freeze, validator=_check_assumptions, hash=False
    )

    @property
    def is_uncertain(self) -> bool:
        """Whether any assumption is drawn at random (needs `simulate`)."""
        return any(a.kind.is_uncertain for a in self.assumptions.values())

    def check_indicators(self, target_set: TargetSet) -> None:
        """Refuse assumptions on indicators that *target_set* has no target on.

        Raises:
            NotFoundError: Naming the first such indicator code.
        """
        known = {i.code for i in target_set.indicators()}
        for code in self.assumptions:
            if code not in known:
                raise NotFoundError(
                    f"scenario {self.name!r}: assumptions",
                    code,
                    f"{target_set.code} sets no target on this indicator",
                )
