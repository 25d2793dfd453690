"""Pass 2 of the PDF reader: the pages' records into the Document's numbered blocks.

Why apart from :mod:`.pdf`: pass 1 reads pages (word sources, OCR); this pass needs every page's
records and nothing of any parser: it joins tables and paragraphs cut by page breaks (dropping a
table's repeated header) and numbers the blocks, with their locators and repairs.
"""

from __future__ import annotations

from extractors.document import BBox, Block, Cell, Locator, Paragraph, PrintedLine, Table
from extractors.readers.ocr import OcrPage
from extractors.readers.pdf_layout import page_items, para_continues
from extractors.readers.pdf_records import Page, Para, TablePart
from extractors.readers.pdf_tables import continues, drop_repeated_header


def assemble(pages: list[Page]) -> list[Block]:
    """The blocks of the document, in reading order (running heads already stripped)."""
    items: list[Para | list[TablePart]] = []
    rights: dict[int, float] = {}  # body text right edge by page, set as each page's items are built
    for page in pages:
        page_list = page_items(page)
        rights[page.number] = page.right
        if items and page_list:
            prev, first = items[-1], page_list[0]
            if isinstance(prev, list) and isinstance(first, list) and continues(prev[-1], first[0]):
                drop_repeated_header(prev, first[0])
                prev.append(first[0])
                page_list.pop(0)
            elif isinstance(prev, Para) and isinstance(first, Para) and para_continues(prev, first, rights):
                prev.text = f"{prev.text} {first.text}"
                prev.lines.extend(first.lines)
                page_list.pop(0)
        items.extend(page_list)
    return _number(items, {p.number: p.ocr for p in pages if p.ocr is not None})


def _number(items: list[Para | list[TablePart]], ocr: dict[int, OcrPage]) -> list[Block]:
    blocks: list[Block] = []
    n_para = n_table = 0
    for item in items:
        if isinstance(item, Para):
            first = [ln for ln in item.lines if ln.page == item.lines[0].page]  # bbox of the first part
            x0, top = min(ln.x0 for ln in first), min(ln.top for ln in first)
            x1, bottom = max(ln.x1 for ln in first), max(ln.bottom for ln in first)
            bbox: BBox = (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
            if first[0].page in ocr:
                bbox = ocr[first[0].page].to_page(bbox)
            loc = Locator(f"p{n_para}", first[0].page, bbox)
            repairs = ("ocr_text",) if any(ln.page in ocr for ln in item.lines) else ()
            if any(ln.repaired for ln in item.lines):  # legacy font converted, split syllables rejoined
                repairs += ("repaired_text",)
            para = Paragraph(n_para, item.text, loc, None, item.lines[0].bold, repairs)
            para.printed_lines = _printed_lines(item, ocr)
            blocks.append(para)
            n_para += 1
            continue
        cells, offset = [], 0
        for part in item:
            scan = ocr.get(part.page)  # a table rebuilt on a scanned page: boxes back onto the page
            for c in part.cells:
                row = c["row"] + offset
                bbox = scan.to_page(c["bbox"]) if scan else c["bbox"]
                loc = Locator(f"t{n_table}.r{row}.c{c['col']}", part.page, bbox)
                repairs = ("ocr_text",) if scan else ()
                repairs += ("repaired_text",) if c.get("repaired") else ()
                cells.append(Cell(row, c["col"], c["text"], loc, c["row_span"], c["col_span"], repairs))
            offset += part.n_rows
        blocks.append(Table(n_table, offset, item[0].n_cols, cells, page=item[0].page))
        n_table += 1
    return blocks


def _printed_lines(para: Para, ocr: dict[int, OcrPage]) -> tuple[PrintedLine, ...]:
    """The paragraph's lines with their offsets in its text (the lines joined by single spaces, also
    over a page break) and their words' boxes on the page (an OCR'd page's frame turned back)."""
    if " ".join(line.text for line in para.lines) != para.text:  # offsets would be off: keep none
        return ()
    out = []
    offset = 0
    for line in para.lines:
        words, scan = line.words, ocr.get(line.page)
        if scan is not None:
            words = tuple((a, b, scan.to_page(box)) for a, b, box in words)
        out.append(PrintedLine(offset, line.page, words))
        offset += len(line.text) + 1
    return tuple(out)
