"""Issuer codes (机关代字) of document numbers and the agencies they stand for.

The longest matching prefix wins (沪财 → 上海市财政局 before 财 → 财政部). A code that no
prefix matches is unknown: we never guess an agency.
"""

from __future__ import annotations

ISSUER_PREFIXES: dict[str, str] = {
    # national
    "中发": "中共中央",
    "中办": "中共中央办公厅",
    "厅字": "中共中央办公厅、国务院办公厅",
    "国发": "国务院",
    "国函": "国务院",
    "国办": "国务院办公厅",
    "财": "财政部",
    "高检": "最高人民检察院",
    "法发": "最高人民法院",
    "法释": "最高人民法院",
    "统发": "中共中央统一战线工作部",
    "发改": "国家发展和改革委员会",
    "人社部": "人力资源和社会保障部",
    # Shanghai
    "沪委办": "中共上海市委办公厅",
    "沪委政法": "中共上海市委政法委员会",
    "沪委统": "中共上海市委统一战线工作部",
    "沪委": "中共上海市委",
    "沪府办": "上海市人民政府办公厅",
    "沪府机管": "上海市机关事务管理局",
    "沪府令": "上海市人民政府",
    "沪府": "上海市人民政府",
    "沪机管": "上海市机关事务管理局",
    "沪财": "上海市财政局",
    "沪经信": "上海市经济和信息化委员会",
    "沪发改": "上海市发展和改革委员会",
    "沪检": "上海市人民检察院",
    "沪高法": "上海市高级人民法院",
    "沪编": "上海市机构编制委员会办公室",
    "沪人社": "上海市人力资源和社会保障局",
    "沪教委": "上海市教育委员会",
    "沪卫": "上海市卫生健康委员会",
    "沪建": "上海市住房和城乡建设管理委员会",
    "沪规划资源": "上海市规划和自然资源局",
    "沪审计": "上海市审计局",
}


def issuer_name(code: str | None) -> str | None:
    """The agency behind an issuer code, or None when the code is unknown."""
    if not code:
        return None
    for length in range(len(code), 0, -1):
        name = ISSUER_PREFIXES.get(code[:length])
        if name:
            return name
    return None
