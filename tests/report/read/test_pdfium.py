"""read/pdfium.py declares the pdfium calls the reader makes as pypdfium2_raw declares them:
the same library file, and for every function, structure and constant the same types (a
handle, opaque here, is a pointer there), so a new pinned pypdfium2 cannot drift from them."""

import ctypes

import pypdfium2_raw as R
import pypdfium2_raw.bindings

from gongkai.report.read import pdfium


def _kind(t) -> tuple:
    """What a C type is for a call: a pointer (of any target), or its ctypes type and size."""
    if t is None:
        return (None,)
    if t is ctypes.c_void_p or issubclass(t, ctypes._Pointer):
        return ("pointer",)
    if issubclass(t, ctypes.Structure):
        return ("struct", t.__name__.strip("_").removeprefix("struct_").rstrip("_"))
    return (t._type_, ctypes.sizeof(t))


def _declared() -> dict:
    return {
        name: f
        for name, f in vars(pdfium).items()
        if name.startswith("FPDF") and isinstance(f, ctypes._CFuncPtr)
    }


def test_every_function_has_pypdfium2_raw_s_argument_and_result_types():
    declared = _declared()
    assert len(declared) >= 20  # every call the reader makes (pdf.py, pdf_pages.py)
    for name, ours in declared.items():
        theirs = getattr(R, name)
        assert [_kind(t) for t in ours.argtypes] == [_kind(t) for t in theirs.argtypes], name
        assert _kind(ours.restype) == _kind(theirs.restype), name


def test_structures_and_constants_are_pypdfium2_raw_s():
    for name in ("FS_RECTF", "FS_MATRIX", "FPDF_LIBRARY_CONFIG"):
        ours, theirs = getattr(pdfium, name), getattr(R, name)
        assert ctypes.sizeof(ours) == ctypes.sizeof(theirs), name
        assert [(f, _kind(t)) for f, t in ours._fields_] == [
            (f, _kind(t)) for f, t in theirs._fields_
        ], name
    constants = [n for n, v in vars(pdfium).items() if n.startswith("FPDF_") and isinstance(v, int)]
    assert constants and all(getattr(pdfium, n) == getattr(R, n) for n in constants)


def test_it_opens_the_library_pypdfium2_raw_ships():
    assert pdfium._lib._name == pypdfium2_raw.bindings._libs["pdfium"]._name
