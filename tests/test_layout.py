"""The folder tree is the architecture: the recipe's core (minisafe/*.py) imports neither the fictional world
(minisafe/world/) nor the real-model integrations (minisafe/integrations/); the world imports only the core; nothing
in the library imports a stage script, no stage script imports another, and no import cycle exists. Every import
counts, those inside functions included."""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPTS = {p.stem for p in REPO.glob("*.py")}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module `path` imports, as dotted names (`from minisafe.world import graders` -> minisafe.world.graders
    when that is a module, else minisafe.world)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                found.add(sub if sub in LIBRARY else node.module)
    return found


LIBRARY = {module_name(p): p for p in sorted((REPO / "minisafe").rglob("*.py"))}
GRAPH = {name: {m for m in imports(path) if m in LIBRARY and m != name} for name, path in LIBRARY.items()}


def part(name: str) -> str:
    """core, world or integrations."""
    return name.split(".")[1] if name.count(".") >= 2 and name.split(".")[1] in ("world", "integrations") else "core"


def test_the_graph_is_not_empty():
    """The checks below see the real imports (a parser that found none would pass them all)."""
    assert "minisafe.world.graders" in GRAPH["minisafe.world.spec"]
    assert "minisafe.logprobs" in GRAPH["minisafe.ppo"] and "minisafe.integrations.client" in \
        GRAPH["minisafe.integrations.llm_judge"]


@pytest.mark.parametrize("name", [n for n in LIBRARY if part(n) == "core"])
def test_the_core_imports_neither_subpackage(name):
    assert {m for m in GRAPH[name] if part(m) != "core"} == set()


@pytest.mark.parametrize("name", [n for n in LIBRARY if part(n) == "world"])
def test_the_world_imports_only_the_core_and_itself(name):
    assert {m for m in GRAPH[name] if part(m) == "integrations"} == set()


@pytest.mark.parametrize("path", sorted((REPO / "minisafe").rglob("*.py")) + sorted(REPO.glob("*.py")),
                         ids=lambda p: str(p.relative_to(REPO)))
def test_no_script_is_imported(path):
    """Stage scripts run as processes (minisafe.world.stages.run_stage); the library and the other scripts never
    import one."""
    assert imports(path) & (SCRIPTS - {path.stem}) == set()


def test_no_import_cycle():
    state: dict[str, str] = {}

    def visit(name: str, stack: list[str]) -> None:
        state[name] = "open"
        for m in sorted(GRAPH[name]):
            if state.get(m) == "open":
                raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(m):] + [m]))
            if m not in state:
                visit(m, stack + [m])
        state[name] = "done"

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
