# ruff: noqa: E501
"""Target values in the styles real Chinese performance tables print, with their expected reading.

Each case: (target_as_printed, op, value, unit, kind).
- op: "=", ">=", "<=", ">", "<" or None; value: int if integral (90.00 -> 90) else float; unit: what
  follows the number, brackets and spaces removed, ％ and 百分比 read as "%", None when nothing follows.
- Quantitative only when the target is an optional comparator (symbol or word such as 不低于/大于),
  a number and a short unit, with at most one trailing word of comparison (以上 >=, 以下 <=, 以内 <=).
  Anything more (a sentence, a range, a placeholder without a number) is qualitative.
- A date (optionally followed by 前) is kind "date"; a date followed by more words is a sentence (qualitative).
- Qualitative and date targets have op, value and unit None.
"""

CASES = [
    # comparator symbols ≥ ≤ ＝ ＞ ＜ before a number and a unit
    ("≥95%", ">=", 95, "%", "quantitative"),
    ("≤3%", "<=", 3, "%", "quantitative"),
    ("＝100%", "=", 100, "%", "quantitative"),
    ("＞85%", ">", 85, "%", "quantitative"),
    ("＜2%", "<", 2, "%", "quantitative"),
    ("≥12个", ">=", 12, "个", "quantitative"),
    ("≤30天", "<=", 30, "天", "quantitative"),
    ("＝4次", "=", 4, "次", "quantitative"),
    ("=0起", "=", 0, "起", "quantitative"),
    # variant glyphs ≧ ═ and ASCII comparators
    ("≧98%", ">=", 98, "%", "quantitative"),
    ("═100%", "=", 100, "%", "quantitative"),
    (">=80%", ">=", 80, "%", "quantitative"),
    ("<=15天", "<=", 15, "天", "quantitative"),
    (">0.5%", ">", 0.5, "%", "quantitative"),
    ("<10起", "<", 10, "起", "quantitative"),
    # full-width digits and ％
    ("≥９８％", ">=", 98, "%", "quantitative"),
    ("＝１２个", "=", 12, "个", "quantitative"),
    ("≤５％", "<=", 5, "%", "quantitative"),
    ("１００％", "=", 100, "%", "quantitative"),
    # two decimals with the unit in brackets (ASCII or full-width)
    ("≥95.00(%)", ">=", 95, "%", "quantitative"),
    ("=100.00(%)", "=", 100, "%", "quantitative"),
    ("≥85.50(%)", ">=", 85.5, "%", "quantitative"),
    ("≤3.00(天)", "<=", 3, "天", "quantitative"),
    ("≥12.00(个)", ">=", 12, "个", "quantitative"),
    ("≥95.00（%）", ">=", 95, "%", "quantitative"),
    # spaces before the unit or after the comparator
    ("≥5000 小时", ">=", 5000, "小时", "quantitative"),
    ("≥300 人次", ">=", 300, "人次", "quantitative"),
    ("≤ 10 个工作日", "<=", 10, "个工作日", "quantitative"),
    ("≥ 95%", ">=", 95, "%", "quantitative"),
    ("≥1000000 条", ">=", 1000000, "条", "quantitative"),
    # 百分比 written for %
    ("≥98百分比", ">=", 98, "%", "quantitative"),
    ("=100百分比", "=", 100, "%", "quantitative"),
    ("≥90.00百分比", ">=", 90, "%", "quantitative"),
    # compound and scaled units
    ("1600元/亩", "=", 1600, "元/亩", "quantitative"),
    ("≤800元/亩", "<=", 800, "元/亩", "quantitative"),
    ("17元/人.每天", "=", 17, "元/人.每天", "quantitative"),
    ("≤25元/人.每天", "<=", 25, "元/人.每天", "quantitative"),
    ("≥13万次", ">=", 13, "万次", "quantitative"),
    ("≥1.2万人次", ">=", 1.2, "万人次", "quantitative"),
    ("≥5000人次", ">=", 5000, "人次", "quantitative"),
    ("≤5个工作日", "<=", 5, "个工作日", "quantitative"),
    ("≥3000平方米", ">=", 3000, "平方米", "quantitative"),
    ("≥4次/年", ">=", 4, "次/年", "quantitative"),
    ("≥8PB", ">=", 8, "PB", "quantitative"),
    ("≤0.5‰", "<=", 0.5, "‰", "quantitative"),
    # money amounts with thousands separators (value in the printed unit, not converted)
    ("≤1,200万元", "<=", 1200, "万元", "quantitative"),
    ("≤2,614.51万元", "<=", 2614.51, "万元", "quantitative"),
    ("=16,158.00万元", "=", 16158, "万元", "quantitative"),
    ("349.80万元", "=", 349.8, "万元", "quantitative"),
    ("≤771,325,800.00元", "<=", 771325800, "元", "quantitative"),
    # one trailing word of comparison: 以上 -> >=, 以下 / 以内 -> <=
    ("95%以上", ">=", 95, "%", "quantitative"),
    ("90%以下", "<=", 90, "%", "quantitative"),
    ("3天以内", "<=", 3, "天", "quantitative"),
    ("1000人次以上", ">=", 1000, "人次", "quantitative"),
    ("5个工作日以内", "<=", 5, "个工作日", "quantitative"),
    # a leading word of comparison: 不低于/不少于 >=, 不高于/不超过 <=, 大于/高于/超过 >, 小于/低于 <
    ("不低于95%", ">=", 95, "%", "quantitative"),
    ("不少于50个", ">=", 50, "个", "quantitative"),
    ("不高于5%", "<=", 5, "%", "quantitative"),
    ("不超过200万元", "<=", 200, "万元", "quantitative"),
    ("大于90%", ">", 90, "%", "quantitative"),
    ("高于85%", ">", 85, "%", "quantitative"),
    ("超过1000人次", ">", 1000, "人次", "quantitative"),
    ("小于5%", "<", 5, "%", "quantitative"),
    ("低于3%", "<", 3, "%", "quantitative"),
    # bare numbers (the unit printed in another column): "=" and no unit
    ("100", "=", 100, None, "quantitative"),
    ("1,000", "=", 1000, None, "quantitative"),
    ("0.5", "=", 0.5, None, "quantitative"),
    ("１２", "=", 12, None, "quantitative"),
    # dates, optionally followed by 前: kind "date"
    ("2026年12月31日", None, None, None, "date"),
    ("2026年12月底前", None, None, None, "date"),
    ("2026-12-31", None, None, None, "date"),
    ("2026/6/30", None, None, None, "date"),
    ("2026年6月", None, None, None, "date"),
    ("2026.12.31", None, None, None, "date"),
    ("12月底前", None, None, None, "date"),
    # qualitative words
    ("及时", None, None, None, "qualitative"),
    ("提升", None, None, None, "qualitative"),
    ("合理", None, None, None, "qualitative"),
    ("可控", None, None, None, "qualitative"),
    ("有效提升", None, None, None, "qualitative"),
    ("明显改善", None, None, None, "qualitative"),
    ("优良中低差", None, None, None, "qualitative"),
    ("达标", None, None, None, "qualitative"),
    ("不超预算", None, None, None, "qualitative"),
    # sentences, also those holding a number (not "comparator + number + short unit")
    ("按计划完成各项工作任务", None, None, None, "qualitative"),
    ("符合国家及本市相关技术标准", None, None, None, "qualitative"),
    ("完成3个项目的验收", None, None, None, "qualitative"),
    ("全年开展培训不少于4次并形成报告", None, None, None, "qualitative"),
    ("覆盖全区10个街镇", None, None, None, "qualitative"),
    ("较上年提升5%", None, None, None, "qualitative"),
    ("2026年12月31日前完成", None, None, None, "qualitative"),
    ("12月底到位", None, None, None, "qualitative"),
    ("95%-100%", None, None, None, "qualitative"),
    # placeholders left unfilled: no number
    ("≥**个", None, None, None, "qualitative"),
    ("≥XX%", None, None, None, "qualitative"),
    ("＝**%", None, None, None, "qualitative"),
    ("**人次", None, None, None, "qualitative"),
]
