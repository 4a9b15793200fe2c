"""F1: openpyxl default writer; shared strings, real Excel dates (dd/mm/yyyy), title rows,
one header row, unit column "Đơn vị", hidden noise column, footer."""
import random
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment
from common import *

OUT = "f1-openpyxl.xlsx"


def main():
    rng = random.Random(101)
    units = ["Xã Tả Phìn", "Xã Nậm Tăm", "Xã Pa Khóa", "Thị trấn Sìn Hồ", "Xã Lùng Thàng"]
    people = make_people(rng, units)
    people[7]["ethn"] = ""  # one blank ethnicity: present column, blank -> not a minority
    wb = Workbook()
    ws = wb.active
    ws.title = "DS CBCC"
    ws["A1"] = "UBND HUYỆN SÌN HỒ"
    ws["A2"] = "DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ"
    ws["A3"] = "(Tính đến ngày 31/12/2024)"
    for c in ("A1", "A2"):
        ws[c].font = Font(bold=True)
    hdr = ["STT", "Họ và tên", "Ngày, tháng, năm sinh", "Giới tính", "Số CCCD", "Dân tộc", "Tôn giáo",
           "Đơn vị", "Chức vụ", "Đảng viên", "Trình độ văn hóa", "Trình độ chuyên môn",
           "Lý luận chính trị", "Xếp loại năm 2024"]
    ws.append([])
    ws.append(hdr)  # row 5
    for cell in ws[5]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
    ws.column_dimensions["E"].hidden = True
    for i, p in enumerate(people, 1):
        row = [i, p["name"], p["birth"], "Nữ" if p["gender"] == "nu" else "Nam",
               "0" + str(rng.randint(10**10, 10**11 - 1)), ETHN[p["ethn"]][0] if p["ethn"] else None,
               rng.choice(["Không", "Không", None, "Phật giáo"]), p["unit"], pos_text(rng, p, "full"),
               "x" if p["party"] else None, pick(rng, GDPT, p["gdpt"]) or None,
               pick(rng, PROF, p["prof"]) or None, pick(rng, LLCT, p["llct"]) or None,
               pick(rng, EVAL, p["eval"]) or None]
        ws.append(row)
        ws.cell(row=ws.max_row, column=3).number_format = "dd/mm/yyyy"
        if i == 40:  # a blank row in the middle
            ws.append([])
    ws.append([])
    ws.append([None, "Người lập biểu", None, None, None, None, None, None, "TRƯỞNG PHÒNG NỘI VỤ"])
    ws.append([None, "Nguyễn Văn Lập", None, None, None, None, None, None, "Hoàng Thị Phòng"])
    wb.save(OUT)
    write_expected(OUT, expected(people, "F1 openpyxl default, real dates.", {"party", "ethn", "gdpt", "prof", "llct", "eval"}))
    return people


if __name__ == "__main__":
    main()
