"""How much a reader has to read: non-blank, non-comment lines of the library's three parts and the stage scripts.

Docstrings count (a reader reads them); blank lines and lines that are only a comment do not.

    python bench/lines.py
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted(p.name for p in ROOT.glob("*.py"))


def lines(path: Path) -> int:
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.strip().startswith("#"))


def main() -> None:
    parts = {"core (minisafe/*.py)": sorted((ROOT / "minisafe").glob("*.py")),
             "world (minisafe/world/)": sorted((ROOT / "minisafe" / "world").glob("*.py")),
             "integrations (minisafe/integrations/)": sorted((ROOT / "minisafe" / "integrations").glob("*.py")),
             "stage scripts (*.py at the top)": [ROOT / s for s in SCRIPTS]}
    total = 0
    for name, files in parts.items():
        n = sum(lines(f) for f in files)
        total += n
        print(f"{name:40s} {n:6d}   " + ", ".join(f"{f.name} {lines(f)}" for f in files))
    print(f"{'library + stage scripts':40s} {total:6d}")


if __name__ == "__main__":
    main()
