"""Layouts: one file per template family, registered by name (see `base`)."""

from .base import LAYOUTS, Layout, choose

__all__ = ["LAYOUTS", "Layout", "choose"]
