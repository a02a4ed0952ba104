"""
Where a fact comes from: the `Source` every built-in rule and figure carries.
"""

from __future__ import annotations

import attrs
import pendulum

from kttt._validators import optional_nfc
from kttt.errors import ValidationError


__all__ = ["Source"]


@attrs.frozen(kw_only=True)
class Source:
    """
    The origin of a rule or a figure, precise enough to be checked.

    At least one of *document* and *url* must be given.

    >>> Source(document="20-NQ/TW", clause="II.2").cite()
    '20-NQ/TW, II.2'
    """

    #: The reference number of the document, as written (``"20-NQ/TW"``).
    document: str | None = attrs.field(default=None, converter=optional_nfc)
    #: The article, clause or section within it (``"Điều 8"``, ``"II.2"``).
    clause: str | None = attrs.field(default=None, converter=optional_nfc)
    #: The document's title or the publisher's headline.
    title: str | None = attrs.field(default=None, converter=optional_nfc)
    #: Where it was read.
    url: str | None = None
    #: When it was read.
    retrieved: pendulum.Date | None = None
    #: What a reader should know (caveats, disagreements, derivations).
    note: str | None = attrs.field(default=None, converter=optional_nfc)

    def __attrs_post_init__(self) -> None:
        if not (self.document or self.url):
            raise ValidationError(
                "source", self, "a source names a document or a URL"
            )

    def cite(self) -> str:
        """
        Return a short citation: the document (or URL) and the clause.
        """
        head = self.document or self.url or ""
        return f"{head}, {self.clause}" if self.clause else head
