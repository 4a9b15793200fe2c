"""F2: XlsxWriter constant_memory=True (inline strings <is><t>), government layout:
title rows, two merged header rows ("Ngày, tháng, năm sinh" over Nam | Nữ, "Trình độ" over
VH | CM | LLCT), column-number row 1 2 3 ..., group rows "I | Xã ...", "Cộng" rows, "TỔNG CỘNG",
footer. Birth dates are TEXT (dd/mm/yyyy, d-m-yyyy, dd.mm.yyyy) in the Nam or Nữ column.
Titles abbreviated."""
import random
import xlsxwriter
from common import *

OUT = "f2-xlsxwriter-constmem.xlsx"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def main():
    rng = random.Random(202)
    units = ["Xã Chiềng Khoa", "Xã Mường Men", "Xã Tân Xuân", "Xã Xuân Nha"]
    people = make_people(rng, units)
    wb = xlsxwriter.Workbook(OUT, {"constant_memory": True})
    ws = wb.add_worksheet("Sheet1")
    b = wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "border": 1, "text_wrap": True})
    c = wb.add_format({"border": 1})
    ws.write_string(0, 0, "UBND HUYỆN VÂN HỒ")
    ws.write_string(1, 0, "DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2024")
    # header rows 4 and 5 (0-based 3,4)
    top = {0: "STT", 1: "Họ và tên", 2: "Ngày, tháng, năm sinh", 4: "Chức danh", 5: "Dân tộc",
           6: "Đảng viên", 7: "Trình độ", 10: "Ghi chú"}
    for col, t in top.items():
        ws.write_string(3, col, t, b)
    ws.merge_range(3, 2, 3, 3, "Ngày, tháng, năm sinh", b)
    ws.merge_range(3, 7, 3, 9, "Trình độ", b)
    # vertical merges: in constant_memory mode merge_range() refuses once row 5 was touched, so
    # write the formatted blanks of row 5 ourselves and register the ranges directly.
    for col in (0, 1, 4, 5, 6, 10):
        ws.merge.append([3, col, 4, col])
    sub = {2: "Nam", 3: "Nữ", 7: "VH", 8: "CM", 9: "LLCT"}
    for col in range(11):
        if col in sub:
            ws.write_string(4, col, sub[col], b)
        else:
            ws.write_blank(4, col, None, b)
    for col in range(11):
        ws.write_number(5, col, col + 1, b)
    r = 6
    stt = 0
    for ui, u in enumerate(units):
        ws.write_string(r, 0, ROMAN[ui], b)
        ws.write_string(r, 1, u.upper() if ui % 2 else u, b)
        r += 1
        members = [p for p in people if p["unit"] == u]
        for p in members:
            stt += 1
            fmt = rng.choice(["/", "-", "."])
            d = p["birth"]
            txt = ddmmyyyy(d, fmt) if fmt != "-" else f"{d.day}-{d.month}-{d.year}"
            ws.write_number(r, 0, stt, c)
            ws.write_string(r, 1, p["name"], c)
            ws.write_string(r, 2 if p["gender"] == "nam" else 3, txt, c)
            ws.write_string(r, 4, pos_text(rng, p, "abbr"), c)
            ws.write_string(r, 5, rng.choice(ETHN[p["ethn"]]), c)
            if p["party"]:
                ws.write_string(r, 6, "x", c)
            for col, tab, key in ((7, GDPT, "gdpt"), (8, PROF, "prof"), (9, LLCT, "llct")):
                t = pick(rng, tab, p[key])
                if t:
                    ws.write_string(r, col, t, c)
            r += 1
        ws.write_string(r, 1, "Cộng", b)
        ws.write_number(r, 6, sum(p["party"] for p in members), b)
        r += 1
    ws.write_string(r, 1, "TỔNG CỘNG", b)
    ws.write_number(r, 6, sum(p["party"] for p in people), b)
    r += 2
    ws.write_string(r, 1, "Người lập biểu")
    ws.write_string(r, 7, "CHỦ TỊCH UBND HUYỆN")
    ws.write_string(r + 3, 7, "Đinh Công Ký")
    wb.close()
    write_expected(OUT, expected(people, "F2 XlsxWriter constant_memory, inline strings, split Nam/Nữ text dates, group rows.",
                                 {"party", "ethn", "gdpt", "prof", "llct"}))


if __name__ == "__main__":
    main()
