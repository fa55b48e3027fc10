"""Turn performance-goal tables into records, and hand them to a search backend to index."""

from .corpus import CorpusError, load_corpus
from .layouts.sh_municipal_2020 import parse_text
from .model import Diagnostic, Indicator, ParseResult, Project, Source
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
