"""F4: pandas.DataFrame.to_excel (engine xlsxwriter, shared strings) for the body, header=False,
index=False, startrow=6; the three-row header is written by hand above it with merges:
"Trình độ chuyên môn" over ĐH | CĐ | TC | SC and "Lý luận chính trị" over Cao cấp | Trung cấp |
Sơ cấp (x marks), then a "(1) (2) ..." number row. Birth dates are pandas datetimes (real
Excel dates)."""
import random
import pandas as pd
from common import *

OUT = "f4-pandas.xlsx"


def main():
    rng = random.Random(404)
    units = ["Xã Na Ngoi", "Xã Mường Lống", "Xã Keng Đu", "Xã Bắc Lý", "Xã Tà Cạ", "Xã Huồi Tụ", "Thị trấn Mường Xén"]
    people = make_people(rng, units, prof_levels=["dai_hoc"] * 5 + ["cao_dang", "trung_cap", "trung_cap", "so_cap", "none"])
    recs = []
    for i, p in enumerate(people, 1):
        recs.append({
            "stt": i, "name": p["name"], "birth": pd.Timestamp(p["birth"]),
            "gt": "Nữ" if p["gender"] == "nu" else "Nam", "dt": rng.choice(ETHN[p["ethn"]]),
            "unit": p["unit"], "pos": pos_text(rng, p, "mixed"), "dv": "x" if p["party"] else None,
            "dh": "x" if p["prof"] == "dai_hoc" else None, "cd": "x" if p["prof"] == "cao_dang" else None,
            "tc": "x" if p["prof"] == "trung_cap" else None, "sc": "x" if p["prof"] == "so_cap" else None,
            "cc": "x" if p["llct"] == "cao_cap" else None, "tcl": "x" if p["llct"] == "trung_cap" else None,
            "scl": "x" if p["llct"] == "so_cap" else None,
        })
    df = pd.DataFrame(recs)
    with pd.ExcelWriter(OUT, engine="xlsxwriter", datetime_format="dd/mm/yyyy", date_format="dd/mm/yyyy") as xw:
        df.to_excel(xw, sheet_name="CBCC 2024", startrow=6, header=False, index=False)
        wb = xw.book
        ws = xw.sheets["CBCC 2024"]
        b = wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "border": 1, "text_wrap": True})
        ws.write(0, 0, "UBND HUYỆN TƯƠNG DƯƠNG")
        ws.write(1, 0, "THỐNG KÊ CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC CẤP XÃ")
        # header rows 4..5 (0-based 3,4); number row 6 (0-based 5)
        single = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Đơn vị", "Chức vụ", "Đảng viên"]
        for col, t in enumerate(single):
            ws.merge_range(3, col, 4, col, t, b)
        ws.merge_range(3, 8, 3, 11, "Trình độ chuyên môn", b)
        for k, t in enumerate(["ĐH", "CĐ", "TC", "SC"]):
            ws.write(4, 8 + k, t, b)
        ws.merge_range(3, 12, 3, 14, "Lý luận chính trị", b)
        for k, t in enumerate(["Cao cấp", "Trung cấp", "Sơ cấp"]):
            ws.write(4, 12 + k, t, b)
        for col in range(15):
            ws.write(5, col, f"({col + 1})", b)
        last = 6 + len(people)
        ws.write(last + 1, 1, "Người lập biểu")
        ws.write(last + 1, 9, "TRƯỞNG PHÒNG NỘI VỤ")
    write_expected(OUT, expected(people, "F4 pandas+xlsxwriter body, hand-written 2-row merged header, x-mark levels.",
                                 {"party", "ethn", "prof", "llct"}))


if __name__ == "__main__":
    main()
