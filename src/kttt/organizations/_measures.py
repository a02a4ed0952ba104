"""What a legal rule measures on an organisation: `Measure`.

Every measure reads a figure of the record on the day judged and returns
it as an exact fraction (a count, a share, VND, years, months, or 1/0 for
yes/no), or `None` when the record does not allow it.
"""

from __future__ import annotations

from fractions import Fraction

import pendulum

from kttt import _data
from kttt._labels import LabelledEnum
from kttt.organizations._model import IS_ORGANIZATION, Organization
from kttt.organizations._readings import READINGS, Quantity


class Measure(LabelledEnum):
    """What a `LegalRule` measures on an organisation.

    Shares are exact fractions (``3/10`` is 30 %); a share of zero is not
    defined, so a rule on it is skipped when its base is 0.
    Flags are 1 (yes) or 0 (no).
    Measures of meetings and of time (capital unpaid, time since an audit)
    can be limited to what happened from a day on: a rule measures only
    meetings held since it came into force, and counts time from that day
    at the earliest.
    """

    OFFICIAL_MEMBERS = (
        "official_members",
        "số thành viên chính thức",
        "number of official members",
    )
    LARGEST_MEMBER_CAPITAL_SHARE = (
        "largest_member_capital_share",
        "tỷ lệ vốn góp của một thành viên chính thức trên vốn điều lệ",
        (
            "largest contribution of one official member, share of charter "
            "capital"
        ),
    )
    ASSOCIATE_CAPITAL_SHARE = (
        "associate_capital_share",
        "tỷ lệ vốn góp của thành viên liên kết góp vốn trên vốn điều lệ",
        "contribution of capital-associate members, share of charter capital",
    )
    FOREIGN_CAPITAL_SHARE = (
        "foreign_capital_share",
        "tỷ lệ vốn góp của thành viên nước ngoài trên vốn điều lệ",
        "contribution of foreign members, share of charter capital",
    )
    FOREIGN_OFFICIAL_MEMBER_SHARE = (
        "foreign_official_member_share",
        "tỷ lệ thành viên chính thức nước ngoài",
        "foreign share of the official members",
    )
    CAPITAL_ABOVE_CHARTER_SHARE = (
        "capital_above_charter_share",
        "phần vốn góp vượt vốn điều lệ, tỷ lệ trên vốn điều lệ",
        "contributed capital above the charter capital, share of it",
    )
    CAPITAL_ABOVE_CHARTER_VND = (
        "capital_above_charter_vnd",
        "phần vốn góp vượt vốn điều lệ (đồng)",
        "contributed capital above the charter capital (VND)",
    )
    CONTRIBUTED_CAPITAL = (
        "contributed_capital",
        "vốn góp (đồng)",
        "contributed capital (VND)",
    )
    YOUNGEST_CAPITAL_MEMBER_AGE = (
        "youngest_capital_member_age",
        (
            "tuổi của công dân trẻ nhất là thành viên chính thức hoặc liên kết"
            " góp vốn"
        ),
        (
            "age of the youngest citizen who is an official or capital-"
            "associate member"
        ),
    )
    YOUNGEST_NON_CAPITAL_AGE = (
        "youngest_non_capital_age",
        "tuổi của công dân trẻ nhất là thành viên liên kết không góp vốn",
        "age of the youngest citizen who is a non-capital associate",
    )
    RESIDENTS_CONTRIBUTING = (
        "residents_contributing",
        (
            "số người nước ngoài cư trú là thành viên chính thức hoặc liên kết"
            " góp vốn"
        ),
        "foreign residents who are official or capital-associate members",
    )
    NON_COOPERATIVE_OFFICIALS = (
        "non_cooperative_officials",
        "số thành viên chính thức không phải hợp tác xã",
        "official members that are not cooperatives",
    )
    NON_LEGAL_PERSON_ASSOCIATES = (
        "non_legal_person_associates",
        "số thành viên liên kết không phải pháp nhân Việt Nam",
        "associate members that are not Vietnamese legal persons",
    )
    UNPAID_CAPITAL_MONTHS = (
        "unpaid_capital_months",
        "số tháng lâu nhất một thành viên chưa góp đủ vốn kể từ khi gia nhập",
        (
            "longest a member's capital has stayed partly unpaid since "
            "admission"
        ),
    )
    BELOW_MINIMUM_MONTHS = (
        "below_minimum_months",
        (
            "số tháng lâu nhất một thành viên góp dưới mức vốn góp tối thiểu "
            "kể từ khi gia nhập"
        ),
        (
            "longest a member has stayed below the minimum contribution since "
            "admission"
        ),
    )
    FULL_GOVERNANCE = (
        "full_governance",
        "tổ chức quản trị theo mô hình đầy đủ",
        "governed under the full model",
    )
    BOARD_MEMBERS = (
        "board_members",
        "số thành viên hội đồng quản trị",
        "members of the board",
    )
    FOREIGN_BOARD_SHARE = (
        "foreign_board_share",
        "tỷ lệ thành viên hội đồng quản trị là người nước ngoài",
        "foreign share of the board",
    )
    BOARD_TERM_YEARS = (
        "board_term_years",
        "nhiệm kỳ hội đồng quản trị",
        "term of the board",
    )
    DIRECTOR_TERM_YEARS = (
        "director_term_years",
        "nhiệm kỳ giám đốc",
        "term of the director",
    )
    SUPERVISORS = (
        "supervisors",
        "số thành viên ban kiểm soát",
        "members of the supervisory board",
    )
    SUPERVISOR_TERM_YEARS = (
        "supervisor_term_years",
        "nhiệm kỳ ban kiểm soát, kiểm soát viên",
        "term of the supervisory board or controller",
    )
    MEETING_QUORUM = (
        "meeting_quorum",
        "tỷ lệ dự họp thấp nhất của đại hội thành viên",
        "lowest attendance of a general meeting",
    )
    RECONVENED_QUORUM = (
        "reconvened_quorum",
        "tỷ lệ dự họp thấp nhất của đại hội thành viên triệu tập lại",
        "lowest attendance of a reconvened general meeting",
    )
    BOARD_QUORUM = (
        "board_quorum",
        "tỷ lệ dự họp thấp nhất của hội đồng quản trị",
        "lowest attendance of a board meeting",
    )
    QUALIFIED_VOTE = (
        "qualified_vote",
        "tỷ lệ biểu quyết tán thành thấp nhất của nghị quyết cần đa số 65%",
        "lowest share of votes for a resolution on a matter needing 65 %",
    )
    ORDINARY_VOTE = (
        "ordinary_vote",
        "tỷ lệ biểu quyết tán thành thấp nhất của nghị quyết khác",
        "lowest share of votes for a resolution on any other matter",
    )
    INTERNAL_LENDING = (
        "internal_lending",
        "cho vay nội bộ",
        "lends to its official members",
    )
    SEEKS_STATE_SUPPORT = (
        "seeks_state_support",
        "đề nghị Nhà nước hỗ trợ",
        "seeks State support",
    )
    LARGE = "large", "quy mô lớn", "large"
    AUDITS = "audits", "số lần kiểm toán độc lập", "independent audits"
    MONTHS_SINCE_AUDIT = (
        "months_since_audit",
        "số tháng kể từ lần kiểm toán độc lập gần nhất",
        "months since the latest independent audit",
    )
    INDIVISIBLE_FUND_SHARE = (
        "indivisible_fund_share",
        (
            "tỷ lệ trích quỹ chung không chia trên thu nhập từ giao dịch "
            "bên ngoài"
        ),
        "share of external income put in the indivisible fund",
    )
    USE_AND_LABOUR_SHARE = (
        "use_and_labour_share",
        (
            "tỷ lệ thu nhập giao dịch nội bộ còn lại phân phối theo mức độ sử "
            "dụng dịch vụ và công sức lao động"
        ),
        "share of remaining internal income distributed by use and labour",
    )
    PROTECTED_COLLATERAL = (
        "protected_collateral",
        "số loại tài sản không chia không được thế chấp mà đã đem thế chấp",
        "kinds of indivisible asset pledged that may not back a loan",
    )
    REGISTERED = (
        "registered",
        "đăng ký tại cơ quan đăng ký kinh doanh",
        "registered with the business registration office",
    )
    CONTRACT_MONTHS = (
        "contract_months",
        "thời hạn hợp đồng hợp tác",
        "term of the cooperation contract",
    )
    OPEN_ENDED_CONTRACT = (
        "open_ended_contract",
        "hợp đồng hợp tác không xác định thời hạn",
        "open-ended cooperation contract",
    )
    CONVERTING = (
        "converting",
        "chuyển đổi thành hợp tác xã",
        "converting into a cooperative",
    )
    MONTHS_REGISTERED = (
        "months_registered",
        "số tháng đã đăng ký",
        "months since registration",
    )
    CONVERSION_AGREEMENT_SHARE = (
        "conversion_agreement_share",
        "tỷ lệ thành viên đồng ý chuyển đổi",
        "share of members agreeing to convert",
    )

    @property
    def field(self) -> str:
        """The field of `Organization` it reads (dotted into a value)."""
        return READINGS[self.value].field

    @property
    def quantity(self) -> Quantity:
        """What its value is (``"count"``, ``"share"``, ``"flag"``...)."""
        return READINGS[self.value].quantity

    def of(
        self,
        organization: Organization,
        on: pendulum.Date | None = None,
        *,
        since: pendulum.Date | None = None,
    ) -> Fraction | None:
        """Measure *organization* on *on* (by default its record date).

        Args:
            organization: The record.
            on: The day judged: ages and elapsed time are counted to it.
            since: If given, meetings held before it are left out and
                elapsed time is counted from it at the earliest.

        Returns:
            The value, or `None` if the record does not allow it.

        Raises:
            ValidationError: If *organization* is not an `Organization`,
                or *on* or *since* not a date.
        """
        IS_ORGANIZATION.check("organization", organization)
        day = (
            organization.record_date
            if on is None
            else _data.require_date("on", on)
        )
        if since is not None:
            _data.require_date("since", since)
        return READINGS[self.value].read(organization, day, since)
