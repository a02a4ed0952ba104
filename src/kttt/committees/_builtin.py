"""The built-in committees and the 2023 network snapshot."""

from __future__ import annotations

from typing import Final

from kttt._data import Dataset, Envelope
from kttt.committees._convert import converter
from kttt.committees._model import SteeringCommittee
from kttt.committees._network import NetworkSnapshot


def _parse_committees(envelope: Envelope) -> tuple[SteeringCommittee, ...]:
    return envelope.structure(converter(), SteeringCommittee)


def _parse_snapshot(envelope: Envelope) -> NetworkSnapshot:
    return envelope.only().structure(converter(), NetworkSnapshot)


#: The national committee in 2017, 2023 and 2025
#: (``kttt/data/committees/national.json``).
NATIONAL_COMMITTEES: Final = Dataset(
    "committees/national.json", _parse_committees
)
#: The provincial committees the seeds describe
#: (``kttt/data/committees/provincial.json``).
PROVINCIAL_COMMITTEES: Final = Dataset(
    "committees/provincial.json", _parse_committees
)
#: The provincial network around April 2023, seed 000
#: (``kttt/data/committees/network-2023.json``).
NETWORK_2023: Final = Dataset("committees/network-2023.json", _parse_snapshot)


def national_committee_history() -> tuple[SteeringCommittee, ...]:
    """Return the national committee in 2017, 2023 and 2025, oldest first.

    2017: founded by QĐ 352/QĐ-TTg; 2023: the state reported in seed 000,
    with the changes then planned (`SteeringCommittee.planned_changes`);
    2025: reorganised by QĐ 1948/QĐ-TTg, the Ministry of Finance its
    standing agency.
    """
    return NATIONAL_COMMITTEES.load()


def provincial_committees() -> tuple[SteeringCommittee, ...]:
    """Return the provincial committees the seeds describe.

    Today this is Quảng Bình's committee at its meeting of 6 February 2020
    (seed 004), whose standing agency is the provincial Cooperative
    Alliance.
    """
    return PROVINCIAL_COMMITTEES.load()


def network_2023() -> NetworkSnapshot:
    """Return the 2023 state of the provincial committee network (seed 000).

    The seed names the 12 provinces whose standing agency is not the
    planning department and the 5 with a support team; it gives only
    counts for district committees (45 of 63) and commune focal officers
    (15).
    """
    return NETWORK_2023.load()
