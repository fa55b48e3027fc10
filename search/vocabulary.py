"""Words that mean the same in performance-goal tables: the tables' own terms beside the
plain words users type for them (老百姓 for 群众, 按时 for 及时, 买 for 购置), and the
common names of things the tables call otherwise (地道 for 下立交, 天眼 for FAST).

Each group is one meaning; a word may stand in more than one group. The groups are
written from the domain (the national three-level indicator scheme, the header and
section labels of the template families, everyday words for them), not from any one
table. Question reading uses them to link a question to indicator rows and projects that
say the same thing in other words; search can use them to widen a query.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

GROUPS: tuple[str, ...] = (
    # who is served, and what they think of it
    "群众 老百姓 百姓 居民 市民 民众 公众 社会公众 住户 周边居民 普通人",
    "服务对象 受益对象 受益者 服务人群 使用者 用户",
    "满意度 满意 满不满意 满意程度 认可度 认可 好评 评价好",
    "知晓度 知晓率 知晓 知道 了解 知情 晓得 听说",
    "投诉 投诉率 有效投诉 意见 不满",
    # time
    "及时率 及时 按时 准时 按期 如期 限时 时效 拖延",
    "完成时间 完工 竣工 完成日期 什么时候完 截止 期限 结束",
    "开工 开始 启动 动工",
    "时间 小时 钟头 时长 时数 多久 多长时间",
    # quantity and quality words of rows
    "完成率 完成 做完 干完 落实",
    "合格率 合格 达标 验收合格 验收通过 通过验收 过关",
    "完好率 完好状况 完好 完好程度 状况良好",
    "通过率 考试通过 考核通过 考过",
    "出勤率 出勤 到课 到齐 到场 缺勤",
    "覆盖率 覆盖 全覆盖",
    "准确率 准确性 准确 准不准 精准 正确率 对不对",
    "正常运行率 运行率 正常运行 正常运转 好用 能用",
    "运行 运转 运营 运维 运行维护",
    "故障 坏了 出毛病 失灵 停机",
    "闲置率 闲置 放着不用 闲着 没用上 搁着不用",
    "利用率 使用率 用上 用起来 利用",
    "数量 个数 规模",
    "增长率 增长 增加 涨 提高 提升",
    "下降 减少 降低 降",
    "费用 经费",  # what a table calls 经费, a user a 费用
    "成本 费用 花费 开支 花钱 省钱 控制成本 成本控制 节约 花费封顶 花钱上限 成本上限",
    "上限 封顶 不超过 不高于 以内 最多",
    "预算 经费 资金 花多少钱 多少钱 钱 拨款 款",
    "节能 省电 节电 省能 节约能源 能耗 环保",
    "安全 事故 隐患 安全生产",
    # what projects buy, build and do
    "购置 采购 购买 买 添置 配备 配置",
    "设备 仪器 装备 机器 器材 设施",
    "维修 修缮 修理 抢修 维护 保养 修房子 修楼 修",
    "改造 翻新 升级 更新",
    "建设 建造 修建 新建 施工 工程 盖",
    "拆除 拆违 拆 拆房子 拆掉",
    "违法建筑 违建 违章建筑 违章 违章搭建 乱搭建 违法建设",
    "下立交 地道 地下通道 下穿 立交 隧道",
    "道路 马路 路",
    "排水 下水 积水 雨水",
    "绿化 种树 绿地",
    "信息化 信息系统 系统 软件 电脑 网络 平台 数字化 智能",
    "计算机 电脑 服务器 计算节点 算力 计算能力 集群",
    "存储 容量 存 硬盘 内存",
    "数字化 电子化 电子版 扫描 数字档案",
    "档案 卷宗 材料 文档",
    "访问量 访问 浏览 点击 点开 人次 访问人次",
    "网站 网页 平台 门户",
    "培训 上课 培训班 学习 进修 讲课 授课",
    "学术 学术交流 研讨 讲座 沙龙 报告会 交流",
    "青年 年轻人 青年人 年轻",
    "支撑 扶持 支持 培养 培育 资助 扶助",
    "人才 人员 人手 员工 工作人员 干部 职工",
    "到位率 到位 配齐",
    "论文 文章 发表 写文章 成果",
    "专利 发明",
    "科研 研究 科学研究 科研项目 课题",
    "观测 观察 拍摄 监测",
    "望远镜 天文台 观测设备",
    "天眼 FAST 中国天眼 500米口径球面射电望远镜",
    "郭守敬望远镜 LAMOST 大天区面积多目标光纤光谱天文望远镜",
    "光谱 谱",
    "清晰 清楚 清晰度 分辨率 图像质量",
    "太阳 日面 太阳观测",
    "数据 资料 数据量",
    "开放 共享 对外开放 开放共享",
    "后勤 机关服务 物业 保洁 保安 食堂",
    "办案 案件 办理案件 诉讼",
    "鉴定 司法鉴定 检验",
    "宣传 宣讲 普及 告知",
    "巡查 巡逻 检查 督查",
    "房屋 房子 楼 大楼 办公楼 楼房 用房 建筑",
    "屋面 屋顶 房顶 防水 漏水",
    "电梯 升降机",
    "空调 通风 暖通",
    # other sectors' tables (education, health, farming, transport, environment, culture)
    "学校 学生 在校生 师生",
    "教师 老师 师资",
    "医院 医疗 看病 就医 诊疗",
    "患者 病人 病患",
    "农田 耕地 农业 种植",
    "农民 农户 种植户",
    "补贴 补助 资助 扶持资金",
    "道路 公路 马路 街道",
    "公交 公共交通 巴士",
    "地铁 轨道交通 城轨",
    "桥梁 桥 过街天桥 人行天桥",
    "污水 废水 雨污",
    "垃圾 固废 废弃物",
    "空气质量 空气 大气 雾霾",
    "河道 河流 水体 河湖",
    "绿地 公园 绿化",
    "图书馆 阅览室 书屋",
    "展览 展会 展出",
    "演出 文艺演出 表演",
    "旅游 游客 景区",
    "老年人 老人 养老",
    "儿童 小孩 少儿",
    "残疾人 残障人士",
    "就业 上岗 找工作",
    "培训人次 培训人数 受训人数",
    "覆盖人数 受益人数 服务人数",
    "投诉率 投诉 举报",
    # the tables' own labels
    "主管部门 谁管 上级部门 归口 管理部门",
    "实施单位 谁来干 谁干 谁负责 执行单位 承办 负责单位 具体实施",
    "项目周期 实施周期 干多久 多长时间 起止 从哪年 到哪年 几年",
    "立项依据 依据 根据 凭什么 文件依据 政策依据",
    "社会效益 对社会 社会影响 好处 效果",
    "经济效益 经济 收益 赚",
    "生态效益 环境效益 环境 生态",
    "可持续影响 长期 可持续 长远",
    "绩效指标 指标 考核 考核什么 考啥 衡量",
    "目标值 指标值 要求 达到多少 标准 定了多少 及格线 合格线 底线 门槛 红线",
    "通用 普通 常规",
    "分段 分为 分成",
    "长度 多长 全长 长 里程",
)

# Other names of one thing: a question is read with the name the records use (天眼 is
# FAST, 地道 a 下立交, 违章搭建 a 违法建筑); the meanings above are matched, never rewritten.
NAMES: tuple[str, ...] = (
    # national science facilities by their common names
    "FAST 天眼 中国天眼 500米口径球面射电望远镜",
    "LAMOST 郭守敬望远镜 郭守敬 大天区面积多目标光纤光谱天文望远镜",
    "DAMPE 悟空号 悟空 暗物质粒子探测卫星",
    "HXMT 慧眼 硬X射线调制望远镜",
    "LHAASO 拉索 高海拔宇宙线观测站",
    "CSNS 散裂中子源 中国散裂中子源",
    "SSRF 上海光源 上海同步辐射光源",
    "量子科学实验卫星 墨子号",
    "天马望远镜 65米射电望远镜",
    # public works and city management by everyday names
    "下立交 地道 地下通道 下穿通道 下穿隧道",
    "违法建筑 违章建筑 违章搭建 乱搭建 违建",
    "轨道交通 地铁 城铁",
    "高架道路 高架路 高架",
    "人行天桥 过街天桥 天桥",
    "棚户区改造 棚改",
    "旧住房成套改造 老房改造 旧改",
    "生活垃圾分类 垃圾分类",
    "雨污分流 雨污混接改造",
)

# Phrases of everyday Chinese for the tables' own terms, read as those terms before anything
# else (a newcomer's 满不满意 is a table's 满意度, 没花完带过来的钱 its 上年结转资金)
PHRASES = {
    "满不满意": "满意度", "满意不满意": "满意度", "满意程度": "满意度", "满意率": "满意度",
    "放着不用": "闲置", "闲着不用": "闲置",
    "总盘子": "资金总额", "搁着不用": "闲置", "以前年度结转": "上年结转资金",
    "往年结转": "上年结转资金", "历年结转": "上年结转资金",
    # a budget line said as what was done (财政拨了多少: the 财政拨款 line)
    "财政拨了": "财政拨款", "财政给了": "财政拨款", "财政拨付了": "财政拨款",
}  # fmt: skip
_PHRASE = re.compile("|".join(sorted(map(re.escape, PHRASES), key=len, reverse=True)))


# money left over from an earlier year and brought in, said in everyday words (去年没花完带过来
# 的, 上年剩下转过来的钱, 往年结余转到今年的部分): the 上年结转资金 line
CARRIED_OVER = re.compile(
    r"(?:去年|上年度?|往年|以前年度|上一年|前几年)?(?:没花完|没用完|没花掉|剩下|剩余|结余|多出)的?"
    r"(?:钱|资金|经费)?(?:带|转|结转|滚)(?:过来|到今年|进来|入)的?(?:钱|资金|经费|部分|那部分)?"
)


def in_table_terms(text: str) -> str:
    """The text with the everyday phrases of PHRASES written as the tables' terms."""
    text = CARRIED_OVER.sub("上年结转资金", text)
    return _PHRASE.sub(lambda m: PHRASES[m.group(0)], text)


# The shortest word a group may match by (one character is too loose: 修, 买, 拆 … only
# count beside another word of the same meaning or in a name).
MIN_WORD = 2


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[int, ...]], re.Pattern[str]]:
    groups: dict[str, list[int]] = {}
    for n, group in enumerate(GROUPS):
        for word in group.split():
            groups.setdefault(word.lower(), []).append(n)
    words = sorted((w for w in groups if len(w) >= MIN_WORD), key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
    return {w: tuple(g) for w, g in groups.items()}, pattern


def meanings(text: str) -> frozenset[int]:
    """The groups whose words (of two characters or more) the text holds."""
    groups, pattern = _index()
    found: set[int] = set()
    for word in pattern.findall(text.lower()):
        found.update(groups[word])
    return frozenset(found)


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, str], re.Pattern[str]]:
    group = {w.lower(): names for names in NAMES for w in names.split()}
    words = sorted(group, key=len, reverse=True)
    return group, re.compile("|".join(map(re.escape, words)), re.IGNORECASE)


def in_own_words(text: str, holds: Callable[[str], bool]) -> str:
    """The text with each other name of a thing that the records never use (`holds` is
    false) written as the first of its names that they do use: 天眼 → FAST, 郭守敬望远镜 →
    LAMOST, 地道 → 下立交."""
    group, pattern = _names()

    def swap(found: re.Match[str]) -> str:
        word = found.group(0)
        if holds(word):
            return word
        used = next((w for w in group[word.lower()].split() if holds(w)), word)
        beside = found.string[: found.start()].endswith(used)
        if used != word and (beside or found.string.startswith(used, found.end())):
            return ""  # 郭守敬望远镜LAMOST: the name is written right beside it
        return used

    return SHORT_PROCURATORATE.sub(r"\1检察院", pattern.sub(swap, text))


# 市检, 区检, 分检: a procuratorate by its common short name (not 检查, 检测, 检验 …)
SHORT_PROCURATORATE = re.compile(
    r"(?<![城都超景社小园街郊灾校山牧辖片外各全本])([市区县省分])检(?:院)?(?=[的有那这哪一各和与及、，,。？?\s\d]|预算|项目|$)"
)


def related(text: str) -> list[str]:
    """Every word of the groups the text names (拆房子 → 拆除, 拆违, 违法建筑 …)."""
    return list(dict.fromkeys(w for n in sorted(meanings(text)) for w in GROUPS[n].split()))


def own_meanings(word: str) -> frozenset[int]:
    """The groups the word itself stands in (成本 → the group of 花钱), not those of the
    words inside it (预算执行率 stands in none)."""
    groups, _ = _index()
    return frozenset(groups.get(word.lower(), ()))


def synonyms(word: str) -> list[str]:
    """The word and the words (of two characters or more) of the groups it belongs to,
    not of the groups of longer words it is part of (采购 → 购置, 购买 …; 设备 → 仪器 …)."""
    groups, _ = _index()
    return _words_of(word, groups.get(word.lower(), ()), MIN_WORD)


def same_meaning(word: str) -> list[str]:
    """The words that share a group with `word` (itself first), or with a word of the
    vocabulary it is part of (郭守敬 of 郭守敬望远镜); a measure no group holds (达标率) by
    its stem's group, the measures of it (合格率)."""
    groups, _ = _index()
    within = (g for w, gs in groups.items() if len(word) >= 2 and word in w for g in gs)
    found = _words_of(word, (*groups.get(word.lower(), ()), *within), 1)
    if len(found) == 1 and len(word) >= 3 and word[-1] in MEASURE_ENDS:
        stem = same_meaning(word[:-1])[1:]
        found += [w for w in stem if w.endswith(word[-1]) and w != word]
    return found


# the last characters of a measure's name (合格率, 满意度, 准确性)
MEASURE_ENDS = "率度性"


def _words_of(word: str, numbers: Iterable[int], shortest: int) -> list[str]:
    """The word, then the words of these groups (of `shortest` characters or more)."""
    out = [word]
    for n in dict.fromkeys(numbers):
        out += [w for w in GROUPS[n].split() if len(w) >= shortest and w not in out]
    return out


def idf(counts: dict[object, int], total: int) -> dict[object, float]:
    """How much a shared term tells, from how many of `total` names hold it."""
    return {term: math.log(1 + total / n) for term, n in counts.items()}


def terms_of(text: str, words: Iterable[str]) -> frozenset[object]:
    """A name's terms: its meaning groups and its own words of two characters or more."""
    return frozenset(meanings(text)) | frozenset(w for w in words if len(w) >= MIN_WORD)
