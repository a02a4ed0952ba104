"""Check that every public name of kttt appears in the built API reference.

Run after the HTML build: ``python docs/check_api.py docs/_build/html``.
Exits 1 and lists the missing names if any is not documented, or if a
documented class leaves out one of its own public fields or, for an
enumeration, one of its members.
"""

from __future__ import annotations

import enum
import importlib
import sys
import zlib

from pathlib import Path

import attrs

import kttt


def documented(inventory: Path) -> set[str]:
    """Return the Python object names in a Sphinx ``objects.inv``."""
    raw = inventory.read_bytes()
    body = raw.split(b"\n", 4)[4]
    names = set()
    for line in zlib.decompress(body).decode().splitlines():
        name, role = line.split(" ", 2)[:2]
        if role.startswith("py:"):
            names.add(name)
    return names


def is_documented(name: str, inventory: set[str]) -> bool:
    """Whether the object ``kttt.<name>`` is listed under any dotted name."""
    obj = getattr(kttt, name)
    for entry in inventory:
        parent, _, last = entry.rpartition(".")
        if last != name or not parent.startswith("kttt"):
            continue
        try:
            module = importlib.import_module(parent)
        except ImportError:
            continue
        if getattr(module, name, None) is obj:
            return True
    return False


def members(cls: type) -> list[str]:
    """Return the public fields a class defines and its enum members."""
    names: list[str] = []
    if attrs.has(cls):
        names += [
            field.name
            for field in attrs.fields(cls)
            if not field.name.startswith("_") and not field.inherited
        ]
    if issubclass(cls, enum.Enum):
        names += [member.name for member in cls]
    return names


def undocumented_members(inventory: set[str]) -> list[str]:
    """Return ``Class.member`` for each field or member left out."""
    missing: list[str] = []
    for entry in sorted(inventory):
        parent, _, last = entry.rpartition(".")
        if not parent.startswith("kttt") or "._" in entry:
            continue
        try:
            cls = getattr(importlib.import_module(parent), last, None)
        except ImportError:
            continue
        if isinstance(cls, type):
            missing += [
                f"{entry}.{name}"
                for name in members(cls)
                if f"{entry}.{name}" not in inventory
            ]
    return missing


def main(build: str) -> int:
    """Print the undocumented public names; return 1 if there are any."""
    names = documented(Path(build) / "objects.inv")
    missing = [
        name
        for name in kttt.__all__
        if name != "__version__" and not is_documented(name, names)
    ]
    for name in missing:
        print(f"not in the API reference: kttt.{name}")
    total = len(kttt.__all__)
    print(f"{total - len(missing)} of {total} public names documented")
    left_out = undocumented_members(names)
    for name in left_out:
        print(f"field or member not in the API reference: {name}")
    return 1 if missing or left_out else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
