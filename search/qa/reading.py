"""Reading a question: fold its spelling, then link what it mentions to what the records
hold — indicator names (exactly, by a distinctive part, or with a typo), years, units and
other organisations, the fields it asks for. Nothing here answers; it only reads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from indexer.model import Indicator, Project
from indexer.text import words as text_words

from ..indicators import word_set
from ..store import ProjectStore, per_generation
from ..vocabulary import idf, in_table_terms, meanings, own_meanings, terms_of

_CONVERTER = None


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (OpenCC's t2s), e.g. 檢察辦案業務費 → 检察办案业务费."""
    global _CONVERTER
    if _CONVERTER is None:
        import opencc

        _CONVERTER = opencc.OpenCC("t2s")
    return _CONVERTER.convert(text)


def fold(question: str) -> str:
    """What the linkers read: simplified characters, NFKC (full-width → half-width), no white
    space, no question mark at the end."""
    text = unicodedata.normalize("NFKC", to_simplified(question))
    text = text.replace("啥", "什么").replace("咋", "怎么").replace("几多", "多少")  # spoken
    text = text.replace("加总", "合计").replace("项目表", "项目")  # 缩减额加总, 九张项目表
    text = in_table_terms(text)  # 满不满意 → 满意度
    text = CHINESE_YEAR.sub(lambda m: m[1].translate(CHINESE_DIGITS) + "年", text)  # 二〇二〇年
    text = SHORT_YEAR.sub(r"\g<1>20\g<2>年", text)  # 20年检察院…: 2020年
    text = CHINESE_AMOUNT.sub(lambda m: f"{chinese_number(m[1])}{m[2]}", text)  # 一千万 → 1000万
    return re.sub(r"\s+", "", text).rstrip("?？。!！")


CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
# an amount in Chinese numerals before 万 or 亿: 一千万, 五百万, 两亿, 三千五百万
CHINESE_AMOUNT = re.compile(r"([一二两三四五六七八九十][一二两三四五六七八九十百千零]*)(万|亿)")
UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}
DIGIT_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def chinese_number(text: str) -> int:
    """一千 → 1000, 三千五百 → 3500, 十五 → 15, 8 → 8 (numbers below ten thousand); 0 for
    anything else."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in DIGIT_VALUES and ch not in UNIT_VALUES for ch in text):
        return 0
    total, digit = 0, 0
    for ch in text:
        if ch in UNIT_VALUES:
            total += (digit or 1) * UNIT_VALUES[ch]
            digit = 0
        else:
            digit = DIGIT_VALUES[ch]
    return total + digit


CHINESE_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})年")
# a year written with two digits where a year begins a clause or follows a link word
SHORT_YEAR = re.compile(
    r"(^|[，,。；;？?\s：:（(、和跟与比到至是在从有])(1[5-9]|2\d)年(?![以来内后前间期多左])"
)


# Mentions of years: 2021年, 2021年度, 2021.
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
YEAR_WORD = re.compile(r"(?:19|20)\d{2}年?度?")  # a year as a word of its own: 2020, 2023年度
# An organisation named in a question: a name before one of these endings.
ORG_ENDINGS = (
    "高级人民法院", "人民检察院", "人民法院", "检察院", "法院", "天文台", "研究所", "研究院",
    "大学", "学院", "医院", "分院", "高院", "中院", "委员会", "管理局", "分局", "公司", "局", "厅",
)  # fmt: skip
ORG = re.compile(rf"([\u4e00-\u9fff]{{2,10}}?(?:{'|'.join(ORG_ENDINGS)}))")
# The words of a question before an organisation's name: 财政部发的文件被 | 检察院
# the people a question may ask for, whom no table names (checks refuses them before the plans
# where no text holds the word, verify after a header field was answered)
PEOPLE = r"负责人|联系人|经办人|项目经理|姓名"
ORG_LEAD = re.compile(
    r"[的了是在和与及有为由从对占比中里个张被跟同较向钱|\d]|引用|提到|哪些|哪个|哪家|各个|所有|项目|"
    r"想问一?下|问一?下|一下|到低|到高|看看|查查|按照|按|排序|排名|排一下|既然|请问|麻烦|想问|请教|"
    r"您好|你好|听说|据说|听人说|好像|哪几家|哪一家|哪几个|几家|多少家|每家|各家"
)
# words of speech a place's name may be read to begin with (据说市…, 听说区…)
PLACE_LEAD = re.compile(r"听说|据说|听人说|好像|请问|麻烦|想问一?下?|问一?下|你好|您好")
# Places a question may name by their stem alone (杨浦拆违经费, 浙江的项目): the provinces, the
# largest cities, and the districts of the municipalities whose tables are most published.
# Common words that are also place names (大兴, 朝阳, 通州) are left out.
PLACE_NAMES = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川",
    "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾",
    "广州", "深圳", "杭州", "南京", "武汉", "成都", "西安", "苏州", "宁波", "青岛", "厦门", "郑州",
    "长沙", "沈阳", "大连", "济南", "合肥", "福州", "昆明", "哈尔滨", "长春", "石家庄", "太原",
    "南昌", "南宁", "贵阳", "兰州", "乌鲁木齐", "呼和浩特", "银川", "西宁", "拉萨", "海口",
    "黄浦", "徐汇", "长宁", "静安", "普陀", "虹口", "杨浦", "闵行", "宝山", "嘉定", "浦东",
    "金山", "松江", "青浦", "奉贤", "崇明", "东城", "西城", "海淀", "丰台", "石景山", "门头沟",
    "房山", "顺义", "昌平", "怀柔", "平谷", "密云", "延庆", "滨海新区", "渝中", "江北", "渝北",
)  # fmt: skip
# A place: 闵行区, 浙江省, 杭州市 (two to four characters before its ending).
PLACE = re.compile(r"(?<![本全各该])((?![省市区县])[\u4e00-\u9fff]{2,4}?(?:省|市|区|县))")

MIN_FRAGMENT = 4  # characters of an indicator name that name it
MIN_PART_WORDS = 6  # characters of a sub-project title that name it
MAX_LINKED = 80  # characters of a question the linker reads
MIN_MEANING_SHARE = 0.5  # of an indicator name's terms a question names it by in other words
MEANING_LEAD = 1.25  # how clearly that name must lead the next


@dataclass(frozen=True)
class IndicatorMention:
    """Indicator rows a question names, and the words that named them."""

    words: str
    rows: tuple[tuple[Project, Indicator], ...]
    whole: bool = True  # named in full or with a wrong character, not by a part of a name

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys(row.name for _, row in self.rows))


class Linker:
    """What a generation's records hold, indexed for linking question words to it."""

    def __init__(self, store: ProjectStore) -> None:
        self.rows: dict[str, list[tuple[Project, Indicator]]] = {}
        plain_names: dict[str, str] = {}  # names repeat: each made plain once
        for project in store.projects:
            for row in project.indicators:
                plain = plain_names.get(row.name)
                if plain is None:
                    plain = plain_names[row.name] = _plain(row.name)
                self.rows.setdefault(plain, []).append((project, row))
        self.names = sorted(self.rows, key=len, reverse=True)
        self.names_text = "\n".join(self.names)  # for `in` over all names at once
        # character pair -> the names (their index in `names`) that hold it
        self.by_pair: dict[str, list[int]] = {}
        for n, name in enumerate(self.names):
            for pair in {name[i : i + 2] for i in range(len(name) - 1)}:
                self.by_pair.setdefault(pair, []).append(n)
        self.project_names = [_plain(p.name) for p in store.projects]
        self.project_names_text = "\n".join(self.project_names)
        # printed budget-line labels (of 4 characters or more), and the units' names as printed
        # (longest first, in one order every run: a set's order changes with the process)
        self.line_labels = sorted(
            {ln.label for p in store.projects for ln in p.budget_lines if len(ln.label) >= 4},
            key=lambda label: (-len(label), label),
        )
        self.unit_names = {v for p in store.projects for v in (p.unit, p.department) if v}
        self.units = {_plain(v) for p in store.projects for v in (p.unit, p.department) if v}
        # the places in those names by their stems (普陀 → 普陀区), for 普陀的项目
        self.places = {
            m.group(1)[:-1]: m.group(1)
            for name in self.unit_names
            for m in PLACE.finditer(name)
            if len(m.group(1)) >= 3
        }
        # Every name and sentence of the corpus, to tell a known organisation or year from
        # one the corpus never mentions.
        self.text = "\n".join(
            _plain(t)
            for p in store.projects
            for t in (p.name, p.unit, p.department or "", *p.sections.values())
        )
        self.text_lower = self.text.lower()
        self.targets = "\n".join({r.target for p in store.projects for r in p.indicators})
        levels = {lv for p in store.projects for r in p.indicators for lv in (r.level1, r.level2)}
        self.levels = {_plain(lv) for lv in levels if lv}
        self.level_words = {w for lv in self.levels if len(w := lv.removesuffix("指标")) >= 2}
        self.parts = [(p, part) for p in store.projects for part in sub_projects(p)]
        # each indicator name's terms (meaning groups and its own words), for a row named in
        # other words (放着不用的比例 for 设备闲置率), weighted by how few names hold them
        self.name_terms = {name: terms_of(name, word_set(name)) for name in self.names}
        # what a name measures: its last word (…满意度, …闲置率, …观测时间) and its meanings
        self.name_heads = {name: _head_terms(name) for name in self.names}
        self.by_term: dict[object, list[str]] = {}  # term -> the names holding it
        for name, terms in self.name_terms.items():
            for term in terms:
                self.by_term.setdefault(term, []).append(name)
        counts = {term: len(names) for term, names in self.by_term.items()}
        self.term_weight = idf(counts, len(self.names))
        # each character -> the projects whose name (or overview) holds it, for a project
        # described by what it does (修房子的那个)
        self.name_chars: dict[str, set[int]] = {}
        self.overview_chars: dict[str, set[int]] = {}
        for n, project in enumerate(store.projects):
            for ch in set(project.name):
                self.name_chars.setdefault(ch, set()).add(n)
            for ch in set(project.sections.get("overview", "")):
                self.overview_chars.setdefault(ch, set()).add(n)

    def sub_project(self, text: str) -> tuple[Project, SubProject, str] | None:
        """The sub-project a question names by its title or a distinctive part of it (≥ 6
        characters that no other sub-project title and no project name shares: 智能卷宗管理
        系统 for 上海检察机关智能卷宗管理系统)."""
        best = None
        for project, part in self.parts:
            title = _plain(part.title)
            words = next(
                (title[i : i + n] for n in range(len(title), MIN_PART_WORDS - 1, -1)
                 for i in range(len(title) - n + 1)
                 if title[i : i + n] in text and self._distinctive(title[i : i + n], part)),
                "",
            )  # fmt: skip
            if words and (best is None or len(words) > len(best[2])):
                best = (project, part, words)
        return best

    def _distinctive(self, words: str, part: SubProject) -> bool:
        if words == _plain(part.title):
            return True
        others = sum(1 for _, other in self.parts if words in _plain(other.title))
        return others == 1 and not any(words in name for name in self.project_names)

    def indicators(self, text: str, exclude: str = "") -> IndicatorMention | None:
        """The indicator names the text mentions: whole names first; else a name written with
        one or two wrong characters; else the longest part of the text (≥ 4 characters, not
        a level name) that some names contain. Candidates come from an index of character
        pairs, so the work grows with the question, not with the number of names."""
        text = (text.replace(exclude, "|") if exclude else text)[:MAX_LINKED]
        pairs = [text[i : i + 2] for i in range(len(text) - 1) if "|" not in text[i : i + 2]]
        hits: dict[int, int] = {}
        for pair in set(pairs):
            for n in self.by_pair.get(pair, ()):
                hits[n] = hits.get(n, 0) + 1
        whole = [self.names[n] for n in hits if self.names[n] in text]
        if whole:
            top = [n for n in whole if not any(n in other and n != other for other in whole)]
            return self._mention("、".join(top), top)
        for n, shared in sorted(hits.items(), key=lambda item: -len(self.names[item[0]])):
            name = self.names[n]
            allowed = 1 if len(name) < 8 else 2  # wrong characters forgiven
            if len(name) < 4 or shared < len(name) - 1 - 2 * allowed:
                continue
            for start in range(0, max(1, len(text) - len(name) + 1)):
                stretch = text[start : start + len(name)]
                if len(stretch) < len(name) or "|" in stretch:
                    continue
                if stretch[0] != name[0] and stretch[-1] != name[-1]:
                    continue
                if _latin_clash(text, start, start + len(name), name):
                    continue  # LAMOST数据获取量 is not FAST数据获取量 misspelt
                if Levenshtein.distance(stretch, name, score_cutoff=allowed) <= allowed:
                    return self._mention(stretch, [name])
        for size in range(min(len(text), 16), MIN_FRAGMENT - 1, -1):
            for start in range(len(text) - size + 1):
                part = text[start : start + size]
                if "|" in part or part in self.levels or part.endswith(ORG_ENDINGS):
                    continue  # 市检察院 names a unit, not a row 市检察院管理人员满意度
                candidates = self.by_pair.get(part[:2], ())
                named = [
                    self.names[n] for n in candidates
                    if part in self.names[n]
                    and not _latin_clash(text, start, start + size, self.names[n])
                ]  # fmt: skip
                if named and len(part) >= min(MIN_FRAGMENT + 1, len(named[0])) - 1:
                    return self._mention(part, named, whole=False)
        if "的" in text:  # 群众对政策的知晓度: a name read with 的 put in
            return self.indicators(text.replace("的", ""))
        return None

    def by_meaning(
        self, text: str, projects: list[Project], loose: bool = False
    ) -> IndicatorMention | None:
        """The indicator row a question names in other words (检察院新买的设备放着不用的比例
        for 设备闲置率; 天眼观测多少小时 for FAST观测时间): the name whose terms the
        question shares most of (by weight), among the rows of the question's projects if
        it names some. None unless one name clearly leads and the question holds at least
        half of what it says. `loose`: of one project's rows, asked nothing else, a word of
        the name said in other words (成本 of 花钱上限) is said too."""
        text = text[:MAX_LINKED]
        asked = meanings(text) | {w for w in word_set(text) if len(w) >= 2}
        held = {name for term in asked for name in self.by_term.get(term, ())}
        if projects:  # of the projects named, their rows only
            held &= {_plain(r.name) for p in projects for r in p.indicators}
        scored = []
        for name in held:
            terms = self.name_terms.get(name)
            if not terms:
                continue
            both = terms & asked
            # a word of the name that is itself a word of a meaning the question says
            other = {t for t in terms if isinstance(t, str) and own_meanings(t) & asked}
            if loose and other & self.name_heads[name]:  # the word it ends on, in other words
                both |= other
            if not any(isinstance(term, str) for term in both) and len(both) < 2:
                continue  # one meaning alone (多少个) names no row
            if not self.name_heads[name] & asked:
                continue  # 天文台有多少个用户: not what 用户满意度 measures
            shared = sum(self.term_weight[t] for t in both)
            if shared:
                whole = sum(self.term_weight[t] for t in terms)
                # how much it shares, times how much of the name that is
                scored.append((shared * shared / whole, shared / whole, name))
        scored.sort(reverse=True)
        if not scored or scored[0][1] < MIN_MEANING_SHARE:
            return None
        if len(scored) > 1 and scored[1][0] * MEANING_LEAD > scored[0][0]:
            return None
        name = scored[0][2]
        rows = tuple(
            (p, r) for p, r in self.rows[name] if not projects or any(p is q for q in projects)
        )
        return IndicatorMention(name, rows, True)

    def rows_measuring(self, text: str, projects: list[Project]) -> list[tuple[Project, object]]:
        """The rows of these projects that measure what a text says in plain words (人手到位 →
        检察办案人员到位率, 设备维护人员到位率): a row's name ends on a word or meaning of the
        text, and shares one more with it."""
        asked = meanings(text) | {w for w in word_set(text) if len(w) >= 2}
        found = []
        for project in projects:
            for row in project.indicators:
                name = _plain(row.name)
                shared = self.name_terms.get(name, frozenset()) & asked
                said = {t for t in shared if isinstance(t, str)}
                # the meanings shared beyond those of the words shared (设备 and its group
                # are one thing said, not two)
                beyond = {t for t in shared if isinstance(t, int)} - {
                    m for w in said for m in meanings(w)
                }
                heads = self.name_heads.get(name, frozenset()) & asked
                # two meanings said in other words (人手到位: 人员 and 到位率), or the word the
                # name ends on and one more (生产 beside 仪器 for 基础设施 is not enough)
                named = any(isinstance(t, str) for t in heads) and len(said) + len(beyond) >= 2
                if heads and (len(beyond) >= 2 or named):
                    found.append((project, row))
        return found

    def _mention(self, words: str, names: list[str], whole: bool = True) -> IndicatorMention:
        rows = tuple(pair for name in names for pair in self.rows[name])
        return IndicatorMention(words, rows, whole)

    def unknown_organisation(self, text: str) -> str | None:
        """An organisation the question names that the corpus never mentions (紫金山天文台,
        上海市高级人民法院): no stretch of its name of two characters or more before its
        ending (国家天文台 in 请问国家天文台) occurs in a unit, department or section."""
        for found in PLACE.finditer(text):
            place = PLACE_LEAD.split(found.group(1))[-1]  # 据说市检察院: no place 据说市
            if len(place) < 3:
                continue
            if re.search(r"(?:哪个|哪|什么|是|属于|位于|在|占)$", text[: found.start()]):
                continue  # 属于哪个区, 是普陀区的吗: asked about, or a verb before it
            names = [place[i:] for i in range(len(place) - 2)]  # 是普陀区 → 普陀区
            names += [n[:-1] for n in names if len(n) >= 3]  # 怀柔区: 怀柔 is in a name
            if any(n in self.text for n in names) or place[-2:] in ("地区", "城区", "市区", "县区"):
                continue
            if any(
                ch in place for ch in "哪什是属位在占了的用引被和与及于比跟较同向计过得级有把给"
            ):
                continue
            return place
        text = re.sub(r"《[^》]*》", "|", text)  # a title names a document, not a unit
        text = YEAR.sub("|", text)  # 2020年市检察院: the year is not part of the name
        for found in ORG.finditer(text):
            # only the name itself: not the words of the question before it
            org = ORG_LEAD.split(found.group(1))[-1]
            role = re.match(r"[^，,。？?]{0,3}?(施工|设计|监理|代建|承建)", text[found.end() :])
            asked = re.search(r"(?:哪家|哪个|哪一家|什么|哪些)$", text[: found.end() - len(org)])
            if asked and role and f"{role[1]}单位" in self.text:
                continue  # 哪家建筑公司在施工: asked which, of a role the tables name
            ending = next((e for e in ORG_ENDINGS if org.endswith(e)), None)
            if ending is None:
                continue
            if len(org) - len(ending) < 2:
                continue  # 市检察院, 该法院: too short to be a name
            suffixes = [org[i:] for i in range(len(org) - len(ending) - 1)]
            if any(s in self.text for s in suffixes) or self.mentions(org):
                continue
            if any(abbreviates(org, n) for n in (*self.unit_names, *self.project_names)):
                continue  # 上海市检察院, 派驻检察院: a unit or a name shortened
            return org
        for place in PLACE_NAMES:  # 杨浦拆违经费: a place by its stem, never in the corpus
            at = text.find(place)
            if (
                at >= 0
                and place not in self.text
                and not re.match(r"[路街]", text[at + len(place) :])
            ):
                return place
        return None

    def level_word(self, text: str) -> str:
        """The longest level of any table (without 指标: 满意度, 时效) that the text names."""
        joined = re.sub(r"方面的?|类的?|这块的?", "", text)  # 环境方面的效益: 环境效益
        return max(
            (w for w in self.level_words if stands_alone(w, text) or stands_alone(w, joined)),
            key=len,
            default="",
        )

    def mentions_year(self, year: int) -> bool:
        return f"{year}年" in self.text

    def mentions(self, word: str) -> bool:
        """A word the records hold anywhere: a name, a section, an indicator, a unit."""
        return word in self.text or word in self.names_text or word in self.targets


def _head_terms(name: str) -> frozenset[object]:
    """The last word of a name (two characters or more) and its meanings: what it measures."""
    last = [w for w, _, _ in text_words(name) if len(w) >= 2][-1:]
    return terms_of(last[0], last) if last else frozenset()


def stands_alone(stem: str, text: str) -> bool:
    """A level's stem named as a kind of indicator, not as the end of another noun (数量 in
    有哪些数量, not in 案件数量)."""
    at = text.find(stem)
    if at < 0:
        return False
    before = text[at - 1] if at else ""
    if len(stem) > 2 or not before or before in "的有了设和及与、各些个":
        return True
    return not "\u4e00" <= before <= "\u9fff"


def abbreviates(short: str, name: str) -> bool:
    """财政部 in 中华人民共和国财政部, 市机管局 in 上海市机关事务管理局: the characters in order."""
    if short in name:
        return True
    if len(short) < 3:
        return False
    # the characters in order, close together: the shortened name spans at most 2.5 times
    # its length in the full one (高检院 in 最高人民检察院; not 财政局 spread over a sentence)
    for first in (i for i, ch in enumerate(name) if ch == short[0]):
        at = first + 1
        for ch in short[1:]:
            at = name.find(ch, at)
            if at < 0:
                break
            at += 1
        else:
            if at - first <= 2.5 * len(short):
                return True
    return False


def _latin_clash(text: str, start: int, end: int, name: str) -> bool:
    """Whether the Latin names around a stretch of the question and those of an indicator
    name differ (LAMOST数据获取量 and FAST数据获取量): then the name is not the one meant."""
    ours = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", text[max(0, start - 8) : end])}
    theirs = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", name)}
    return bool(ours and theirs) and not ours & theirs


def outside(text: str, other: str, least: int = 2) -> str:
    """The text without the stretches (of `least` characters or more) that the other text
    holds, each left as |: what the text adds (兰溪路 named the project, 下立交 is its name
    too; an answer's words beyond the question's)."""
    out, i = [], 0
    while i < len(text):
        size = next((n for n in range(min(len(text) - i, 40), least - 1, -1)
                     if text[i : i + n] in other), 0)  # fmt: skip
        if size:
            out.append("|")
            i += size
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@per_generation
def linker(store: ProjectStore) -> Linker:
    return Linker(store)


def years_in(text: str) -> list[int]:
    return [int(y) for y in YEAR.findall(text)]


# ----------------------------------------------------------------------------- sub-projects
# A numbered part: `1.` `2、` at the start of a section or after a sentence's end (not 2.0).
ITEM = re.compile(r"(?:^|(?<=[。；;！!？?]))\s*(\d{1,2})[.．、](?!\d)")
MIN_TITLE = 4


@dataclass(frozen=True)
class SubProject:
    """A numbered part of a project (一个项目里的 1. 2. 3. 子项目): its title and its text in
    each section that treats it."""

    number: int
    title: str
    texts: dict[str, str]


def sub_projects(project: Project) -> list[SubProject]:
    """The numbered parts a project's sections share: part n's title is what its text
    begins with in every section that numbers it (two sections at least), so a numbered
    list of one section (steps of a plan) is no sub-project."""
    bodies: dict[int, dict[str, str]] = {}
    for key, text in project.sections.items():
        marks = list(ITEM.finditer(text))
        run = []
        for mark in marks:
            if int(mark[1]) == len(run) + 1:
                run.append(mark)
        if len(run) < 2:
            continue
        for mark, following in zip(run, [*run[1:], None], strict=True):
            end = following.start() if following is not None else len(text)
            bodies.setdefault(int(mark[1]), {})[key] = text[mark.end() : end].strip()
    parts = []
    for number in sorted(bodies):
        texts = bodies[number]
        if len(texts) < 2:
            continue
        title = _common_prefix(list(texts.values())).rstrip("（(《“0123456789")
        if len(title) >= MIN_TITLE:
            bodies_only = {key: text[len(title) :] for key, text in texts.items()}
            parts.append(SubProject(number, title, bodies_only))
    return parts


def _common_prefix(texts: list[str]) -> str:
    first = min(texts, key=len)
    for i, ch in enumerate(first):
        if any(t[i] != ch for t in texts):
            return first[:i]
    return first
