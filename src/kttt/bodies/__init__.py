"""Public bodies: the issuers of documents and the agencies that act on them.

An `Issuer` is a body whose code a reference number carries (``TTg`` in
``1318/QĐ-TTg``); an `Agency` is a body that leads or takes part in the
tasks of a programme or sits on a steering committee.
Both registries are package data with their sources.
"""

from __future__ import annotations

from kttt.bodies._agencies import (
    AGENCIES,
    Agency,
    AgencyLevel,
    configure_converter,
)
from kttt.bodies._issuers import ISSUERS, Issuer, check_issuer_code


__all__ = [
    "AGENCIES",
    "ISSUERS",
    "Agency",
    "AgencyLevel",
    "Issuer",
    "check_issuer_code",
    "configure_converter",
]
