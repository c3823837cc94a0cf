"""Every main source file of the library fits on a screen or two: at most 350 lines."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 350


def test_no_main_source_file_is_longer_than_350_lines():
    sources = sorted((ROOT / "src" / "main" / "java").rglob("*.java"))
    assert len(sources) > 50, f"expected the library's sources under src/main/java, found {len(sources)}"
    long = {str(p.relative_to(ROOT)): n for p in sources
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > LIMIT}
    assert not long, f"expected at most {LIMIT} lines per file, found {long}"
