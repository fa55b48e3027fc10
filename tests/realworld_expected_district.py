# ruff: noqa: E501
"""The two district tables of tests/data/realworld/01_… and 03_…, typed by reading them."""

TABLES = {
    "01_putuo2026_jianguanwei_lanxilu_pymupdf.txt": [
        {
            "template": "sh-district-2026",
            "page": None,
            "year": 2026,
            "name": "兰溪路-真南路下立交工程",
            "department": "上海市普陀区建设和管理委员会",
            "unit": "上海市普陀区市政工程建设中心",
            "nature": "阶段性项目",
            "category": "特定目标类",
            "start_date": "2026-01-01",
            "end_date": "2027-12-31",
            "budget": {
                "total": 771325800,
                "current_year": 226145100,
                "prev_year_budget": None,
                "prev_year_spent": None,
            },
            "budget_lines": [
                {
                    "label": "项目资金总额",
                    "printed": "771,325,800.00",
                    "unit": "元",
                    "yuan": 771325800,
                },
                {
                    "label": "年度资金申请总额",
                    "printed": "226,145,100.00",
                    "unit": "元",
                    "yuan": 226145100,
                },
                {"label": "财政资金", "printed": "771,325,800.00", "unit": "元", "yuan": 771325800},
                {
                    "label": "当年财政拨款",
                    "printed": "226,145,100.00",
                    "unit": "元",
                    "yuan": 226145100,
                },
                {"label": "上年结转资金", "printed": "0", "unit": "元", "yuan": 0},
                {"label": "其他资金", "printed": "0", "unit": "元", "yuan": 0},
                {"label": "其他资金", "printed": "0", "unit": "元", "yuan": 0},
            ],
            "sections": {
                "overview": "兰溪路-真南路下立交工程范围南起兰溪路桃浦路交叉口，北至真南路新村路交叉口，道路全长约985米。"
                "全线分为三段实施，第一段为桃浦路至兰溪路隧道敞开段起点，第二段为兰溪路隧道敞开段起点至富平路,"
                "第三段为富平路至新村路，兰溪路规划红线宽度为52.5米，真南路规划红线宽度为50米。",
                "basis": "普建委[2025]127号关于同意兰溪路-真南路下立交工程方案的批复。",
                "implementer": "施工单位：上海建工五建集团有限公司；设计单位：中铁上海设计院有限公司；"
                "监理单位：上海振南工程咨询监理有限责任公司；勘察单位：上海山南勘测设计有限公司；"
                "代建单位：上海青山建设咨询有限公司；",
                "plan": "本项目主要实施内容为：道路工程、隧道工程排水工程、附属工程等。",
                "period": "2026年1月1日至2027年12月31日。",
                "budget_plan": "2026年度预算安排22,614.51万元。",
                "goals_longterm": "为居民出行提供快速便捷的通道，完善、提高了路网服务功能分流中环路的交通压力、"
                "强化铁路两侧的片区的交通联系，支撑区域一体化发展。",
                "goals": "积极推进项目前期征收工作，年内开展管线搬迁及维护结构施工。",
            },
            "indicators": [
                # level-1 cell blank on this row; level 2 生态环境成本指标 ends in 成本指标
                {
                    "level1": "成本指标",
                    "level2": "生态环境成本指标",
                    "name": "文明施工情况",
                    "target": "可控",
                    "op": None,
                    "value": None,
                    "unit": None,
                    "kind": "qualitative",
                    "weight": None,
                },
                {
                    "level1": "产出指标",
                    "level2": "数量指标",
                    "name": "道路建设长度",
                    "target": "985米",
                    "op": "=",
                    "value": 985,
                    "unit": "米",
                    "kind": "quantitative",
                    "weight": None,
                },
                {
                    "level1": "产出指标",
                    "level2": "质量指标",
                    "name": "项目验收达标率",
                    "target": "=100.00(%)",
                    "op": "=",
                    "value": 100,
                    "unit": "%",
                    "kind": "quantitative",
                    "weight": None,
                },
                {
                    "level1": "产出指标",
                    "level2": "时效指标",
                    "name": "项目完成及时性",
                    "target": "及时",
                    "op": None,
                    "value": None,
                    "unit": None,
                    "kind": "qualitative",
                    "weight": None,
                },
                {
                    "level1": "效益指标",
                    "level2": "社会效益指标",
                    "name": "道路安全隐患减少情况",
                    "target": "减少",
                    "op": None,
                    "value": None,
                    "unit": None,
                    "kind": "qualitative",
                    "weight": None,
                },
                {
                    "level1": "效益指标",
                    "level2": "社会效益指标",
                    "name": "道路景观提升情况",
                    "target": "提升",
                    "op": None,
                    "value": None,
                    "unit": None,
                    "kind": "qualitative",
                    "weight": None,
                },
                {
                    "level1": "效益指标",
                    "level2": "社会效益指标",
                    "name": "道路通行能力提升情况",
                    "target": "提升",
                    "op": None,
                    "value": None,
                    "unit": None,
                    "kind": "qualitative",
                    "weight": None,
                },
                {
                    "level1": "效益指标",
                    "level2": "可持续影响指标",
                    "name": "长效管理制度健全性",
                    "target": "健全",
                    "op": None,
                    "value": None,
                    "unit": None,
                    "kind": "qualitative",
                    "weight": None,
                },
                {
                    "level1": "满意度指标",
                    "level2": "服务对象满意度指标",
                    "name": "居民群众满意度",
                    "target": "≥90.00(%)",
                    "op": ">=",
                    "value": 90,
                    "unit": "%",
                    "kind": "quantitative",
                    "weight": None,
                },
            ],
        },
    ],
    "03_putuo2026_chengguan_chaiwei_pymupdf.txt": [
        {
            "template": "sh-district-2026",
            "page": None,
            "year": 2026,
            "name": "拆违经费",
            "department": "普陀区城市管理行政执法局执法大队",
            "unit": "上海市普陀区城市管理行政执法局执法大队",
            "nature": "阶段性项目",
            "category": "特定目标类",
            "start_date": "2024-01-01",
            "end_date": "2026-12-31",
            "budget": {
                "total": 10308000,
                "current_year": 3498000,
                "prev_year_budget": None,
                "prev_year_spent": None,
            },
            "budget_lines": [
                {
                    "label": "项目资金总额",
                    "printed": "10,308,000.00",
                    "unit": "元",
                    "yuan": 10308000,
                },
                {
                    "label": "年度资金申请总额",
                    "printed": "3,498,000.00",
                    "unit": "元",
                    "yuan": 3498000,
                },
                {"label": "财政资金", "printed": "10,308,000.00", "unit": "元", "yuan": 10308000},
                {"label": "当年财政拨款", "printed": "3,498,000.00", "unit": "元", "yuan": 3498000},
                {"label": "上年结转资金", "printed": "0.00", "unit": "元", "yuan": 0},
                {"label": "其他资金", "printed": "0.00", "unit": "元", "yuan": 0},
                {"label": "其他资金", "printed": "0.00", "unit": "元", "yuan": 0},
            ],
            "sections": {
                "overview": "为深入落实贯彻党的二十届三中全会精神和习近平总书记关于城市建设和国土空间规划的重要论述，"
                "持续扎实、稳妥、高效推动本市违法建设常态化治理工作，根据《上海市城市管理精细化三年行动计划"
                "（2024-2026）》等文件精神，按照住房城乡建设部印发的《城市建成区违法建设专项治理工作五年行动方案》"
                "要求，进一步增强全社会防控和治理违法建筑意识，全面遏制违法建设行为，着力形成防控和治理违法建筑"
                "长效机制，有效巩固“五违四必”（安全隐患必须清除、违法无证建筑必须拆除、脏乱现象必须整治、"
                "违法经营必须取缔）区域生态环境综合治理成果。区拆违专办承担全区违法建筑治理的统筹协调工作，"
                "2026年将继续作好各类存量违法建筑的拆除工作和新建违法建筑的控违工作。应对领导批示舆情曝光群众"
                "反映强烈的违法建筑的快速处置；为创建良好的违建治理氛围而将进行各种形式的宣传活动和多媒体制作；"
                "为保障违法建筑整治数据的准确性，做好无证建筑数据库销项管理核对和分析，做好违建拆除点位面积的"
                "现场核对，聘请第三方评测公司来开展此项工作；用于拆违现场安全区域的警戒，连续拆违作业现场和"
                "重点控违区域的日夜固守，日常街面违建巡查和小区物业装修巡查而购买第三方巡查队伍；"
                "采用无人机巡查等新科技方式来创新违法建筑发现手段。",
                "basis": "1.《上海市住宅物业管理规定》2.《上海市城乡规划条例》3.《上海市拆除违法建筑若干规定》"
                "4.《关于进一步加强本市违法建筑治理工作的实施意见》5.《上海市城市管理行政执法条例实施办法》"
                "6、《上海市城市管理精细化三年行动计划（2024-2026）》7.《城市建成区违法建设专项治理工作五年行动方案》"
                "8.《关于开展无违建居村（街镇）创建工作的实施意见》9.《关于加强新增违法建筑监管和信息化建设工作的通知》等",
                "implementer": "普陀区城市管理行政执法局",
                "plan": "1.加强组织，强化领导，强化对突发事件的协调和处置。"
                "2.构建监控网络，开展对违法建设行为的全方位巡查，做到“及时制止，及时拆除，及时上报”。"
                "3.违建治理的工作安排要高度重视、严密组织、完善方案，确保拆违工作安全有序顺利实施。"
                "4.营造强大舆论宣传氛围，对拒不整改实施违法建设行为的单位及个人给予曝光，对违建治理中先进单位和个人进行表彰。"
                "5.制定年度计划，严格落实对各街镇的年度考核制度。"
                "6.为加强本区新增违法建筑的监管治理，运用智能化、信息化和技术化手段及时有效地查处违法建设行为。",
                "period": "2026年1月1日-2026年12月31日",
                "budget_plan": "本年度拆违经费预算金额为349.80万元，分别用于拆违现场安全秩序维护第三方服务、普陀城管执法无人机巡查、"
                "重大应急拆违工程款、重大应急工程审价费、第三方航拍巡查对比服务费、拆违设计宣传服务费、"
                "全年拆违跟拍及宣传片制作、第三方无证点位复核以及数据库销项、法律顾问费等。",
                # label printed "项目总体目标\n(2024 年-2026 年)"; the cell's extractor-added quotes are dropped
                "goals_longterm": "1.完成市、区相关部门下达的年度拆违任务。2.新增违建“零增长”，坚决做到“无增减存”。"
                "3.开展存量违建专项治理，快速降低违建点位数。4.开展普查数据平台“拆一件、销一项、存一档”目标管理。",
                "goals": "1.完成市、区相关部门下达的年度拆违任务。2.新增违建“零增长”，坚决做到“无增减存”。"
                "3.开展存量违建专项治理，快速降低违建点位数。4.开展普查数据平台“拆一件、销一项、存一档”目标管理。",
            },
            "indicators": [
                {
                    "level1": "成本指标",
                    "level2": "经济成本指标",
                    "name": "成本控制合理性",
                    "target": "合理",
                    "op": None,
                    "value": None,
                    "unit": None,
                    "kind": "qualitative",
                    "weight": None,
                },
                {
                    "level1": "产出指标",
                    "level2": "数量指标",
                    "name": "完成年度拆违计划",
                    "target": "=100.00(%)",
                    "op": "=",
                    "value": 100,
                    "unit": "%",
                    "kind": "quantitative",
                    "weight": None,
                },
                {
                    "level1": "产出指标",
                    "level2": "质量指标",
                    "name": "违法建筑销项正确率",
                    "target": "=100.00(%)",
                    "op": "=",
                    "value": 100,
                    "unit": "%",
                    "kind": "quantitative",
                    "weight": None,
                },
                {
                    "level1": "产出指标",
                    "level2": "时效指标",
                    "name": "新增违建处置率",
                    "target": "=100.00(%)",
                    "op": "=",
                    "value": 100,
                    "unit": "%",
                    "kind": "quantitative",
                    "weight": None,
                },
                {
                    "level1": "效益指标",
                    "level2": "社会效益指标",
                    "name": "群众政策知晓度",
                    "target": "≥90.00(%)",
                    "op": ">=",
                    "value": 90,
                    "unit": "%",
                    "kind": "quantitative",
                    "weight": None,
                },
                {
                    "level1": "效益指标",
                    "level2": "生态效益指标",
                    "name": "提升城市环境美化指数",
                    "target": "提高",
                    "op": None,
                    "value": None,
                    "unit": None,
                    "kind": "qualitative",
                    "weight": None,
                },
                {
                    "level1": "效益指标",
                    "level2": "可持续影响指标",
                    "name": "新增违建发生数",
                    "target": "降低",
                    "op": None,
                    "value": None,
                    "unit": None,
                    "kind": "qualitative",
                    "weight": None,
                },
                {
                    "level1": "满意度指标",
                    "level2": "服务对象满意度指标",
                    "name": "群众满意度",
                    "target": "≥90.00(%)",
                    "op": ">=",
                    "value": 90,
                    "unit": "%",
                    "kind": "quantitative",
                    "weight": None,
                },
            ],
        },
    ],
}
