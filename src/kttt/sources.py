"""Where a fact comes from: the `Source` on every built-in rule and figure."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from kttt.errors import ValidationError
from kttt.text import is_blank, nfc


__all__ = ["Source"]


def _optional_nfc(value: Any) -> Any:
    # Anything but text is left for the validator to refuse.
    return nfc(value) if isinstance(value, str) else value


def _optional_text(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not (
        isinstance(value, str) and not is_blank(value) and value.isprintable()
    ):
        raise ValidationError(
            attribute.name, value, "must be non-blank, printable text or None"
        )


def _optional_date(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and (
        not isinstance(value, pendulum.Date)
        or isinstance(value, pendulum.DateTime)
    ):
        raise ValidationError(
            attribute.name, value, "must be a pendulum.Date or None"
        )


def _text_field() -> Any:
    return attrs.field(
        default=None, converter=_optional_nfc, validator=_optional_text
    )


@attrs.frozen(kw_only=True)
class Source:
    """The origin of a rule or a figure, precise enough to be checked.

    At least one of *document* and *url* must be given.

    >>> Source(document="20-NQ/TW", clause="II.2").cite()
    '20-NQ/TW, II.2'
    """

    #: The reference number of the document, as written (``"20-NQ/TW"``).
    document: str | None = _text_field()
    #: The article, clause or section within it (``"Điều 8"``, ``"II.2"``).
    clause: str | None = _text_field()
    #: The document's title or the publisher's headline.
    title: str | None = _text_field()
    #: Where it was read.
    url: str | None = attrs.field(default=None, validator=_optional_text)
    #: When it was read (``None``: the date was not recorded).
    retrieved: pendulum.Date | None = attrs.field(
        default=None, validator=_optional_date
    )
    #: What a reader should know (caveats, disagreements, derivations).
    note: str | None = _text_field()

    def __attrs_post_init__(self) -> None:
        if not (self.document or self.url):
            raise ValidationError(
                "source", self, "a source names a document or a URL"
            )

    def cite(self) -> str:
        """Return a short citation: the document (or URL) and the clause."""
        head = self.document or self.url or ""
        return f"{head}, {self.clause}" if self.clause else head
