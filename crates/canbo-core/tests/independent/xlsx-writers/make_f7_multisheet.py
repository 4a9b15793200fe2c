"""F7: openpyxl write_only=True (streamed), one sheet per commune named after the unit (no unit
column), and a HIDDEN lookup sheet "DM" (lists of Dân tộc / Chức danh / Trình độ / Giới tính /
Xếp loại used for data validation) placed between the roster sheets; it holds no people.
Each roster sheet: title row, blank row, header row 3. Dates as text "dd-mm-yyyy" or
"d.m.yyyy"; gender lower-case "nam"/"nữ"; evaluation column "Kết quả đánh giá"."""
import random
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from common import *

OUT = "f7-multisheet.xlsx"


def main():
    rng = random.Random(707)
    units = ["Xã Pắc Ta", "Xã Tà Mít", "Thị trấn Tân Uyên"]
    people = make_people(rng, units)
    wb = Workbook(write_only=True)
    hdr = ["STT", "Họ và tên", "Ngày tháng năm sinh", "Giới tính", "Dân tộc", "Chức vụ", "Đảng viên",
           "Trình độ chuyên môn", "Lý luận chính trị", "Kết quả đánh giá"]
    for ui, u in enumerate(units):
        ws = wb.create_sheet(u)
        ws.append([f"DANH SÁCH CÁN BỘ, CÔNG CHỨC {u.upper()}"])
        ws.append([])
        ws.append(hdr)
        members = [p for p in people if p["unit"] == u]
        for i, p in enumerate(members, 1):
            d = p["birth"]
            dtxt = f"{d.day:02d}-{d.month:02d}-{d.year}" if i % 2 else f"{d.day}.{d.month}.{d.year}"
            ws.append([i, p["name"], dtxt, "nữ" if p["gender"] == "nu" else "nam", rng.choice(ETHN[p["ethn"]]),
                       pos_text(rng, p, "mixed"), "x" if p["party"] else None,
                       pick(rng, PROF, p["prof"]) or None, pick(rng, LLCT, p["llct"]) or None,
                       pick(rng, EVAL, p["eval"]) or None])
        dv = DataValidation(type="list", formula1="DM!$A$2:$A$10", allow_blank=True)
        dv.add(f"E4:E{3 + len(members)}")
        ws.data_validations.dataValidation.append(dv)
        if ui == 0:  # hidden lookup sheet between roster sheets
            dm = wb.create_sheet("DM")
            dm.sheet_state = "hidden"
            cols = [["Dân tộc", "Kinh", "Tày", "Nùng", "Thái", "Mông", "Dao", "Khơ Mú", "Giáy", "Lự"],
                    ["Chức danh"] + [POS_FULL[c][0] for c in CAN_BO + CONG_CHUC],
                    ["Trình độ", "Thạc sĩ", "Đại học", "Cao đẳng", "Trung cấp", "Sơ cấp"],
                    ["Giới tính", "nam", "nữ"],
                    ["Xếp loại", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
                     "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"],
                    ["Đảng viên", "x"]]
            n = max(len(c) for c in cols)
            for r in range(n):
                dm.append([c[r] if r < len(c) else None for c in cols])
    wb.save(OUT)
    write_expected(OUT, expected(people, "F7 openpyxl write_only, one sheet per commune + hidden lookup sheet DM.",
                                 {"party", "ethn", "prof", "llct", "eval"}))


if __name__ == "__main__":
    main()
