"""F8: XlsxWriter (default: shared strings) with the 1904 date system (workbookPr date1904="1").
Birth dates and party-admission dates are real Excel dates (serials counted from 1904-01-01).
Party membership only through "Ngày vào Đảng" (a date means yes). Gender as "Nam/Nữ" column.
Has "Quản lý nhà nước" (CVC / Chuyên viên chính / CV / Chuyên viên / Cán sự) and a separate
"Chuyên ngành"; header "Họ và tên khai sinh", "Sinh ngày", "Chức vụ/chức danh"."""
import datetime as dt
import random
import xlsxwriter
from common import *

OUT = "f8-date1904.xlsx"


def main():
    rng = random.Random(808)
    units = ["Xã Nà Hẩu", "Xã Mỏ Vàng", "Xã Đại Sơn", "Xã Phong Dụ Hạ", "Xã Châu Quế Thượng",
             "Xã Lâm Giang", "Xã Xuân Tầm", "Thị trấn Mậu A", "Xã An Bình"]
    people = make_people(rng, units)
    wb = xlsxwriter.Workbook(OUT, {"date_1904": True})
    ws = wb.add_worksheet("CBCC")
    b = wb.add_format({"bold": True, "border": 1, "text_wrap": True, "align": "center"})
    dfmt = wb.add_format({"num_format": "dd/mm/yyyy", "border": 1})
    dfmt2 = wb.add_format({"num_format": "d/m/yyyy", "border": 1})
    ws.write(0, 0, "DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ HUYỆN VĂN YÊN")
    hdr = ["TT", "Họ và tên khai sinh", "Sinh ngày", "Nam/Nữ", "Dân tộc", "Đơn vị", "Chức vụ/chức danh",
           "Ngày vào Đảng", "Trình độ chuyên môn", "Chuyên ngành", "Quản lý nhà nước"]
    ws.write_row(2, 0, hdr, b)
    fields = {"dai_hoc": ["Luật", "Kế toán", "Nông học"], "thac_si": ["Quản lý kinh tế"],
              "cao_dang": ["Sư phạm"], "trung_cap": ["Kế toán", "Địa chính"], "so_cap": ["Quân sự"], "none": [""]}
    r = 3
    for i, p in enumerate(people, 1):
        ws.write_number(r, 0, i)
        ws.write_string(r, 1, p["name"])
        ws.write_datetime(r, 2, dt.datetime.combine(p["birth"], dt.time()), dfmt if i % 3 else dfmt2)
        ws.write_string(r, 3, "Nữ" if p["gender"] == "nu" else "Nam")
        ws.write_string(r, 4, rng.choice(ETHN[p["ethn"]]))
        ws.write_string(r, 5, p["unit"])
        ws.write_string(r, 6, pos_text(rng, p, "full"))
        if p["party_date"]:
            ws.write_datetime(r, 7, dt.datetime.combine(p["party_date"], dt.time()), dfmt)
        prof_plain = {"dai_hoc": ["Đại học", "ĐH", "Cử nhân"], "thac_si": ["Thạc sĩ", "ThS"],
                      "cao_dang": ["Cao đẳng", "CĐ"], "trung_cap": ["Trung cấp", "TC"], "so_cap": ["Sơ cấp"],
                      "none": ["", "Chưa qua đào tạo"]}
        t = rng.choice(prof_plain[p["prof"]])
        if t:
            ws.write_string(r, 8, t)
        f = rng.choice(fields[p["prof"]])
        if f:
            ws.write_string(r, 9, f)
        q = pick(rng, QLNN, p["qlnn"])
        if q:
            ws.write_string(r, 10, q)
        r += 1
    wb.close()
    write_expected(OUT, expected(people, "F8 XlsxWriter, 1904 date system, party via Ngày vào Đảng dates, QLNN column.",
                                 {"party", "ethn", "prof", "qlnn"}))


if __name__ == "__main__":
    main()
