"""A page's page objects through pdfium: images, the text objects, and the ruling lines of tables.

Why: pdfplumber finds tables from pdfminer's lines, rectangles and curves, which exist only after
pdfminer has interpreted the whole page (the cost we avoid). pdfium's path objects hold the same
paths; this module rebuilds from them the objects pdfminer would have made (``paint_path``: a path
split at each move-to, "ml" a line, a closed axis-aligned "mlllh" a rectangle, anything else a curve
through its segments' end points) in pdfplumber's coordinates, turns them into pdfplumber's edges
with pdfplumber's own functions, and runs pdfplumber's table algorithm on them with the settings
``page.find_tables()`` uses, so the cells come out as pdfplumber's.

One walk over the objects (forms included, their matrices composed) also says whether the page holds
an image (for the OCR gate) and which text objects it has, so the word source can tell when pdfium
dropped one from its text page (a duplicate it suppressed, a lone hyphen), which pdfminer would not.
"""

from __future__ import annotations

from ctypes import byref, c_float, c_int, c_void_p
from dataclasses import dataclass, field
from typing import Any

from pdfplumber import table as plumber_table
from pdfplumber import utils as plumber_utils

from extractors.document import BBox
from extractors.readers import pdf_ffi as ffi

_SETTINGS = plumber_table.TableSettings.resolve(None)  # what page.find_tables() uses
if (_SETTINGS.vertical_strategy, _SETTINGS.horizontal_strategy) != ("lines", "lines"):  # pragma: no cover
    raise ImportError("pdfplumber's default table strategy is no longer 'lines'")
MAX_FORM_DEPTH = 8  # deeper forms are not walked (pdfminer has no such limit: the page falls back)

_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
Matrix = tuple[float, float, float, float, float, float]


@dataclass
class Graphics:
    """What one walk over a page's objects found (pdfplumber coordinates)."""

    has_images: bool = False
    text_objects: set[int] = field(default_factory=set)  # handles
    lines: list[dict[str, Any]] = field(default_factory=list)
    rects: list[dict[str, Any]] = field(default_factory=list)
    curves: list[dict[str, Any]] = field(default_factory=list)
    too_deep: bool = False  # forms nested deeper than MAX_FORM_DEPTH

    def find_tables(self) -> list[list[BBox]]:
        """pdfplumber's ``TableFinder`` on these objects: the cell boxes of each table."""
        s = _SETTINGS
        line_edges = [plumber_utils.line_to_edge(line) for line in self.lines]
        rect_edges = [e for r in self.rects for e in plumber_utils.rect_to_edges(r)]
        curve_edges = [e for c in self.curves for e in plumber_utils.curve_to_edges(c)]
        edges = line_edges + rect_edges + curve_edges  # the order of page.edges
        v = plumber_utils.filter_edges(edges, "v", min_length=s.edge_min_length_prefilter)
        h = plumber_utils.filter_edges(edges, "h", min_length=s.edge_min_length_prefilter)
        merged = plumber_table.merge_edges(
            v + h,
            snap_x_tolerance=s.snap_x_tolerance,
            snap_y_tolerance=s.snap_y_tolerance,
            join_x_tolerance=s.join_x_tolerance,
            join_y_tolerance=s.join_y_tolerance,
        )
        merged = plumber_utils.filter_edges(merged, min_length=s.edge_min_length)
        points = plumber_table.edges_to_intersections(
            merged, s.intersection_x_tolerance, s.intersection_y_tolerance
        )
        return plumber_table.cells_to_tables(intersections_to_cells(points))


def intersections_to_cells(intersections: dict[tuple[float, float], dict[str, list]]) -> list[BBox]:
    """pdfplumber's ``intersections_to_cells``, the same cells in the same order, in linear rather
    than quadratic time: for each point it scans every later point for those below and to the right
    of it, and builds the sets of edges through two points anew on each test (8 ms on a sample page of
    223 intersections). Here the points of each column and row, and each point's edge sets, are
    gathered once; the search (below points top-down, right points left to right, the first closed
    rectangle wins) is pdfplumber's."""
    points = sorted(intersections)
    v_edges = {p: {plumber_utils.obj_to_bbox(e) for e in intersections[p]["v"]} for p in points}
    h_edges = {p: {plumber_utils.obj_to_bbox(e) for e in intersections[p]["h"]} for p in points}
    columns: dict[float, list[tuple[float, float]]] = {}
    rows: dict[float, list[tuple[float, float]]] = {}
    for p in points:  # sorted by (x, top): a column's points top-down, a row's left to right
        columns.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    position = {p: (columns[p[0]].index(p), rows[p[1]].index(p)) for p in points}

    def connects(p1: tuple[float, float], p2: tuple[float, float]) -> bool:
        if p1[0] == p2[0] and not v_edges[p1].isdisjoint(v_edges[p2]):
            return True
        return p1[1] == p2[1] and not h_edges[p1].isdisjoint(h_edges[p2])

    cells: list[BBox] = []
    for i, pt in enumerate(points):
        if i == len(points) - 1:
            break
        col, row = position[pt]
        below, right = columns[pt[0]][col + 1 :], rows[pt[1]][row + 1 :]
        cell = _smallest_cell(pt, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(pt: Any, below: list, right: list, intersections: dict, connects: Any) -> BBox | None:
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None


def walk(page: object, height: float) -> Graphics:
    """Walk the page's objects; ``height`` is pdfplumber's page height (top = height − y)."""
    out = Graphics()
    handle = ffi.handle(page)
    objects = [ffi.page_object(handle, k) for k in range(ffi.count_objects(handle))]
    _walk(objects, _IDENTITY, height, out, 0)
    return out


def _walk(objects: list[int | None], outer: Matrix, height: float, out: Graphics, depth: int) -> None:
    matrix = ffi.Matrix()
    for obj in objects:
        if obj is None:
            continue
        handle = c_void_p(obj)
        kind = ffi.object_type(handle)
        if kind == ffi.OBJ_TEXT:
            out.text_objects.add(obj)
        elif kind == ffi.OBJ_IMAGE:
            out.has_images = True
        elif kind == ffi.OBJ_PATH:
            fill, stroke = c_int(), c_int()
            ffi.path_draw_mode(handle, byref(fill), byref(stroke))
            if fill.value or stroke.value:  # pdfminer paints nothing for a path ended with "n"
                ffi.object_matrix(handle, byref(matrix))
                _path(handle, _compose(_tuple(matrix), outer), height, out)
        elif kind == ffi.OBJ_FORM:
            if depth >= MAX_FORM_DEPTH:
                out.too_deep = True
                continue
            ffi.object_matrix(handle, byref(matrix))
            inner = [ffi.form_object(handle, k) for k in range(ffi.form_count(handle))]
            _walk(inner, _compose(_tuple(matrix), outer), height, out, depth + 1)


def _path(handle: c_void_p, m: Matrix, height: float, out: Graphics) -> None:
    """Split the path into subpaths at each move-to and add pdfminer's object for each."""
    a, b, c, d, e, f = m
    x, y = c_float(), c_float()
    px, py = byref(x), byref(y)
    subpaths: list[list[tuple[str, tuple[float, float]]]] = []
    bezier = 0
    path_segment, point_of, type_of, closes = (
        ffi.path_segment,
        ffi.segment_point,
        ffi.segment_type,
        ffi.segment_close,
    )
    for k in range(ffi.path_count(handle)):
        segment = c_void_p(path_segment(handle, k))
        point_of(segment, px, py)
        kind = type_of(segment)
        px_, py_ = x.value, y.value
        point = (a * px_ + c * py_ + e, b * px_ + d * py_ + f)  # user space, as pdfminer compares them
        if kind == ffi.SEG_MOVETO or not subpaths:
            subpaths.append([("m" if kind == ffi.SEG_MOVETO else "?", point)])
            bezier = 0
        elif kind == ffi.SEG_BEZIERTO:
            bezier += 1
            if bezier % 3 == 0:  # control, control, end: pdfminer keeps the end point
                subpaths[-1].append(("c", point))
        else:
            subpaths[-1].append(("l", point))
            bezier = 0
        if closes(segment):
            subpaths[-1].append(("h", subpaths[-1][0][1]))
    for ops in subpaths:
        _paint(ops, height, out)


def _paint(ops: list[tuple[str, tuple[float, float]]], height: float, out: Graphics) -> None:
    """pdfminer's ``PDFLayoutAnalyzer.paint_path`` for one subpath (points already transformed)."""
    shape = "".join(op for op, _ in ops)
    if shape[:1] != "m":
        return
    pts = [p for _, p in ops]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:  # a redundant "l" closed with "h"
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in {"mlh", "ml"}:
        out.lines.append(_obj("line", pts[:2], height))
    elif shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = pts[0] == pts[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if closed and square:
            out.rects.append(_obj("rect", [pts[0], pts[2]], height))
        else:
            out.curves.append(_obj("curve", pts, height, keep=True))
    else:
        out.curves.append(_obj("curve", pts, height, keep=True))


def _obj(kind: str, pts: list[tuple[float, float]], height: float, keep: bool = False) -> dict[str, Any]:
    """A pdfplumber object dict (the keys its edge functions read) bounding ``pts`` (user space);
    pdfplumber measures ``top`` down from the page's height."""
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    top, bottom = height - y1, height - y0
    obj = {
        "object_type": kind,
        "x0": x0,
        "x1": x1,
        "y0": y0,
        "y1": y1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
    }
    if keep:
        obj["pts"] = [(x, height - y) for x, y in pts]
    return obj


def _tuple(m: ffi.Matrix) -> Matrix:
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying ``inner`` then ``outer`` (PDF's row-vector convention: inner × outer)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)
