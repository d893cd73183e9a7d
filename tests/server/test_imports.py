"""Imports among the server's modules run one way: no cycle, counting every import wherever it
is written (inside functions too), `importlib.import_module("...")` with a literal name, and
the package `__init__` each import runs first."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

SERVER = ROOT / "server"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def server_modules() -> dict[str, Path]:
    return {module_name(path): path for path in SERVER.rglob("*.py") if "migrations" not in path.parts}


def _imported(node: ast.AST, this: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            package = this if is_package else this.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{base}".strip(".")
        return [base, *(f"{base}.{alias.name}" for alias in node.names)]
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "import_module"
            and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
        return [node.args[0].value]
    return []


def import_graph() -> dict[str, set[str]]:
    modules = server_modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        targets = {target for node in ast.walk(ast.parse(path.read_text(), str(path)))
                   for target in _imported(node, name, is_package)}
        # Importing a.b.c runs a and a.b first: a package's __init__ is part of every import below it.
        targets |= {".".join(name.split(".")[:k]) for k in range(1, name.count(".") + 1)}
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_checker_sees_a_cycle_through_a_function_level_import():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    tree = ast.parse("def f():\n    from server.tasks import scheduler\n")
    assert "server.tasks.scheduler" in {t for node in ast.walk(tree) for t in _imported(node, "server.x", False)}


def test_no_import_cycle_among_server_modules():
    graph = import_graph()
    assert len(graph) > 80 and graph["server.app"], "the walk found the server's modules and their imports"
    assert cycles(graph) == []
