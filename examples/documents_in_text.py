"""
Find every document a text cites
================================

Find every document a text cites, and trace what each one implements.

Reads a paragraph of programme 155-CTr/TU's press release (seed 003), lists
the reference numbers in it with their positions, then walks each known
document's implementation chain up to the resolution it serves.
"""

from __future__ import annotations

from kttt import find_document_numbers, get_document
from kttt.documents import implementation_chain
from kttt.errors import NotFoundError


TEXT = (
    "Ngày 21/11/2022, Ban Thường vụ Tỉnh ủy ký ban hành Chương trình hành "
    "động số 155-CTr/TU thực hiện Nghị quyết số 20-NQ/TW ngày 16/6/2022 "
    "và Kế hoạch số 10-KH/TW của Bộ Chính trị; Chính phủ ban hành Nghị "
    "quyết số 09/NQ-CP ngày 02/02/2023."
)

for match in find_document_numbers(TEXT):
    start, end = match.span
    print(f"{match.number!s:<12} at {start}-{end}: {TEXT[start:end]!r}")
    try:
        document = get_document(match.number)
    except NotFoundError:
        print("    not in the built-in registry")
        continue
    chain = " -> ".join(str(d.number) for d in implementation_chain(document))
    print(f"    {document.kind.label('en')}; chain: {chain}")
