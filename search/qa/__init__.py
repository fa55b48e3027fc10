"""Question answering as a pipeline: read the question by linking what it mentions to what
the records hold (`reading`), check that the corpus can answer it (`checks`), answer with
the first plan that applies (`answers`), and cite. See docs/qa.md."""

from ..store import ProjectStore
from .answers import matcher
from .pipeline import answer, ask
from .reading import to_simplified

__all__ = ["answer", "ask", "prepare"]


def prepare(store: ProjectStore) -> None:
    """Build what the pipeline reads a generation's records with and `store.prepare`
    does not (the project-name matcher's shortenings), and load jieba's dictionary and
    its parts of speech (about 100 MB) and OpenCC's tables, so that the first question
    does not wait for them, and processes forked afterwards share them."""
    import jieba.posseg  # reads the parts of speech

    jieba.posseg.dt.tokenizer.check_initialized()
    to_simplified("")  # reads OpenCC's tables (10 MB)
    _built = matcher(store).by_initials
