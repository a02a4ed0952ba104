"""Income, funds and indivisible assets (Luật 17/2023/QH15 Điều 84–88).

A record may give how a fiscal year's income was allocated
(`IncomeStatement`) and which kinds of indivisible asset
(`IndivisibleAsset`) the organisation has pledged as collateral.
The shares the law asks for are legal rules that `check_compliance`
measures.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

import attrs

from kttt import _data
from kttt._labels import LabelledEnum
from kttt.errors import ValidationError


#: The first fiscal year an income statement may describe.
FIRST_FISCAL_YEAR: Final = 1990
#: The last fiscal year an income statement may describe.
LAST_FISCAL_YEAR: Final = 2100

_AMOUNT: Final = _data.optional(_data.whole_number())
_INCOME: Final = _data.optional(_data.whole_number(None))


class IndivisibleAsset(LabelledEnum):
    """The kinds of indivisible asset (tài sản chung không chia), Điều 88.2.

    An organisation may pledge indivisible assets as collateral for a
    loan, except the kinds that `may_back_a_loan` is false for: land,
    State-supported assets and community works the State built
    (Điều 88 khoản 3 điểm d).
    """

    STATE_LAND = (
        "state_land",
        "đất được Nhà nước giao, cho thuê có hỗ trợ",
        "land allocated or leased with State support",
    )
    FUND_ASSETS = (
        "fund_assets",
        "tài sản hình thành từ quỹ chung không chia",
        "assets formed from the indivisible fund",
    )
    STATE_SUPPORTED = (
        "state_supported",
        "tài sản được Nhà nước hỗ trợ",
        "State-supported assets designated indivisible",
    )
    GIFTS = (
        "gifts",
        "tài sản được tặng cho là tài sản không chia",
        "gifts designated indivisible",
    )
    COMMUNITY_WORKS = (
        "community_works",
        "công trình hạ tầng cộng đồng do Nhà nước đầu tư giao lại",
        "community works the State built and handed over",
    )
    CHARTER = (
        "charter",
        "tài sản khác do điều lệ quy định",
        "other assets the charter designates",
    )

    @property
    def may_back_a_loan(self) -> bool:
        """Whether it may be pledged as collateral (Điều 88.3d)."""
        return self not in _PROTECTED


_PROTECTED: Final = frozenset(
    {
        IndivisibleAsset.STATE_LAND,
        IndivisibleAsset.STATE_SUPPORTED,
        IndivisibleAsset.COMMUNITY_WORKS,
    }
)


def protected_pledges(pledged: tuple[IndivisibleAsset, ...]) -> Fraction:
    """Count the pledged kinds that may not back a loan."""
    return Fraction(sum(1 for kind in pledged if not kind.may_back_a_loan))


@attrs.frozen(kw_only=True)
class IncomeStatement:
    """How a fiscal year's income was allocated, in whole VND.

    Construction refuses allocating more than there is to allocate.

    >>> statement = IncomeStatement(
    ...     year=2024,
    ...     external_income=400_000_000,
    ...     indivisible_fund_allocation=20_000_000,
    ... )
    >>> statement.indivisible_fund_share
    Fraction(1, 20)
    """

    #: The fiscal year.
    year: int = attrs.field(
        validator=_data.year_in(
            FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR, "a fiscal year"
        )
    )
    #: Income from external transactions, subsidiaries and capital
    #: holdings (Điều 87); negative for a loss.
    external_income: int | None = attrs.field(default=None, validator=_INCOME)
    #: What of it went to the indivisible fund (quỹ chung không chia).
    indivisible_fund_allocation: int | None = attrs.field(
        default=None, validator=_AMOUNT
    )
    #: Internal-transaction income left after the indivisible fund, taxes,
    #: losses and the funds (Điều 86); negative for a loss.
    internal_income_remaining: int | None = attrs.field(
        default=None, validator=_INCOME
    )
    #: What of it went to official members by their use of services and
    #: their labour.
    distributed_by_use_and_labour: int | None = attrs.field(
        default=None, validator=_AMOUNT
    )

    def __attrs_post_init__(self) -> None:
        for part, whole in (
            ("indivisible_fund_allocation", "external_income"),
            ("distributed_by_use_and_labour", "internal_income_remaining"),
        ):
            amount, income = getattr(self, part), getattr(self, whole)
            if amount and income is not None and amount > max(income, 0):
                raise ValidationError(
                    part, amount, f"cannot exceed the {whole} {income}"
                )

    @property
    def indivisible_fund_share(self) -> Fraction | None:
        """The share of external income put in the indivisible fund.

        `None` when either is unknown or there was no income.
        """
        return _share(self.indivisible_fund_allocation, self.external_income)

    @property
    def use_and_labour_share(self) -> Fraction | None:
        """The share of remaining internal income given by use and labour.

        `None` when either is unknown or there was no income.
        """
        return _share(
            self.distributed_by_use_and_labour, self.internal_income_remaining
        )


def _share(part: int | None, whole: int | None) -> Fraction | None:
    if part is None or whole is None or whole <= 0:
        return None
    return Fraction(part, whole)
