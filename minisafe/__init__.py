"""minisafe: safe-completion training (Yuan et al. 2025, arXiv 2508.09224), end to end, in readable PyTorch."""

__version__ = "0.1.0"
