"""URL helpers: add, remove or toggle one argument; page resets when a filter changes."""

from __future__ import annotations

from search.urls import toggle_arg, url, with_arg, without_arg

ARGS = {"q": "满意度", "category": "其他类", "page": "3"}


def test_url_leaves_out_empty_values():
    assert url("/", {"q": "", "kind": None}) == "/"
    assert url("/", {"q": "a b"}) == "/?q=a+b"


def test_with_arg_resets_the_page_unless_it_is_the_page():
    assert with_arg("/", ARGS, "kind", "section") == (
        "/?q=%E6%BB%A1%E6%84%8F%E5%BA%A6&category=%E5%85%B6%E4%BB%96%E7%B1%BB&kind=section"
    )
    assert with_arg("/", ARGS, "page", 4).endswith("&page=4")


def test_without_and_toggle():
    assert without_arg("/", ARGS, "category") == "/?q=%E6%BB%A1%E6%84%8F%E5%BA%A6"
    assert toggle_arg("/", ARGS, "category", "其他类") == without_arg("/", ARGS, "category")
    assert "category=%E7%BB%8F" in toggle_arg("/", ARGS, "category", "经常性专项业务费")
    assert "page=" not in toggle_arg("/", ARGS, "category", "经常性专项业务费")
