"""A built-in dataset: its name, its file and the function that reads it."""

from __future__ import annotations

import functools
import os

from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

import attrs

from kttt._data._envelope import Envelope, read_package, read_path


T = TypeVar("T")


@attrs.frozen
class Dataset(Generic[T]):
    """A data file kttt ships, and how its room reads it.

    Each room declares its datasets; `kttt.datasets` lists them all.
    """

    #: The envelope's path under ``kttt/data``
    #: (``"geography/provinces.json"``).
    file: str
    #: Builds the domain value from the envelope, validating it.
    parse: Callable[[Envelope], T] = attrs.field(eq=False)
    #: Whether numbers with a fraction are read as `decimal.Decimal`.
    exact: bool = attrs.field(default=False, kw_only=True)

    @property
    def name(self) -> str:
        """The name the registry knows it by: the file's path, no suffix."""
        return self.file.removesuffix(".json")

    def load(self, path: str | os.PathLike[str] | None = None) -> T:
        """Return the dataset, read from kttt's file or from *path*.

        The built-in file is read once; a file of the user's (a corrected
        or updated copy in the same format) is read at every call.

        Raises:
            DataError: Naming the file, and the row or path, of what is
                wrong.
        """
        if path is None:
            return cast("T", _builtin(self))
        return self.parse(read_path(path, exact=self.exact))

    def envelope(self) -> Envelope:
        """Return the built-in file's envelope: description, sources, rows."""
        return read_package(self.file, exact=self.exact)


@functools.cache
def _builtin(dataset: Dataset[Any]) -> object:
    return dataset.parse(dataset.envelope())
