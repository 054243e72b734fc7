"""A folder's outputs are written a file at a time, and read as if written whole."""

import json

import pytest

from gongkai.cli import main
from gongkai.supervision import summary
from gongkai.supervision.folder import check_files

from .makers import build, save, values


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    for i, (agency, year) in enumerate([("洪泽区财政局", 2023), ("洪泽区财政局", 2024)]):
        save(build(agency, year, values(i)), root, f"r{i}", "md")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 broken")
    return root


def test_the_json_is_the_one_document_json_dumps_writes(folder, capsys):
    assert main(["check", str(folder), "--json", "--jobs", "1"]) == 2  # the broken file
    out = capsys.readouterr().out
    printed = json.loads(out)
    assert [r["file"].rsplit("/", 1)[-1] for r in printed] == ["broken.docx", "r0.md", "r1.md"]
    assert out == json.dumps(printed, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("stop", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_summary_stopped_halfway_leaves_no_file(folder, tmp_path, monkeypatch, stop):
    """A full disk, or Ctrl-C, while the rows are written: no summary, whole or half."""
    results = check_files(sorted(folder.iterdir()), jobs=1)
    made = []

    def row(result):
        if made:
            raise stop
        made.append(result)
        return original(result)

    original = summary.row
    monkeypatch.setattr(summary, "row", row)
    for suffix in (".csv", ".html"):
        made.clear()
        out = tmp_path / f"summary{suffix}"
        with pytest.raises(type(stop)):
            summary.write_summary(results, out)
        assert not out.exists() and not out.with_name(out.name + ".part").exists()
