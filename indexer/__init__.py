"""Turn performance-goal tables into records, and hand them to a search backend to index."""

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
