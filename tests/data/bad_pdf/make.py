# ruff: noqa: E501
"""Regenerate the bad-input PDF fixtures in this folder.

Run:  /work/main/.venv/bin/python tests/data/bad_pdf/make.py

Needs: LibreOffice (soffice), poppler-utils (pdftoppm, pdfunite), qpdf, the
WenQuanYi Micro Hei font (any CJK font LibreOffice can find will do), and
pypdfium2 + pdfplumber from the project venv.  Each file is kept under 200 KB.
Output is not byte-for-byte reproducible (LibreOffice and qpdf write dates and
random IDs/keys), but its content is.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

HERE = Path(__file__).resolve().parent
MAX_BYTES = 200 * 1024

CSS = """
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; font-size: 11pt; }
table { border-collapse: collapse; }
td, th { border: 1px solid #000; padding: 3px 6px; }
h2 { text-align: center; }
"""

PAGE_BREAK = '<p style="page-break-before: always"></p>'


def html(body: str) -> str:
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<style>{CSS}</style></head><body>{body}</body></html>"
    )


NARRATIVE = """
<h2>某某局2024年度部门预算说明</h2>
<p>一、部门职责：某某局负责本区域内相关行业的规划、管理和监督工作，组织实施有关政策，
指导下属事业单位开展业务培训与公共服务。</p>
<p>二、机构设置：某某局内设办公室、计划财务科、业务管理科，下属某某中心一个。</p>
<p>三、预算安排情况：2024年度收入预算合计1,250.00万元，支出预算合计1,250.00万元，
与上年相比增加35.60万元，主要原因是培训项目经费增加。</p>
<p>四、其他说明：本部门无政府性基金预算收支，无国有资本经营预算收支。</p>
"""

BUDGET_TABLE = """
<h2>收入支出决算总表</h2>
<p>编制单位：某某局　　　　　　　　　　金额单位：万元</p>
<table border="1" cellspacing="0">
<tr><th>收入项目</th><th>决算数</th><th>支出项目</th><th>决算数</th></tr>
<tr><td>一、一般公共预算财政拨款收入</td><td>1,100.00</td><td>一、一般公共服务支出</td><td>420.50</td></tr>
<tr><td>二、政府性基金预算财政拨款收入</td><td>0.00</td><td>二、教育支出</td><td>310.20</td></tr>
<tr><td>三、事业收入</td><td>120.00</td><td>三、社会保障和就业支出</td><td>219.30</td></tr>
<tr><td>四、其他收入</td><td>30.00</td><td>四、住房保障支出</td><td>300.00</td></tr>
<tr><td>本年收入合计</td><td>1,250.00</td><td>本年支出合计</td><td>1,250.00</td></tr>
</table>
"""

UNKNOWN_SHAPE_TABLE = """
<h2>项目支出绩效目标表</h2>
<p>金额单位：万元</p>
<table border="1" cellspacing="0">
<tr><th>序号</th><th>项目</th><th>金额</th><th>备注</th></tr>
<tr><td>1</td><td>办公设备购置</td><td>35.00</td><td>一次性项目</td></tr>
<tr><td>2</td><td>业务培训经费</td><td>120.00</td><td>持续性项目</td></tr>
<tr><td>3</td><td>信息系统运维</td><td>48.50</td><td></td></tr>
<tr><td>合计</td><td></td><td>203.50</td><td></td></tr>
</table>
"""

GOAL_TABLE = """
<h2>项目支出绩效目标表</h2>
<p>（2024年度）</p>
<table border="1" cellspacing="0">
<tr><td>项目名称</td><td colspan="3">测试项目甲</td></tr>
<tr><td>主管部门</td><td>某某局</td><td>实施单位</td><td>某某中心</td></tr>
<tr><td nowrap>年度资金总额（万元）</td><td colspan="3">120.00</td></tr>
<tr><td>年度总体目标</td><td colspan="3">全年完成业务培训不少于500人次，培训合格率不低于95%，学员满意度不低于90%。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>培训人次</td><td>≥500人次</td></tr>
<tr><td>质量指标</td><td>合格率</td><td>≥95%</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>学员满意度</td><td>≥90%</td></tr>
</table>
"""

SCANNED_TABLE = """
<h2>项目支出绩效目标表（扫描件）</h2>
<p>（2024年度）</p>
<table border="1" cellspacing="0">
<tr><td>项目名称</td><td colspan="3">扫描项目乙</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>检查次数</td><td>≥12次</td></tr>
<tr><td>时效指标</td><td>完成及时率</td><td>100%</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥85%</td></tr>
</table>
"""


def run(*cmd: str | Path) -> None:
    subprocess.run(
        [str(c) for c in cmd], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def html_to_pdf(body: str, name: str, work: Path) -> Path:
    """Write body as HTML and convert it with LibreOffice; returns the PDF path."""
    src = work / f"{name}.html"
    src.write_text(html(body), encoding="utf-8")
    outdir = work / "out"
    # A private profile dir so a running LibreOffice (or a stale lock) does not interfere.
    profile = (work / "lo_profile").as_uri()
    # Import as a Writer document, not Writer/Web: the Writer/Web export of a short
    # document put an empty page first and dropped its first paragraph.
    run(
        "soffice",
        f"-env:UserInstallation={profile}",
        "--headless",
        "--infilter=HTML (StarWriter)",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        outdir,
        src,
    )
    return outdir / f"{name}.pdf"


def image_only_pdf(text_pdf: Path, out: Path, work: Path, dpi: int = 100) -> None:
    """Rasterize page 1 of text_pdf (RGB JPEG) and wrap it in a new PDF with no text layer."""
    prefix = work / f"{out.stem}_raster"
    run(
        "pdftoppm",
        "-r",
        str(dpi),
        "-jpeg",
        "-jpegopt",
        "quality=60",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        text_pdf,
        prefix,
    )
    jpeg = prefix.with_suffix(".jpg")
    src = pdfium.PdfDocument(text_pdf)
    w, h = src[0].get_size()
    src.close()
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(w, h)
    img = pdfium.PdfImage.new(doc)
    img.load_jpeg(jpeg, inline=False)
    img.set_matrix(pdfium.PdfMatrix().scale(w, h))
    page.insert_obj(img)
    page.gen_content()
    doc.save(out)
    doc.close()


def check() -> None:
    """Print what pdfplumber and pypdfium2 make of each file (the table in README.md)."""
    import logging

    import pdfplumber

    logging.disable(logging.WARNING)  # pdfminer logs noise on broken files
    for p in sorted(HERE.glob("*.pdf")):
        print(f"== {p.name} ({p.stat().st_size} bytes)")
        try:
            with pdfplumber.open(p) as pdf:
                seen = [
                    f"p{i}: {len(pg.chars)} chars, {len(pg.images)} images, "
                    f"{len(pg.extract_tables())} tables"
                    for i, pg in enumerate(pdf.pages, 1)
                ]
            print("  pdfplumber:", "; ".join(seen))
        except Exception as e:
            print(f"  pdfplumber: {e!r}")  # PdfminerException(<pdfminer exception>)
        try:
            doc = pdfium.PdfDocument(p)
            seen = [
                f"p{i + 1}: {doc[i].get_textpage().count_chars()} chars" for i in range(len(doc))
            ]
            doc.close()
            print("  pypdfium2: ", "; ".join(seen))
        except Exception as e:
            print(f"  pypdfium2:  {type(e).__name__}({str(e)!r})")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bad_pdf_") as tmp:
        work = Path(tmp)

        # 1. scanned.pdf: one page, only a JPEG of a table, no text layer.
        scan_src = html_to_pdf(SCANNED_TABLE, "scan_src", work)
        image_only_pdf(scan_src, HERE / "scanned.pdf", work)

        # 6. no_goal_table.pdf: narrative page + 收入支出决算总表 page, no indicator table.
        no_goal = html_to_pdf(NARRATIVE + PAGE_BREAK + BUDGET_TABLE, "no_goal_table", work)
        shutil.copyfile(no_goal, HERE / "no_goal_table.pdf")

        # 2. encrypted.pdf: the no_goal_table PDF with user password "user" (AES-256).
        run("qpdf", "--encrypt", "user", "owner", "256", "--", no_goal, HERE / "encrypted.pdf")

        # 3. truncated.pdf: a valid text PDF cut to its first 40 % of bytes.
        data = no_goal.read_bytes()
        (HERE / "truncated.pdf").write_bytes(data[: len(data) * 40 // 100])

        # 4. not_a_pdf.pdf: an HTML page saved under a .pdf name.
        (HERE / "not_a_pdf.pdf").write_text(
            html("<h1>404 Not Found</h1><p>您访问的页面不存在。</p>"), encoding="utf-8"
        )
        # 5. empty.pdf: zero bytes.
        (HERE / "empty.pdf").write_bytes(b"")

        # 7. unknown_shape.pdf: titled 项目支出绩效目标表, but columns 序号|项目|金额|备注.
        unknown = html_to_pdf(NARRATIVE + PAGE_BREAK + UNKNOWN_SHAPE_TABLE, "unknown_shape", work)
        shutil.copyfile(unknown, HERE / "unknown_shape.pdf")

        # 8. mixed.pdf: page 1 narrative, page 2 goal table, page 3 image-only page.
        text_part = html_to_pdf(NARRATIVE + PAGE_BREAK + GOAL_TABLE, "mixed_text", work)
        img_page = work / "mixed_img.pdf"
        image_only_pdf(scan_src, img_page, work)
        run("pdfunite", text_part, img_page, HERE / "mixed.pdf")

    check()
    too_big = [p.name for p in HERE.glob("*.pdf") if p.stat().st_size > MAX_BYTES]
    for p in sorted(HERE.glob("*.pdf")):
        print(f"{p.name:22s} {p.stat().st_size:7d} bytes")
    if too_big:
        print("over 200 KB:", too_big, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
