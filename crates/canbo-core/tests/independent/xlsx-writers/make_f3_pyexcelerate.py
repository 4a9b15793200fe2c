"""F3: pyexcelerate; one header row at row 1, no title. Birth as a YEAR ONLY number ("Năm sinh"),
gender as x under a lone "Nữ" column, names in CAPITALS, explicit category column "Phân loại"
(Cán bộ / Công chức / Người hoạt động không chuyên trách), header abbreviations DT, GDPT, CMNV,
LLCT; abbreviated titles; 12 units incl. 3 KCT per unit."""
import random
from pyexcelerate import Workbook
from common import *

OUT = "f3-pyexcelerate.xlsx"
CAT_TXT = {"can_bo": "Cán bộ", "cong_chuc": "Công chức", "khong_chuyen_trach": "Người hoạt động không chuyên trách"}


def main():
    rng = random.Random(303)
    units = ["Xã Hồng Ca", "Xã Hưng Khánh", "Xã Lương Thịnh", "Xã Việt Cường", "Xã Minh Quán",
             "Xã Bảo Hưng", "Xã Văn Phú", "Thị trấn Cổ Phúc", "Xã Kiên Thành", "Xã Nga Quán",
             "Xã Việt Hồng", "Xã Quy Mông"]
    people = make_people(rng, units, kct_per_unit=3)
    rows = [["TT", "Họ tên", "Năm sinh", "Nữ", "DT", "Xã/phường/thị trấn", "Chức danh", "Phân loại",
             "Đảng viên", "GDPT", "CMNV", "LLCT", "Đánh giá"]]
    for i, p in enumerate(people, 1):
        rows.append([i, p["name"].upper(), p["birth"].year, "x" if p["gender"] == "nu" else None,
                     rng.choice(ETHN[p["ethn"]]), p["unit"], pos_text(rng, p, "mixed"), CAT_TXT[p["category"]],
                     rng.choice(["x", "X"]) if p["party"] else None,
                     pick(rng, GDPT, p["gdpt"]) or None, pick(rng, PROF, p["prof"]) or None,
                     pick(rng, LLCT, p["llct"]) or None, pick(rng, EVAL, p["eval"]) or None])
    wb = Workbook()
    wb.new_sheet("Danh sach", data=rows)
    wb.save(OUT)
    yo = {id(p) for p in people}
    write_expected(OUT, expected(people, "F3 pyexcelerate, year-only births, Nữ x column, explicit Phân loại.",
                                 {"party", "ethn", "gdpt", "prof", "llct", "eval"}, year_only=yo))


if __name__ == "__main__":
    main()
