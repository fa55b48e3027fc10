"""Answer requests over parsed records (and, with the search-core issue, the index)."""
