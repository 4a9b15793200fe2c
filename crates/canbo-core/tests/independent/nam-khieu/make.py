#!/usr/bin/env python3
"""Held-out test rosters: one fictional district (huyện Nậm Khiêu), the same people
written into 10 files, each typed the way a different Phòng Nội vụ would type it.

Run:  python3 make.py        (needs openpyxl, xlwt, odfpy from PyPI)

Every FILE gets FILE.expected.json, counted from the PEOPLE list below (never by reading
the files back).  Report date 2025-12-31, age bands 30,46,61.
"""
import csv
import datetime as dt
import io
import json
import os
import random
import unicodedata

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell, TableColumn, CoveredTableCell
from odf.text import P

SEED = 20241231
AS_OF = dt.date(2025, 12, 31)
BANDS = [30, 46, 61]
OUT = os.path.dirname(os.path.abspath(__file__))
DISTRICT = "Nậm Khiêu"
ROSTER_DATE = "31/12/2024"

rng = random.Random(SEED)

# --------------------------------------------------------------------------- units
UNITS = [
    ("Thị trấn Nậm Khiêu", "tt", {"Kinh": 50, "Thái": 35, "Tày": 10, "Mường": 5}),
    ("Xã Pa Thơm", "xa", {"Thái": 60, "Khơ Mú": 25, "Kinh": 15}),
    ("Xã Huổi Lếch", "xa", {"Mông": 55, "Thái": 30, "Kinh": 15}),
    ("Xã Tà Sìn Thàng", "xa", {"Mông": 70, "Dao": 15, "Kinh": 15}),
    ("Xã Bản Phướng", "xa", {"Thái": 70, "Kinh": 20, "Khơ Mú": 10}),
    ("Xã Mường Đăng", "xa", {"Thái": 55, "Mường": 15, "Kinh": 30}),
    ("Xã Nà Khương", "xa", {"Tày": 50, "Dao": 25, "Kinh": 25}),
    ("Xã Phìn Hồ", "xa", {"Dao": 50, "Mông": 30, "Kinh": 20}),
    ("Xã Chiềng Sại", "xa", {"Thái": 65, "Kinh": 25, "Khơ Mú": 10}),
    ("Xã Đông Lũng", "xa", {"Tày": 45, "Kinh": 40, "Dao": 15}),
    ("Xã Quảng Tiến", "xa", {"Kinh": 85, "Mường": 10, "Tày": 5}),
    ("Xã Sín Chải", "xa", {"Mông": 80, "Dao": 10, "Kinh": 10}),
]


def unit_short(u):          # "Nậm Khiêu" / "Pa Thơm"
    n = UNITS[u][0]
    return n.split(" ", 2)[2] if n.startswith("Thị trấn") else n.split(" ", 1)[1]


def unit_kind_word(u):
    return "thị trấn" if UNITS[u][1] == "tt" else "xã"


# --------------------------------------------------------------------------- posts
# code: (category, full title, abbreviated title)
POSTS = {
    "BT":       ("can_bo", "Bí thư Đảng ủy", "BT ĐU"),
    "PBT":      ("can_bo", "Phó Bí thư Đảng ủy", "PBT ĐU"),
    "CT_HDND":  ("can_bo", "Chủ tịch HĐND", "CT HĐND"),
    "PCT_HDND": ("can_bo", "Phó Chủ tịch HĐND", "PCT HĐND"),
    "CT_UBND":  ("can_bo", "Chủ tịch UBND", "CT UBND"),
    "PCT_UBND": ("can_bo", "Phó Chủ tịch UBND", "PCT UBND"),
    "CT_MTTQ":  ("can_bo", "Chủ tịch Ủy ban MTTQ", "CT UBMTTQ"),
    "BT_DOAN":  ("can_bo", "Bí thư Đoàn TNCS Hồ Chí Minh", "BT Đoàn TN"),
    "CT_PN":    ("can_bo", "Chủ tịch Hội Liên hiệp Phụ nữ", "CT HPN"),
    "CT_ND":    ("can_bo", "Chủ tịch Hội Nông dân", "CT HND"),
    "CT_CCB":   ("can_bo", "Chủ tịch Hội Cựu chiến binh", "CT HCCB"),
    "CHT_QS":   ("cong_chuc", "Chỉ huy trưởng Quân sự", "CHT QS"),
    "VP_TK":    ("cong_chuc", "Công chức Văn phòng - Thống kê", "VP-TK"),
    "DC_XD":    ("cong_chuc", None, None),   # depends on xã / thị trấn
    "TC_KT":    ("cong_chuc", "Công chức Tài chính - Kế toán", "TC-KT"),
    "TP_HT":    ("cong_chuc", "Công chức Tư pháp - Hộ tịch", "TP-HT"),
    "VH_XH":    ("cong_chuc", "Công chức Văn hóa - Xã hội", "VH-XH"),
    "PCT_MTTQ": ("khong_chuyen_trach", "Phó Chủ tịch Ủy ban MTTQ", "PCT UBMTTQ"),
    "PBT_DOAN": ("khong_chuyen_trach", "Phó Bí thư Đoàn TNCS Hồ Chí Minh", "PBT Đoàn TN"),
    "PCT_PN":   ("khong_chuyen_trach", "Phó Chủ tịch Hội Liên hiệp Phụ nữ", "PCT HPN"),
    "PCT_ND":   ("khong_chuyen_trach", "Phó Chủ tịch Hội Nông dân", "PCT HND"),
    "PCT_CCB":  ("khong_chuyen_trach", "Phó Chủ tịch Hội Cựu chiến binh", "PCT HCCB"),
    "VP_DU":    ("khong_chuyen_trach", "Văn phòng Đảng ủy", "VP Đảng ủy"),
    "CT_NCT":   ("khong_chuyen_trach", "Chủ tịch Hội Người cao tuổi", "CT Hội NCT"),
}
DC_FULL = {"xa": "Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường",
           "tt": "Công chức Địa chính - Xây dựng - Đô thị và Môi trường"}
DC_ABBR = {"xa": "ĐC-NN-XD-MT", "tt": "ĐC-XD"}

# other spellings, one dict per style
T_GLUED = {  # .xls office: glued acronyms
    "BT": "BTĐU", "PBT": "PBTĐU", "CT_HDND": "CTHĐND", "PCT_HDND": "PCTHĐND",
    "CT_UBND": "CTUBND", "PCT_UBND": "PCTUBND", "CT_MTTQ": "CT UBMTTQ", "BT_DOAN": "Bí thư ĐTN",
    "CT_PN": "CT HLHPN", "CT_ND": "CT HND", "CT_CCB": "CT HCCB", "CHT_QS": "CHTQS",
    "VP_TK": "CC VP-TK", "DC_XD": "CC ĐC-XD", "TC_KT": "CC TC-KT", "TP_HT": "CC TP-HT",
    "VH_XH": "CC VH-XH", "PCT_MTTQ": "PCT UBMTTQ", "PBT_DOAN": "Phó BT ĐTN",
    "PCT_PN": "PCT HLHPN", "PCT_ND": "PCT HND", "PCT_CCB": "PCT HCCB", "VP_DU": "VP Đảng ủy",
    "CT_NCT": "CT Hội NCT",
}
T_DOTTED = {  # UTF-8 csv office: dotted short forms
    "BT": "BT.ĐU", "PBT": "P.BT ĐU", "CT_HDND": "CT.HĐND", "PCT_HDND": "P.CT HĐND",
    "CT_UBND": "CT.UBND", "PCT_UBND": "P.CT UBND", "CT_MTTQ": "CT.UBMTTQVN",
    "BT_DOAN": "BT.Đoàn TNCS HCM", "CT_PN": "CT.Hội LHPN", "CT_ND": "CT.Hội ND",
    "CT_CCB": "CT.Hội CCB", "CHT_QS": "CHT.BCH QS", "VP_TK": "CC.Văn phòng-TK",
    "DC_XD": "CC.Địa chính-XD", "TC_KT": "CC.Tài chính-KT", "TP_HT": "CC.Tư pháp-HT",
    "VH_XH": "CC.Văn hóa-XH", "PCT_MTTQ": "P.CT UBMTTQVN", "PBT_DOAN": "P.BT Đoàn TN",
    "PCT_PN": "P.CT Hội LHPN", "PCT_ND": "P.CT Hội ND", "PCT_CCB": "P.CT Hội CCB",
    "VP_DU": "Văn phòng ĐU", "CT_NCT": "CT.Hội NCT",
}
T_SEMI = {  # cp1258 csv office: half words
    "BT": "Bí thư ĐU", "PBT": "Phó BT ĐU", "CT_HDND": "CT HĐND", "PCT_HDND": "Phó CT HĐND",
    "CT_UBND": "CT UBND", "PCT_UBND": "Phó CT UBND", "CT_MTTQ": "CT MTTQ",
    "BT_DOAN": "Bí thư Đoàn", "CT_PN": "CT Phụ nữ", "CT_ND": "CT Nông dân",
    "CT_CCB": "CT Cựu chiến binh", "CHT_QS": "CHT Quân sự", "VP_TK": "Văn phòng - TK",
    "DC_XD": "Địa chính - XD", "TC_KT": "Tài chính - KT", "TP_HT": "Tư pháp - HT",
    "VH_XH": "Văn hóa - XH", "PCT_MTTQ": "Phó CT MTTQ", "PBT_DOAN": "Phó Bí thư Đoàn",
    "PCT_PN": "Phó CT Phụ nữ", "PCT_ND": "Phó CT Nông dân", "PCT_CCB": "Phó CT Cựu chiến binh",
    "VP_DU": "VP Đảng ủy", "CT_NCT": "CT Người cao tuổi",
}
T_MIX = {  # Ð-office: mixed
    "BT": "Bí thư Đảng ủy", "PBT": "Phó Bí thư TT Đảng ủy", "CT_HDND": "Chủ tịch HĐND",
    "PCT_HDND": "PCT HĐND", "CT_UBND": "Chủ tịch UBND", "PCT_UBND": "PCT UBND",
    "CT_MTTQ": "Chủ tịch UB MTTQ VN", "BT_DOAN": "Bí thư Đoàn xã", "CT_PN": "Chủ tịch Hội PN",
    "CT_ND": "Chủ tịch Hội ND", "CT_CCB": "Chủ tịch Hội CCB", "CHT_QS": "Chỉ huy trưởng BCHQS",
    "VP_TK": "Văn phòng - Thống kê", "DC_XD": "Địa chính - Xây dựng", "TC_KT": "Kế toán",
    "TP_HT": "Tư pháp - Hộ tịch", "VH_XH": "Văn hóa - Xã hội", "PCT_MTTQ": "PCT UB MTTQ VN",
    "PBT_DOAN": "Phó Bí thư Đoàn xã", "PCT_PN": "Phó Chủ tịch Hội PN",
    "PCT_ND": "Phó Chủ tịch Hội ND", "PCT_CCB": "Phó Chủ tịch Hội CCB", "VP_DU": "Văn phòng Đảng ủy",
    "CT_NCT": "Chủ tịch Hội Người cao tuổi",
}


def title_full(p, u):
    out = []
    for c in p["posts"]:
        out.append(DC_FULL[UNITS[u][1]] if c == "DC_XD" else POSTS[c][1])
    return out


def title_abbr(p, u):
    return [DC_ABBR[UNITS[u][1]] if c == "DC_XD" else POSTS[c][2] for c in p["posts"]]


def title_table(tab):
    return lambda p, u: [tab[c] for c in p["posts"]]


def title_unitword(p, u):
    """'Chủ tịch UBND xã', 'Bí thư Đảng ủy thị trấn' ... (file 10)."""
    w = unit_kind_word(u)
    m = {
        "BT": f"Bí thư Đảng ủy {w}", "PBT": f"Phó Bí thư Đảng ủy {w}",
        "CT_HDND": f"Chủ tịch HĐND {w}", "PCT_HDND": f"Phó Chủ tịch HĐND {w}",
        "CT_UBND": f"Chủ tịch UBND {w}", "PCT_UBND": f"Phó Chủ tịch UBND {w}",
        "CT_MTTQ": "Chủ tịch UBMTTQ Việt Nam", "BT_DOAN": "Bí thư Đoàn Thanh niên",
        "CT_PN": "Chủ tịch Hội Phụ nữ", "CT_ND": "Chủ tịch Hội Nông dân",
        "CT_CCB": "Chủ tịch Hội Cựu chiến binh", "CHT_QS": f"Chỉ huy trưởng Ban CHQS {w}",
        "VP_TK": "Văn phòng - Thống kê",
        "DC_XD": "Địa chính - Xây dựng - Đô thị và MT" if UNITS[u][1] == "tt"
                 else "Địa chính - NN - XD và MT",
        "TC_KT": "Tài chính - Kế toán", "TP_HT": "Tư pháp - Hộ tịch", "VH_XH": "Văn hóa - Xã hội",
        "PCT_MTTQ": "Phó Chủ tịch UBMTTQ Việt Nam", "PBT_DOAN": "Phó Bí thư Đoàn Thanh niên",
        "PCT_PN": "Phó Chủ tịch Hội Phụ nữ", "PCT_ND": "Phó Chủ tịch Hội Nông dân",
        "PCT_CCB": "Phó Chủ tịch Hội Cựu chiến binh", "VP_DU": "Văn phòng Đảng ủy",
        "CT_NCT": "Chủ tịch Hội Người cao tuổi",
    }
    return [m[c] for c in p["posts"]]


# --------------------------------------------------------------------------- names
NAMES = {
    "Kinh": (["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Đinh", "Trịnh"],
             ["Văn", "Đức", "Mạnh", "Quang", "Xuân", "Ngọc", "Minh", "Hữu"],
             ["Thị", "Thị", "Thu", "Thị Thu", "Thị Minh", "Thanh"],
             ["Hùng", "Dũng", "Tuấn", "Thắng", "Cường", "Hải", "Long", "Sơn", "Tiến", "Quyết", "Hưng",
              "Khánh", "Đạt", "Trường", "Nghĩa", "Toản", "Bình", "Phong"],
             ["Hương", "Lan", "Hoa", "Huyền", "Thủy", "Nga", "Hằng", "Phượng", "Yến", "Ngọc", "Trang",
              "Thảo", "Oanh", "Dung", "Liên", "Hà"]),
    "Thái": (["Lò", "Lường", "Quàng", "Cà", "Tòng", "Lềm", "Vì", "Điêu", "Hà", "Lù"],
             ["Văn"], ["Thị"],
             ["Xôm", "Thiết", "Ơn", "Piệng", "Thanh", "Chung", "Ngoan", "Khương", "Sinh", "Pánh", "Hặc",
              "Inh", "Phong", "Tiến", "Xuân"],
             ["Ban", "Ín", "Xuân", "Phiêng", "Hương", "Bun", "Thoa", "Mai", "Xiêng", "Hạnh", "Lả", "Ỏm"]),
    "Mông": (["Giàng", "Vàng", "Thào", "Sùng", "Lầu", "Mùa", "Hờ", "Lý", "Sình", "Chá"],
             ["A", "A", "Seo", "Chống"], ["Thị"],
             ["Páo", "Chứ", "Lử", "Dếnh", "Tủa", "Sính", "Pó", "Chả", "Vảng", "Dình", "Nhè", "Súa"],
             ["Mỷ", "Dính", "Chía", "Pàng", "Xúa", "Sua", "Mai", "Say", "Dợ", "Ly"]),
    "Dao":  (["Triệu", "Bàn", "Lý", "Đặng", "Chảo", "Phùng"],
             ["Văn", "Tà", "Láo"], ["Thị", "Mùi"],
             ["Kiều", "Sành", "Quý", "Lở", "Chàn", "Phin", "Tiến", "Sơn"],
             ["Mai", "Liên", "Sói", "Lai", "Dung", "Xuân"]),
    "Tày":  (["Hoàng", "Nông", "Ma", "Hà", "La", "Lương"],
             ["Văn", "Đình"], ["Thị"],
             ["Toàn", "Thạch", "Kiên", "Đoàn", "Tuyến", "Lực", "Quân"],
             ["Lan", "Nhung", "Thắm", "Duyên", "Hiền", "Thơm"]),
    "Khơ Mú": (["Lò", "Vi", "Quàng", "Lù", "Cụt"],
               ["Văn"], ["Thị"],
               ["Ón", "Bun", "Lả", "Kịa", "Sương", "Hom"],
               ["Ỏn", "Nhiên", "Khay", "Pọm", "Sinh"]),
    "Mường": (["Đinh", "Bùi", "Quách", "Hà", "Xa"],
              ["Văn", "Công"], ["Thị"],
              ["Thành", "Lợi", "Khải", "Mạnh", "Thuấn"],
              ["Nhàn", "Lụa", "Mến", "Chiêm"]),
}
used_names = set()


def make_name(eth, g):
    sur, mm, fm, gm, gf = NAMES[eth]
    for _ in range(200):
        n = " ".join([rng.choice(sur), rng.choice(mm if g == "nam" else fm),
                      rng.choice(gm if g == "nam" else gf)])
        if n not in used_names:
            used_names.add(n)
            return n
    raise RuntimeError("names exhausted")


def wchoice(d):
    ks = list(d)
    return rng.choices(ks, weights=[d[k] for k in ks])[0]


# --------------------------------------------------------------------------- people
FIELDS_CB = ["Luật", "Kinh tế nông nghiệp", "Quản lý nhà nước", "Chính trị học", "Sư phạm Tiểu học",
             "Nông học", "Lâm sinh", "Quản lý kinh tế", "Xây dựng Đảng và CQNN"]
FIELDS_POST = {
    "VP_TK": ["Quản trị văn phòng", "Luật", "Hành chính học"],
    "DC_XD": ["Quản lý đất đai", "Địa chính", "Kỹ thuật xây dựng"],
    "TC_KT": ["Kế toán", "Tài chính - Ngân hàng", "Kế toán doanh nghiệp"],
    "TP_HT": ["Luật"],
    "VH_XH": ["Quản lý văn hóa", "Công tác xã hội", "Văn hóa học"],
    "CHT_QS": ["Quân sự cơ sở"],
}
FIELDS_KCT = ["Thú y", "Kế toán", "Văn thư lưu trữ", "Nông nghiệp", "Trồng trọt"]
ENGINEER_FIELDS = {"Nông học", "Lâm sinh", "Quản lý đất đai", "Kỹ thuật xây dựng", "Nông nghiệp", "Trồng trọt"}


def make_posts(u):
    a = rng.random() < 0.5           # BT kiêm CT HĐND
    b = rng.random() < 0.25          # PBT kiêm CT UBND
    c = (not a) and rng.random() < 0.5   # PBT kiêm CT HĐND
    if b and c:
        c = False
    L = [["BT", "CT_HDND"] if a else ["BT"]]
    L.append(["PBT", "CT_UBND"] if b else (["PBT", "CT_HDND"] if c else ["PBT"]))
    if not a and not c:
        L.append(["CT_HDND"])
    L.append(["PCT_HDND"])
    if not b:
        L.append(["CT_UBND"])
    L += [["PCT_UBND"]] * (2 if rng.random() < 0.5 else 1)
    L += [["CT_MTTQ"], ["BT_DOAN"], ["CT_PN"], ["CT_ND"]]
    L.append(["CT_CCB", "PCT_MTTQ"] if u == 4 else ["CT_CCB"])   # cross-category compound
    L.append(["CHT_QS"])
    L += [["VP_TK"]] * 2
    L += [["DC_XD"]] * (2 if rng.random() < 0.6 else 1)
    L += [["TC_KT"]] * (2 if rng.random() < 0.3 else 1)
    L += [["TP_HT"]] * (2 if rng.random() < 0.6 else 1)
    L += [["VH_XH"]] * (2 if rng.random() < 0.6 else 1)
    kct_pool = ["PCT_MTTQ", "PBT_DOAN", "PCT_PN", "PCT_ND", "PCT_CCB"]
    k = rng.sample(kct_pool, rng.randint(0, 2))
    if u == 4:
        k = [x for x in k if x != "PCT_MTTQ"]
    L += [[x] for x in k]
    if u in (2, 6, 10):
        L.append(["VP_DU"])
    if u == 5:
        L.append(["CT_NCT"])
    if u == 8:
        L.append(["PCT_MTTQ", "CT_NCT"])
    return [list(x) for x in L]


def make_person(u, posts):
    first = posts[0]
    cat = POSTS[first][0]
    p = {"unit": u, "posts": posts, "cat": cat}
    if first in ("CT_PN", "PCT_PN"):
        g = "nu"
    elif first in ("CHT_QS", "CT_CCB", "PCT_CCB"):
        g = "nam"
    else:
        g = "nu" if rng.random() < {"VH_XH": .55, "TC_KT": .6, "VP_TK": .5, "TP_HT": .4,
                                     "BT_DOAN": .4, "VP_DU": .6}.get(first, .22) else "nam"
    p["gender"] = g
    p["eth"] = wchoice(UNITS[u][2])
    p["name"] = make_name(p["eth"], g)
    lo, hi = {"BT": (42, 58), "PBT": (38, 56), "CT_HDND": (40, 58), "CT_UBND": (36, 55),
              "PCT_HDND": (35, 56), "PCT_UBND": (32, 52), "BT_DOAN": (26, 32), "PBT_DOAN": (25, 30),
              "CT_CCB": (52, 62), "PCT_CCB": (50, 60), "CT_NCT": (64, 72), "CT_ND": (40, 59),
              "CT_MTTQ": (42, 59), "CT_PN": (33, 54)}.get(first, (27, 52) if cat == "cong_chuc" else (30, 57))
    age = rng.randint(lo, hi)
    y = AS_OF.year - age
    p["birth"] = dt.date(y, rng.randint(1, 12), rng.randint(1, 28))
    p["year_only"] = False
    p["rel"] = ("Tin lành" if p["eth"] == "Mông" and rng.random() < .25 else
                "Phật giáo" if p["eth"] == "Kinh" and rng.random() < .1 else "Không")
    # general education
    old = y <= 1972
    r = rng.random()
    thcs_p = 0.25 if cat == "khong_chuyen_trach" or first == "CT_CCB" else 0.03 if cat == "can_bo" else 0.0
    if r < thcs_p:
        p["ge"] = "7/10" if old else "9/12"
    elif r < thcs_p + (0.12 if p["eth"] != "Kinh" else 0.04):
        p["ge"] = "10/10" if old else "12/12BT"
    else:
        p["ge"] = "10/10" if old else "12/12"
    # professional
    if cat == "can_bo":
        lv = wchoice({"thac_si": 3, "dai_hoc": 60, "cao_dang": 5, "trung_cap": 25, "so_cap": 2, "none": 5})
        field = rng.choice(FIELDS_CB)
    elif cat == "cong_chuc":
        lv = wchoice({"thac_si": 2, "dai_hoc": 72, "cao_dang": 8, "trung_cap": 18})
        field = rng.choice(FIELDS_POST[first])
    else:
        lv = wchoice({"dai_hoc": 20, "cao_dang": 10, "trung_cap": 40, "so_cap": 10, "none": 20})
        field = rng.choice(FIELDS_KCT)
    if lv == "thac_si":
        field = rng.choice(["Quản lý kinh tế", "Quản lý công", "Luật kinh tế"])
    if lv == "so_cap" and cat != "khong_chuyen_trach":
        field = "Thú y"
    p["prof"] = lv
    p["field"] = None if lv == "none" else field
    # political theory
    if first in ("BT", "PBT", "CT_UBND", "CT_HDND"):
        p["llct"] = wchoice({"cao_cap": 15, "cu_nhan": 4, "trung_cap": 81})
    elif first == "BT_DOAN":
        p["llct"] = wchoice({"trung_cap": 50, "so_cap": 50})
    elif cat == "can_bo":
        p["llct"] = wchoice({"trung_cap": 65, "so_cap": 30, "none": 5})
    elif cat == "cong_chuc":
        p["llct"] = wchoice({"trung_cap": 20, "so_cap": 45, "none": 35})
    else:
        p["llct"] = wchoice({"so_cap": 50, "none": 50})
    # state management
    if first in ("BT", "PBT", "CT_UBND", "CT_HDND"):
        p["qlnn"] = wchoice({"cvc": 6, "cv": 64, "none": 30})
    elif cat == "can_bo":
        p["qlnn"] = wchoice({"cv": 40, "can_su": 10, "none": 50})
    elif cat == "cong_chuc":
        p["qlnn"] = wchoice({"cv": 45, "can_su": 15, "none": 40})
    else:
        p["qlnn"] = wchoice({"can_su": 15, "none": 85})
    # party
    pp = 1.0 if cat == "can_bo" and first != "BT_DOAN" else .9 if first == "BT_DOAN" else \
        1.0 if first == "CHT_QS" else .7 if cat == "cong_chuc" else .6
    p["party"] = rng.random() < pp
    if p["party"]:
        jy = min(2023, y + rng.randint(21, 30))
        p["party_date"] = dt.date(jy, rng.randint(1, 12), rng.randint(1, 28))
    else:
        p["party_date"] = None
    p["eval"] = wchoice({"xuat_sac": 8, "tot": 72, "hoan_thanh": 14, "han_che": 4, "khong_hoan_thanh": 1})
    p["note"] = ""
    p["it"] = rng.choice(["Chứng chỉ A", "Chứng chỉ B", "Ứng dụng CNTT cơ bản", "Ứng dụng CNTT cơ bản", ""])
    p["fl"] = rng.choice(["Tiếng Anh A2", "Tiếng Anh B", "Tiếng Anh A", "", ""])
    return p


PEOPLE = []
for u in range(len(UNITS)):
    for posts in make_posts(u):
        PEOPLE.append(make_person(u, posts))

# ---- deliberate edge cases, forced (documented in README) ----
def find(u, code, nth=0):
    c = [p for p in PEOPLE if p["unit"] == u and p["posts"][0] == code]
    return c[nth]

# age-band boundaries at 2025-12-31
find(1, "BT_DOAN")["birth"] = dt.date(1995, 12, 31)    # exactly 30 on the report date
find(3, "BT_DOAN")["birth"] = dt.date(1996, 1, 1)      # 29
find(6, "VP_TK")["birth"] = dt.date(1980, 12, 31)      # 45
find(6, "VP_TK", 1)["birth"] = dt.date(1979, 1, 1)     # 46
find(7, "CT_ND")["birth"] = dt.date(1965, 12, 31)      # 60
x = find(11, "CT_CCB"); x["birth"] = dt.date(1964, 11, 20); x["gender"] = "nam"   # 61
# year-only births (older ethnic-minority staff whose papers only give the year)
YEAR_ONLY = [(3, "CT_ND"), (3, "CT_CCB"), (11, "CT_MTTQ"), (11, "CT_CCB"), (7, "CT_CCB"),
             (1, "CT_ND"), (5, "CT_NCT"), (8, "PCT_MTTQ")]
for u, c in YEAR_ONLY:
    q = find(u, c)
    q["year_only"] = True
    q["birth"] = dt.date(q["birth"].year, 1, 1)
# a ThS, a Cử nhân chính trị, a CVC are guaranteed
find(0, "BT")["llct"] = "cu_nhan"
find(0, "CT_UBND" if any(p["posts"][0] == "CT_UBND" and p["unit"] == 0 for p in PEOPLE) else "PBT")["qlnn"] = "cvc"
q = find(9, "TP_HT"); q["prof"] = "thac_si"; q["field"] = "Luật kinh tế"
# no-evaluation newcomers (recruited late 2024) -> evaluation 'none'
for u, c in [(2, "VH_XH"), (8, "TC_KT"), (10, "DC_XD")]:
    q = find(u, c); q["eval"] = None; q["note"] = "Tuyển dụng tháng 11/2024"
# guaranteed rare evaluations
find(4, "DC_XD")["eval"] = "khong_hoan_thanh"
find(9, "PCT_UBND")["eval"] = "han_che"
find(0, "VP_TK", 1)["eval"] = "han_che"
# an old man with no general education written (blank Văn hóa cell -> none)
q = find(5, "CT_NCT"); q["ge"] = None; q["prof"] = "none"; q["field"] = None
# party member recorded -> date
for p in PEOPLE:
    if p["party"] and not p["party_date"]:
        p["party_date"] = dt.date(2010, 5, 19)

for i, p in enumerate(PEOPLE):
    p["id"] = i + 1

# --------------------------------------------------------------------------- expected figures
GE_CAT = {"12/12": "thpt", "10/10": "thpt", "12/12BT": "thpt", "9/12": "thcs", "7/10": "thcs", None: "none"}
PROF_KEYS = ["tien_si", "thac_si", "dai_hoc", "cao_dang", "trung_cap", "so_cap", "none", "unknown"]
LLCT_CAT = {"cao_cap": "cao_cap", "cu_nhan": "cao_cap", "trung_cap": "trung_cap", "so_cap": "so_cap", "none": "none"}


def age_of(p):
    b = p["birth"]
    if p["year_only"]:
        return AS_OF.year - b.year
    return AS_OF.year - b.year - ((AS_OF.month, AS_OF.day) < (b.month, b.day))


def band_defs():
    out = []
    lows = [None] + BANDS
    for i, lo in enumerate(lows):
        hi = BANDS[i] - 1 if i < len(BANDS) else None
        label = f"<={hi}" if lo is None else (f">={lo}" if hi is None else f"{lo}-{hi}")
        out.append({"label": label, "from": lo, "to": hi})
    return out


def figures(people):
    def cnt(keys, vals):
        d = {k: 0 for k in keys}
        for v in vals:
            d[v] += 1
        return d
    bands = band_defs()
    for b in bands:
        b["count"] = 0
    for p in people:
        a = age_of(p)
        for b in bands:
            if (b["from"] is None or a >= b["from"]) and (b["to"] is None or a <= b["to"]):
                b["count"] += 1
    return {
        "people": len(people),
        "category": cnt(["can_bo", "cong_chuc", "khong_chuyen_trach", "unknown"], [p["cat"] for p in people]),
        "gender": cnt(["nam", "nu", "unknown"], [p["gender"] for p in people]),
        "party_member": sum(1 for p in people if p["party"]),
        "ethnic_minority": sum(1 for p in people if p["eth"] != "Kinh"),
        "general_education": cnt(["thpt", "thcs", "tieu_hoc", "none", "unknown"], [GE_CAT[p["ge"]] for p in people]),
        "professional": cnt(PROF_KEYS, [p["prof"] for p in people]),
        "political_theory": cnt(["cao_cap", "trung_cap", "so_cap", "none", "unknown"], [LLCT_CAT[p["llct"]] for p in people]),
        "state_management": cnt(["cvcc", "cvc", "cv", "can_su", "none", "unknown"], [p["qlnn"] for p in people]),
        "evaluation": cnt(["xuat_sac", "tot", "hoan_thanh", "han_che", "khong_hoan_thanh", "none", "unknown"],
                          [p["eval"] or "none" for p in people]),
        "age": {"bands": bands, "unknown": 0},
    }


def write_expected(fname, nulls, note):
    rep = {"schema": "canbo.report/1", "as_of": AS_OF.isoformat()}
    rep.update(figures(PEOPLE))
    for k in nulls:
        rep[k] = None
    rep["_as_of"] = AS_OF.isoformat()
    rep["_age_bands"] = ",".join(map(str, BANDS))
    rep["unit_count"] = len(UNITS)
    rep["_units_people"] = {UNITS[u][0]: sum(1 for p in PEOPLE if p["unit"] == u) for u in range(len(UNITS))}
    units = []
    for u in range(len(UNITS)):
        f = figures([p for p in PEOPLE if p["unit"] == u])
        for k in nulls:
            f[k] = None
        units.append({"unit": UNITS[u][0], **f})
    rep["_units"] = units
    rep["_file_notes"] = note
    with open(os.path.join(OUT, fname + ".expected.json"), "w", encoding="utf-8") as fh:
        json.dump(rep, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


# --------------------------------------------------------------------------- value spellings
def strip_dia(s):
    s = s.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


GE_TXT = {"12/12": "12/12", "10/10": "10/10", "12/12BT": "12/12 BT", "9/12": "9/12", "7/10": "7/10", None: ""}
GE_TXT10 = {"12/12": "Tốt nghiệp THPT", "10/10": "10/10", "12/12BT": "BT THPT", "9/12": "THCS",
            "7/10": "7/10", None: ""}
PROF_FULL = {"thac_si": "Thạc sĩ", "dai_hoc": "Đại học", "cao_dang": "Cao đẳng", "trung_cap": "Trung cấp",
             "so_cap": "Sơ cấp"}
PROF_ABBR = {"thac_si": "ThS", "dai_hoc": "ĐH", "cao_dang": "CĐ", "trung_cap": "TC", "so_cap": "SC"}


def prof_full(p, none_txt="Chưa qua đào tạo"):
    if p["prof"] == "none":
        return none_txt
    return f"{PROF_FULL[p['prof']]} {p['field']}"


def prof_abbr(p, none_txt=""):
    if p["prof"] == "none":
        return none_txt
    return f"{PROF_ABBR[p['prof']]} {p['field']}"


def prof_degree(p):
    """'Cử nhân Luật', 'Kỹ sư Nông học', 'Thạc sĩ ...' (file 4)."""
    if p["prof"] == "none":
        return "Chưa qua ĐT"
    if p["prof"] == "dai_hoc":
        return ("Kỹ sư " if p["field"] in ENGINEER_FIELDS else "Cử nhân ") + p["field"]
    return f"{PROF_FULL[p['prof']]} {p['field']}"


LLCT_FULL = {"cao_cap": "Cao cấp", "cu_nhan": "Cử nhân chính trị", "trung_cap": "Trung cấp", "so_cap": "Sơ cấp", "none": ""}
LLCT_ABBR = {"cao_cap": "CC", "cu_nhan": "Cử nhân", "trung_cap": "TC", "so_cap": "SC", "none": ""}
LLCT_TAG = {"cao_cap": "CC LLCT", "cu_nhan": "CN chính trị", "trung_cap": "TC LLCT", "so_cap": "SC LLCT", "none": ""}
QLNN_FULL = {"cvc": "Chuyên viên chính", "cv": "Chuyên viên", "can_su": "Cán sự", "none": ""}
QLNN_ABBR = {"cvc": "CVC", "cv": "CV", "can_su": "Cán sự", "none": ""}
EV_FULL = {"xuat_sac": "Hoàn thành xuất sắc nhiệm vụ", "tot": "Hoàn thành tốt nhiệm vụ",
           "hoan_thanh": "Hoàn thành nhiệm vụ",
           "han_che": "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực",
           "khong_hoan_thanh": "Không hoàn thành nhiệm vụ", None: ""}
EV_GLUED = {"xuat_sac": "HTXSNV", "tot": "HTTNV", "hoan_thanh": "HTNV",
            "han_che": "HTNV nhưng còn hạn chế về NL", "khong_hoan_thanh": "Không HTNV", None: ""}
EV_SPACED = {"xuat_sac": "HTXS NV", "tot": "HTT NV", "hoan_thanh": "HT NV",
             "han_che": "HT NV nhưng còn hạn chế về NL", "khong_hoan_thanh": "Không HTNV", None: ""}
EV_HALF = {"xuat_sac": "Hoàn thành XS NV", "tot": "Hoàn thành tốt NV", "hoan_thanh": "Hoàn thành NV",
           "han_che": "Hoàn thành tốt NV nhưng còn hạn chế về năng lực",
           "khong_hoan_thanh": "Không hoàn thành NV", None: ""}
EV_CP = {"xuat_sac": "HT xuất sắc NV", "tot": "HT tốt NV", "hoan_thanh": "HTNV",
         "han_che": "HTNV, còn hạn chế về NL", "khong_hoan_thanh": "KHTNV", None: ""}
EV_10 = {"xuat_sac": "HTXSNV", "tot": "HTTNV", "hoan_thanh": "HTNV",
         "han_che": "HTNV nhưng hạn chế về năng lực", "khong_hoan_thanh": "KHTNV", None: ""}
ETH_ALT = {"Mông": "H'Mông", "Khơ Mú": "Khơmú"}
ETH_ALT4 = {"Mông": "Hmông"}


def d_fmt(p, fmt):
    if p["year_only"]:
        return str(p["birth"].year)
    b = p["birth"]
    return {"dmy0": f"{b.day:02d}/{b.month:02d}/{b.year}", "dot": f"{b.day:02d}.{b.month:02d}.{b.year}",
            "dmy": f"{b.day}/{b.month}/{b.year}", "yy": f"{b.day}-{b.month}-{b.year % 100:02d}"}[fmt]


def bday_cell(p):
    """value for a spreadsheet cell: real date, or the year as a number."""
    return p["birth"].year if p["year_only"] else p["birth"]


def by_unit():
    return [[p for p in PEOPLE if p["unit"] == u] for u in range(len(UNITS))]


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
THIN = Font(bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def put(ws, r, c, v, fmt=None, bold=False):
    cell = ws.cell(row=r, column=c, value=v)
    if fmt:
        cell.number_format = fmt
    if bold:
        cell.font = THIN
    return cell


def merge(ws, r1, c1, r2, c2, v, bold=True):
    put(ws, r1, c1, v, bold=bold).alignment = CENTER
    if (r1, c1) != (r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def title_block(ws, ncol, lines_left, big, sub):
    merge(ws, 1, 1, 1, 4, lines_left[0], bold=False)
    merge(ws, 2, 1, 2, 4, lines_left[1])
    merge(ws, 1, 6, 1, ncol, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    merge(ws, 2, 6, 2, ncol, "Độc lập - Tự do - Hạnh phúc")
    merge(ws, 4, 1, 4, ncol, big)
    merge(ws, 5, 1, 5, ncol, sub, bold=False)


# =========================================================================== FILE 1
def file1():
    """Group rows per commune (I. Xã …), subtotal 'Cộng' rows, 'Tổng cộng', two-row merged header,
    column-number row, birth date split under Nam | Nữ, party by date of joining, real Excel dates."""
    fn = "01_NamKhieu_DS_CBCC_cap_xa_2024.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS CBCC"
    heads = ["TT", "Họ và tên", "Nam", "Nữ", "Dân tộc", "Tôn giáo", "Chức vụ, chức danh", "Ngày vào Đảng",
             "Văn hóa", "Chuyên môn", "Lý luận chính trị", "Quản lý nhà nước",
             "Kết quả đánh giá, xếp loại năm 2024", "Ghi chú"]
    n = len(heads)
    title_block(ws, n, ["UBND HUYỆN NẬM KHIÊU", "PHÒNG NỘI VỤ"],
                "DANH SÁCH CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ",
                f"(Có đến ngày {ROSTER_DATE})")
    r = 7
    for c, h in enumerate(heads, 1):
        if c in (3, 4):
            continue
        if 9 <= c <= 12:
            continue
        merge(ws, r, c, r + 1, c, h)
    merge(ws, r, 3, r, 4, "Ngày, tháng, năm sinh")
    merge(ws, r + 1, 3, r + 1, 3, "Nam")
    merge(ws, r + 1, 4, r + 1, 4, "Nữ")
    merge(ws, r, 9, r, 12, "Trình độ")
    for c in range(9, 13):
        merge(ws, r + 1, c, r + 1, c, heads[c - 1])
    for c in range(1, n + 1):
        put(ws, r + 2, c, f"({c})").alignment = CENTER
    r += 3
    total = 0
    for u, grp in enumerate(by_unit()):
        merge(ws, r, 1, r, n, f"{ROMAN[u]}. {UNITS[u][0]}", bold=True)
        ws.cell(row=r, column=1).alignment = Alignment(horizontal="left")
        r += 1
        for i, p in enumerate(grp, 1):
            put(ws, r, 1, i)
            put(ws, r, 2, p["name"])
            put(ws, r, 3 if p["gender"] == "nam" else 4, bday_cell(p), None if p["year_only"] else "dd/mm/yyyy")
            put(ws, r, 5, p["eth"])
            put(ws, r, 6, p["rel"])
            put(ws, r, 7, " kiêm ".join(title_full(p, u)))
            if p["party"]:
                put(ws, r, 8, p["party_date"], "dd/mm/yyyy")
            put(ws, r, 9, GE_TXT[p["ge"]] or None)
            put(ws, r, 10, prof_full(p))
            put(ws, r, 11, LLCT_FULL[p["llct"]] or None)
            put(ws, r, 12, QLNN_FULL[p["qlnn"]] or None)
            put(ws, r, 13, EV_FULL[p["eval"]] or None)
            put(ws, r, 14, p["note"] or None)
            r += 1
        put(ws, r, 2, "Cộng", bold=True)
        put(ws, r, 3, f"{len(grp)} người", bold=True)
        total += len(grp)
        r += 1
    put(ws, r, 2, "Tổng cộng", bold=True)
    put(ws, r, 3, f"{total} người", bold=True)
    r += 2
    merge(ws, r, 1, r, 4, "NGƯỜI LẬP BIỂU")
    merge(ws, r, 9, r, 13, f"Nậm Khiêu, ngày 10 tháng 01 năm 2025\nTRƯỞNG PHÒNG")
    r += 4
    merge(ws, r, 1, r, 4, "Lường Thị Phương Thảo")
    merge(ws, r, 9, r, 13, "Hoàng Đức Thịnh")
    for c, w in zip(range(1, n + 1), [5, 24, 11, 11, 9, 9, 34, 12, 8, 28, 14, 14, 30, 22]):
        ws.column_dimensions[get_column_letter(c)].width = w
    wb.save(os.path.join(OUT, fn))
    write_expected(fn, [], "group rows 'I. Xã …' + 'Cộng' rows; gender from Nam/Nữ birth columns; "
                   "party from 'Ngày vào Đảng' date; footer with signer names")


# =========================================================================== FILE 2
def file2():
    """One sheet per commune (sheet name = unit, 'TT Nậm Khiêu' for the thị trấn), plus a first
    summary sheet 'TH' with aggregate counts. Abbreviated headers, year of birth only, x under 'Nữ'."""
    fn = "02_ds_theo_tung_xa.xlsx"
    wb = openpyxl.Workbook()
    th = wb.active
    th.title = "TH"
    merge(th, 1, 1, 1, 9, "TỔNG HỢP SỐ LƯỢNG CBCC CẤP XÃ HUYỆN NẬM KHIÊU NĂM 2024")
    for c, h in enumerate(["TT", "Đơn vị", "Tổng số", "Cán bộ", "Công chức", "KCT", "Nữ", "ĐV", "DTTS"], 1):
        put(th, 3, c, h, bold=True)
    for u, grp in enumerate(by_unit()):
        row = [u + 1, UNITS[u][0], len(grp), sum(p["cat"] == "can_bo" for p in grp),
               sum(p["cat"] == "cong_chuc" for p in grp), sum(p["cat"] == "khong_chuyen_trach" for p in grp),
               sum(p["gender"] == "nu" for p in grp), sum(p["party"] for p in grp),
               sum(p["eth"] != "Kinh" for p in grp)]
        for c, v in enumerate(row, 1):
            put(th, 4 + u, c, v)
    tr = 4 + len(UNITS)
    put(th, tr, 2, "Cộng", bold=True)
    for c in range(3, 10):
        put(th, tr, c, f"=SUM({get_column_letter(c)}4:{get_column_letter(c)}{tr - 1})", bold=True)
    th.column_dimensions["B"].width = 22
    heads = ["STT", "Họ tên", "Năm sinh", "Nữ", "DT", "CV", "ĐV", "TĐVH", "CMNV", "LLCT", "KQ ĐG 2024"]
    for u, grp in enumerate(by_unit()):
        name = ("TT " + unit_short(u)) if UNITS[u][1] == "tt" else unit_short(u)
        ws = wb.create_sheet(name)
        merge(ws, 1, 1, 1, len(heads), f"DANH SÁCH CBCC {UNITS[u][0].upper()}")
        for c, h in enumerate(heads, 1):
            put(ws, 3, c, h, bold=True).alignment = CENTER
        for i, p in enumerate(grp, 1):
            r = 3 + i
            vals = [i, p["name"], p["birth"].year, "x" if p["gender"] == "nu" else None,
                    ETH_ALT.get(p["eth"], p["eth"]), " kiêm ".join(title_abbr(p, u)),
                    "x" if p["party"] else None, GE_TXT[p["ge"]] or None, prof_abbr(p) or None,
                    LLCT_ABBR[p["llct"]] or None, EV_GLUED[p["eval"]] or None]
            for c, v in enumerate(vals, 1):
                put(ws, r, c, v)
        ws.column_dimensions["B"].width = 22
        ws.column_dimensions["F"].width = 24
        ws.column_dimensions["I"].width = 24
    wb.save(os.path.join(OUT, fn))
    write_expected(fn, ["state_management"], "sheet per commune + 'TH' summary sheet (not people); "
                   "year-only birth; gender = x under lone 'Nữ'; no QLNN column")


# =========================================================================== FILE 3
def file3():
    """.xls (BIFF8, xlwt). Unit column; two-row header; professional and political theory as x marks
    under one column per level; glued acronyms in titles; dates as text dd/mm/yyyy; no Văn hóa column."""
    fn = "03_cbcc_xa_2024.xls"
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Danh sach", cell_overwrite_ok=True)
    b = xlwt.easyxf("font: bold on; align: horiz center, vert center, wrap on; borders: left thin, right thin, top thin, bottom thin")
    t = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin")
    ws.write_merge(0, 0, 0, 18, "DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ HUYỆN NẬM KHIÊU - NĂM 2024", b)
    single = [(0, "TT"), (1, "Họ và tên"), (2, "Sinh ngày"), (3, "Giới tính"), (4, "Dân tộc"),
              (5, "Xã, thị trấn"), (6, "Chức danh"), (7, "Đảng viên")]
    for c, h in single:
        ws.write_merge(2, 3, c, c, h, b)
    ws.write_merge(2, 2, 8, 12, "Trình độ chuyên môn", b)
    for i, h in enumerate(["ThS", "ĐH", "CĐ", "TC", "SC"]):
        ws.write(3, 8 + i, h, b)
    ws.write_merge(2, 3, 13, 13, "Chuyên ngành", b)
    ws.write_merge(2, 2, 14, 16, "Lý luận chính trị", b)
    for i, h in enumerate(["Cao cấp, cử nhân", "Trung cấp", "Sơ cấp"]):
        ws.write(3, 14 + i, h, b)
    ws.write_merge(2, 3, 17, 17, "QLNN", b)
    ws.write_merge(2, 3, 18, 18, "Xếp loại 2024", b)
    pcol = {"thac_si": 8, "dai_hoc": 9, "cao_dang": 10, "trung_cap": 11, "so_cap": 12}
    lcol = {"cao_cap": 14, "cu_nhan": 14, "trung_cap": 15, "so_cap": 16}
    r = 4
    for p in PEOPLE:
        u = p["unit"]
        for c in range(19):
            ws.write(r, c, "", t)
        ws.write(r, 0, p["id"], t)
        ws.write(r, 1, p["name"], t)
        ws.write(r, 2, d_fmt(p, "dmy0"), t)
        ws.write(r, 3, "Nam" if p["gender"] == "nam" else "Nữ", t)
        ws.write(r, 4, p["eth"], t)
        ws.write(r, 5, UNITS[u][0], t)
        ws.write(r, 6, " kiêm ".join(title_table(T_GLUED)(p, u)), t)
        ws.write(r, 7, "x" if p["party"] else "", t)
        if p["prof"] != "none":
            ws.write(r, pcol[p["prof"]], "x", t)
            ws.write(r, 13, p["field"], t)
        if p["llct"] != "none":
            ws.write(r, lcol[p["llct"]], "x", t)
        ws.write(r, 17, QLNN_ABBR[p["qlnn"]], t)
        ws.write(r, 18, EV_SPACED[p["eval"]], t)
        r += 1
    r += 1
    ws.write(r, 1, "Người lập biểu")
    ws.write(r, 12, "KT. TRƯỞNG PHÒNG")
    ws.write(r + 1, 12, "PHÓ TRƯỞNG PHÒNG")
    ws.col(1).width = 256 * 24
    ws.col(6).width = 256 * 24
    ws.col(13).width = 256 * 22
    wb.save(os.path.join(OUT, fn))
    write_expected(fn, ["general_education"], "xls; levels as x under ThS|ĐH|CĐ|TC|SC and Cao cấp|Trung cấp|Sơ cấp; "
                   "no general-education column; blank level columns = none")


# =========================================================================== FILE 4
def file4():
    """CSV UTF-8 with BOM, comma separated, no title rows. Dotted titles ('P.CT UBND', 'CT.UBMTTQVN'),
    'Cử nhân Luật' / 'Kỹ sư …', 'TC LLCT', dates dd.mm.yyyy, 'Hoàn thành tốt NV nhưng còn hạn chế về năng lực'."""
    fn = "04_cbcc_xa_utf8.csv"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Tôn giáo", "Đơn vị", "Chức vụ",
                "Đảng viên", "Văn hóa", "Chuyên môn", "LLCT", "QLNN", "Tin học", "Ngoại ngữ", "Đánh giá 2024"])
    for i, p in enumerate(PEOPLE, 1):
        u = p["unit"]
        w.writerow([i, p["name"], d_fmt(p, "dot"), "Nam" if p["gender"] == "nam" else "Nữ",
                    ETH_ALT4.get(p["eth"], p["eth"]), p["rel"], UNITS[u][0],
                    " kiêm ".join(title_table(T_DOTTED)(p, u)), "x" if p["party"] else "",
                    GE_TXT[p["ge"]], prof_degree(p), LLCT_TAG[p["llct"]], QLNN_ABBR[p["qlnn"]],
                    p["it"], p["fl"], EV_HALF[p["eval"]]])
    with open(os.path.join(OUT, fn), "wb") as fh:
        fh.write(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    write_expected(fn, [], "UTF-8 BOM csv; 'Chưa qua ĐT' = none; 'Hoàn thành tốt NV nhưng còn hạn chế về "
                   "năng lực' = han_che; CN chính trị = cao_cap")


# =========================================================================== FILE 5
def enc1258(text):
    """Encode as Windows-1258 the way Vietnamese Windows does: precomposed where cp1258 has the
    letter, otherwise base letter + combining tone mark."""
    out = bytearray()
    tones = "\u0300\u0301\u0303\u0309\u0323"
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out += (base + "".join(c for c in d if c in tones)).encode("cp1258")
    return bytes(out)


def file5():
    """CSV in Windows-1258, semicolon separated, as Excel (Vietnamese locale) saves a sheet that had
    two title rows; half-word titles ('Phó CT UBND'); d/m/yyyy dates; no Dân tộc column;
    professional level and field in separate columns."""
    fn = "05_CBCC_NamKhieu_cp1258.csv"
    rows = [["DANH SÁCH CÁN BỘ CÔNG CHỨC CẤP XÃ HUYỆN NẬM KHIÊU"] + [""] * 13,
            [f"Tính đến {ROSTER_DATE}"] + [""] * 13,
            [""] * 14,
            ["TT", "Họ tên", "Ngày sinh", "Nam/Nữ", "Xã/TT", "Chức danh", "ĐV", "VH", "CM", "Chuyên ngành",
             "Chính trị", "QLNN", "Xếp loại", "Ghi chú"]]
    for i, p in enumerate(PEOPLE, 1):
        u = p["unit"]
        unit = ("TT " + unit_short(u)) if UNITS[u][1] == "tt" else unit_short(u)
        rows.append([str(i), p["name"], d_fmt(p, "dmy"), "Nam" if p["gender"] == "nam" else "Nữ", unit,
                     " kiêm ".join(title_table(T_SEMI)(p, u)), "X" if p["party"] else "", GE_TXT[p["ge"]],
                     PROF_ABBR.get(p["prof"], ""), p["field"] or "",
                     LLCT_FULL[p["llct"]].replace(" chính trị", ""), QLNN_ABBR[p["qlnn"]], EV_CP[p["eval"]],
                     p["note"]])
    text = "".join(";".join(r) + "\r\n" for r in rows)
    assert all(";" not in c and '"' not in c for r in rows for c in r)
    with open(os.path.join(OUT, fn), "wb") as fh:
        fh.write(enc1258(text))
    write_expected(fn, ["ethnic_minority"], "cp1258 csv, ';' separated, 2 title rows + blank row; "
                   "no ethnicity column; unit column has 'TT Nậm Khiêu' / bare commune names; "
                   "LLCT 'Cử nhân' = cao_cap")


# =========================================================================== FILE 6
def nfd(s):
    return unicodedata.normalize("NFD", s) if isinstance(s, str) else s


def file6():
    """All text in NFD. Unit column; gender as x under a lone 'Nam' column; 'Họ và tên khai sinh';
    party as text date 'Ngày vào Đảng'; professional as 'Đại học (Luật)'; no evaluation column
    (a training-needs roster); blank rows between communes; leading/trailing spaces."""
    fn = "06_ds_cbcc_dao_tao_NFD.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = nfd("Danh sách")
    heads = ["STT", "Họ và tên khai sinh", "Ngày tháng năm sinh", "Nam", "Dân tộc", "Đơn vị công tác",
             "Chức vụ, chức danh", "Ngày vào Đảng", "Trình độ văn hóa", "Trình độ chuyên môn",
             "Lý luận chính trị", "Quản lý nhà nước", "Tin học", "Nhu cầu đào tạo"]
    merge(ws, 1, 1, 1, len(heads), nfd("DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ VÀ NHU CẦU ĐÀO TẠO, BỒI DƯỠNG NĂM 2025"))
    merge(ws, 2, 1, 2, len(heads), nfd("(Kèm theo Kế hoạch số 15/KH-PNV ngày 05/01/2025 của Phòng Nội vụ huyện Nậm Khiêu)"), bold=False)
    for c, h in enumerate(heads, 1):
        put(ws, 4, c, nfd(h), bold=True).alignment = CENTER
    r = 5
    need = ["Trung cấp LLCT", "Bồi dưỡng QLNN ngạch CV", "Đại học Luật", "", "", "Tin học ứng dụng"]
    for u, grp in enumerate(by_unit()):
        for p in grp:
            vals = [p["id"], "  " + p["name"] + " ", bday_cell(p), "x" if p["gender"] == "nam" else None,
                    p["eth"], UNITS[u][0] + " ", " kiêm ".join(title_full(p, u)).replace(
                        "Phó Bí thư Đảng ủy", "Phó Bí thư Thường trực Đảng ủy"),
                    d_fmt({"birth": p["party_date"], "year_only": False}, "dmy0") if p["party"] else None,
                    GE_TXT[p["ge"]] or None,
                    (f"{PROF_FULL[p['prof']]} ({p['field']})" if p["prof"] != "none" else None),
                    LLCT_FULL[p["llct"]] or None, QLNN_FULL[p["qlnn"]] or None, p["it"] or None,
                    need[p["id"] % len(need)] or None]
            for c, v in enumerate(vals, 1):
                put(ws, r, c, nfd(v), "dd/mm/yyyy" if c == 3 and not p["year_only"] else None)
            r += 1
        r += 1   # blank row between communes
    for c, w in zip(range(1, 15), [5, 26, 12, 6, 9, 22, 36, 12, 8, 28, 14, 16, 18, 22]):
        ws.column_dimensions[get_column_letter(c)].width = w
    wb.save(os.path.join(OUT, fn))
    write_expected(fn, ["evaluation"], "NFD text everywhere; gender = x under lone 'Nam' (blank = nữ); "
                   "blank rows between communes; no evaluation column; blank CM = none")


# =========================================================================== FILE 7
def ods_cell(v, span=1):
    if v is None or v == "":
        c = TableCell()
    elif isinstance(v, (int, float)):
        c = TableCell(valuetype="float", value=v)
        c.addElement(P(text=str(v)))
    else:
        c = TableCell(valuetype="string")
        c.addElement(P(text=v))
    if span > 1:
        c.setAttribute("numbercolumnsspanned", span)
    return c


def file7():
    """.ods, everything in CAPITALS (names, titles, levels, evaluation). Group rows 'XÃ PA THƠM (22)',
    year of birth as number, abbreviated titles, no party column, no QLNN column."""
    fn = "07_DANH_SACH_CBCC_NAM_KHIEU.ods"
    doc = OpenDocumentSpreadsheet()
    tab = Table(name="CBCC")
    heads = ["TT", "HỌ VÀ TÊN", "NĂM SINH", "GIỚI TÍNH", "DÂN TỘC", "CHỨC VỤ", "VĂN HÓA", "CHUYÊN MÔN",
             "LÝ LUẬN CT", "XẾP LOẠI NĂM 2024"]
    n = len(heads)
    for _ in range(n):
        tab.addElement(TableColumn())

    def row(vals, span_first=False):
        tr = TableRow()
        if span_first:
            tr.addElement(ods_cell(vals[0], n))
            for _ in range(n - 1):
                tr.addElement(CoveredTableCell())
        else:
            for v in vals:
                tr.addElement(ods_cell(v))
        tab.addElement(tr)
    row(["PHÒNG NỘI VỤ HUYỆN NẬM KHIÊU"], True)
    row(["DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2024"], True)
    row([""] * n)
    row(heads)
    for u, grp in enumerate(by_unit()):
        row([f"{UNITS[u][0].upper()} ({len(grp)})"], True)
        for i, p in enumerate(grp, 1):
            row([i, p["name"].upper(), p["birth"].year, "NAM" if p["gender"] == "nam" else "NỮ",
                 p["eth"].upper(), " KIÊM ".join(t.upper() for t in title_abbr(p, u)),
                 GE_TXT[p["ge"]], prof_full(p, "").upper(), LLCT_FULL[p["llct"]].upper(),
                 EV_FULL[p["eval"]].upper()])
    row([""] * n)
    row(["TỔNG CỘNG: " + str(len(PEOPLE)) + " NGƯỜI"], True)
    doc.spreadsheet.addElement(tab)
    doc.save(os.path.join(OUT, fn))
    write_expected(fn, ["party_member", "state_management"], "ods, ALL CAPS; group rows 'XÃ … (n)'; "
                   "year-only birth; no party, no QLNN column")


# =========================================================================== FILE 8
def file8():
    """No diacritics at all (ASCII), xlsx, unit column, one title row, real Excel dates."""
    fn = "08_DS_CBCC_khong_dau.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "CBCC xa"
    heads = ["TT", "Ho va ten", "Ngay sinh", "Gioi tinh", "Dan toc", "Don vi", "Chuc vu", "Dang vien",
             "Van hoa", "Chuyen mon", "Ly luan chinh tri", "Quan ly nha nuoc", "Xep loai 2024"]
    merge(ws, 1, 1, 1, len(heads), "DANH SACH CAN BO, CONG CHUC CAP XA HUYEN NAM KHIEU NAM 2024")
    for c, h in enumerate(heads, 1):
        put(ws, 3, c, h, bold=True)
    for i, p in enumerate(PEOPLE, 1):
        u = p["unit"]
        vals = [i, strip_dia(p["name"]), bday_cell(p), "Nam" if p["gender"] == "nam" else "Nu",
                strip_dia(p["eth"]), strip_dia(UNITS[u][0]), strip_dia(" kiem ".join(title_full(p, u))),
                "x" if p["party"] else None, GE_TXT[p["ge"]] or None, strip_dia(prof_full(p)),
                strip_dia(LLCT_FULL[p["llct"]]) or None, strip_dia(QLNN_FULL[p["qlnn"]]) or None,
                strip_dia(EV_FULL[p["eval"]]) or None]
        for c, v in enumerate(vals, 1):
            put(ws, 3 + i, c, v, "dd/mm/yyyy" if c == 3 and not p["year_only"] else None)
    for c, w in zip(range(1, 14), [5, 24, 12, 8, 9, 20, 40, 8, 8, 30, 16, 16, 40]):
        ws.column_dimensions[get_column_letter(c)].width = w
    wb.save(os.path.join(OUT, fn))
    write_expected(fn, [], "ASCII only (no diacritics): 'Nu', 'Mong', 'Kho Mu', 'Chu tich UBND', "
                   "'Hoan thanh tot nhiem vu'")


# =========================================================================== FILE 9
def dd(s):
    return s.replace("Đ", "\u00d0") if isinstance(s, str) else s


def file9():
    """U+00D0 'Ð' typed for 'Đ' everywhere; evaluation as x under one column per grade; hidden
    column (Quê quán) in the middle; column-number row '1 2 3 …'; dates as text d-m-yy;
    stray spaces; unit column 'Nơi công tác'; footer with signer names."""
    fn = "09_Tong_hop_CBCC_2024.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = dd("ĐG 2024")
    single = ["TT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Quê quán", "Nơi công tác",
              "Chức vụ", "Đảng viên", "Trình độ VH", "Trình độ CM", "LLCT", "QLNN"]
    ev = ["HTXSNV", "HTTNV", "HTNV", "HTNV nhưng còn hạn chế về NL", "KHTNV"]
    evk = ["xuat_sac", "tot", "hoan_thanh", "han_che", "khong_hoan_thanh"]
    n = len(single) + len(ev)
    merge(ws, 1, 1, 1, n, dd("BIỂU TỔNG HỢP CHẤT LƯỢNG VÀ KẾT QUẢ ĐÁNH GIÁ CBCC CẤP XÃ NĂM 2024"))
    merge(ws, 2, 1, 2, n, dd("(Đơn vị: huyện Nậm Khiêu)"), bold=False)
    for c, h in enumerate(single, 1):
        merge(ws, 4, c, 5, c, dd(h))
    merge(ws, 4, len(single) + 1, 4, n, dd("Kết quả đánh giá, xếp loại"))
    for i, h in enumerate(ev):
        merge(ws, 5, len(single) + 1 + i, 5, len(single) + 1 + i, dd(h))
    for c in range(1, n + 1):
        put(ws, 6, c, c).alignment = CENTER
    ws.column_dimensions["F"].hidden = True
    villages = ["Bản Mòng", "Bản Huổi Ca", "Thái Bình", "Nam Định", "Bản Phiêng", "Bản Sáng"]
    r = 7
    for u, grp in enumerate(by_unit()):
        for p in grp:
            vals = [p["id"], " " + p["name"], d_fmt(p, "yy"), " Nữ " if p["gender"] == "nu" else "Nam",
                    p["eth"], villages[p["id"] % len(villages)], UNITS[u][0],
                    " kiêm ".join(title_table(T_MIX)(p, u)) + " ", "x" if p["party"] else None,
                    GE_TXT[p["ge"]] or None, prof_abbr(p, "Chưa qua đào tạo"),
                    LLCT_FULL[p["llct"]] or None, QLNN_ABBR[p["qlnn"]] or None]
            vals += ["x" if p["eval"] == k else None for k in evk]
            for c, v in enumerate(vals, 1):
                put(ws, r, c, dd(v))
            r += 1
        if u in (3, 7):
            r += 2    # stray blank rows in the middle
    r += 1
    put(ws, r, 2, dd("Người lập biểu"), bold=True)
    put(ws, r, 11, dd("TRƯỞNG PHÒNG NỘI VỤ"), bold=True)
    put(ws, r + 4, 2, dd("Đèo Thị Hồng"))
    put(ws, r + 4, 11, dd("Hoàng Đức Thịnh"))
    wb.save(os.path.join(OUT, fn))
    write_expected(fn, [], "U+00D0 for Đ; evaluation as x-columns (no x = none); hidden 'Quê quán' column; "
                   "column-number row; d-m-yy text dates; stray spaces; blank rows; footer")


# =========================================================================== FILE 10
def file10():
    """Section rows 'A. CÁN BỘ', 'B. CÔNG CHỨC', 'C. NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH' (not units —
    the unit is in its own column), three-row header, x under a lone 'Nữ' column,
    'Tốt nghiệp THPT' / 'BT THPT' / 'THCS', professional level and field under 'Chuyên môn',
    titles 'Chủ tịch UBND xã', compound with ', kiêm '."""
    fn = "10_bao_cao_chat_luong_CBCC_xa.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bieu 02"
    ncol = 15
    title_block(ws, ncol, ["UBND HUYỆN NẬM KHIÊU", "PHÒNG NỘI VỤ"],
                "BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2024",
                "(Kèm theo Báo cáo số 12/BC-PNV ngày 15/01/2025)")
    R = 7
    single = {1: "STT", 2: "Họ và tên", 3: "Ngày sinh", 4: "Nữ", 5: "Dân tộc", 6: "Đơn vị", 7: "Chức vụ",
              8: "Đảng viên", 15: "Đánh giá năm 2024"}
    for c, h in single.items():
        merge(ws, R, c, R + 2, c, h)
    merge(ws, R, 9, R, 14, "Trình độ")
    merge(ws, R + 1, 9, R + 2, 9, "Giáo dục phổ thông")
    merge(ws, R + 1, 10, R + 1, 11, "Chuyên môn")
    merge(ws, R + 2, 10, R + 2, 10, "Trình độ")
    merge(ws, R + 2, 11, R + 2, 11, "Chuyên ngành")
    merge(ws, R + 1, 12, R + 2, 12, "LLCT")
    merge(ws, R + 1, 13, R + 2, 13, "QLNN")
    merge(ws, R + 1, 14, R + 2, 14, "Tin học")
    r = R + 3
    secs = [("A", "CÁN BỘ", "can_bo"), ("B", "CÔNG CHỨC", "cong_chuc"),
            ("C", "NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH", "khong_chuyen_trach")]
    k = 0
    for letter, label, cat in secs:
        grp = [p for p in PEOPLE if p["cat"] == cat]
        put(ws, r, 1, letter, bold=True)
        put(ws, r, 2, f"{label} ({len(grp)} người)", bold=True)
        r += 1
        for p in grp:
            k += 1
            u = p["unit"]
            vals = [k, p["name"], bday_cell(p), "x" if p["gender"] == "nu" else None, p["eth"], UNITS[u][0],
                    ", kiêm ".join(title_unitword(p, u)), "x" if p["party"] else None,
                    GE_TXT10[p["ge"]] or None, PROF_FULL.get(p["prof"]), p["field"],
                    LLCT_FULL[p["llct"]] or None, QLNN_FULL[p["qlnn"]] or None, p["it"] or None,
                    EV_10[p["eval"]] or None]
            for c, v in enumerate(vals, 1):
                put(ws, r, c, v, "dd/mm/yyyy" if c == 3 and not p["year_only"] else None)
            r += 1
    put(ws, r, 2, "Tổng cộng", bold=True)
    put(ws, r, 3, len(PEOPLE), bold=True)
    r += 2
    put(ws, r, 2, "Người lập biểu", bold=True)
    put(ws, r, 12, "TRƯỞNG PHÒNG", bold=True)
    put(ws, r + 4, 2, "Lường Thị Phương Thảo")
    put(ws, r + 4, 12, "Hoàng Đức Thịnh")
    for c, w in zip(range(1, 16), [5, 24, 12, 5, 9, 20, 38, 8, 14, 11, 22, 16, 16, 20, 28]):
        ws.column_dimensions[get_column_letter(c)].width = w
    wb.save(os.path.join(OUT, fn))
    write_expected(fn, [], "section rows A/B/C by category (not units; unit column exists); 3-row header; "
                   "x under lone 'Nữ'; 'Tốt nghiệp THPT'/'BT THPT'/'THCS'; ', kiêm ' compounds")


def main():
    for f in (file1, file2, file3, file4, file5, file6, file7, file8, file9, file10):
        f()
    fig = figures(PEOPLE)
    print("people:", len(PEOPLE), "units:", len(UNITS))
    print(json.dumps({k: v for k, v in fig.items() if k != "age"}, ensure_ascii=False))
    print([(b["label"], b["count"]) for b in fig["age"]["bands"]])
    with open(os.path.join(OUT, "people.json"), "w", encoding="utf-8") as fh:
        json.dump([{**p, "unit": UNITS[p["unit"]][0], "birth": p["birth"].isoformat(),
                    "party_date": p["party_date"].isoformat() if p["party_date"] else None,
                    "age_at_as_of": age_of(p)} for p in PEOPLE], fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
