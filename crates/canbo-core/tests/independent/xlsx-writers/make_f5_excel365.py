"""F5: Excel-365-looking file. An openpyxl skeleton is written first, then post-processed at
the zip/XML level: workbook.xml, styles.xml, sharedStrings.xml and sheet1.xml are replaced by
Excel-365-style XML: mc:Ignorable + x14ac/xr namespaces, <dimension>, frozen pane, rows with
spans and x14ac:dyDescent, merged title/header cells (<mergeCells>), rich-text shared strings
for some names, xml:space="preserve" texts with leading/trailing spaces, an STT column
=ROW()-5 with <f> and cached <v>, a unit column copied down with =H6-style formulas
(t="str" with cached text), NFD text and U+00D0 'Ð' in a header and some values, and
a "Tổng cộng" row with a COUNTA formula."""
import io
import random
import zipfile
from xml.sax.saxutils import escape
from openpyxl import Workbook
from common import *

OUT = "f5-excel365.xlsx"
NSDECL = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" '
          'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
          'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
          'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" '
          'xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3"')

RPR = '<rPr><sz val="12"/><color theme="1"/><rFont val="Times New Roman"/><family val="1"/></rPr>'
RPR_B = '<rPr><b/><sz val="12"/><color rgb="FFFF0000"/><rFont val="Times New Roman"/><family val="1"/></rPr>'


class SST:
    def __init__(self):
        self.items, self.index, self.count = [], {}, 0

    def add(self, xml_si):
        self.count += 1
        if xml_si not in self.index:
            self.index[xml_si] = len(self.items)
            self.items.append(xml_si)
        return self.index[xml_si]

    def plain(self, s):
        sp = ' xml:space="preserve"' if s != s.strip() else ""
        return self.add(f"<si><t{sp}>{escape(s)}</t></si>")

    def rich(self, parts):
        runs = "".join(f'<r>{RPR_B if bold else RPR}<t xml:space="preserve">{escape(t)}</t></r>' for t, bold in parts)
        return self.add(f"<si>{runs}</si>")

    def xml(self):
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{self.count}" '
                f'uniqueCount="{len(self.items)}">' + "".join(self.items) + "</sst>")


def colname(i):
    s = ""
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


STYLES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><fonts count="2" x14ac:knownFonts="1"><font><sz val="12"/><color theme="1"/><name val="Times New Roman"/><family val="2"/></font><font><b/><sz val="12"/><color theme="1"/><name val="Times New Roman"/><family val="1"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center"/></xf><xf numFmtId="14" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/><extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>'''

WORKBOOK = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="D:\\Noi vu\\2024\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{6C1D0A44-1B7E-4C55-9E0B-2A1F3C9D8E11}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720" xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews><sheets><sheet name="DS CB CC" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'DS CB CC'!$4:$5</definedName></definedNames><calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>'''


def main():
    rng = random.Random(505)
    units = ["Xã Tà Xùa", "Xã Bản Công", "Xã Xím Vàng"]
    people = make_people(rng, units)
    sst = SST()
    rows = {}  # r -> list of (col, xml)

    def s_cell(r, c, sidx, style=3):
        rows.setdefault(r, []).append((c, f'<c r="{colname(c)}{r}" s="{style}" t="s"><v>{sidx}</v></c>'))

    def blank(r, c, style):
        rows.setdefault(r, []).append((c, f'<c r="{colname(c)}{r}" s="{style}"/>'))

    NC = 12
    s_cell(1, 1, sst.plain("ỦY BAN NHÂN DÂN HUYỆN BẮC YÊN"), 1)
    s_cell(2, 1, sst.plain("DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ"), 1)
    s_cell(3, 1, sst.plain("  (Kèm theo Báo cáo số 125/BC-UBND ngày 31/12/2024 của UBND huyện) "), 1)
    for r in (1, 2, 3):
        for c in range(2, NC + 1):
            blank(r, c, 1)
    heads = {1: "STT", 2: "Họ và tên", 3: "Ngày, tháng, năm sinh", 4: "Giới tính", 5: "Dân tộc",
             6: "Ðảng viên", 7: "Chức vụ", 8: "Đơn vị", 9: "Trình độ", 12: " Xếp loại "}
    for c in range(1, NC + 1):
        if c in heads:
            s_cell(4, c, sst.plain(heads[c]), 2)
        else:
            blank(4, c, 2)
    for c in range(1, NC + 1):
        sub = {9: "Văn hóa", 10: "Chuyên môn", 11: "Lý luận chính trị"}
        if c in sub:
            s_cell(5, c, sst.plain(sub[c]), 2)
        else:
            blank(5, c, 2)
    merges = ["A1:L1", "A2:L2", "A3:L3", "I4:K4"] + [f"{colname(c)}4:{colname(c)}5" for c in (1, 2, 3, 4, 5, 6, 7, 8, 12)]
    r = 6
    prev_unit = None
    for i, p in enumerate(people):
        # STT formula with cached value
        rows.setdefault(r, []).append((1, f'<c r="A{r}" s="3"><f>ROW()-5</f><v>{r - 5}</v></c>'))
        k = i % 9
        parts = p["name"].split(" ")
        if k == 0:  # rich text: family name bold red, rest plain
            s_cell(r, 2, sst.rich([(parts[0] + " ", True), (" ".join(parts[1:]), False)]))
        elif k == 4:  # rich text split into three runs
            s_cell(r, 2, sst.rich([(parts[0], False), (" " + parts[1] + " ", False), (" ".join(parts[2:]), True)]))
        elif k == 2:
            s_cell(r, 2, sst.plain(" " + p["name"] + "  "))
        elif k == 6:
            s_cell(r, 2, sst.plain(nfd(p["name"])))
        else:
            s_cell(r, 2, sst.plain(p["name"]))
        st = 4 if i % 3 else 5
        rows[r].append((3, f'<c r="C{r}" s="{st}"><v>{serial1900(p["birth"])}</v></c>'))
        g = "Nữ" if p["gender"] == "nu" else "Nam"
        if i % 5 == 1:
            g = " " + g + " "
        elif i % 7 == 3:
            g = nfd(g)
        s_cell(r, 4, sst.plain(g))
        e = rng.choice(ETHN[p["ethn"]])
        s_cell(r, 5, sst.plain(nfd(e) if i % 4 == 0 else e))
        if p["party"]:
            s_cell(r, 6, sst.plain("x" if i % 6 else " x"))
        else:
            blank(r, 6, 3)
        s_cell(r, 7, sst.plain(pos_text(rng, p, "mixed")))
        if p["unit"] != prev_unit:
            s_cell(r, 8, sst.plain(p["unit"]))
        else:  # copied down with a formula, cached text
            rows[r].append((8, f'<c r="H{r}" s="3" t="str"><f>H{r - 1}</f><v>{escape(p["unit"])}</v></c>'))
        prev_unit = p["unit"]
        for c, tab, key in ((9, GDPT, "gdpt"), (10, PROF, "prof"), (11, LLCT, "llct"), (12, EVAL, "eval")):
            t = pick(rng, tab, p[key])
            if key == "prof" and t.startswith("Đ") and i % 4 == 1:
                t = "\u00d0" + t[1:]  # Ð typed for Đ
            if t:
                s_cell(r, c, sst.plain(t))
            else:
                blank(r, c, 3)
        r += 1
    last = r - 1
    blank(r, 1, 3)
    s_cell(r, 2, sst.plain("Tổng cộng"), 2)
    rows[r].append((3, f'<c r="C{r}" s="3"><f>COUNTA(B6:B{last})</f><v>{len(people)}</v></c>'))
    rows[r].append((6, f'<c r="F{r}" s="3"><f>COUNTIF(F6:F{last},"*x*")</f><v>{sum(p["party"] for p in people)}</v></c>'))
    r += 2
    s_cell(r, 2, sst.plain("Người lập biểu"), 1)
    s_cell(r, 9, sst.plain("TM. ỦY BAN NHÂN DÂN"), 1)
    s_cell(r + 1, 9, sst.plain("CHỦ TỊCH"), 1)
    s_cell(r + 4, 2, sst.plain("Lò Thị Biểu"), 1)
    s_cell(r + 4, 9, sst.plain("Cầm Văn Chủ"), 1)
    maxr = r + 4

    out = []
    for rr in sorted(rows):
        cells = sorted(rows[rr], key=lambda t: t[0])
        lo, hi = cells[0][0], cells[-1][0]
        ht = ' ht="31.5" customHeight="1"' if rr in (4, 5) else ""
        out.append(f'<row r="{rr}" spans="{lo}:{hi}"{ht} x14ac:dyDescent="0.25">' + "".join(x for _, x in cells) + "</row>")
    widths = [5.7, 24.3, 12.1, 8.4, 9.0, 8.0, 30.6, 16.0, 9.0, 16.0, 14.0, 28.0]
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
             f'<worksheet {NSDECL} xr:uid="{{A1B2C3D4-0000-4000-8000-00000000F505}}">'
             '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
             f'<dimension ref="A1:L{maxr}"/>'
             '<sheetViews><sheetView tabSelected="1" zoomScale="85" zoomScaleNormal="85" workbookViewId="0">'
             '<pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/>'
             '<selection pane="bottomLeft" activeCell="B6" sqref="B6"/></sheetView></sheetViews>'
             '<sheetFormatPr defaultRowHeight="15.75" x14ac:dyDescent="0.25"/>'
             f'<cols>{cols}</cols><sheetData>' + "".join(out) + '</sheetData>'
             f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + '</mergeCells>'
             '<pageMargins left="0.31" right="0.24" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>'
             '<pageSetup paperSize="9" scale="74" fitToHeight="0" orientation="landscape" r:id="rId1"/>'
             '</worksheet>')
    # skeleton from openpyxl, then replace parts
    wb = Workbook()
    wb.active.title = "DS CB CC"
    wb.active["A1"] = "x"
    buf = io.BytesIO()
    wb.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    sheet_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>')
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode("utf-8")
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
            elif item.filename == "xl/styles.xml":
                data = STYLES.encode("utf-8")
            elif item.filename == "xl/workbook.xml":
                data = WORKBOOK.encode("utf-8")
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"<Default Extension=\"xml\"", b"<Default Extension=\"bin\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings\"/><Default Extension=\"xml\"")
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            zout.writestr(item.filename, data)
        zout.writestr("xl/sharedStrings.xml", sst.xml().encode("utf-8"))
        zout.writestr("xl/worksheets/_rels/sheet1.xml.rels", sheet_rels)
        zout.writestr("xl/printerSettings/printerSettings1.bin", bytes(64))
    write_expected(OUT, expected(people, "F5 Excel-365-style XML (post-processed), formulas with cached values, rich text, NFD, Ð.",
                                 {"party", "ethn", "gdpt", "prof", "llct", "eval"}))


if __name__ == "__main__":
    main()
