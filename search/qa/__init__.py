"""Question answering as a pipeline: read the question by linking what it mentions to what
the records hold (`reading`), check that the corpus can answer it (`checks`), answer with
the first plan that applies (`answers`), and cite. See docs/qa.md."""

from .pipeline import answer, ask

__all__ = ["answer", "ask"]
