# ruff: noqa: E501
"""Tables typeset for the grid layout's tests (tests/data/grid/*.html -> *.pdf), expected records typed by hand from the HTML sources.

Regenerate the PDFs with tests/data/grid/make_pdfs.sh (LibreOffice; the tests never run it).
All records use the "grid" template. Choices made where the record rules leave room:

- Comparator in its own column (split_comparator.pdf: 指标性质 | 指标值 | 度量单位;
  units_first.pdf: 计量单位 | 计算符号 | 目标值): target = sign + value + unit in that
  logical order whatever the column order ("≥" "12000" "人次" -> "≥12000人次";
  "场次" "≧" "120" -> "≧120场次"); the sign is kept as printed (＜ ＞ ≧ ═ >= <=) and
  mapped in op. An empty sign with a number is "=". 指标性质 "定性" is not a comparator
  and not part of the target: target = the 指标值 cell ("优良中低差", "高中低"), kind
  "qualitative".
- Level names drop a parenthesised note or score (level1_scores.pdf): "产出指标(50分)" ->
  "产出指标", "成本指标(0-20)分" -> "成本指标", "服务对象满意度(必填硬性指标)" ->
  "服务对象满意度"; otherwise level names stay as printed with inner spaces removed
  ("经济效益 指标" -> "经济效益指标", "产出数量指标" stays "产出数量指标").
- Money labels drop a unit annotation, which goes to "unit": "年度资金总额（万元）" ->
  label "年度资金总额", "其中：财政拨款（万元）" -> "财政拨款", "项目金额（元）" -> "项目金额".
  Numbering prefixes stay ("1、中央资金", "(二)其他资金"); a label with an empty amount
  cell ("(一)财政资金") has no budget line.
- midterm_annual.pdf: indicators are the 年度 half only; a row whose 年度 half is empty is
  no indicator, a row whose 中期 half is empty is one. total = 中期资金总额 (the project
  runs 2025-2027, the 中期 period).
- "项目期 3年" is no date: start_date/end_date None. "2023/1/1" -> "2023-01-01".
- two_pages.pdf is one record (page 1); the 指标说明 column is not part of any field.
- narrative_then_tables.pdf: the department narrative and the 收支预算总表 (page 3) give
  no record and no sections; the three project tables are pages 4, 5, 6.
"""


def _i(level1, level2, name, target, op, value, unit, kind, weight=None):
    return {
        "level1": level1,
        "level2": level2,
        "name": name,
        "target": target,
        "op": op,
        "value": value,
        "unit": unit,
        "kind": kind,
        "weight": weight,
    }


_Q = "quantitative"
_L = "qualitative"
_D = "date"


def _budget(total, current_year):
    return {
        "total": total,
        "current_year": current_year,
        "prev_year_budget": None,
        "prev_year_spent": None,
    }


def _line(label, printed, unit, yuan):
    return {"label": label, "printed": printed, "unit": unit, "yuan": yuan}


TABLES = {
    # 河北-style province table: 指标性质 | 指标值 | 度量单位 | 分值, money in 元 (金额单位：元 line).
    "split_comparator.pdf": [
        {
            "template": "grid",
            "page": 1,
            "year": 2024,
            "name": "中小学教师能力素质提升培训",
            "department": "河北省教育厅",
            "unit": "河北省中小学教师发展中心",
            "nature": "持续性项目",
            "category": None,
            "start_date": None,
            "end_date": None,
            "budget": _budget(25950000, 8650000),
            "budget_lines": [
                _line("项目资金总额", "25,950,000.00", "元", 25950000),
                _line("年度资金总额", "8,650,000.00", "元", 8650000),
                _line("财政拨款", "8,000,000.00", "元", 8000000),
                _line("其他资金", "650,000.00", "元", 650000),
            ],
            "sections": {
                "goals": (
                    "1.组织全省中小学骨干教师省级集中培训不少于12000人次，开发并上线教师网络研修课程；"
                    "2.培训考核合格率不低于95%，参训教师课堂教学能力和信息技术应用能力明显提升；"
                    "3.建立覆盖省、市、县三级的教师培训资源共享机制。"
                ),
            },
            "indicators": [
                _i(
                    "产出指标",
                    "数量指标",
                    "培训骨干教师人次",
                    "≥12000人次",
                    ">=",
                    12000,
                    "人次",
                    _Q,
                    15,
                ),
                _i("产出指标", "数量指标", "开发网络研修课程数量", "60门", "=", 60, "门", _Q, 10),
                _i("产出指标", "质量指标", "培训考核合格率", "≥95%", ">=", 95, "%", _Q, 10),
                _i("产出指标", "质量指标", "网络研修课程内容重复率", "＜10%", "<", 10, "%", _Q, 5),
                _i("产出指标", "时效指标", "培训计划按期完成率", "=100%", "=", 100, "%", _Q, 10),
                _i("产出指标", "成本指标", "人均培训成本", "≤680元/人", "<=", 680, "元/人", _Q, 10),
                _i(
                    "效益指标",
                    "社会效益指标",
                    "受益中小学生人数",
                    "＞50万人",
                    ">",
                    50,
                    "万人",
                    _Q,
                    15,
                ),
                _i(
                    "效益指标",
                    "社会效益指标",
                    "参训教师教学能力提升情况",
                    "优良中低差",
                    None,
                    None,
                    None,
                    _L,
                    10,
                ),
                _i(
                    "效益指标",
                    "可持续影响指标",
                    "培训资源共享机制运行情况",
                    "高中低",
                    None,
                    None,
                    None,
                    _L,
                    5,
                ),
                _i(
                    "满意度指标",
                    "服务对象满意度指标",
                    "参训教师满意度",
                    "≥90%",
                    ">=",
                    90,
                    "%",
                    _Q,
                    10,
                ),
            ],
        },
    ],
    # 中期 and 年度 halves side by side; money block 项目资金（万元）.
    "midterm_annual.pdf": [
        {
            "template": "grid",
            "page": 1,
            "year": 2025,
            "name": "林业有害生物防治专项",
            "department": "云南省林业和草原局",
            "unit": "云南省林业有害生物防治检疫局",
            "nature": None,
            "category": "专项业务类",
            "start_date": "2025-01-01",
            "end_date": "2027-12-31",
            "budget": _budget(136800000, 45600000),
            "budget_lines": [
                _line("中期资金总额", "13,680.00", "万元", 136800000),
                _line("年度资金总额", "4,560.00", "万元", 45600000),
                _line("财政拨款", "12,600.00", "万元", 126000000),
                _line("财政拨款", "4,200.00", "万元", 42000000),
                _line("其他资金", "1,080.00", "万元", 10800000),
                _line("其他资金", "360.00", "万元", 3600000),
            ],
            "sections": {
                "goals": (
                    "目标1：完成林业有害生物防治作业面积300万亩，新建省级监测站点15个。"
                    "目标2：全年林业有害生物成灾率控制在3‰以下，无公害防治率达到88%以上。"
                ),
                "goals_longterm": (
                    "目标1：三年累计完成林业有害生物防治作业面积900万亩以上，松材线虫病等重大林业有害生物"
                    "扩散蔓延势头得到有效遏制。"
                    "目标2：建成覆盖全省的林业有害生物监测预警体系，成灾率控制在3‰以下。"
                ),
            },
            "indicators": [
                _i(
                    "产出指标",
                    "数量指标",
                    "完成林业有害生物防治面积",
                    "≥300万亩",
                    ">=",
                    300,
                    "万亩",
                    _Q,
                ),
                _i("产出指标", "数量指标", "新建省级监测站点", "15个", "=", 15, "个", _Q),
                _i("产出指标", "质量指标", "林业有害生物成灾率", "≤3‰", "<=", 3, "‰", _Q),
                _i("产出指标", "质量指标", "无公害防治率", "≥88%", ">=", 88, "%", _Q),
                _i(
                    "产出指标",
                    "时效指标",
                    "年度防治任务完成时间",
                    "2025年11月30日",
                    None,
                    None,
                    None,
                    _D,
                ),
                # the 中期 half of this row is empty
                _i("产出指标", "成本指标", "每亩平均防治成本", "≤15元/亩", "<=", 15, "元/亩", _Q),
                _i(
                    "效益指标",
                    "生态效益指标",
                    "防治区域林木受害程度",
                    "明显降低",
                    None,
                    None,
                    None,
                    _L,
                ),
                # (社会效益指标 / 林业有害生物监测预报准确率 is 中期 only: not an indicator)
                _i(
                    "效益指标",
                    "可持续影响指标",
                    "监测预警体系运行",
                    "持续稳定",
                    None,
                    None,
                    None,
                    _L,
                ),
                _i(
                    "满意度指标",
                    "服务对象满意度指标",
                    "项目区林农满意度",
                    "≥90%",
                    ">=",
                    90,
                    "%",
                    _Q,
                ),
            ],
        },
    ],
    # Level 1 with scores, level-2 variants, vertical 绩效指标 column, 权重 adding to 100,
    # money parts with (一)/1、 prefixes and 小计.
    "level1_scores.pdf": [
        {
            "template": "grid",
            "page": 1,
            "year": 2023,
            "name": "水稻绿色高质高效技术推广示范",
            "department": "贵州省农业农村厅",
            "unit": "贵州省农业技术推广总站",
            "nature": None,
            "category": "专项业务类",
            "start_date": "2023-01-01",
            "end_date": "2023-12-31",
            "budget": _budget(None, 23500000),
            "budget_lines": [
                _line("年度资金总额", "2,350.00", "万元", 23500000),
                _line("1、中央资金", "1,200.00", "万元", 12000000),
                _line("2、省级资金", "950.00", "万元", 9500000),
                _line("小计", "2,150.00", "万元", 21500000),
                _line("(二)其他资金", "200.00", "万元", 2000000),
            ],
            "sections": {
                "goals": (
                    "在全省20个水稻主产县建设核心示范基地，集成推广水稻绿色高质高效生产技术模式50万亩以上，"
                    "示范基地亩产较常规种植增产5%以上，化肥使用量减少3%以上，带动项目区农户增收。"
                ),
            },
            "indicators": [
                _i(
                    "产出指标",
                    "产出数量指标",
                    "推广水稻绿色高质高效技术面积",
                    "≥50万亩",
                    ">=",
                    50,
                    "万亩",
                    _Q,
                    10,
                ),
                _i("产出指标", "产出数量指标", "建设核心示范基地", "20个", "=", 20, "个", _Q, 10),
                _i(
                    "产出指标",
                    "产出质量指标",
                    "示范基地亩产较常规种植增产",
                    "≥5%",
                    ">=",
                    5,
                    "%",
                    _Q,
                    10,
                ),
                _i(
                    "产出指标",
                    "产出质量指标",
                    "基层农技人员培训考核合格率",
                    "≥95%",
                    ">=",
                    95,
                    "%",
                    _Q,
                    10,
                ),
                _i(
                    "产出指标",
                    "产出时效指标",
                    "项目资金支付完成时间",
                    "2023年12月底前",
                    None,
                    None,
                    None,
                    _D,
                    10,
                ),
                _i(
                    "成本指标",
                    "经济成本指标",
                    "示范基地亩均物化补助标准",
                    "≤40元/亩",
                    "<=",
                    40,
                    "元/亩",
                    _Q,
                    10,
                ),
                _i(
                    "效益指标",
                    "经济效益指标",
                    "带动项目区农户增收",
                    "≥1500万元",
                    ">=",
                    1500,
                    "万元",
                    _Q,
                    10,
                ),
                _i(
                    "效益指标",
                    "社会效益指标",
                    "绿色生产技术普及程度",
                    "显著提高",
                    None,
                    None,
                    None,
                    _L,
                    10,
                ),
                _i("效益指标", "生态效益指标", "项目区化肥使用量减少", "≥3%", ">=", 3, "%", _Q, 10),
                _i(
                    "满意度指标",
                    "服务对象满意度",
                    "项目区农户满意度",
                    "≥90%",
                    ">=",
                    90,
                    "%",
                    _Q,
                    10,
                ),
            ],
        },
    ],
    # One table over two pages: header row repeated on page 2, 效益指标 / 社会效益指标
    # continued there as empty cells. 单位：万元 line above the table.
    "two_pages.pdf": [
        {
            "template": "grid",
            "page": 1,
            "year": 2022,
            "name": "重大传染病及免疫规划防控项目",
            "department": "湖北省卫生健康委员会",
            "unit": "湖北省疾病预防控制中心",
            "nature": "延续项目",
            "category": None,
            "start_date": "2022-01-01",
            "end_date": "2024-12-31",
            "budget": _budget(54000000, 18000000),
            "budget_lines": [
                _line("项目总预算", "5,400.00", "万元", 54000000),
                _line("当年预算", "1,800.00", "万元", 18000000),
                _line("财政拨款", "5,100.00", "万元", 51000000),
                _line("财政拨款", "1,700.00", "万元", 17000000),
                _line("其他资金", "300.00", "万元", 3000000),
                _line("其他资金", "100.00", "万元", 1000000),
            ],
            "sections": {
                "goals": (
                    "1.为符合条件的艾滋病病毒感染者提供免费抗病毒治疗，治疗覆盖率达到92%以上；"
                    "2.开展肺结核患者筛查和规范治疗，成功治疗率达到90%以上；"
                    "3.完成国家免疫规划疫苗接种600万剂次以上；"
                    "4.培训基层疾控专业人员2000人次以上，传染病疫情报告及时率不低于95%。"
                ),
                "goals_longterm": (
                    "到2024年，全省艾滋病疫情继续控制在低流行水平，肺结核发病率持续下降，适龄儿童免疫规划"
                    "疫苗接种率保持在90%以上；建成省、市、县三级重大传染病监测预警与联防联控体系，基层疾控"
                    "专业人员能力明显提升，重大传染病疫情得到及时发现、规范处置。"
                ),
            },
            "indicators": [
                _i(
                    "产出指标",
                    "数量指标",
                    "艾滋病免费抗病毒治疗人数",
                    "≥12000人",
                    ">=",
                    12000,
                    "人",
                    _Q,
                ),
                _i(
                    "产出指标",
                    "数量指标",
                    "肺结核可疑症状者及密切接触者筛查人数",
                    "≥80000人次",
                    ">=",
                    80000,
                    "人次",
                    _Q,
                ),
                _i(
                    "产出指标",
                    "数量指标",
                    "国家免疫规划疫苗接种剂次",
                    "≥600万剂次",
                    ">=",
                    600,
                    "万剂次",
                    _Q,
                ),
                _i(
                    "产出指标",
                    "数量指标",
                    "培训基层疾控专业人员",
                    "≥2000人次",
                    ">=",
                    2000,
                    "人次",
                    _Q,
                ),
                _i(
                    "产出指标",
                    "质量指标",
                    "适龄儿童国家免疫规划疫苗接种率",
                    "≥90%",
                    ">=",
                    90,
                    "%",
                    _Q,
                ),
                _i("产出指标", "质量指标", "肺结核患者成功治疗率", "≥90%", ">=", 90, "%", _Q),
                _i(
                    "产出指标",
                    "质量指标",
                    "艾滋病病毒感染者抗病毒治疗覆盖率",
                    "≥92%",
                    ">=",
                    92,
                    "%",
                    _Q,
                ),
                _i("产出指标", "时效指标", "法定传染病疫情报告及时率", "≥95%", ">=", 95, "%", _Q),
                _i(
                    "效益指标",
                    "社会效益指标",
                    "全省甲乙类传染病报告发病率",
                    "控制在全国平均水平以下",
                    None,
                    None,
                    None,
                    _L,
                ),
                # page 2: level 1 and level 2 continued (empty cells)
                _i(
                    "效益指标",
                    "社会效益指标",
                    "居民传染病防治素养水平",
                    "较上年提高",
                    None,
                    None,
                    None,
                    _L,
                ),
                _i(
                    "效益指标",
                    "可持续影响指标",
                    "重大传染病联防联控机制",
                    "长期有效运行",
                    None,
                    None,
                    None,
                    _L,
                ),
                _i("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥85%", ">=", 85, "%", _Q),
            ],
        },
    ],
    # County department budget: 2 pages of narrative, a 收支预算总表 (page 3, no record),
    # then three project tables, one per page. The first and third have merged level
    # cells (text in the middle row of the group), the second repeats levels on every row.
    "narrative_then_tables.pdf": [
        {
            "template": "grid",
            "page": 4,
            "year": 2023,
            "name": "高标准农田建设项目",
            "department": "衡东县农业农村局",
            "unit": "衡东县农田建设管理站",
            "nature": None,
            "category": None,
            "start_date": None,
            "end_date": None,
            "budget": _budget(None, 40000000),
            "budget_lines": [
                _line("年度资金总额", "4,000.00", "万元", 40000000),
                _line("财政拨款", "3,600.00", "万元", 36000000),
                _line("其他资金", "400.00", "万元", 4000000),
            ],
            "sections": {
                "goals": (
                    "在杨桥镇、新塘镇、吴集镇等6个乡镇新建高标准农田2.5万亩，配套建设灌溉排水、田间道路、"
                    "农田防护等工程，工程验收合格率达到98%以上，项目区粮食综合生产能力明显提升。"
                ),
            },
            "indicators": [
                _i("产出指标", "数量指标", "新建高标准农田面积", "2.5万亩", "=", 2.5, "万亩", _Q),
                _i("产出指标", "质量指标", "工程验收合格率", "≥98百分比", ">=", 98, "%", _Q),
                _i("产出指标", "时效指标", "项目完工时间", "2023年12月31日", None, None, None, _D),
                _i("产出指标", "成本指标", "亩均财政投入标准", "1600元/亩", "=", 1600, "元/亩", _Q),
                _i(
                    "效益指标",
                    "经济效益指标",
                    "项目区粮食亩均增产",
                    "≥50公斤",
                    ">=",
                    50,
                    "公斤",
                    _Q,
                ),
                _i(
                    "效益指标",
                    "社会效益指标",
                    "农田排灌条件改善情况",
                    "项目区农田排灌条件明显改善，抗御自然灾害能力显著增强",
                    None,
                    None,
                    None,
                    _L,
                ),
                _i(
                    "效益指标",
                    "可持续影响指标",
                    "工程设施设计使用年限",
                    "≥15年",
                    ">=",
                    15,
                    "年",
                    _Q,
                ),
                _i(
                    "满意度指标",
                    "服务对象满意度指标",
                    "项目区群众满意度",
                    "95%以上",
                    ">=",
                    95,
                    "%",
                    _Q,
                ),
            ],
        },
        {
            "template": "grid",
            "page": 5,
            "year": 2023,
            "name": "重大动物疫病防控项目",
            "department": "衡东县农业农村局",
            "unit": "衡东县畜牧水产事务中心",
            "nature": None,
            "category": None,
            "start_date": None,
            "end_date": None,
            "budget": _budget(None, 1865000),
            "budget_lines": [
                _line("年度资金总额", "186.50", "万元", 1865000),
                _line("财政拨款", "186.50", "万元", 1865000),
            ],
            "sections": {
                "goals": (
                    "全面落实春秋两季集中免疫和常年补免，强制免疫病种应免畜禽免疫密度保持在90%以上，"
                    "免疫抗体合格率达到70%以上，全年不发生区域性重大动物疫情。"
                ),
            },
            "indicators": [
                _i("产出指标", "数量指标", "畜禽强制免疫数量", "≥85万头只", ">=", 85, "万头只", _Q),
                _i(
                    "产出指标",
                    "质量指标",
                    "强制免疫病种应免畜禽免疫密度",
                    "大于90%",
                    ">",
                    90,
                    "%",
                    _Q,
                ),
                _i("产出指标", "质量指标", "免疫抗体合格率", "≥70%", ">=", 70, "%", _Q),
                _i(
                    "产出指标",
                    "时效指标",
                    "春秋两季集中免疫完成时间",
                    "2023年11月",
                    None,
                    None,
                    None,
                    _D,
                ),
                _i(
                    "成本指标",
                    "经济成本指标",
                    "疫苗及防疫物资采购成本",
                    "≤120万元",
                    "<=",
                    120,
                    "万元",
                    _Q,
                ),
                _i(
                    "效益指标",
                    "社会效益指标",
                    "重大动物疫情发生情况",
                    "不发生区域性重大动物疫情",
                    None,
                    None,
                    None,
                    _L,
                ),
                _i(
                    "效益指标", "经济效益指标", "养殖场户疫病损失", "有效减少", None, None, None, _L
                ),
                _i("满意度指标", "服务对象满意度指标", "养殖场户满意度", "≥90%", ">=", 90, "%", _Q),
            ],
        },
        {
            "template": "grid",
            "page": 6,
            "year": 2023,
            "name": "高素质农民培育项目",
            "department": "衡东县农业农村局",
            "unit": "衡东县农业技术推广中心",
            "nature": None,
            "category": None,
            "start_date": None,
            "end_date": None,
            "budget": _budget(None, 950000),
            "budget_lines": [
                _line("年度资金总额", "95.00", "万元", 950000),
                _line("财政拨款", "95.00", "万元", 950000),
            ],
            "sections": {
                "goals": (
                    "围绕水稻、油茶、黄贡椒等主导产业，培育高素质农民300人，其中经营管理型100人、专业生产型"
                    "和技能服务型200人；学员结业考核合格率达到95%以上，参训学员生产经营能力明显提升。"
                ),
            },
            "indicators": [
                _i("产出指标", "数量指标", "培育高素质农民人数", "≥300人", ">=", 300, "人", _Q),
                _i("产出指标", "数量指标", "组织田间实训课时", "≥48学时", ">=", 48, "学时", _Q),
                _i("产出指标", "质量指标", "学员结业考核合格率", "≥95%", ">=", 95, "%", _Q),
                _i("产出指标", "时效指标", "培训任务完成时间", "2023-10-31", None, None, None, _D),
                _i(
                    "产出指标",
                    "成本指标",
                    "学员培训期间伙食补助标准",
                    "17元/人.每天",
                    "=",
                    17,
                    "元/人.每天",
                    _Q,
                ),
                _i(
                    "效益指标",
                    "社会效益指标",
                    "参训学员生产经营能力",
                    "明显提升",
                    None,
                    None,
                    None,
                    _L,
                ),
                _i("效益指标", "可持续影响指标", "培训学员跟踪服务年限", "3年", "=", 3, "年", _Q),
                _i("满意度指标", "服务对象满意度指标", "参训学员满意度", "≥95%", ">=", 95, "%", _Q),
            ],
        },
    ],
    # Extra family: 一级项目名称 / 二级项目名称, 主管部门及其编码, 计量单位 | 计算符号 | 目标值
    # (unit before the sign; ≧ ═ and ASCII >= <=), older level 1s 项目完成指标 / 项目效益指标
    # (服务对象满意度指标 under 项目效益指标), 分值权重（90）, money in 元 in the labels.
    "units_first.pdf": [
        {
            "template": "grid",
            "page": 1,
            "year": 2021,
            "name": "公共图书馆免费开放及数字资源建设",
            "department": "[126]广西壮族自治区文化和旅游厅",
            "unit": "广西壮族自治区图书馆",
            "nature": None,
            "category": None,
            "start_date": None,
            "end_date": None,
            "budget": _budget(3858000, 1286000),
            "budget_lines": [
                _line("项目金额", "3,858,000.00", "元", 3858000),
                _line("年度本级预算金额", "1,286,000.00", "元", 1286000),
            ],
            "sections": {
                "goals": (
                    "全年免费开放不少于300天，举办公益讲座和展览120场次以上，新增数字资源20TB，"
                    "接待读者150万人次以上，读者满意度达到90%以上。"
                ),
                "goals_longterm": (
                    "2021—2023年，全面落实公共图书馆免费开放政策，每年举办公益讲座和展览不少于120场次，"
                    "新增数字资源60TB，建成覆盖全区的公共图书馆数字资源共享平台。"
                ),
            },
            "indicators": [
                _i(
                    "项目完成指标",
                    "数量指标",
                    "举办公益讲座和展览",
                    "≧120场次",
                    ">=",
                    120,
                    "场次",
                    _Q,
                    10,
                ),
                _i("项目完成指标", "数量指标", "新增数字资源", ">=20TB", ">=", 20, "TB", _Q, 10),
                _i("项目完成指标", "质量指标", "古籍修复合格率", "═100%", "=", 100, "%", _Q, 10),
                _i(
                    "项目完成指标",
                    "时效指标",
                    "年度新增数字资源上线时间",
                    "2021年12月",
                    None,
                    None,
                    None,
                    _D,
                    10,
                ),
                _i(
                    "项目完成指标",
                    "成本指标",
                    "单场讲座平均成本",
                    "<=3000元/场",
                    "<=",
                    3000,
                    "元/场",
                    _Q,
                    10,
                ),
                _i(
                    "项目效益指标",
                    "社会效益指标",
                    "年接待读者人次",
                    "≧150万人次",
                    ">=",
                    150,
                    "万人次",
                    _Q,
                    10,
                ),
                _i(
                    "项目效益指标",
                    "社会效益指标",
                    "公共文化服务均等化水平",
                    "明显提升",
                    None,
                    None,
                    None,
                    _L,
                    10,
                ),
                _i(
                    "项目效益指标",
                    "可持续影响指标",
                    "数字资源长期保存与共享",
                    "长期有效",
                    None,
                    None,
                    None,
                    _L,
                    10,
                ),
                _i(
                    "项目效益指标",
                    "服务对象满意度指标",
                    "读者满意度",
                    "≧90%",
                    ">=",
                    90,
                    "%",
                    _Q,
                    10,
                ),
            ],
        },
    ],
}
