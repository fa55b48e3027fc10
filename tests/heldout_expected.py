"""Held-out tables (tests/data/heldout/*.html -> *.pdf), expected records typed by hand; made without reading the code."""
# ruff: noqa: E501  (data file: one record field / indicator per line)
# Regenerate the PDFs with tests/data/heldout/make.sh. Every expectation below was typed from
# the documents themselves (HTML source and the rendered PDF pages), never from parser output.
# General choices where the brief does not settle a case:
# - A period printed with month or year precision maps to the first day of its first
#   month/year and the last day of its last month/year.
# - budget_lines come from the table's money block only (not from narrative text).
# - A money label keeps everything printed except a trailing colon and a leading 其中：.

# fmt: off
TABLES = {
    "zj_huzhou_2024.pdf": [
        # 浙江-style 申报表 (湖州市南浔区, 2024). Choices:
        # - 项目类型 is read as category (项目类别/项目分类 synonym); no 项目性质 printed -> nature None.
        # - 项目起止时间 "2024.01-2024.12": month precision -> first day of the start month,
        #   last day of the end month.
        # - Money unit comes only from the "金额单位：万元" line above the table (block heading
        #   is just 项目资金). The only total printed is "资金总额" -> budget.total; the table
        #   prints no 年度/当年 amount, so current_year stays None even though the project runs
        #   within 2024 (not inferred from the period).
        # - 总体目标 split: 长期目标 -> goals_longterm, 年度目标 -> goals.
        # - The vertical "绩效指标" first column only labels the block; 指标解释 belongs to no field.
        # - "填报单位（盖章）：…" above the table repeats the 具体实施单位 (same text, no conflict).
        {
            "template": "grid",
            "page": 1,
            "year": 2024,
            "name": "南浔区农村生活污水治理设施标准化运维专项",
            "department": "108001-湖州市南浔区农业农村局",
            "unit": "湖州市南浔区农村生活污水运维管理中心",
            "nature": None,
            "category": "农业农村类",
            "start_date": "2024-01-01",
            "end_date": "2024-12-31",
            "budget": {"total": 12865000, "current_year": None, "prev_year_budget": None, "prev_year_spent": None},
            "budget_lines": [
                {"label": "资金总额", "printed": "1,286.50", "unit": "万元", "yuan": 12865000},
                {"label": "中央资金", "printed": "300.00", "unit": "万元", "yuan": 3000000},
                {"label": "省级资金", "printed": "486.50", "unit": "万元", "yuan": 4865000},
                {"label": "市县资金", "printed": "500.00", "unit": "万元", "yuan": 5000000},
            ],
            "sections": {
                "goals_longterm": "到2026年，全区农村生活污水治理设施实现标准化运维全覆盖，出水水质达标率稳定在90%以上，建成“县级统管、镇级落实、村级参与”的长效运维管理体系。",
                "goals": "1.完成全区1162个农村生活污水处理终端日常巡检和维护；2.每季度开展终端出水水质抽检，全年不少于4次；3.终端标准化运维达标率达到95%以上，故障在24小时内处理完毕。",
            },
            "indicators": [
                {"level1": "产出指标", "level2": "数量指标", "name": "运维处理终端数量", "target": "≥1162个", "op": ">=", "value": 1162, "unit": "个", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "数量指标", "name": "出水水质抽检次数", "target": "≥4次", "op": ">=", "value": 4, "unit": "次", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "质量指标", "name": "终端标准化运维达标率", "target": "≥95%", "op": ">=", "value": 95, "unit": "%", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "质量指标", "name": "出水水质达标率", "target": "≥90%", "op": ">=", "value": 90, "unit": "%", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "时效指标", "name": "故障处理响应时间", "target": "≤24小时", "op": "<=", "value": 24, "unit": "小时", "kind": "quantitative", "weight": None},
                {"level1": "成本指标", "level2": "经济成本指标", "name": "单个终端年均运维成本", "target": "≤1.1万元", "op": "<=", "value": 1.1, "unit": "万元", "kind": "quantitative", "weight": None},
                {"level1": "效益指标", "level2": "生态效益指标", "name": "化学需氧量(COD)年削减量", "target": "≥520吨", "op": ">=", "value": 520, "unit": "吨", "kind": "quantitative", "weight": None},
                {"level1": "效益指标", "level2": "可持续影响指标", "name": "运维长效管理机制", "target": "建立并有效运行", "op": None, "value": None, "unit": None, "kind": "qualitative", "weight": None},
                {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "受益农户满意度", "target": "≥90%", "op": ">=", "value": 90, "unit": "%", "kind": "quantitative", "weight": None},
            ],
        },
    ],
    "gz_congjiang_2022.pdf": [
        # County table (贵州省从江县, 2022), level names repeated on every row. Choices:
        # - 项目属性 "持续性项目■ 新增性项目□": the ticked option -> nature.
        # - 指标值类型 (定量/定性) belongs to no field; kind comes from the target itself, so
        #   "2022年10月底前" is "date" although its 指标值类型 cell says 定量.
        # - 权重(%) -> weight (7.5 and 12.5 stay floats; total 100).
        # - 年度资金总额 -> current_year; no whole-project total printed -> total None.
        # - "填报日期：2022年1月10日" under the table is not the project period.
        {
            "template": "grid",
            "page": 1,
            "year": 2022,
            "name": "从江县2022年农村饮水安全工程维修养护项目",
            "department": "从江县水务局",
            "unit": "从江县农村供水管理站",
            "nature": "持续性项目",
            "category": None,
            "start_date": "2022-01-01",
            "end_date": "2022-12-31",
            "budget": {"total": None, "current_year": 3260000, "prev_year_budget": None, "prev_year_spent": None},
            "budget_lines": [
                {"label": "年度资金总额", "printed": "3,260,000.00", "unit": "元", "yuan": 3260000},
                {"label": "中央资金", "printed": "2,000,000.00", "unit": "元", "yuan": 2000000},
                {"label": "省级资金", "printed": "800,000.00", "unit": "元", "yuan": 800000},
                {"label": "县级资金", "printed": "460,000.00", "unit": "元", "yuan": 460000},
            ],
            "sections": {
                "goals": "对全县45处农村集中供水工程开展维修养护，更换老旧供水管网38公里，确保工程正常运行、供水水质达标，保障6.8万农村人口饮水安全。",
            },
            "indicators": [
                {"level1": "产出指标", "level2": "数量指标", "name": "维修养护集中供水工程处数", "target": "≥45处", "op": ">=", "value": 45, "unit": "处", "kind": "quantitative", "weight": 15},
                {"level1": "产出指标", "level2": "数量指标", "name": "更换老旧供水管网长度", "target": "38公里", "op": "=", "value": 38, "unit": "公里", "kind": "quantitative", "weight": 10},
                {"level1": "产出指标", "level2": "质量指标", "name": "维修工程验收合格率", "target": "100%", "op": "=", "value": 100, "unit": "%", "kind": "quantitative", "weight": 7.5},
                {"level1": "产出指标", "level2": "质量指标", "name": "农村集中供水工程水质达标情况", "target": "符合生活饮用水卫生标准", "op": None, "value": None, "unit": None, "kind": "qualitative", "weight": 12.5},
                {"level1": "产出指标", "level2": "时效指标", "name": "维修养护任务完成时间", "target": "2022年10月底前", "op": None, "value": None, "unit": None, "kind": "date", "weight": 10},
                {"level1": "成本指标", "level2": "经济成本指标", "name": "每处工程平均维修养护费用", "target": "≤7.2万元", "op": "<=", "value": 7.2, "unit": "万元", "kind": "quantitative", "weight": 10},
                {"level1": "效益指标", "level2": "社会效益指标", "name": "受益农村人口", "target": "≥6.8万人", "op": ">=", "value": 6.8, "unit": "万人", "kind": "quantitative", "weight": 10},
                {"level1": "效益指标", "level2": "可持续影响指标", "name": "工程长效运行管护机制", "target": "逐步完善", "op": None, "value": None, "unit": None, "kind": "qualitative", "weight": 10},
                {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "受益群众满意度", "target": "≥90%", "op": ">=", "value": 90, "unit": "%", "kind": "quantitative", "weight": 15},
            ],
        },
    ],
    "sc_wuhou_2021.pdf": [
        # 四川-style table (成都市武侯区, 2021): header 三级指标内容 | 年度指标值 | 分值, level 2
        # printed without 指标 (数量, 质量, 时效, 成本, 社会效益, 服务对象满意度). Choices:
        # - Level names exactly as printed, not normalised ("数量", not "数量指标").
        # - "服务对象满意度" sits under the merged 效益指标 cell: level1 stays "效益指标"
        #   (as printed); "成本" likewise stays under 产出指标.
        # - 实施周期 "2021年-2023年" (year precision) -> 2021-01-01 .. 2023-12-31.
        # - 项目总预算 -> total, 当年预算 -> current_year; money unit from the block heading
        #   资金情况（万元）. Reading order row by row: 项目总预算, 当年预算, 一般公共预算, 政府性基金.
        # - 实施期绩效目标 -> goals_longterm, 年度绩效目标 -> goals.
        # - 分值 -> weight (sums to 90; the note under the table is not an indicator).
        # - "部门（盖章）：…" above the table repeats the 预算部门 (same text, no conflict).
        {
            "template": "grid",
            "page": 1,
            "year": 2021,
            "name": "武侯区社区居家养老服务补贴项目",
            "department": "成都市武侯区民政局",
            "unit": "成都市武侯区养老服务指导中心",
            "nature": None,
            "category": "特定目标类",
            "start_date": "2021-01-01",
            "end_date": "2023-12-31",
            "budget": {"total": 23400000, "current_year": 7800000, "prev_year_budget": None, "prev_year_spent": None},
            "budget_lines": [
                {"label": "项目总预算", "printed": "2,340.00", "unit": "万元", "yuan": 23400000},
                {"label": "当年预算", "printed": "780.00", "unit": "万元", "yuan": 7800000},
                {"label": "一般公共预算", "printed": "650.00", "unit": "万元", "yuan": 6500000},
                {"label": "政府性基金", "printed": "130.00", "unit": "万元", "yuan": 1300000},
            ],
            "sections": {
                "goals_longterm": "2021年至2023年，为辖区经济困难的高龄、失能、半失能老年人提供助餐、助洁、助浴、助医等上门服务补贴，逐步构建“15分钟居家养老服务圈”，居家养老服务覆盖全区所有社区。",
                "goals": "2021年为不少于3200名符合条件的老年人发放居家养老服务补贴，全年上门服务总时长不少于15万小时，服务质量抽查合格率达到95%以上。",
            },
            "indicators": [
                {"level1": "产出指标", "level2": "数量", "name": "享受居家养老服务补贴老年人数", "target": "≥3200人", "op": ">=", "value": 3200, "unit": "人", "kind": "quantitative", "weight": 15},
                {"level1": "产出指标", "level2": "数量", "name": "上门服务总时长", "target": "≥15万小时", "op": ">=", "value": 15, "unit": "万小时", "kind": "quantitative", "weight": 10},
                {"level1": "产出指标", "level2": "质量", "name": "服务质量抽查合格率", "target": "≥95%", "op": ">=", "value": 95, "unit": "%", "kind": "quantitative", "weight": 10},
                {"level1": "产出指标", "level2": "质量", "name": "补贴对象认定准确率", "target": "100%", "op": "=", "value": 100, "unit": "%", "kind": "quantitative", "weight": 10},
                {"level1": "产出指标", "level2": "时效", "name": "补贴资金拨付时间", "target": "2021年12月31日前", "op": None, "value": None, "unit": None, "kind": "date", "weight": 5},
                {"level1": "产出指标", "level2": "成本", "name": "人均补贴标准", "target": "≤200元/人/月", "op": "<=", "value": 200, "unit": "元/人/月", "kind": "quantitative", "weight": 10},
                {"level1": "效益指标", "level2": "社会效益", "name": "失能、半失能老年人居家照护覆盖面", "target": "逐年提高", "op": None, "value": None, "unit": None, "kind": "qualitative", "weight": 15},
                {"level1": "效益指标", "level2": "社会效益", "name": "养老服务社会化程度", "target": "明显提升", "op": None, "value": None, "unit": None, "kind": "qualitative", "weight": 5},
                {"level1": "效益指标", "level2": "服务对象满意度", "name": "受助老年人及家属满意度", "target": "≥90%", "op": ">=", "value": 90, "unit": "%", "kind": "quantitative", "weight": 10},
            ],
        },
    ],
    "js_qinhuai_2025.pdf": [
        # Department document (南京市秦淮区文化和旅游局, 2025): page 1 narrative
        # "…项目经费情况说明" for the FIRST project, page 2 table 1, page 3 table 2 continued on
        # page 4 (indicator header row repeated; the merged 效益指标 and 可持续影响指标 cells
        # continue as empty cells). Choices:
        # - The narrative page belongs to table 1 only (its title names that project); table 2
        #   has no narrative sections. 七、绩效目标 ("详见…") is not kept.
        # - Money amounts inside the narrative (六、年度预算安排) are NOT budget_lines; budget_lines
        #   list only the table's money block.
        # - Section texts are the paragraphs under each heading, numbered lines joined with no
        #   separator.
        # - Table 2: page 3 (where it starts); the page-4 rows belong to the same record and
        #   carry level1 效益指标 / level2 可持续影响指标 from the merged cells above the break.
        # - 项目总体目标(2024年-2026年) -> goals_longterm, 年度目标 -> goals.
        {
            "template": "grid",
            "page": 2,
            "year": 2025,
            "name": "秦淮区公共文化惠民演出项目",
            "department": "南京市秦淮区文化和旅游局",
            "unit": "南京市秦淮区文化馆",
            "nature": "延续项目",
            "category": None,
            "start_date": "2025-01-01",
            "end_date": "2025-12-31",
            "budget": {"total": None, "current_year": 3600000, "prev_year_budget": None, "prev_year_spent": None},
            "budget_lines": [
                {"label": "年度资金总额", "printed": "360.00", "unit": "万元", "yuan": 3600000},
                {"label": "财政拨款", "printed": "300.00", "unit": "万元", "yuan": 3000000},
                {"label": "上年结转资金", "printed": "60.00", "unit": "万元", "yuan": 600000},
            ],
            "sections": {
                "overview": "为丰富辖区群众精神文化生活，2025年在全区12个街道开展“秦淮百姓大舞台”公益惠民演出，全年组织戏曲、曲艺、音乐、舞蹈等各类演出不少于120场，惠及群众6万人次以上。",
                "basis": "《中华人民共和国公共文化服务保障法》；《江苏省公共文化服务保障条例》；《南京市秦淮区“十四五”文化和旅游发展规划》。",
                "implementer": "南京市秦淮区文化馆。",
                "plan": "1.一季度完成演出团队公开遴选和全年演出计划编排；2.二至四季度按计划在各街道、社区开展演出，每月不少于10场；3.演出结束后委托第三方开展群众满意度调查，并完成绩效自评。",
                "period": "2025年1月1日至2025年12月31日。",
                "budget_plan": "2025年预算安排360.00万元，其中演出服务采购300.00万元，舞台灯光音响租赁40.00万元，宣传及满意度调查20.00万元。",
                "goals": "全年在全区12个街道组织开展公益惠民演出不少于120场，惠及群众6万人次以上，观演群众满意度达到92%以上，进一步丰富基层群众精神文化生活。",
            },
            "indicators": [
                {"level1": "产出指标", "level2": "数量指标", "name": "全年惠民演出场次", "target": "≥120场", "op": ">=", "value": 120, "unit": "场", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "数量指标", "name": "覆盖街道数量", "target": "12个", "op": "=", "value": 12, "unit": "个", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "质量指标", "name": "演出节目内容审核通过率", "target": "100%", "op": "=", "value": 100, "unit": "%", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "时效指标", "name": "全年演出计划完成时间", "target": "2025年11月30日", "op": None, "value": None, "unit": None, "kind": "date", "weight": None},
                {"level1": "成本指标", "level2": "经济成本指标", "name": "单场演出平均成本", "target": "≤2.5万元", "op": "<=", "value": 2.5, "unit": "万元", "kind": "quantitative", "weight": None},
                {"level1": "效益指标", "level2": "社会效益指标", "name": "惠及群众人次", "target": "≥6万人次", "op": ">=", "value": 6, "unit": "万人次", "kind": "quantitative", "weight": None},
                {"level1": "效益指标", "level2": "社会效益指标", "name": "基层群众文化生活", "target": "进一步丰富", "op": None, "value": None, "unit": None, "kind": "qualitative", "weight": None},
                {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "观演群众满意度", "target": "≥92%", "op": ">=", "value": 92, "unit": "%", "kind": "quantitative", "weight": None},
            ],
        },
        {
            "template": "grid",
            "page": 3,
            "year": 2025,
            "name": "秦淮区区级文物保护单位保护修缮项目",
            "department": "南京市秦淮区文化和旅游局",
            "unit": "南京市秦淮区文化遗产保护中心",
            "nature": "新增项目",
            "category": None,
            "start_date": "2024-07-01",
            "end_date": "2026-12-31",
            "budget": {"total": 18500000, "current_year": 6200000, "prev_year_budget": None, "prev_year_spent": None},
            "budget_lines": [
                {"label": "项目资金总额", "printed": "1,850.00", "unit": "万元", "yuan": 18500000},
                {"label": "年度资金总额", "printed": "620.00", "unit": "万元", "yuan": 6200000},
                {"label": "财政拨款", "printed": "620.00", "unit": "万元", "yuan": 6200000},
            ],
            "sections": {
                "goals_longterm": "用三年时间完成全区18处区级文物保护单位的本体修缮、安防消防设施改造和环境整治，消除文物建筑结构性安全隐患，建立“日常巡查+定期检测+专业养护”的文物保护长效机制，推动有条件的文物保护单位向公众开放，打造老城南历史文化展示带。",
                "goals": "2025年完成6处区级文物保护单位本体修缮及配套安防消防设施改造，编制修缮设计方案6项，开展文物安全巡查不少于48次，修缮工程竣工验收合格率100%，新增对外开放文物保护单位不少于4处。",
            },
            "indicators": [
                {"level1": "产出指标", "level2": "数量指标", "name": "完成本体修缮的区级文物保护单位数量", "target": "≥6处", "op": ">=", "value": 6, "unit": "处", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "数量指标", "name": "编制修缮设计方案", "target": "6项", "op": "=", "value": 6, "unit": "项", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "数量指标", "name": "开展文物安全巡查次数", "target": "≥48次", "op": ">=", "value": 48, "unit": "次", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "数量指标", "name": "完成安防消防设施改造的文物保护单位数量", "target": "≥6处", "op": ">=", "value": 6, "unit": "处", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "数量指标", "name": "文物建筑修缮面积", "target": "≥3200平方米", "op": ">=", "value": 3200, "unit": "平方米", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "质量指标", "name": "修缮工程竣工验收合格率", "target": "100%", "op": "=", "value": 100, "unit": "%", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "质量指标", "name": "修缮设计方案通过省级文物行政部门审批率", "target": "100%", "op": "=", "value": 100, "unit": "%", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "质量指标", "name": "修缮工程遵循“不改变文物原状、最小干预”原则", "target": "严格遵循，无违规改建、拆建行为", "op": None, "value": None, "unit": None, "kind": "qualitative", "weight": None},
                {"level1": "产出指标", "level2": "质量指标", "name": "传统材料和传统工艺使用率", "target": "≥90%", "op": ">=", "value": 90, "unit": "%", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "时效指标", "name": "修缮设计方案报批完成时间", "target": "2025年3月底前", "op": None, "value": None, "unit": None, "kind": "date", "weight": None},
                {"level1": "产出指标", "level2": "时效指标", "name": "年度修缮工程完工时间", "target": "2025年12月底前", "op": None, "value": None, "unit": None, "kind": "date", "weight": None},
                {"level1": "成本指标", "level2": "经济成本指标", "name": "修缮工程单方造价", "target": "≤4500元/平方米", "op": "<=", "value": 4500, "unit": "元/平方米", "kind": "quantitative", "weight": None},
                {"level1": "效益指标", "level2": "社会效益指标", "name": "新增对外开放文物保护单位数量", "target": "≥4处", "op": ">=", "value": 4, "unit": "处", "kind": "quantitative", "weight": None},
                {"level1": "效益指标", "level2": "社会效益指标", "name": "老城南历史文化展示利用水平", "target": "显著提升，形成可游览、可体验的历史文化展示线路", "op": None, "value": None, "unit": None, "kind": "qualitative", "weight": None},
                {"level1": "效益指标", "level2": "社会效益指标", "name": "文化遗产保护宣传活动参与人数", "target": "≥5000人次", "op": ">=", "value": 5000, "unit": "人次", "kind": "quantitative", "weight": None},
                {"level1": "效益指标", "level2": "经济效益指标", "name": "带动周边文旅消费增长", "target": "≥8%", "op": ">=", "value": 8, "unit": "%", "kind": "quantitative", "weight": None},
                {"level1": "效益指标", "level2": "可持续影响指标", "name": "文物建筑结构性安全隐患消除率", "target": "≥95%", "op": ">=", "value": 95, "unit": "%", "kind": "quantitative", "weight": None},
                {"level1": "效益指标", "level2": "可持续影响指标", "name": "文物日常巡查养护长效机制", "target": "建立健全并常态化运行", "op": None, "value": None, "unit": None, "kind": "qualitative", "weight": None},
                {"level1": "效益指标", "level2": "可持续影响指标", "name": "培训文物保护专业技术人员", "target": "≥60人次", "op": ">=", "value": 60, "unit": "人次", "kind": "quantitative", "weight": None},
                {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "周边居民满意度", "target": "≥90%", "op": ">=", "value": 90, "unit": "%", "kind": "quantitative", "weight": None},
                {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "参观游客满意度", "target": "≥90%", "op": ">=", "value": 90, "unit": "%", "kind": "quantitative", "weight": None},
            ],
        },
    ],
    "gs_lanzhou_2023.pdf": [
        # Corrected after the first run (the helper's reading differed from the contract, not
        # from the document): SPEC §2a joins split comparator columns into `target` as sign +
        # value + unit (`>=1200人次`), and budget lines drop a unit note from their label
        # (docs/records.md), as tests/grid_expected.py does. The choices as first typed:
        # 甘肃-style table (兰州市, 2023) with 计量单位 | 计算符号 | 目标值 (unit first). Choices:
        # - target = the 目标值 cell exactly as printed (e.g. "1200"); op comes from the
        #   计算符号 cell (">=", "≧" -> ">="; "<=" -> "<="; "=" -> "="), unit from the 计量单位
        #   cell; when those cells are blank, op/unit come from the target text itself
        #   ("17元/人.每天" with 计算符号 "<=" -> "<=", 17, "元/人.每天").
        # - "≥**个" is an unfilled placeholder: no number -> qualitative, op/value/unit None
        #   (the 计量单位 "个" is dropped with it). "不超预算" and "明显减少" (计算符号 定性) are
        #   qualitative too.
        # - "0" with "=" is quantitative, value 0.
        # - 年度本级预算金额（元） -> current_year; its label keeps the printed "（元）" (only a
        #   trailing colon and a leading 其中： are stripped). The two part amounts below carry
        #   no unit in their labels: 元, from the total's label.
        # - 业务主管部门 -> department, 预算单位 -> unit; 项目起止时间 "202301-202312" ->
        #   2023-01-01 .. 2023-12-31.
        {
            "template": "grid",
            "page": 1,
            "year": 2023,
            "name": "2023年流浪乞讨人员救助管理经费",
            "department": "兰州市民政局",
            "unit": "兰州市救助管理站",
            "nature": "经常性项目",
            "category": "民生类",
            "start_date": "2023-01-01",
            "end_date": "2023-12-31",
            "budget": {"total": None, "current_year": 1468000, "prev_year_budget": None, "prev_year_spent": None},
            "budget_lines": [
                {"label": "年度本级预算金额", "printed": "1,468,000.00", "unit": "元", "yuan": 1468000},
                {"label": "一般公共预算", "printed": "1,268,000.00", "unit": "元", "yuan": 1268000},
                {"label": "上年结转资金", "printed": "200,000.00", "unit": "元", "yuan": 200000},
            ],
            "sections": {
                "goals": "1.全年救助流浪乞讨人员不少于1200人次，落实受助人员生活、医疗、返乡等救助措施；2.加强街面巡查和主动救助，寒冬、酷暑等极端天气期间开展专项救助行动；3.规范站内管理，确保全年不发生安全责任事故，受助人员满意度达到90%以上。",
            },
            "indicators": [
                {"level1": "产出指标", "level2": "数量指标", "name": "全年救助流浪乞讨人员人次", "target": ">=1200人次", "op": ">=", "value": 1200, "unit": "人次", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "数量指标", "name": "开展街面巡查救助次数", "target": "≧96次", "op": ">=", "value": 96, "unit": "次", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "数量指标", "name": "设立临时救助点数量", "target": "≥**个", "op": None, "value": None, "unit": None, "kind": "qualitative", "weight": None},
                {"level1": "产出指标", "level2": "质量指标", "name": "受助人员信息录入准确率", "target": ">=98%", "op": ">=", "value": 98, "unit": "%", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "质量指标", "name": "站内安全责任事故发生次数", "target": "=0次", "op": "=", "value": 0, "unit": "次", "kind": "quantitative", "weight": None},
                {"level1": "产出指标", "level2": "时效指标", "name": "受助人员入站甄别登记时限", "target": "<=24小时", "op": "<=", "value": 24, "unit": "小时", "kind": "quantitative", "weight": None},
                {"level1": "成本指标", "level2": "经济成本指标", "name": "受助人员伙食补助标准", "target": "<=17元/人.每天", "op": "<=", "value": 17, "unit": "元/人.每天", "kind": "quantitative", "weight": None},
                {"level1": "成本指标", "level2": "经济成本指标", "name": "项目支出成本控制", "target": "不超预算", "op": None, "value": None, "unit": None, "kind": "qualitative", "weight": None},
                {"level1": "效益指标", "level2": "社会效益指标", "name": "受助人员返乡、安置率", "target": "≧85%", "op": ">=", "value": 85, "unit": "%", "kind": "quantitative", "weight": None},
                {"level1": "效益指标", "level2": "社会效益指标", "name": "城市街面流浪乞讨现象", "target": "明显减少", "op": None, "value": None, "unit": None, "kind": "qualitative", "weight": None},
                {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "受助人员满意度", "target": ">=90%", "op": ">=", "value": 90, "unit": "%", "kind": "quantitative", "weight": None},
            ],
        },
    ],
}
# fmt: on
