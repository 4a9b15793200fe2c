"""F6: hand-written minimal SpreadsheetML (zipfile only; no library). No <c> carries an r
attribute: cell positions follow their order (blank positions are empty <c/> elements).
Title/header rows and every other data row carry <row r=..>; the other data rows carry no r
either (their number is the previous row's + 1). A skipped (absent) row gap after the title.
Shared strings, dates as serial numbers styled with a custom numFmt 164 "dd/mm/yyyy",
no docProps, no theme, minimal styles. Headers: "Số TT", "Họ và tên khai sinh", "Sinh ngày",
"Giới tính", "Dân tộc", "Nơi công tác", "Chức vụ, chức danh", "Đảng viên", "Trình độ GDPT",
"Trình độ CMNV", "Trình độ LLCT"."""
import random
import zipfile
from xml.sax.saxutils import escape
from common import *

OUT = "f6-noref.xlsx"

CT = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'''
RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'''
WB = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>'''
WBRELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'''
STYLES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'''


def main():
    rng = random.Random(606)
    units = ["Xã Mường Giôn", "Xã Pá Ma Pha Khinh"]
    people = make_people(rng, units)
    sst, sidx = [], {}

    def s(text):
        if text not in sidx:
            sidx[text] = len(sst)
            sst.append(text)
        return f'<c t="s"><v>{sidx[text]}</v></c>'

    def sb(text):
        if text not in sidx:
            sidx[text] = len(sst)
            sst.append(text)
        return f'<c s="1" t="s"><v>{sidx[text]}</v></c>'

    E = "<c/>"
    rows = []
    rows.append(('1', [E, sb("UBND HUYỆN QUỲNH NHAI")]))
    rows.append(('2', [E, sb("DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2024")]))
    # row 3 absent (gap)
    hdr = ["Số TT", "Họ và tên khai sinh", "Sinh ngày", "Giới tính", "Dân tộc", "Nơi công tác",
           "Chức vụ, chức danh", "Đảng viên", "Trình độ GDPT", "Trình độ CMNV", "Trình độ LLCT"]
    rows.append(('4', [sb(h) for h in hdr]))
    for i, p in enumerate(people, 1):
        cells = [f"<c><v>{i}</v></c>", s(p["name"]), f'<c s="2"><v>{serial1900(p["birth"])}</v></c>',
                 s("Nữ" if p["gender"] == "nu" else "Nam"), s(rng.choice(ETHN[p["ethn"]])), s(p["unit"]),
                 s(pos_text(rng, p, "full")), s("x") if p["party"] else E]
        for tab, key in ((GDPT, "gdpt"), (PROF, "prof"), (LLCT, "llct")):
            t = pick(rng, tab, p[key])
            cells.append(s(t) if t else E)
        while cells and cells[-1] == E:  # trailing empties dropped
            cells.pop()
        rows.append((str(4 + i) if i % 2 == 0 else None, cells))
    n = len(people)
    rows.append((str(4 + n + 2), [E, sb("Người lập biểu"), E, E, E, E, sb("CHỦ TỊCH UBND")]))
    xml = []
    for r, cells in rows:
        ra = f' r="{r}"' if r else ""
        xml.append(f"<row{ra}>" + "".join(cells) + "</row>")
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>'
             + "".join(xml) + "</sheetData></worksheet>")
    sstxml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="{len(sst)}">'
              + "".join(f"<si><t>{escape(t)}</t></si>" for t in sst) + "</sst>")
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", WBRELS)
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/sharedStrings.xml", sstxml)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    write_expected(OUT, expected(people, "F6 hand-written XML, no r on cells, some rows without r.",
                                 {"party", "ethn", "gdpt", "prof", "llct"}))


if __name__ == "__main__":
    main()
