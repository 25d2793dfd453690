"""Direct ctypes prototypes of the few pdfium functions the PDF reader calls per char.

Why not ``pypdfium2.raw``: its functions declare ``argtypes``, and converting the arguments costs
more than the call itself. Measured on this machine over the 2 000 chars of a sample page,
``FPDFText_GetCharOrigin`` took 1.10 µs per char through ``pypdfium2.raw``-style prototypes, 0.72 µs
with ``c_void_p`` arguments passed as ints and 0.51 µs without ``argtypes``, handles and pointers
passed as ready-made ``c_void_p`` objects. So the hot functions below have no ``argtypes``: every
handle given to them must be a ``c_void_p`` (a bare int would be truncated to a C int) and every
index an int. The same library pypdfium2 loaded is opened again (the loader returns the same handle),
so pypdfium2 still owns documents and pages and their lifetime.
"""

from __future__ import annotations

import ctypes
from ctypes import POINTER, c_double, c_float, c_int, c_uint, c_ulong, c_ushort, c_void_p
from pathlib import Path

import pypdfium2_raw


def _library() -> ctypes.CDLL:
    folder = Path(pypdfium2_raw.__file__).parent
    for path in folder.iterdir():
        if path.name.startswith(("libpdfium", "pdfium")) and path.suffix in (".so", ".dylib", ".dll"):
            return ctypes.CDLL(str(path))
    from pypdfium2_raw import bindings  # a build that ships the library elsewhere: its own loader

    return bindings._libs["pdfium"]


_DLL = _library()


class Matrix(ctypes.Structure):
    """FS_MATRIX: ``a b c d e f`` as in PDF."""

    _fields_ = [(name, c_float) for name in "abcdef"]


def _fn(name: str, restype: object, argtypes: tuple[object, ...] | None = None) -> ctypes._CFuncPtr:
    func = _DLL[name]  # a new function object each time: our prototypes do not touch pypdfium2's
    func.restype = restype
    if argtypes is not None:
        func.argtypes = argtypes
    return func


# Per char (no argtypes: c_void_p handles, int indices).
char_origin = _fn("FPDFText_GetCharOrigin", c_int)
text_object = _fn("FPDFText_GetTextObject", c_void_p)
is_generated = _fn("FPDFText_IsGenerated", c_int)
get_unicode = _fn("FPDFText_GetUnicode", c_uint)


class Rect(ctypes.Structure):
    """FS_RECTF: ``left top right bottom`` (PDF user space, so top > bottom)."""

    _fields_ = [(name, c_float) for name in ("left", "top", "right", "bottom")]


# Per page object and path segment (no argtypes either).
page_object = _fn("FPDFPage_GetObject", c_void_p)
object_type = _fn("FPDFPageObj_GetType", c_int)
path_segment = _fn("FPDFPath_GetPathSegment", c_void_p)
segment_point = _fn("FPDFPathSegment_GetPoint", c_int)
segment_type = _fn("FPDFPathSegment_GetType", c_int)
segment_close = _fn("FPDFPathSegment_GetClose", c_int)

# Per page, run or font.
loose_box = _fn("FPDFText_GetLooseCharBox", c_int, (c_void_p, c_int, POINTER(Rect)))
tight_box = _fn(
    "FPDFText_GetCharBox",
    c_int,
    (c_void_p, c_int, POINTER(c_double), POINTER(c_double), POINTER(c_double), POINTER(c_double)),
)
count_chars = _fn("FPDFText_CountChars", c_int, (c_void_p,))
get_text = _fn("FPDFText_GetText", c_int, (c_void_p, c_int, c_int, POINTER(c_ushort)))
char_matrix = _fn("FPDFText_GetMatrix", c_int)
is_hyphen = _fn("FPDFText_IsHyphen", c_int, (c_void_p, c_int))
unicode_map_error = _fn("FPDFText_HasUnicodeMapError", c_int, (c_void_p, c_int))
text_font = _fn("FPDFTextObj_GetFont", c_void_p)
font_size = _fn("FPDFTextObj_GetFontSize", c_int)
glyph_width = _fn("FPDFFont_GetGlyphWidth", c_int, (c_void_p, c_uint, c_float, POINTER(c_float)))
base_font_name = _fn("FPDFFont_GetBaseFontName", ctypes.c_size_t, (c_void_p, c_void_p, ctypes.c_size_t))
count_marks = _fn("FPDFPageObj_CountMarks", c_int)
get_mark = _fn("FPDFPageObj_GetMark", c_void_p, (c_void_p, c_ulong))
mark_string = _fn(
    "FPDFPageObjMark_GetParamStringValue",
    c_int,
    (c_void_p, ctypes.c_char_p, c_void_p, c_ulong, POINTER(c_ulong)),
)

count_objects = _fn("FPDFPage_CountObjects", c_int, (c_void_p,))
form_count = _fn("FPDFFormObj_CountObjects", c_int, (c_void_p,))
form_object = _fn("FPDFFormObj_GetObject", c_void_p, (c_void_p, c_ulong))
object_matrix = _fn("FPDFPageObj_GetMatrix", c_int, (c_void_p, POINTER(Matrix)))
object_bounds = _fn(
    "FPDFPageObj_GetBounds",
    c_int,
    (c_void_p, POINTER(c_float), POINTER(c_float), POINTER(c_float), POINTER(c_float)),
)
path_draw_mode = _fn("FPDFPath_GetDrawMode", c_int, (c_void_p, POINTER(c_int), POINTER(c_int)))
path_count = _fn("FPDFPath_CountSegments", c_int, (c_void_p,))

OBJ_TEXT, OBJ_PATH, OBJ_IMAGE, OBJ_SHADING, OBJ_FORM = 1, 2, 3, 4, 5
SEG_LINETO, SEG_BEZIERTO, SEG_MOVETO = 0, 1, 2


def handle(obj: object) -> c_void_p:
    """A pypdfium2 raw handle (an LP_* pointer) as the ``c_void_p`` the prototypes above take."""
    return ctypes.cast(obj, c_void_p)


__all__ = ["c_double", "c_float", "c_void_p"]
