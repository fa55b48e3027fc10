"""Turn performance-goal table text into records (and, later, a search index)."""

from .corpus import CorpusError, load_corpus
from .model import Diagnostic, Indicator, ParseResult, Project, Source
from .parser import parse_text
from .render import render

__all__ = [
    "CorpusError",
    "Diagnostic",
    "Indicator",
    "ParseResult",
    "Project",
    "Source",
    "load_corpus",
    "parse_text",
    "render",
]
