"""Question answering as a pipeline: read the question by linking what it mentions to what
the records hold (`reading`), check that the corpus can answer it (`checks`), answer with
the first plan that applies (`answers`), and cite. See docs/qa.md."""

from ..store import ProjectStore
from .answers import _bare_numbers, _catalogue_titles, _projects_of_units, matcher
from .checks import _names_a_company
from .pipeline import answer, ask
from .plans import _families, _issuers
from .reading import linker

__all__ = ["answer", "ask", "prepare"]


def prepare(store: ProjectStore) -> None:
    """Build what the pipeline indexes a generation's records by (the linker, the
    project-name matcher and its shortenings; about a minute at 100,000 projects), and
    load jieba's dictionary and its parts of speech (about 100 MB), so that the first
    question does not wait for them, and processes forked afterwards share them."""
    import jieba.posseg  # reads the parts of speech

    jieba.posseg.dt.tokenizer.check_initialized()
    linker(store)
    _names_a_company(store)
    _built = matcher(store).by_initials
    for built_once in (_bare_numbers, _catalogue_titles, _projects_of_units, _issuers, _families):
        built_once(store)
