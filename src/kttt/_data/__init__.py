"""The data layer: reading kttt's data files and the user's, knowing no domain.

Below every domain room: the one envelope of data files
(`parse_envelope`, `read_package`, `read_path`), strict JSON and CSV
readers that locate every error (`load_json`, `read_csv`, `stream_csv`,
`read_table`, `decode`), dates (`parse_iso_date`, `parse_day`), the base
cattrs converter
(`new_converter`, `structure`), the one wrapper that turns a lower-level
error into a located `kttt.errors.DataError` (`reading`, `as_data_error`),
attrs validator factories, and the dataset descriptor the registry in
`kttt.datasets` lists.
Rooms register hooks for their own types; nothing here imports a room.
"""

from kttt._data._convert import (
    MAX_DIGITS,
    Configure,
    Converter,
    exact_number,
    new_converter,
    structure,
)
from kttt._data._dataset import Dataset
from kttt._data._dates import parse_day, parse_iso_date, require_date
from kttt._data._envelope import (
    PACKAGE_DATA,
    Envelope,
    Row,
    parse_envelope,
    read_package,
    read_path,
    read_text,
)
from kttt._data._json import as_list, as_mapping, load_json
from kttt._data._locate import as_data_error, join, reading
from kttt._data._tables import (
    CsvRows,
    Table,
    decode,
    read_csv,
    read_table,
    sniff_delimiter,
    stream_csv,
    table_of,
)
from kttt._data._validators import (
    Validator,
    checked,
    date,
    finite,
    flag,
    instance_of,
    is_items,
    items_of,
    nfc_text,
    optional,
    text,
    tuple_of,
    whole_number,
    year_in,
)


__all__ = [
    "MAX_DIGITS",
    "PACKAGE_DATA",
    "Configure",
    "Converter",
    "CsvRows",
    "Dataset",
    "Envelope",
    "Row",
    "Table",
    "Validator",
    "as_data_error",
    "as_list",
    "as_mapping",
    "checked",
    "date",
    "decode",
    "exact_number",
    "finite",
    "flag",
    "instance_of",
    "is_items",
    "items_of",
    "join",
    "load_json",
    "new_converter",
    "nfc_text",
    "optional",
    "parse_day",
    "parse_envelope",
    "parse_iso_date",
    "read_csv",
    "read_package",
    "read_path",
    "read_table",
    "read_text",
    "reading",
    "require_date",
    "sniff_delimiter",
    "stream_csv",
    "structure",
    "table_of",
    "text",
    "tuple_of",
    "whole_number",
    "year_in",
]
