"""minisafe: safe-completion training, end to end, in readable PyTorch: the library under the stage scripts.

The two papers are cited as "Yuan et al. 2025, §N" (From Hard Refusals to Safe-Completions, arXiv 2508.09224) and
"Guan et al. 2024, §N" (Deliberative Alignment, arXiv 2412.16339).
"""

__version__ = "0.1.0"
