"""The enumerations of organisations: kinds, sectors and status."""

from __future__ import annotations

from kttt._labels import LabelledEnum


class OrganizationKind(LabelledEnum):
    """The legal form of a collective economic organisation."""

    COOPERATIVE_GROUP = "cooperative_group", "tổ hợp tác", "cooperative group"
    COOPERATIVE = "cooperative", "hợp tác xã", "cooperative"
    COOPERATIVE_UNION = (
        "cooperative_union",
        "liên hiệp hợp tác xã",
        "union of cooperatives",
    )
    PEOPLES_CREDIT_FUND = (
        "peoples_credit_fund",
        "quỹ tín dụng nhân dân",
        "people's credit fund",
    )
    COOPERATIVE_BANK = (
        "cooperative_bank",
        "ngân hàng hợp tác xã",
        "cooperative bank",
    )


class Sector(LabelledEnum):
    """The field of activity, as national statistics group cooperatives."""

    AGRICULTURE = "agriculture", "nông nghiệp", "agriculture"
    INDUSTRY_HANDICRAFT = (
        "industry_handicraft",
        "công nghiệp - tiểu thủ công nghiệp",
        "industry and handicraft",
    )
    CONSTRUCTION = "construction", "xây dựng", "construction"
    TRANSPORT = "transport", "vận tải", "transport"
    TRADE_SERVICES = (
        "trade_services",
        "thương mại - dịch vụ",
        "trade and services",
    )
    CREDIT = "credit", "tín dụng", "credit"
    ENVIRONMENT = "environment", "môi trường", "environmental services"
    OTHER = "other", "khác", "other"


class OperatingStatus(LabelledEnum):
    """Whether an organisation is operating, suspended or dissolved."""

    OPERATING = "operating", "đang hoạt động", "operating"
    SUSPENDED = "suspended", "tạm ngừng hoạt động", "suspended"
    DISSOLVED = "dissolved", "giải thể", "dissolved"
    BANKRUPT = "bankrupt", "phá sản", "bankrupt"
