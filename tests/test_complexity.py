"""No function of the package is denser than cyclomatic complexity 25 (radon's measure, as `radon cc` reports
it): a longer chain of decisions is a table, or several functions each named for one step (issue 15)."""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class, Function

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 25


def functions(path: Path) -> list[Function]:
    """Every function, method and closure radon measures in one file."""
    out: list[Function] = []
    todo = list(cc_visit(path.read_text(encoding="utf-8")))
    while todo:
        block = todo.pop()
        if isinstance(block, Class):
            todo.extend(block.methods)
        else:
            out.append(block)
            todo.extend(block.closures)
    return out


def test_no_function_is_more_complex_than_25():
    files = sorted((ROOT / "src" / "veille").rglob("*.py")) + sorted((ROOT / "scripts").glob("*.py")) + \
        sorted((ROOT / "benchmarks").glob("*.py"))
    assert len(files) > 100
    dense = [f"{path.relative_to(ROOT)}:{f.lineno} {f.fullname} ({f.complexity})"
             for path in files for f in functions(path) if f.complexity > LIMIT]
    assert not dense, "over complexity 25:\n" + "\n".join(dense)


def test_the_measure_sees_a_dense_function(tmp_path):
    """The check can fail: a function of 26 decisions is reported, one of 25 is not."""
    def source(n: int) -> str:
        return "def f(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(n - 1)) + "    return -1\n"

    path = tmp_path / "dense.py"
    path.write_text(source(26), encoding="utf-8")
    assert [f.complexity for f in functions(path)] == [26]
    path.write_text(source(25), encoding="utf-8")
    assert [f.complexity for f in functions(path)] == [25]
