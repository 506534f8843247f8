"""A small mutation check: make one change at a time to a module, run its tests, and report the
mutants the tests did not kill.

    .venv/bin/python tools/mutants.py src/committeepack/figures/spc.py tests/test_figures_spc.py

Mutations: each comparison operator swapped for its neighbour (< for <=, > for >=, == for !=),
each + for - and * for /, each and for or, each integer constant changed by one, each True for
False, and the words "rising"/"falling", "above"/"below", "upper"/"lower" swapped in strings.
The module is restored afterwards, whatever happens. (mutmut does more, but needs its own
configuration and runs the whole suite; this runs in minutes on the tests that matter.)
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

COMPARE = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
}
BINARY = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult}
WORDS = (("rising", "falling"), ("above", "below"), ("upper", "lower"))


def mutants(source: str):
    """Yield (line, description, mutated source) for each single change to ``source``."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    sites = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in COMPARE:
                    sites.append((node, "ops", i, COMPARE[type(op)]()))
        elif isinstance(node, ast.BinOp) and type(node.op) in BINARY:
            sites.append((node, "op", None, BINARY[type(node.op)]()))
        elif isinstance(node, ast.BoolOp):
            sites.append(
                (node, "op", None, ast.Or() if isinstance(node.op, ast.And) else ast.And())
            )
        elif isinstance(node, ast.Constant) and id(node) not in docstrings:
            if isinstance(node.value, bool):
                sites.append((node, "value", None, not node.value))
            elif isinstance(node.value, int):
                sites.append((node, "value", None, node.value + 1))
            elif isinstance(node.value, str):
                for a, b in WORDS:
                    if a in node.value:
                        sites.append((node, "value", None, node.value.replace(a, b)))
                    elif b in node.value:
                        sites.append((node, "value", None, node.value.replace(b, a)))
    for node, attribute, index, replacement in sites:
        original = getattr(node, attribute)
        if index is None:
            setattr(node, attribute, replacement)
        else:
            original = list(original)
            changed = list(original)
            changed[index] = replacement
            setattr(node, attribute, changed)
        mutated = ast.unparse(tree)
        setattr(node, attribute, original)
        yield node.lineno, f"{type(replacement).__name__}: {replacement!r}"[:60], mutated


def main(module: str, tests: list[str]) -> int:
    """Run every mutant of ``module`` against ``tests``; print the survivors and the score."""
    path = Path(module)
    original = path.read_text(encoding="utf-8")
    killed, survived = 0, []
    try:
        for line, description, mutated in mutants(original):
            path.write_text(mutated, encoding="utf-8")
            result = subprocess.run(
                [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
                capture_output=True,
            )
            if result.returncode == 0:
                survived.append((line, description))
            else:
                killed += 1
    finally:
        path.write_text(original, encoding="utf-8")
    for line, description in survived:
        print(f"survived: {module}:{line}: {description}")
    total = killed + len(survived)
    print(f"{killed} of {total} mutants killed ({100 * killed / max(total, 1):.0f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
