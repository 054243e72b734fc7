"""The calls of pdfium's C API the PDF reader makes, on the library that pypdfium2_raw ships.

Importing pypdfium2_raw declares every one of pdfium's functions and loads ctypes.util (with
subprocess, tempfile and shutil) to look for the library: 12 ms of every `gongkai parse` of a
PDF (bench/parse_process.py), for the 20-odd functions used here. So the library is opened
where pypdfium2_raw keeps it, found without running the package, and those functions are
declared as pypdfium2_raw declares them (tests/report/read/test_pdfium.py holds every
declaration here against pypdfium2_raw's, so a new pinned version cannot drift from them).
Handles (document, page, text page, object, segment) are opaque pointers.
"""

from __future__ import annotations

import ctypes
import os
import sys
from ctypes import POINTER, c_char, c_double, c_float, c_int, c_uint, c_ulong, c_void_p
from importlib.machinery import PathFinder

from .document import ReadError

BOOL = c_int  # FPDF_BOOL
HANDLE = c_void_p  # FPDF_DOCUMENT, FPDF_PAGE, FPDF_TEXTPAGE, FPDF_PAGEOBJECT, FPDF_PATHSEGMENT

# the constants of fpdfview.h and fpdf_edit.h the reader tests
FPDF_ERR_PASSWORD = 4
FPDF_ERR_SECURITY = 5
FPDF_PAGEOBJ_PATH = 2
FPDF_PAGEOBJ_FORM = 5
FPDF_SEGMENT_LINETO = 0
FPDF_SEGMENT_MOVETO = 2


class FS_RECTF(ctypes.Structure):
    _fields_ = (("left", c_float), ("top", c_float), ("right", c_float), ("bottom", c_float))


class FS_MATRIX(ctypes.Structure):
    _fields_ = tuple((name, c_float) for name in "abcdef")


class FPDF_LIBRARY_CONFIG(ctypes.Structure):
    _fields_ = (
        ("version", c_int),
        ("m_pUserFontPaths", POINTER(POINTER(c_char))),
        ("m_pIsolate", c_void_p),
        ("m_v8EmbedderSlot", c_uint),
        ("m_pPlatform", c_void_p),
        ("m_RendererType", c_int),
        ("m_FontLibraryType", c_int),
        ("m_BrotliEnabled", BOOL),
        ("m_IsolatePerDocument", BOOL),
    )


def _library_path() -> str:
    """Where pypdfium2_raw keeps pdfium (beside its bindings, named as its loader names it)."""
    spec = PathFinder.find_spec("pypdfium2_raw")
    if spec is None or not spec.submodule_search_locations:
        raise ReadError("无法读取 PDF：未安装 pypdfium2（pdfium 库）")
    if sys.platform.startswith(("win32", "cygwin", "msys")):
        name = "pdfium.dll"
    elif sys.platform.startswith(("darwin", "ios")):
        name = "libpdfium.dylib"
    else:
        name = "libpdfium.so"
    return os.path.join(list(spec.submodule_search_locations)[0], name)


_lib = ctypes.CDLL(_library_path())


def _declare(name: str, restype, *argtypes):
    function = getattr(_lib, name)
    function.restype, function.argtypes = restype, argtypes
    return function


_F, _D = POINTER(c_float), POINTER(c_double)
FPDF_InitLibraryWithConfig = _declare(
    "FPDF_InitLibraryWithConfig", None, POINTER(FPDF_LIBRARY_CONFIG)
)
FPDF_LoadDocument = _declare("FPDF_LoadDocument", HANDLE, POINTER(c_char), POINTER(c_char))
FPDF_GetLastError = _declare("FPDF_GetLastError", c_ulong)
FPDF_GetPageCount = _declare("FPDF_GetPageCount", c_int, HANDLE)
FPDF_CloseDocument = _declare("FPDF_CloseDocument", None, HANDLE)
FPDF_LoadPage = _declare("FPDF_LoadPage", HANDLE, HANDLE, c_int)
FPDF_ClosePage = _declare("FPDF_ClosePage", None, HANDLE)
FPDFPage_GetMediaBox = _declare("FPDFPage_GetMediaBox", BOOL, HANDLE, _F, _F, _F, _F)
FPDFPage_CountObjects = _declare("FPDFPage_CountObjects", c_int, HANDLE)
FPDFPage_GetObject = _declare("FPDFPage_GetObject", HANDLE, HANDLE, c_int)
FPDFPageObj_GetType = _declare("FPDFPageObj_GetType", c_int, HANDLE)
FPDFPageObj_GetMatrix = _declare("FPDFPageObj_GetMatrix", BOOL, HANDLE, POINTER(FS_MATRIX))
FPDFFormObj_CountObjects = _declare("FPDFFormObj_CountObjects", c_int, HANDLE)
FPDFFormObj_GetObject = _declare("FPDFFormObj_GetObject", HANDLE, HANDLE, c_ulong)
FPDFPath_CountSegments = _declare("FPDFPath_CountSegments", c_int, HANDLE)
FPDFPath_GetPathSegment = _declare("FPDFPath_GetPathSegment", HANDLE, HANDLE, c_int)
FPDFPathSegment_GetType = _declare("FPDFPathSegment_GetType", c_int, HANDLE)
FPDFPathSegment_GetPoint = _declare("FPDFPathSegment_GetPoint", BOOL, HANDLE, _F, _F)
FPDFPathSegment_GetClose = _declare("FPDFPathSegment_GetClose", BOOL, HANDLE)
FPDFText_LoadPage = _declare("FPDFText_LoadPage", HANDLE, HANDLE)
FPDFText_ClosePage = _declare("FPDFText_ClosePage", None, HANDLE)
FPDFText_CountChars = _declare("FPDFText_CountChars", c_int, HANDLE)
FPDFText_GetUnicode = _declare("FPDFText_GetUnicode", c_uint, HANDLE, c_int)
FPDFText_IsGenerated = _declare("FPDFText_IsGenerated", c_int, HANDLE, c_int)
FPDFText_GetLooseCharBox = _declare(
    "FPDFText_GetLooseCharBox", BOOL, HANDLE, c_int, POINTER(FS_RECTF)
)
FPDFText_GetCharBox = _declare("FPDFText_GetCharBox", BOOL, HANDLE, c_int, _D, _D, _D, _D)
FPDFText_GetCharOrigin = _declare("FPDFText_GetCharOrigin", BOOL, HANDLE, c_int, _D, _D)
