"""The enumerations of the rating room: ratings, grades, facts, sizes."""

from __future__ import annotations

from kttt._labels import LabelledEnum


class Rating(LabelledEnum):
    """The four ratings of a collective economic organisation.

    Ordered from best to worst; ``Rating.GOOD.rank`` is 0.

    >>> Rating.parse("khá")
    <Rating.FAIR: 'fair'>
    >>> Rating.FAIR.label("vi")
    'khá'
    """

    GOOD = "good", "tốt", "good"
    FAIR = "fair", "khá", "fair"
    AVERAGE = "average", "trung bình", "average"
    WEAK = "weak", "yếu", "weak"

    @property
    def rank(self) -> int:
        """The position from the best (0, good) to the worst (3, weak)."""
        return _RANKS[self]


_RANKS = {rating: rank for rank, rating in enumerate(Rating)}


class Grade(LabelledEnum):
    """The letter grades of people's credit funds (TT 42/2016/TT-NHNN)."""

    A = "A", "loại A (tốt)", "grade A (good)"
    B = "B", "loại B (khá)", "grade B (fair)"
    C = "C", "loại C (trung bình)", "grade C (average)"
    D = "D", "loại D (yếu)", "grade D (weak)"


class Fact(LabelledEnum):
    """The eligibility facts that exclusions and overrides test.

    The two month counts are whole months within the rated year (0 to 12);
    the others are yes/no.
    """

    MONTHS_OPERATING = (
        "months_operating",
        "số tháng hoạt động trong năm",
        "months operating in the year",
    )
    MONTHS_SUSPENDED = (
        "months_suspended",
        "số tháng tạm ngừng hoạt động trong năm",
        "months suspended in the year",
    )
    SANCTIONED = (
        "sanctioned",
        "bị xử phạt vi phạm hành chính trong năm",
        "administratively sanctioned in the year",
    )
    SPECIAL_CONTROL = (
        "special_control",
        "đang bị kiểm soát đặc biệt",
        "under special control",
    )
    LICENCE_REVOCATION = (
        "licence_revocation",
        "đang bị thu hồi giấy phép",
        "licence being revoked",
    )

    @property
    def is_count(self) -> bool:
        """Whether the fact is a month count (otherwise it is yes/no)."""
        return self in {Fact.MONTHS_OPERATING, Fact.MONTHS_SUSPENDED}

    @property
    def normal(self) -> int | bool:
        """The fact's value in a full, normal year (the sheet's default)."""
        return (
            12
            if self is Fact.MONTHS_OPERATING
            else 0
            if self.is_count
            else False
        )


class SizeClass(LabelledEnum):
    """The size classes of a cooperative (TT 01/2020/TT-BKHĐT, Điều 4–5)."""

    MICRO = "micro", "siêu nhỏ", "micro"
    SMALL = "small", "nhỏ", "small"
    MEDIUM = "medium", "vừa", "medium"
    LARGE = "large", "lớn", "large"


class SizeBasis(LabelledEnum):
    """What a size class is measured on."""

    MEMBERS = "members", "số thành viên", "number of members"
    CAPITAL = "capital", "tổng nguồn vốn (đồng)", "total capital (VND)"


class GroupBy(LabelledEnum):
    """How `kttt.rating.rating_shares` groups classifications."""

    PROVINCE = "province", "tỉnh, thành phố", "province"
    KIND = "kind", "loại hình", "kind of organisation"
    SECTOR = "sector", "lĩnh vực", "sector"
    YEAR = "year", "năm", "year"


class Denominator(LabelledEnum):
    """What a rating share is a share of.

    The national target of Resolution 20-NQ/TW counts all organisations,
    so organisations that were not rated pull the share down under ``ALL``.
    """

    ALL = "all", "tất cả tổ chức", "all organisations"
    RATED = "rated", "tổ chức được xếp loại", "rated organisations"
