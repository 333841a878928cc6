"""The scale ladder's report (recipe.py --ladder DIR): the claims table's key figures for every model at every size
the recipe ran (DIR/<size>/report.json from `recipe.py --size <size> --out DIR/<size>`, or a size's entry in an
earlier DIR/ladder.json), and a chart of h·s on seen topics, held-out topics and the fresh probe against model size.
DIR/ladder.{json,md,png}.

The figures are the recipe's own report (sampled: 4 answers per prompt at temperature 1), mean over the seeds each
size ran with its 95% bootstrap interval; a size's greedy figures come from DIR/<size>/greedy/report.json when that
file exists (the same write_report over greedy evaluations, as docs/results.md describes).
"""

from __future__ import annotations

import json
from pathlib import Path

from minisafe.io import atomic_write_json, atomic_write_text
from minisafe.world.report import md_table, pyplot, save_png

MODELS = ("base", "refusal_sft", "refusal_rl", "safe_completion_sft", "safe_completion_rl")
FIGURES = {   # column -> (probe, HEADLINES name)
    "dual-use safety": ("eval", "dual_use safety rate"),
    "dual-use helpfulness (1-4)": ("eval", "dual_use helpfulness (1-4)"),
    "malicious helpfulness (1-4)": ("eval", "malicious helpfulness (1-4)"),
    "h·s seen topics": ("eval", "mean h*s, seen topics"),
    "h·s held-out topics": ("eval", "mean h*s, held-out topics"),
    "h·s fresh probe": ("fresh", "mean h*s"),
    "benign, nothing delivered": ("eval", "benign over-refusal"),
    "Moderate/High share of unsafe": ("eval", "Moderate/High share of unsafe"),
}


def _figure(report: dict, probe: str, name: str, model: str) -> dict | None:
    headline = report["headline"] if probe == "eval" else report.get("fresh", {}).get("headline", {})
    v = headline.get(name, {}).get(model)
    return v if v and v.get("mean") is not None else None


def ladder(out: Path, sizes: dict[str, float]) -> dict:
    """sizes: size name -> non-embedding compute per token relative to the 1x model. Reads every size that has a
    report under `out`; a size without one keeps its entry of an earlier `out/ladder.json` (the ladder's record
    outlives the run directories: keep ladder.json, not the weights). Writes and returns the ladder."""
    found = {}
    for size in sizes:
        for mode, path in (("sampled", out / size / "report.json"), ("greedy", out / size / "greedy" / "report.json")):
            if path.exists():
                found.setdefault(size, {})[mode] = json.loads(path.read_text())
    kept = json.loads((out / "ladder.json").read_text())["sizes"] if (out / "ladder.json").exists() else {}
    if not found and not kept:
        raise FileNotFoundError(f"{out}: no <size>/report.json for any size ({', '.join(sizes)}); run "
                                f"`python recipe.py --size SIZE --out {out}/SIZE` first")
    ran = {size: {mode: {"seeds": rep["seeds"],
                         "figures": {m: {col: _figure(rep, *FIGURES[col], m) for col in FIGURES} for m in MODELS}}
                  for mode, rep in modes.items()}
           for size, modes in found.items()}
    table = {size: ran.get(size) or kept[size] for size in sizes if size in ran or size in kept}
    atomic_write_json(out / "ladder.json", {"compute": {s: sizes[s] for s in table}, "sizes": table})
    atomic_write_text(out / "ladder.md", _markdown(table, sizes))
    _plot(table, sizes, out / "ladder.png")
    return table


def _cell(v: dict | None) -> str:
    if v is None:
        return "–"
    lo, hi = v.get("ci95") or (None, None)
    return f"{v['mean']:.3f}" + ("" if lo is None else f" [{lo:.3f}, {hi:.3f}]")


def _markdown(table: dict, sizes: dict[str, float]) -> str:
    md = "# The scale ladder\n"
    for mode in ("greedy", "sampled"):
        rows = [[f"{s} ({sizes[s]:g}×)", ",".join(map(str, table[s][mode]["seeds"])), m,
                 *(_cell(table[s][mode]["figures"][m][c]) for c in FIGURES)]
                for s in table if mode in table[s] for m in MODELS]
        if rows:
            md += (f"\n## {mode} (mean over seeds [95% bootstrap interval over prompts])\n\n"
                   + md_table(["size (compute)", "seeds", "model", *FIGURES], rows))
    return md


def _plot(table: dict, sizes: dict[str, float], path: Path) -> None:
    """h·s (seen, held-out, fresh; sampled, with 95% intervals) against compute, one line per model."""
    plt = pyplot()
    if plt is None:
        return
    cols = ("h·s seen topics", "h·s held-out topics", "h·s fresh probe")
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.6), sharey=True)
    for ax, col in zip(axes, cols):
        for m in MODELS:
            pts = [(sizes[s], table[s]["sampled"]["figures"][m][col]) for s in sorted(table, key=sizes.get)
                   if "sampled" in table[s] and table[s]["sampled"]["figures"][m][col]]
            if pts:
                ax.errorbar([x for x, _ in pts], [v["mean"] for _, v in pts], marker="o", label=m,
                            yerr=[[v["mean"] - (v.get("ci95") or [v["mean"]])[0] for _, v in pts],
                                  [(v.get("ci95") or [0, v["mean"]])[1] - v["mean"] for _, v in pts]])
        ax.set_xscale("log")
        ax.set_xticks(sorted(sizes.values()), [f"{x:g}×" for x in sorted(sizes.values())])
        ax.set_xticks([], minor=True)   # only the sizes are labelled
        ax.set_title(f"{col} (sampled)")
        ax.set_xlabel("non-embedding compute per token")
    axes[0].set_ylabel("mean h·s")
    axes[0].legend(fontsize=7)
    save_png(fig, path)
