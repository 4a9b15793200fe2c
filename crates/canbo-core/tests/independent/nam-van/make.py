#!/usr/bin/env python3
"""Held-out roster set #2: huyện Nậm Vân, tỉnh Điện Sơn (fictional), as of 30/6/2025.

One seeded population of people, written out as ten rosters, each typed the way a
different office would type it.  The expected figures beside each file are counted
from the people data below (plus the per-file choice of how a value is shown, e.g. a
birth date shown as a bare year), never by reading the files back.

    python3 make.py          # rewrites every file and every *.expected.json here

Needs Python 3.11 with openpyxl, odfpy and xlwt.
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
from odf.table import Table, TableRow, TableCell, CoveredTableCell, TableColumn
from odf.text import P
from odf.style import Style, TableCellProperties
from odf.number import DateStyle, Day, Month, Year, Text as NText

SEED = 20250630
AS_OF = dt.date(2025, 6, 30)
BANDS = [30, 46, 61]            # -> "<=29", "30-45", "46-60", ">=61"
OUT = os.path.dirname(os.path.abspath(__file__))

R = random.Random(SEED)

# ----------------------------------------------------------------------------------
# Units
# ----------------------------------------------------------------------------------
# (kind, name, dominant ethnic mix)
UNITS = [
    ("tt", "Nậm Vân",     {"kinh": 55, "thai": 30, "tay": 10, "mong": 5}),
    ("xa", "Pá Hốc",      {"thai": 70, "kinh": 20, "khomu": 10}),
    ("xa", "Tả Phìn Hồ",  {"mong": 65, "dao": 20, "kinh": 15}),
    ("xa", "Chiềng Khay", {"thai": 75, "kinh": 20, "mong": 5}),
    ("xa", "Nà Lừu",      {"thai": 60, "tay": 20, "kinh": 20}),
    ("xa", "Mường Pồn",   {"thai": 60, "khomu": 20, "kinh": 20}),
    ("xa", "Huổi Lếch",   {"khomu": 50, "thai": 30, "kinh": 20}),
    ("xa", "Phiêng Cằm",  {"thai": 55, "mong": 25, "kinh": 20}),
    ("xa", "Sủng Trà",    {"mong": 70, "giay": 15, "kinh": 15}),
    ("xa", "Bản Kheo",    {"thai": 50, "dao": 25, "kinh": 25}),
    ("xa", "Tân Lập",     {"kinh": 80, "thai": 15, "tay": 5}),
    ("xa", "Hua Nậm",     {"mong": 50, "dao": 30, "kinh": 20}),
]


def unit_full(u, style="title"):
    kind, name = UNITS[u][0], UNITS[u][1]
    pre = "Thị trấn" if kind == "tt" else "Xã"
    if style == "upper":
        return (pre + " " + name).upper()
    return pre + " " + name


# ----------------------------------------------------------------------------------
# Posts
# ----------------------------------------------------------------------------------
CAN_BO = ["bt_du", "pbt_tt_du", "pbt_du", "ct_hdnd", "pct_hdnd", "ct_ubnd", "pct_ubnd",
          "ct_mttq", "bt_doan", "ct_pn", "ct_nd", "ct_ccb"]
CONG_CHUC = ["cht_qs", "vp_tk", "dc_xd", "tc_kt", "tp_ht", "vh_xh"]
KCT = ["pcht_qs", "pct_mttq", "pbt_doan", "pct_pn", "pct_nd", "pct_ccb"]
CATEGORY = {**{p: "can_bo" for p in CAN_BO}, **{p: "cong_chuc" for p in CONG_CHUC},
            **{p: "khong_chuyen_trach" for p in KCT}}
LEADERS = {"bt_du", "pbt_tt_du", "pbt_du", "ct_hdnd", "pct_hdnd", "ct_ubnd", "pct_ubnd"}


def unit_posts(u):
    """List of post-lists (one per person) for unit u."""
    kind = UNITS[u][0]
    variant = u % 4
    if variant == 0:
        top = [["bt_du", "ct_hdnd"], ["pbt_tt_du"], ["pbt_du", "ct_ubnd"], ["pct_hdnd"]]
    elif variant == 1:
        top = [["bt_du"], ["pbt_tt_du", "ct_hdnd"], ["pbt_du", "ct_ubnd"], ["pct_hdnd"]]
    elif variant == 2:
        top = [["bt_du", "ct_hdnd"], ["pbt_tt_du"], ["ct_ubnd"], ["pct_hdnd"]]
    else:
        top = [["bt_du"], ["pbt_tt_du"], ["ct_hdnd"], ["pbt_du", "ct_ubnd"], ["pct_hdnd"]]
    n_pct = 2 if (kind == "tt" or R.random() < 0.5) else 1
    top += [["pct_ubnd"]] * n_pct
    top += [["ct_mttq"], ["bt_doan"], ["ct_pn"], ["ct_nd"], ["ct_ccb"]]
    cc = [["cht_qs"]]
    for p in ["vp_tk", "dc_xd", "tc_kt", "tp_ht", "vh_xh"]:
        n = 2 if (kind == "tt" or R.random() < 0.45) else 1
        cc += [[p]] * n
    kct_pool = list(KCT)
    n_kct = 6 if kind == "tt" else R.randint(3, 6)
    chosen = sorted(R.sample(kct_pool, n_kct), key=KCT.index)
    kct = [[p] for p in chosen]
    # one small commune lets one deputy hold two mass-organisation deputy posts
    if u == 7 and ["pct_nd"] in kct and ["pct_ccb"] in kct:
        kct.remove(["pct_ccb"])
        kct[kct.index(["pct_nd"])] = ["pct_nd", "pct_ccb"]
    return top + cc + kct


# ----------------------------------------------------------------------------------
# Names
# ----------------------------------------------------------------------------------
NAMES = {
    "kinh": dict(sur=["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
                      "Đinh", "Đào", "Dương", "Hà", "Lương"],
                 mm=["Văn", "Đức", "Minh", "Quang", "Xuân", "Mạnh", "Hữu", "Tiến", "Công"],
                 fm=["Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Thị Thu", "Kim"],
                 mg=["Hùng", "Dũng", "Tuấn", "Hải", "Long", "Thắng", "Cường", "Sơn", "Tùng", "Đạt",
                     "Hiếu", "Trung", "Bình", "Quyết", "Toàn", "Nghĩa", "Phong", "Đông"],
                 fg=["Hương", "Lan", "Hoa", "Huyền", "Trang", "Nga", "Hạnh", "Thủy", "Yến", "Hằng",
                     "Ngân", "Phương", "Dung", "Loan", "Thảo", "Liên"]),
    "thai": dict(sur=["Lò", "Lường", "Cầm", "Quàng", "Tòng", "Lù", "Vì", "Hà", "Điêu", "Lự"],
                 mm=["Văn"], fm=["Thị"],
                 mg=["Xuân", "Ún", "Biên", "Pánh", "Thiện", "Chiến", "Thành", "Piệng", "Phóng",
                     "Lả", "Hặc", "Inh", "Khiêm", "Tiến", "Sương"],
                 fg=["Ơn", "Nhung", "Ánh", "Phượng", "Bun", "Thoa", "Hiền", "Kim", "Lả", "Panh",
                     "Xuyến", "Thanh"]),
    "mong": dict(sur=["Giàng", "Sùng", "Vàng", "Thào", "Mùa", "Lầu", "Hạng", "Hầu", "Mua", "Cứ"],
                 mm=["A", "Seo", "Chứ", "Văn", "A"], fm=["Thị"],
                 mg=["Sử", "Chống", "Páo", "Dính", "Của", "Vừ", "Tủa", "Lử", "Pó", "Chư", "Dế",
                     "Nhè", "Chinh", "Khua"],
                 fg=["Mỷ", "Dua", "Dợ", "Mai", "Pằng", "Chú", "Say", "Mỉ", "Súa"]),
    "dao": dict(sur=["Triệu", "Bàn", "Lý", "Phàn", "Tẩn", "Chảo", "Đặng"],
                mm=["Văn", "Láo", "Sài", "Tả"], fm=["Thị", "Mẩy"],
                mg=["Chòi", "Phin", "Quẩy", "Vần", "Kiều", "Sinh", "Lìu", "Chàn"],
                fg=["Mẩy", "Lở", "Xuân", "Chạn", "Sói", "Nhất"]),
    "khomu": dict(sur=["Lò", "Vi", "Quàng", "Cụt", "Lường", "Vì"],
                  mm=["Văn"], fm=["Thị"],
                  mg=["Khăm", "Pọm", "Phiêng", "Ỏn", "Lả", "Chăn", "Thong"],
                  fg=["Duyên", "Ngân", "Bua", "Ón", "Phăn"]),
    "tay": dict(sur=["Hoàng", "Nông", "Ma", "La", "Lương", "Hà"],
                mm=["Văn", "Đình"], fm=["Thị"],
                mg=["Tuấn", "Dương", "Chiến", "Khởi", "Lâm", "Nguyên"],
                fg=["Thắm", "Vân", "Nhàn", "Huế", "Lụa"]),
    "giay": dict(sur=["Sần", "Lù", "Hoàng", "Vàng"],
                 mm=["Seo", "Văn"], fm=["Thị"],
                 mg=["Pao", "Chẩn", "Sinh", "Phử", "Sáng"],
                 fg=["Lan", "Mai", "Sen"]),
}
ETH_NAME = {"kinh": "Kinh", "thai": "Thái", "mong": "Mông", "dao": "Dao", "khomu": "Khơ Mú",
            "tay": "Tày", "giay": "Giáy"}

USED_NAMES = set()


def make_name(eth, gender):
    n = NAMES[eth]
    for _ in range(200):
        sur = R.choice(n["sur"])
        mid = R.choice(n["mm"] if gender == "nam" else n["fm"])
        giv = R.choice(n["mg"] if gender == "nam" else n["fg"])
        name = f"{sur} {mid} {giv}"
        if name not in USED_NAMES:
            USED_NAMES.add(name)
            return name
    raise RuntimeError("names")


# ----------------------------------------------------------------------------------
# People
# ----------------------------------------------------------------------------------
FIELDS = {
    "luat": "Luật", "kinhte": "Kinh tế", "ketoan": "Kế toán", "qlnn": "Quản lý nhà nước",
    "hanhchinh": "Hành chính", "nonghoc": "Nông học", "lamnghiep": "Lâm nghiệp",
    "qldd": "Quản lý đất đai", "xaydung": "Xây dựng", "sptoan": "Sư phạm Toán",
    "spvan": "Sư phạm Ngữ văn", "vanhoa": "Quản lý văn hóa", "ctxh": "Công tác xã hội",
    "thuy": "Thú y", "qlkt": "Quản lý kinh tế", "xddang": "Xây dựng Đảng", "quansu": "Quân sự cơ sở",
    "tinhoc": "Tin học", "vanthu": "Văn thư lưu trữ", "chinhtri": "Chính trị học",
}
FIELD_BY_POST = {
    "tc_kt": ["ketoan", "ketoan", "kinhte"], "tp_ht": ["luat"],
    "dc_xd": ["qldd", "qldd", "xaydung", "nonghoc", "lamnghiep"],
    "vh_xh": ["vanhoa", "ctxh", "spvan"], "vp_tk": ["hanhchinh", "luat", "vanthu", "tinhoc"],
    "cht_qs": ["quansu"], "pcht_qs": ["quansu"],
}
LEADER_FIELDS = ["luat", "kinhte", "qlnn", "xddang", "nonghoc", "sptoan", "qlkt", "lamnghiep", "chinhtri"]
MASS_FIELDS = ["luat", "kinhte", "nonghoc", "spvan", "ctxh", "thuy", "xddang", "hanhchinh"]


def pick(weights):
    items = list(weights.items())
    tot = sum(w for _, w in items)
    x = R.random() * tot
    for k, w in items:
        x -= w
        if x < 0:
            return k
    return items[-1][0]


def rand_date(y0, y1):
    y = R.randint(y0, y1)
    m = R.randint(1, 12)
    d = R.randint(1, 28 if m == 2 else 30)
    return dt.date(y, m, d)


def gen_person(pid, u, posts):
    p0 = posts[0]
    cat = CATEGORY[p0]
    eth = pick(UNITS[u][2])
    # gender
    if p0 in ("ct_pn", "pct_pn"):
        g = "nu"
    elif p0 in ("ct_ccb", "pct_ccb", "cht_qs", "pcht_qs"):
        g = "nam"
    elif p0 in ("bt_du",):
        g = "nu" if R.random() < 0.1 else "nam"
    elif p0 in ("vh_xh", "tc_kt", "vp_tk", "tp_ht"):
        g = "nu" if R.random() < 0.55 else "nam"
    else:
        g = "nu" if R.random() < 0.25 else "nam"
    # birth
    if p0 in ("ct_ccb", "pct_ccb"):
        birth = rand_date(1959, 1968)
    elif p0 in ("bt_doan", "pbt_doan"):
        birth = rand_date(1993, 2002)
    elif p0 in LEADERS:
        birth = rand_date(1968, 1990)
    elif cat == "cong_chuc":
        birth = rand_date(1972, 2000)
    else:
        birth = rand_date(1965, 1999)
    # party
    pp = {"can_bo": 0.98, "cong_chuc": 0.72, "khong_chuyen_trach": 0.55}[cat]
    if p0 in ("ct_ccb", "pct_ccb"):
        pp = 1.0
    party = R.random() < pp
    party_date = None
    if party:
        y0 = birth.year + 19
        y1 = min(2024, birth.year + 35)
        party_date = rand_date(min(y0, 2024), y1)
    # general education: (system, grade, bo_tuc)
    if birth.year < 1974 and R.random() < 0.55:
        sysg = 10
    else:
        sysg = 12
    r = R.random()
    if cat == "khong_chuyen_trach" or p0 in ("ct_nd", "ct_ccb", "ct_mttq"):
        thcs_p = 0.14
    else:
        thcs_p = 0.03
    if r < thcs_p:
        grade = R.choice([9, 11]) if sysg == 12 else R.choice([7, 8, 9])
    else:
        grade = sysg
    bt = grade == sysg and R.random() < 0.09
    ge = (sysg, grade, bt)
    # professional
    if p0 in LEADERS:
        prof = pick({"thac_si": 7, "dai_hoc": 83, "trung_cap": 10})
    elif cat == "can_bo":
        prof = pick({"dai_hoc": 50, "cao_dang": 10, "trung_cap": 30, "so_cap": 5, "none": 5})
    elif cat == "cong_chuc":
        prof = pick({"thac_si": 1, "dai_hoc": 69, "cao_dang": 12, "trung_cap": 18})
    else:
        prof = pick({"dai_hoc": 15, "cao_dang": 10, "trung_cap": 35, "so_cap": 15, "none": 25})
    if p0 in FIELD_BY_POST:
        field = R.choice(FIELD_BY_POST[p0])
    elif p0 in LEADERS:
        field = R.choice(LEADER_FIELDS)
    else:
        field = R.choice(MASS_FIELDS)
    if prof == "thac_si":
        field = R.choice(["qlkt", "luat", "qlnn"])
    if prof == "none":
        field = None
    # political theory
    if p0 in LEADERS:
        llct = pick({"cao_cap": 16, "trung_cap": 80, "so_cap": 4})
    elif cat == "can_bo":
        llct = pick({"trung_cap": 60, "so_cap": 35, "none": 5})
    elif cat == "cong_chuc":
        llct = pick({"trung_cap": 30, "so_cap": 45, "none": 25})
    else:
        llct = pick({"trung_cap": 5, "so_cap": 50, "none": 45})
    # state management
    if p0 in LEADERS:
        qlnn = pick({"cvc": 10, "cv": 60, "none": 30})
    elif cat == "can_bo":
        qlnn = pick({"cv": 30, "can_su": 10, "none": 60})
    elif cat == "cong_chuc":
        qlnn = pick({"cv": 45, "can_su": 20, "none": 35})
    else:
        qlnn = pick({"can_su": 5, "none": 95})
    # hired / evaluation
    hired = rand_date(max(birth.year + 20, 1990), 2023)
    ev = pick({"xuat_sac": 10, "tot": 72, "hoan_thanh": 13, "han_che": 3, "khong_hoan_thanh": 1})
    religion = None
    if eth == "mong" and R.random() < 0.12:
        religion = "Tin lành"
    return dict(id=pid, unit=u, posts=posts, name=make_name(eth, g), gender=g, birth=birth,
                eth=eth, party=party, party_date=party_date, ge=ge, prof=prof, field=field,
                llct=llct, qlnn=qlnn, hired=hired, eval=ev, religion=religion)


PEOPLE = []
for u in range(len(UNITS)):
    for posts in unit_posts(u):
        PEOPLE.append(gen_person(len(PEOPLE), u, posts))


def find(u, post):
    return next(p for p in PEOPLE if p["unit"] == u and p["posts"][0] == post)


# deliberate edge cases ------------------------------------------------------------
# birthdays on and next to the report date (completed years vs. year-only)
find(1, "ct_ccb")["birth"] = dt.date(1964, 6, 30)     # 61 on the day
find(2, "ct_ccb")["birth"] = dt.date(1964, 7, 1)      # still 60; year-only -> 61
find(3, "ct_ccb")["birth"] = dt.date(1964, 12, 15)    # 60; year-only -> 61
find(4, "vp_tk")["birth"] = dt.date(1979, 6, 30)      # 46 on the day
find(5, "tc_kt")["birth"] = dt.date(1979, 7, 1)       # 45; year-only -> 46
find(6, "bt_doan")["birth"] = dt.date(1995, 6, 30)    # 30 on the day
find(7, "bt_doan")["birth"] = dt.date(1995, 7, 1)     # 29; year-only -> 30
find(8, "vh_xh")["birth"] = dt.date(1995, 11, 20)     # 29; year-only -> 30
# low general education, old 10-year system, bo tuc
find(2, "ct_nd")["ge"] = (12, 5, False)                # tieu_hoc
find(8, "ct_nd")["ge"] = (10, 4, False)                # tieu_hoc
find(11, "ct_ccb")["ge"] = (10, 7, False)              # thcs (old system)
find(9, "ct_nd")["ge"] = (12, 9, False)                # thcs
# thac_si among công chức and a cán bộ with no professional training
find(0, "tc_kt")["prof"], find(0, "tc_kt")["field"] = "thac_si", "kinhte"
find(2, "ct_ccb")["prof"], find(2, "ct_ccb")["field"] = "none", None
# hired in 2025: not yet evaluated (blank evaluation)
for u, post in [(0, "vh_xh"), (3, "tp_ht"), (6, "dc_xd"), (10, "vp_tk")]:
    q = find(u, post)
    q["hired"] = dt.date(2025, R.randint(1, 4), R.randint(1, 28))
    q["eval"] = None
# evaluation extremes pinned so every class is present
find(5, "ct_nd")["eval"] = "han_che"
find(9, "tp_ht")["eval"] = "khong_hoan_thanh"
# one KCT deputy with blank ethnicity
blank_eth = find(11, "pct_mttq") if any(p["unit"] == 11 and p["posts"][0] == "pct_mttq" for p in PEOPLE) \
    else next(p for p in PEOPLE if p["unit"] == 11 and CATEGORY[p["posts"][0]] == "khong_chuyen_trach")
blank_eth["eth"] = None
blank_eth["religion"] = None
# one person entered without birth date and gender (new Phó Bí thư Đoàn, papers pending)
nogender = next(p for p in PEOPLE if p["posts"][0] == "pbt_doan" and p["unit"] >= 9)
nogender["gender"] = None
nogender["birth"] = None
USED_NAMES.discard(nogender["name"])
nogender["name"] = "Vũ Ngọc Khánh"
nogender["eth"] = "kinh"
nogender["hired"] = dt.date(2025, 3, 3)
nogender["eval"] = None
nogender["party"], nogender["party_date"] = False, None

assert 200 <= len(PEOPLE) <= 350, len(PEOPLE)

# ----------------------------------------------------------------------------------
# Text helpers
# ----------------------------------------------------------------------------------
STRIP = str.maketrans({"đ": "d", "Đ": "D"})


def no_diacritics(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.translate(STRIP)


def nfd(s):
    return unicodedata.normalize("NFD", s) if isinstance(s, str) else s


def eth_d(s):
    """Typed with U+00D0 (Latin capital eth) in place of U+0110 Đ."""
    return s.replace("Đ", "\u00d0") if isinstance(s, str) else s


BASE_MODS = {"\u0306", "\u0302", "\u031b"}   # breve, circumflex, horn


def to_cp1258_form(s):
    """NFD, then recompose the base letters ă â ê ô ơ ư (đ never decomposes) so that the
    remaining combining marks are only the five tone marks cp1258 has."""
    d = unicodedata.normalize("NFD", s)
    out = []
    i = 0
    while i < len(d):
        base = d[i]
        j = i + 1
        marks = []
        while j < len(d) and unicodedata.combining(d[j]):
            marks.append(d[j])
            j += 1
        mod = [m for m in marks if m in BASE_MODS]
        rest = [m for m in marks if m not in BASE_MODS]
        if mod:
            base = unicodedata.normalize("NFC", base + mod[0])
            assert len(base) == 1, (s, base)
        out.append(base + "".join(rest))
        i = j
    return "".join(out)


def encode_cp1258(text):
    t = to_cp1258_form(text)
    b = t.encode("cp1258")
    back = b.decode("cp1258")
    assert unicodedata.normalize("NFC", back) == unicodedata.normalize("NFC", text), "cp1258 round trip"
    return b


def fmt_date(d, style):
    if style == "dmy/":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy.":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "d-m-yy":
        return f"{d.day}-{d.month}-{d.year % 100:02d}"
    if style == "d-m-yyyy":
        return f"{d.day}-{d.month}-{d.year}"
    raise ValueError(style)


def ge_text(ge, style="slash"):
    sysg, grade, bt = ge
    s = f"{grade}/{sysg}"
    if bt:
        s += {"slash": " BT", "paren": " (BT)", "nd": " BT"}[style]
    return s


# ----------------------------------------------------------------------------------
# Position spellings, one dictionary per office
# ----------------------------------------------------------------------------------
def pos_text(p, spell, join, reverse_hdnd=False, unit_kind="xa"):
    posts = list(p["posts"])
    if reverse_hdnd and "ct_hdnd" in posts and posts[0] != "ct_hdnd":
        posts = ["ct_hdnd"] + [x for x in posts if x != "ct_hdnd"]
    parts = []
    for code in posts:
        v = spell[code]
        if isinstance(v, dict):
            v = v[unit_kind]
        parts.append(v)
    return join.join(parts)


SP_NOIVU = {  # F1 Phòng Nội vụ: full titles
    "bt_du": "Bí thư Đảng ủy", "pbt_du": "Phó Bí thư Đảng ủy",
    "pbt_tt_du": "Phó Bí thư Thường trực Đảng ủy", "ct_hdnd": "Chủ tịch HĐND",
    "pct_hdnd": "Phó Chủ tịch HĐND", "ct_ubnd": "Chủ tịch UBND", "pct_ubnd": "Phó Chủ tịch UBND",
    "ct_mttq": "Chủ tịch Ủy ban MTTQ Việt Nam", "bt_doan": "Bí thư Đoàn TNCS Hồ Chí Minh",
    "ct_pn": "Chủ tịch Hội Liên hiệp Phụ nữ", "ct_nd": "Chủ tịch Hội Nông dân",
    "ct_ccb": "Chủ tịch Hội Cựu chiến binh", "cht_qs": "Chỉ huy trưởng Ban CHQS",
    "vp_tk": "Công chức Văn phòng - Thống kê",
    "dc_xd": {"xa": "Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường",
              "tt": "Công chức Địa chính - Xây dựng - Đô thị và Môi trường"},
    "tc_kt": "Công chức Tài chính - Kế toán", "tp_ht": "Công chức Tư pháp - Hộ tịch",
    "vh_xh": "Công chức Văn hóa - Xã hội", "pcht_qs": "Phó Chỉ huy trưởng Ban CHQS",
    "pct_mttq": "Phó Chủ tịch Ủy ban MTTQ Việt Nam", "pbt_doan": "Phó Bí thư Đoàn TNCS Hồ Chí Minh",
    "pct_pn": "Phó Chủ tịch Hội Liên hiệp Phụ nữ", "pct_nd": "Phó Chủ tịch Hội Nông dân",
    "pct_ccb": "Phó Chủ tịch Hội Cựu chiến binh",
}
SP_DOT = {  # F2 per-commune workbook: dotted abbreviations
    "bt_du": "BT.ĐU", "pbt_du": "P.BT ĐU", "pbt_tt_du": "P.BT TT ĐU", "ct_hdnd": "CT.HĐND",
    "pct_hdnd": "P.CT HĐND", "ct_ubnd": "CT.UBND", "pct_ubnd": "P.CT UBND",
    "ct_mttq": "CT.UBMTTQ", "bt_doan": "BT.Đoàn TN", "ct_pn": "CT.HLHPN", "ct_nd": "CT.HND",
    "ct_ccb": "CT.HCCB", "cht_qs": "CHT.BCHQS", "vp_tk": "CC.VP-TK",
    "dc_xd": {"xa": "CC.ĐC-NN-XD-MT", "tt": "CC.ĐC-XD-ĐT-MT"}, "tc_kt": "CC.TC-KT",
    "tp_ht": "CC.TP-HT", "vh_xh": "CC.VH-XH", "pcht_qs": "P.CHT BCHQS",
    "pct_mttq": "P.CT UBMTTQ", "pbt_doan": "P.BT Đoàn TN", "pct_pn": "P.CT HLHPN",
    "pct_nd": "P.CT HND", "pct_ccb": "P.CT HCCB",
}


def sp_commune_words(kind):
    w = "thị trấn" if kind == "tt" else "xã"
    return {  # F3 CSV from the district HR software export: words + "xã"
        "bt_du": f"Bí thư Đảng ủy {w}", "pbt_du": f"Phó Bí thư Đảng ủy {w}",
        "pbt_tt_du": f"Phó Bí thư Thường trực Đảng ủy {w}", "ct_hdnd": f"Chủ tịch HĐND {w}",
        "pct_hdnd": f"Phó Chủ tịch HĐND {w}", "ct_ubnd": f"Chủ tịch UBND {w}",
        "pct_ubnd": f"Phó Chủ tịch UBND {w}", "ct_mttq": "Chủ tịch Ủy ban MTTQ",
        "bt_doan": f"Bí thư Đoàn {w}", "ct_pn": "Chủ tịch Hội Phụ nữ", "ct_nd": "Chủ tịch Hội Nông dân",
        "ct_ccb": "Chủ tịch Hội CCB", "cht_qs": "Chỉ huy trưởng Quân sự", "vp_tk": "Văn phòng - Thống kê",
        "dc_xd": "Địa chính - Xây dựng", "tc_kt": "Tài chính - Kế toán", "tp_ht": "Tư pháp - Hộ tịch",
        "vh_xh": "Văn hóa - Xã hội", "pcht_qs": "Phó Chỉ huy trưởng Quân sự",
        "pct_mttq": "Phó Chủ tịch Ủy ban MTTQ", "pbt_doan": f"Phó Bí thư Đoàn {w}",
        "pct_pn": "Phó Chủ tịch Hội Phụ nữ", "pct_nd": "Phó Chủ tịch Hội Nông dân",
        "pct_ccb": "Phó Chủ tịch Hội CCB",
    }


SP_SHORT = {  # F4 cp1258 CSV: short forms, "Kế toán" alone
    "bt_du": "Bí thư ĐU", "pbt_du": "PBT ĐU", "pbt_tt_du": "PBT TT ĐU", "ct_hdnd": "CT HĐND",
    "pct_hdnd": "PCT HĐND", "ct_ubnd": "CT UBND", "pct_ubnd": "PCT UBND", "ct_mttq": "CT MTTQ",
    "bt_doan": "BT Đoàn TNCS HCM", "ct_pn": "CT Hội LHPN", "ct_nd": "CT Hội ND", "ct_ccb": "CT Hội CCB",
    "cht_qs": "CHT Quân sự", "vp_tk": "VP-TK",
    "dc_xd": {"xa": "Địa chính - NN - XD - MT", "tt": "Địa chính - XD - ĐT - MT"},
    "tc_kt": "Kế toán", "tp_ht": "Tư pháp - HT", "vh_xh": "VH-XH", "pcht_qs": "Phó CHT QS",
    "pct_mttq": "PCT MTTQ", "pbt_doan": "P.BT Đoàn", "pct_pn": "PCT Hội LHPN", "pct_nd": "PCT Hội ND",
    "pct_ccb": "PCT Hội CCB",
}
SP_LONG = {  # F5 tab txt: everything spelt out, "Ủy ban nhân dân"
    "bt_du": "Bí thư Đảng ủy", "pbt_du": "Phó Bí thư ĐU", "pbt_tt_du": "Phó BT Thường trực ĐU",
    "ct_hdnd": "Chủ tịch Hội đồng nhân dân", "pct_hdnd": "Phó Chủ tịch Hội đồng nhân dân",
    "ct_ubnd": "Chủ tịch Ủy ban nhân dân", "pct_ubnd": "Phó Chủ tịch Ủy ban nhân dân",
    "ct_mttq": "Chủ tịch Ủy ban Mặt trận Tổ quốc", "bt_doan": "Bí thư Đoàn Thanh niên",
    "ct_pn": "Chủ tịch Hội Phụ nữ", "ct_nd": "Chủ tịch Hội Nông dân", "ct_ccb": "Chủ tịch Hội Cựu chiến binh",
    "cht_qs": "Chỉ huy trưởng Quân sự", "vp_tk": "Văn phòng - Thống kê",
    "dc_xd": {"xa": "Địa chính - Nông nghiệp - Xây dựng và Môi trường",
              "tt": "Địa chính - Xây dựng - Đô thị và Môi trường"},
    "tc_kt": "Tài chính - Kế toán", "tp_ht": "Tư pháp - Hộ tịch", "vh_xh": "Văn hóa - Xã hội",
    "pcht_qs": "Phó Chỉ huy trưởng Quân sự", "pct_mttq": "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc",
    "pbt_doan": "Phó Bí thư Đoàn Thanh niên", "pct_pn": "Phó Chủ tịch Hội Phụ nữ",
    "pct_nd": "Phó Chủ tịch Hội Nông dân", "pct_ccb": "Phó Chủ tịch Hội Cựu chiến binh",
}
SP_ABBR = {  # F6 xls: bare acronyms "CC VP-TK"
    "bt_du": "BT ĐU", "pbt_du": "PBT ĐU", "pbt_tt_du": "PBT-TT ĐU", "ct_hdnd": "CT HĐND",
    "pct_hdnd": "PCT HĐND", "ct_ubnd": "CT UBND", "pct_ubnd": "PCT UBND", "ct_mttq": "CT UB MTTQ VN",
    "bt_doan": "BT Đoàn TNCS HCM", "ct_pn": "CT HLHPN", "ct_nd": "CT HND", "ct_ccb": "CT HCCB",
    "cht_qs": "CHT BCH QS", "vp_tk": "CC VP-TK", "dc_xd": {"xa": "CC ĐC-NN-XD-MT", "tt": "CC ĐC-XD-ĐT-MT"},
    "tc_kt": "CC TC-KT", "tp_ht": "CC TP-HT", "vh_xh": "CC VH-XH", "pcht_qs": "P.CHT BCH QS",
    "pct_mttq": "PCT UB MTTQ VN", "pbt_doan": "PBT Đoàn TNCS HCM", "pct_pn": "PCT HLHPN",
    "pct_nd": "PCT HND", "pct_ccb": "PCT HCCB",
}


def sp_party(kind):
    w = "thị trấn" if kind == "tt" else "xã"
    return {  # F7 Ban Tổ chức Huyện ủy: old-style "uỷ", unit word appended
        "bt_du": "Bí thư Đảng uỷ", "pbt_du": "Phó Bí thư Đảng uỷ",
        "pbt_tt_du": "Phó Bí thư Thường trực Đảng uỷ", "ct_hdnd": f"Chủ tịch HĐND {w}",
        "pct_hdnd": f"Phó Chủ tịch HĐND {w}", "ct_ubnd": f"Chủ tịch UBND {w}",
        "pct_ubnd": f"Phó Chủ tịch UBND {w}", "ct_mttq": f"Chủ tịch UB MTTQ {w}",
        "bt_doan": f"Bí thư Đoàn {w}", "ct_pn": f"Chủ tịch Hội LHPN {w}", "ct_nd": f"Chủ tịch Hội Nông dân {w}",
        "ct_ccb": f"Chủ tịch Hội CCB {w}", "cht_qs": f"Chỉ huy trưởng Quân sự {w}",
        "vp_tk": "CC Văn phòng - Thống kê", "dc_xd": "CC Địa chính - Xây dựng",
        "tc_kt": "CC Tài chính - Kế toán", "tp_ht": "CC Tư pháp - Hộ tịch", "vh_xh": "CC Văn hoá - Xã hội",
        "pcht_qs": f"Phó CHT Quân sự {w}", "pct_mttq": f"Phó Chủ tịch UB MTTQ {w}",
        "pbt_doan": f"Phó Bí thư Đoàn {w}", "pct_pn": f"Phó Chủ tịch Hội LHPN {w}",
        "pct_nd": f"Phó Chủ tịch Hội Nông dân {w}", "pct_ccb": f"Phó Chủ tịch Hội CCB {w}",
    }


SP_HYPHEN = {  # F8 rà soát: hyphen-glued acronyms
    "bt_du": "BT-ĐU", "pbt_du": "PBT-ĐU", "pbt_tt_du": "PBT TT-ĐU", "ct_hdnd": "CT-HĐND",
    "pct_hdnd": "PCT-HĐND", "ct_ubnd": "CT-UBND", "pct_ubnd": "PCT-UBND", "ct_mttq": "CT-MTTQ",
    "bt_doan": "BT-Đoàn TN", "ct_pn": "CT-HPN", "ct_nd": "CT-HND", "ct_ccb": "CT-CCB",
    "cht_qs": "CHT-QS", "vp_tk": "VP-TK", "dc_xd": "ĐC-XD", "tc_kt": "TC-KT", "tp_ht": "TP-HT",
    "vh_xh": "VH-XH", "pcht_qs": "Phó CHT-QS", "pct_mttq": "PCT-MTTQ", "pbt_doan": "PBT-Đoàn TN",
    "pct_pn": "PCT-HPN", "pct_nd": "PCT-HND", "pct_ccb": "PCT-CCB",
}
SP_NODIA = {  # F9 no diacritics
    "bt_du": "Bi thu Dang uy", "pbt_du": "Pho Bi thu Dang uy", "pbt_tt_du": "Pho Bi thu TT Dang uy",
    "ct_hdnd": "Chu tich HDND", "pct_hdnd": "Pho Chu tich HDND", "ct_ubnd": "Chu tich UBND",
    "pct_ubnd": "Pho Chu tich UBND", "ct_mttq": "Chu tich UB MTTQ", "bt_doan": "Bi thu Doan TN",
    "ct_pn": "Chu tich Hoi Phu nu", "ct_nd": "Chu tich Hoi Nong dan", "ct_ccb": "Chu tich Hoi CCB",
    "cht_qs": "Chi huy truong Quan su", "vp_tk": "Van phong - Thong ke",
    "dc_xd": {"xa": "Dia chinh - Nong nghiep - Xay dung va Moi truong",
              "tt": "Dia chinh - Xay dung - Do thi va Moi truong"},
    "tc_kt": "Tai chinh - Ke toan", "tp_ht": "Tu phap - Ho tich", "vh_xh": "Van hoa - Xa hoi",
    "pcht_qs": "Pho Chi huy truong Quan su", "pct_mttq": "Pho Chu tich UB MTTQ",
    "pbt_doan": "Pho Bi thu Doan TN", "pct_pn": "Pho Chu tich Hoi Phu nu",
    "pct_nd": "Pho Chu tich Hoi Nong dan", "pct_ccb": "Pho Chu tich Hoi CCB",
}
SP_MIXED = {  # F10 district summary workbook: half-abbreviated, " - " between posts
    "bt_du": "Bí thư Đảng ủy", "pbt_du": "P. Bí thư Đảng ủy", "pbt_tt_du": "PBT Thường trực Đảng ủy",
    "ct_hdnd": "CT HĐND", "pct_hdnd": "Phó CT HĐND", "ct_ubnd": "CT UBND", "pct_ubnd": "Phó CT UBND",
    "ct_mttq": "CT UBMTTQ", "bt_doan": "Bí thư Đoàn TN", "ct_pn": "CT Hội Phụ nữ",
    "ct_nd": "CT Hội Nông dân", "ct_ccb": "CT Hội Cựu chiến binh", "cht_qs": "Chỉ huy trưởng QS",
    "vp_tk": "Văn phòng - Thống kê",
    "dc_xd": {"xa": "Địa chính - NN - XD và MT", "tt": "Địa chính - XD - ĐT và MT"},
    "tc_kt": "Tài chính - Kế toán", "tp_ht": "Tư pháp - Hộ tịch", "vh_xh": "Văn hóa - Xã hội",
    "pcht_qs": "Phó CHT Quân sự", "pct_mttq": "Phó CT UBMTTQ", "pbt_doan": "Phó BT Đoàn TN",
    "pct_pn": "Phó CT Hội Phụ nữ", "pct_nd": "Phó CT Hội Nông dân", "pct_ccb": "Phó CT Hội CCB",
}

# ----------------------------------------------------------------------------------
# Level spellings
# ----------------------------------------------------------------------------------
PROF_ABBR = {"thac_si": "ThS", "dai_hoc": "ĐH", "cao_dang": "CĐ", "trung_cap": "TC", "so_cap": "SC"}
PROF_WORD = {"thac_si": "Thạc sĩ", "dai_hoc": "Đại học", "cao_dang": "Cao đẳng", "trung_cap": "Trung cấp",
             "so_cap": "Sơ cấp", "tien_si": "Tiến sĩ"}
FIELD_SHORT = {"qlkt": "QLKT", "qlnn": "QLNN", "xddang": "XD Đảng", "qldd": "QLĐĐ", "ctxh": "CTXH"}


def prof_combined_abbr(p):     # "ĐH Luật", "TC Kế toán", "ThS QLKT"
    if p["prof"] == "none":
        return ""
    f = FIELDS[p["field"]]
    f = FIELD_SHORT.get(p["field"], f)
    return f"{PROF_ABBR[p['prof']]} {f}"


def prof_combined_words(p):    # "Đại học Luật"; none -> "Chưa qua đào tạo"
    if p["prof"] == "none":
        return "Chưa qua đào tạo"
    return f"{PROF_WORD[p['prof']]} {FIELDS[p['field']]}"


ENGINEER = {"nonghoc", "lamnghiep", "xaydung", "qldd"}


def prof_degree_name(p, short=True):
    """CN Luật / KS Nông học / ĐHSP Toán / CĐSP / TCCN / SC / ThS (F4 short, F7 long)."""
    lv, f = p["prof"], p["field"]
    if lv == "none":
        return ""
    fname = FIELDS[f]
    if lv == "thac_si":
        return ("ThS " if short else "Thạc sĩ ") + FIELD_SHORT.get(f, fname)
    if lv == "dai_hoc":
        if f in ("sptoan", "spvan"):
            subj = fname.replace("Sư phạm ", "")
            return ("ĐHSP " if short else "Cử nhân Sư phạm ") + subj
        if f in ENGINEER:
            return ("KS " if short else "Kỹ sư ") + fname
        return ("CN " if short else "Cử nhân ") + fname
    if lv == "cao_dang":
        if f in ("sptoan", "spvan"):
            return "CĐSP" if short else "Cao đẳng Sư phạm"
        return ("CĐ " if short else "Cao đẳng ") + fname
    if lv == "trung_cap":
        if short:
            return "TCCN" if p["id"] % 3 == 0 else "TC " + fname
        return "Trung cấp " + fname
    if lv == "so_cap":
        return "SC" if short else "Sơ cấp " + fname
    raise ValueError(lv)


LLCT = {
    "f1": {"cao_cap": "Cao cấp", "trung_cap": "Trung cấp", "so_cap": "Sơ cấp", "none": ""},
    "f2": {"cao_cap": "CC", "trung_cap": "TC", "so_cap": "SC", "none": ""},
    "f3": {"cao_cap": "Cao cấp LLCT", "trung_cap": "Trung cấp LLCT", "so_cap": "Sơ cấp LLCT", "none": ""},
    "f4": {"cao_cap": "CC LLCT", "trung_cap": "TCLLCT", "so_cap": "SC LLCT", "none": ""},
    "f5": {"cao_cap": "Cử nhân", "trung_cap": "Trung cấp", "so_cap": "Sơ cấp", "none": ""},
    "f7": {"cao_cap": "Cao cấp", "trung_cap": "Trung cấp", "so_cap": "Sơ cấp", "none": ""},
    "f8": {"cao_cap": "CC", "trung_cap": "TC", "so_cap": "SC", "none": ""},
    "f9": {"cao_cap": "Cao cap", "trung_cap": "Trung cap", "so_cap": "So cap", "none": ""},
    "f10": {"cao_cap": "Cao cấp LLCT", "trung_cap": "Trung cấp LLCT", "so_cap": "Sơ cấp", "none": ""},
}
QLNN = {
    "f1": {"cvc": "CVC", "cv": "CV", "can_su": "Cán sự", "none": ""},
    "f8": {"cvc": "Chuyên viên chính", "cv": "Chuyên viên", "can_su": "Cán sự", "none": ""},
    "f10": {"cvc": "CVC", "cv": "Chuyên viên", "can_su": "Cán sự", "none": ""},
}
EVAL = {
    "f1": {"xuat_sac": "HTXSNV", "tot": "HTTNV", "hoan_thanh": "HTNV",
           "han_che": "HTNV nhưng còn hạn chế về NL", "khong_hoan_thanh": "KHTNV"},
    "f2": {"xuat_sac": "HTXS NV", "tot": "HT tốt NV", "hoan_thanh": "HTNV",
           "han_che": "HTNV (còn hạn chế về năng lực)", "khong_hoan_thanh": "Không HTNV"},
    "f3": {"xuat_sac": "Hoàn thành xuất sắc nhiệm vụ", "tot": "Hoàn thành tốt nhiệm vụ",
           "hoan_thanh": "Hoàn thành nhiệm vụ",
           "han_che": "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực",
           "khong_hoan_thanh": "Không hoàn thành nhiệm vụ"},
    "f4": {"xuat_sac": "Hoàn thành xuất sắc NV", "tot": "Hoàn thành tốt NV", "hoan_thanh": "Hoàn thành NV",
           "han_che": "HTNV, hạn chế năng lực", "khong_hoan_thanh": "Không hoàn thành NV"},
    "f5": {"xuat_sac": "HTXSNV", "tot": "HTTNV", "hoan_thanh": "HTNV",
           "han_che": "Hoàn thành NV nhưng còn hạn chế về năng lực", "khong_hoan_thanh": "KHTNV"},
    "f6": {"xuat_sac": "Hoàn thành XSNV", "tot": "Hoàn thành tốt NV", "hoan_thanh": "Hoàn thành NV",
           "han_che": "HTNV nhưng hạn chế về năng lực", "khong_hoan_thanh": "Không hoàn thành NV"},
    "f8": {"xuat_sac": "HTXSNV", "tot": "HTTNV", "hoan_thanh": "HTNV",
           "han_che": "Hoàn thành tốt nhiệm vụ nhưng còn hạn chế về năng lực", "khong_hoan_thanh": "KHTNV"},
    "f9": {"xuat_sac": "Hoan thanh xuat sac nhiem vu", "tot": "HTTNV", "hoan_thanh": "Hoan thanh nhiem vu",
           "han_che": "Hoan thanh nhiem vu nhung con han che ve nang luc",
           "khong_hoan_thanh": "Khong hoan thanh nhiem vu"},
    "f10": {"xuat_sac": "HTXSNV", "tot": "HTTNV", "hoan_thanh": "HTNV",
            "han_che": "HTNV nhưng còn hạn chế về NL", "khong_hoan_thanh": "KHTNV"},
}
ETH = {  # per-file ethnic spellings (None key = blank)
    "f1": {"mong": "Mông", "khomu": "Khơ Mú"},
    "f2": {"mong": "H'Mông", "khomu": "Khơ Mú"},
    "f3": {"mong": "Hmông", "khomu": "Khơmú"},
    "f4": {"mong": "Mông", "khomu": "Khơ Mú"},
    "f5": {"mong": "HMông", "khomu": "Khơ mú"},
    "f6": {"mong": "Mông", "khomu": "Khơ Mú"},
    "f7": {"mong": "H'mông", "khomu": "Khơ Mú"},
    "f8": {"mong": "Mông", "khomu": "Kho Mú"},
    "f10": {"mong": "H'Mông", "khomu": "Khơmú"},
}


def eth_text(p, fk):
    if p["eth"] is None:
        return ""
    return ETH[fk].get(p["eth"], ETH_NAME[p["eth"]])


def ev_text(p, fk):
    return "" if p["eval"] is None else EVAL[fk][p["eval"]]


# ----------------------------------------------------------------------------------
# Expected figures
# ----------------------------------------------------------------------------------
def completed_age(b):
    return AS_OF.year - b.year - ((AS_OF.month, AS_OF.day) < (b.month, b.day))


def band_index(age):
    i = 0
    for k, lo in enumerate(BANDS):
        if age >= lo:
            i = k + 1
    return i


def ge_class(ge):
    sysg, grade, _ = ge
    if grade == sysg:
        return "thpt"
    if (sysg == 12 and 9 <= grade <= 11) or (sysg == 10 and 7 <= grade <= 9):
        return "thcs"
    return "tieu_hoc"


def expected(view, cols, layout, extra=None):
    """view: list of (person, seen) with seen = {'birth': 'date'|'year'|None,
    'gender': 'nam'|'nu'|None}; cols: set of breakdown names present in the file."""
    n = len(view)
    e = {"_layout": layout, "_as_of": AS_OF.isoformat(), "_age_bands": "30,46,61", "people": n}
    e["category"] = {k: 0 for k in ["can_bo", "cong_chuc", "khong_chuyen_trach", "unknown"]}
    for p, _ in view:
        e["category"][CATEGORY[p["posts"][0]]] += 1
    e["gender"] = {"nam": 0, "nu": 0, "unknown": 0}
    for _, s in view:
        e["gender"][s["gender"] or "unknown"] += 1
    e["party_member"] = sum(1 for p, _ in view if p["party"]) if "party" in cols else None
    e["ethnic_minority"] = (sum(1 for p, _ in view if p["eth"] not in (None, "kinh"))
                            if "ethnic" in cols else None)
    if "general_education" in cols:
        d = {k: 0 for k in ["thpt", "thcs", "tieu_hoc", "none", "unknown"]}
        for p, _ in view:
            d[ge_class(p["ge"])] += 1
        e["general_education"] = d
    else:
        e["general_education"] = None
    d = {k: 0 for k in ["tien_si", "thac_si", "dai_hoc", "cao_dang", "trung_cap", "so_cap", "none", "unknown"]}
    for p, _ in view:
        d[p["prof"]] += 1
    e["professional"] = d
    d = {k: 0 for k in ["cao_cap", "trung_cap", "so_cap", "none", "unknown"]}
    for p, _ in view:
        d[p["llct"]] += 1
    e["political_theory"] = d
    if "state_management" in cols:
        d = {k: 0 for k in ["cvcc", "cvc", "cv", "can_su", "none", "unknown"]}
        for p, _ in view:
            d[p["qlnn"]] += 1
        e["state_management"] = d
    else:
        e["state_management"] = None
    if "evaluation" in cols:
        d = {k: 0 for k in ["xuat_sac", "tot", "hoan_thanh", "han_che", "khong_hoan_thanh", "none", "unknown"]}
        for p, _ in view:
            d[p["eval"] or "none"] += 1
        e["evaluation"] = d
    else:
        e["evaluation"] = None
    bands = [{"label": "<=29", "from": None, "to": 29, "count": 0},
             {"label": "30-45", "from": 30, "to": 45, "count": 0},
             {"label": "46-60", "from": 46, "to": 60, "count": 0},
             {"label": ">=61", "from": 61, "to": None, "count": 0}]
    unknown = 0
    for p, s in view:
        if s["birth"] is None or p["birth"] is None:
            unknown += 1
            continue
        age = completed_age(p["birth"]) if s["birth"] == "date" else AS_OF.year - p["birth"].year
        bands[band_index(age)]["count"] += 1
    e["age"] = {"bands": bands, "unknown": unknown}
    e["unit_count"] = len({p["unit"] for p, _ in view})
    # consistency
    for k in ["category", "gender", "general_education", "professional", "political_theory",
              "state_management", "evaluation"]:
        if e[k] is not None:
            assert sum(e[k].values()) == n, k
    assert sum(b["count"] for b in bands) + unknown == n
    if extra:
        e.update(extra)
    return e


def write_expected(fname, e):
    with open(os.path.join(OUT, fname + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(e, f, ensure_ascii=False, indent=2)
        f.write("\n")


def seen(p, birth_mode, gender_mode="column"):
    """What a careful clerk can read from this file about birth and gender."""
    b = None if p["birth"] is None else birth_mode
    if gender_mode == "column" or gender_mode == "split":
        g = p["gender"] if (gender_mode == "column" or p["birth"] is not None) else None
    elif gender_mode == "lone_nu":
        g = "nu" if p["gender"] == "nu" else "nam"
    elif gender_mode == "lone_nam":
        g = "nam" if p["gender"] == "nam" else "nu"
    else:
        raise ValueError(gender_mode)
    return {"birth": b, "gender": g}


def by_unit():
    out = []
    for u in range(len(UNITS)):
        out.append([p for p in PEOPLE if p["unit"] == u])
    return out


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"]
THIN = Font(name="Times New Roman", size=11)
BOLD = Font(name="Times New Roman", size=11, bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def save_wb(wb, fname):
    wb.properties.creator = "Phòng Nội vụ"
    wb.properties.created = dt.datetime(2025, 7, 5, 8, 0, 0)
    wb.properties.modified = dt.datetime(2025, 7, 5, 8, 0, 0)
    wb.save(os.path.join(OUT, fname))


def xl_merge(ws, r1, c1, r2, c2, value, bold=True):
    ws.cell(r1, c1, value).font = BOLD if bold else THIN
    ws.cell(r1, c1).alignment = CENTER
    if (r1, c1) != (r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


# ==================================================================================
# F1  Phòng Nội vụ huyện: government form, 3 merged header rows, Nam|Nữ birth split
# ==================================================================================
def f1():
    fname = "nam-van-phong-noi-vu.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.cell(1, 1, "UBND HUYỆN NẬM VÂN").font = BOLD
    ws.cell(1, 9, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").font = BOLD
    ws.cell(2, 1, "PHÒNG NỘI VỤ").font = BOLD
    ws.cell(2, 9, "Độc lập - Tự do - Hạnh phúc").font = BOLD
    xl_merge(ws, 4, 1, 4, 17, "DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ")
    xl_merge(ws, 5, 1, 5, 17, "(Có đến ngày 30/6/2025)", bold=False)
    h = 7
    # columns: 1 STT,2 Họ tên,3 Nam,4 Nữ,5 Dân tộc,6 Tôn giáo,7 Chức vụ,8 Ngày tuyển dụng,
    # 9 Ngày vào Đảng,10 GDPT,11 CM trình độ,12 CM chuyên ngành,13 LLCT,14 QLNN,15 Xếp loại,16 Ghi chú
    xl_merge(ws, h, 1, h + 2, 1, "STT")
    xl_merge(ws, h, 2, h + 2, 2, "Họ và tên")
    xl_merge(ws, h, 3, h, 4, "Ngày, tháng, năm sinh")
    xl_merge(ws, h + 1, 3, h + 2, 3, "Nam")
    xl_merge(ws, h + 1, 4, h + 2, 4, "Nữ")
    xl_merge(ws, h, 5, h + 2, 5, "Dân tộc")
    xl_merge(ws, h, 6, h + 2, 6, "Tôn giáo")
    xl_merge(ws, h, 7, h + 2, 7, "Chức vụ, chức danh")
    xl_merge(ws, h, 8, h + 2, 8, "Ngày tuyển dụng")
    xl_merge(ws, h, 9, h + 2, 9, "Ngày vào Đảng")
    xl_merge(ws, h, 10, h, 14, "Trình độ")
    xl_merge(ws, h + 1, 10, h + 2, 10, "GDPT")
    xl_merge(ws, h + 1, 11, h + 1, 12, "Chuyên môn nghiệp vụ")
    ws.cell(h + 2, 11, "Trình độ").font = BOLD
    ws.cell(h + 2, 12, "Chuyên ngành").font = BOLD
    xl_merge(ws, h + 1, 13, h + 2, 13, "LLCT")
    xl_merge(ws, h + 1, 14, h + 2, 14, "QLNN")
    xl_merge(ws, h, 15, h + 2, 15, "Kết quả đánh giá, xếp loại năm 2024")
    xl_merge(ws, h, 16, h + 2, 16, "Ghi chú")
    for c in range(1, 17):
        ws.cell(h + 3, c, f"({c})").alignment = CENTER
    r = h + 4
    view = []
    k = 0
    dstyles = ["excel"] * 6 + ["dmy."] * 2 + ["dmy/"]
    for u, people in enumerate(by_unit()):
        ws.cell(r, 1, ROMAN[u]).font = BOLD
        ws.cell(r, 2, unit_full(u, "upper")).font = BOLD
        r += 1
        for i, p in enumerate(people, 1):
            k += 1
            ws.cell(r, 1, i)
            ws.cell(r, 2, p["name"])
            if p["birth"] is not None:
                col = 3 if p["gender"] == "nam" else 4
                st = dstyles[(p["id"] * 7) % len(dstyles)]
                if st == "excel":
                    c = ws.cell(r, col, p["birth"])
                    c.number_format = "dd/mm/yyyy"
                else:
                    ws.cell(r, col, fmt_date(p["birth"], st))
            ws.cell(r, 5, eth_text(p, "f1"))
            ws.cell(r, 6, p["religion"] or "Không")
            ws.cell(r, 7, pos_text(p, SP_NOIVU, " kiêm ", unit_kind=UNITS[u][0]))
            c = ws.cell(r, 8, p["hired"])
            c.number_format = "dd/mm/yyyy"
            if p["party_date"]:
                c = ws.cell(r, 9, p["party_date"])
                c.number_format = "dd/mm/yyyy"
            ws.cell(r, 10, ge_text(p["ge"]))
            if p["prof"] != "none":
                ws.cell(r, 11, PROF_ABBR[p["prof"]])
                ws.cell(r, 12, FIELDS[p["field"]])
            ws.cell(r, 13, LLCT["f1"][p["llct"]] or None)
            ws.cell(r, 14, QLNN["f1"][p["qlnn"]] or None)
            ws.cell(r, 15, ev_text(p, "f1") or None)
            if p["eval"] is None:
                ws.cell(r, 16, "Tuyển dụng năm 2025")
            view.append((p, seen(p, "date", "split")))
            r += 1
        ws.cell(r, 2, f"Cộng: {len(people)} người").font = BOLD
        r += 1
    ws.cell(r, 2, "TỔNG CỘNG").font = BOLD
    ws.cell(r, 3, f"{k} người").font = BOLD
    r += 2
    ws.cell(r, 2, "Người lập biểu").font = BOLD
    ws.cell(r, 12, "Nậm Vân, ngày 05 tháng 7 năm 2025").font = THIN
    ws.cell(r + 1, 12, "TRƯỞNG PHÒNG").font = BOLD
    ws.cell(r + 5, 2, "Trần Thị Mai Phương").font = BOLD
    ws.cell(r + 5, 12, "Hoàng Văn Dũng").font = BOLD
    widths = [5, 24, 11, 11, 8, 9, 34, 11, 11, 8, 8, 18, 10, 8, 20, 14]
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    save_wb(wb, fname)
    layout = ("Phòng Nội vụ form: 2 title rows, 3 merged header rows ('Ngày, tháng, năm sinh' over Nam|Nữ; "
              "'Trình độ' over GDPT, 'Chuyên môn nghiệp vụ' over Trình độ|Chuyên ngành, LLCT, QLNN), "
              "number row (1)..(16); roman group rows 'I | THỊ TRẤN NẬM VÂN' with unit in name column, "
              "'Cộng: N người' rows, 'TỔNG CỘNG', signature footer. Birth in Nam or Nữ column gives gender "
              "(Excel dates, some dd.mm.yyyy / dd/mm/yyyy text); party from 'Ngày vào Đảng' dates; "
              "one person has no birth date and so no gender.")
    write_expected(fname, expected(view, {"party", "ethnic", "general_education", "state_management",
                                          "evaluation"}, layout))
    return fname, len(view)


# ==================================================================================
# F2  one sheet per commune + "Tổng hợp" summary sheet first
# ==================================================================================
def f2():
    fname = "nam-van-theo-xa.xlsx"
    wb = openpyxl.Workbook()
    summ = wb.active
    summ.title = "Tổng hợp"
    view = []
    units = by_unit()
    summ.cell(1, 1, "TỔNG HỢP SỐ LƯỢNG, CHẤT LƯỢNG CB, CC CẤP XÃ HUYỆN NẬM VÂN").font = BOLD
    heads = ["TT", "Đơn vị", "Tổng số", "Nữ", "Đảng viên", "DTTS", "ĐH trở lên", "TC LLCT trở lên"]
    for c, t in enumerate(heads, 1):
        summ.cell(3, c, t).font = BOLD
    tot = [0] * 6
    for u, people in enumerate(units):
        nums = [len(people), sum(p["gender"] == "nu" for p in people), sum(p["party"] for p in people),
                sum(p["eth"] not in (None, "kinh") for p in people),
                sum(p["prof"] in ("dai_hoc", "thac_si") for p in people),
                sum(p["llct"] in ("trung_cap", "cao_cap") for p in people)]
        summ.cell(4 + u, 1, u + 1)
        summ.cell(4 + u, 2, unit_full(u))
        for j, v in enumerate(nums):
            summ.cell(4 + u, 3 + j, v)
            tot[j] += v
    summ.cell(4 + len(units), 2, "Tổng cộng").font = BOLD
    for j, v in enumerate(tot):
        summ.cell(4 + len(units), 3 + j, v).font = BOLD
    # unit sheets
    cols = ["TT", "Họ và tên", "Mã CB", "Giới tính", "Ngày sinh", "Dân tộc", "Chức vụ", "Đảng viên",
            "Văn hóa", "Chuyên môn", "Lý luận CT", "Xếp loại 2024"]
    for u, people in enumerate(units):
        ws = wb.create_sheet(unit_full(u))
        start = 1 + (u % 3)   # title block height differs between communes
        ws.cell(start, 1, f"DANH SÁCH CÁN BỘ, CÔNG CHỨC {unit_full(u, 'upper')}").font = BOLD
        hr = start + 2
        for c, t in enumerate(cols, 1):
            ws.cell(hr, c, t).font = BOLD
        ws.column_dimensions["C"].hidden = True
        r = hr + 1
        order = list(people)
        for i, p in enumerate(order, 1):
            if u % 4 == 1 and i == 12:
                r += 1            # stray blank row
            ws.cell(r, 1, i)
            ws.cell(r, 2, p["name"])
            ws.cell(r, 3, f"NV{u + 1:02d}{i:03d}")
            ws.cell(r, 4, {"nam": "Nam", "nu": "Nữ", None: None}[p["gender"]])
            if p["birth"] is not None:
                b = p["birth"]
                ws.cell(r, 5, fmt_date(b, "d-m-yy") if b.year < 2000 else fmt_date(b, "dmy/"))
            ws.cell(r, 6, eth_text(p, "f2"))
            ws.cell(r, 7, pos_text(p, SP_DOT, ", ", unit_kind=UNITS[u][0]))
            ws.cell(r, 8, "x" if p["party"] else None)
            ws.cell(r, 9, ge_text(p["ge"]))
            ws.cell(r, 10, prof_combined_abbr(p) or None)
            ws.cell(r, 11, LLCT["f2"][p["llct"]] or None)
            ws.cell(r, 12, ev_text(p, "f2") or None)
            view.append((p, seen(p, "date", "column")))
            r += 1
        for i, w in enumerate([4, 24, 9, 8, 10, 8, 22, 8, 8, 16, 9, 16], 1):
            ws.column_dimensions[get_column_letter(i)].width = w
    save_wb(wb, fname)
    layout = ("Summary sheet 'Tổng hợp' first (aggregate numbers, not a roster), then one sheet per unit named "
              "'Xã …'/'Thị trấn …' (no unit column); each sheet: title row at a varying height, blank row, one "
              "header row; hidden column C 'Mã CB'; a stray blank row in some sheets. Gender 'Nam'/'Nữ' "
              "(one blank); birth as d-m-yy text ('7-3-85') for births before 2000, dd/mm/yyyy after; party "
              "'x' under 'Đảng viên'; dotted titles 'BT.ĐU', 'P.BT ĐU, CT.UBND', 'CC.TC-KT'; professional with "
              "field attached ('ĐH Luật', 'TC Kế toán', 'ThS QLKT'); LLCT TC/CC/SC; evaluation 'HT tốt NV', "
              "'HTXS NV', 'HTNV (còn hạn chế về năng lực)', 'Không HTNV'.")
    write_expected(fname, expected(view, {"party", "ethnic", "general_education", "evaluation"}, layout))
    return fname, len(view)


# ==================================================================================
# F3  UTF-8 CSV with BOM, semicolons, year of birth only, no GDPT column
# ==================================================================================
def f3():
    fname = "nam-van-phan-mem.csv"
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["STT", "Họ tên", "Năm sinh", "Giới tính", "DT", "TG", "Đơn vị", "Chức danh", "ĐV",
                "CMNV", "LLCT", "Kết quả đánh giá"])
    view = []
    order = sorted(PEOPLE, key=lambda p: (CATEGORY[p["posts"][0]] != "can_bo",
                                          CATEGORY[p["posts"][0]] == "khong_chuyen_trach", p["unit"], p["id"]))
    for i, p in enumerate(order, 1):
        u = p["unit"]
        w.writerow([i, p["name"], p["birth"].year if p["birth"] else "",
                    {"nam": "nam", "nu": "nữ", None: ""}[p["gender"]], eth_text(p, "f3"),
                    p["religion"] or "", unit_full(u),
                    pos_text(p, sp_commune_words(UNITS[u][0]), " kiêm ", unit_kind=UNITS[u][0]),
                    "x" if p["party"] else "", prof_combined_words(p), LLCT["f3"][p["llct"]],
                    ev_text(p, "f3")])
        view.append((p, seen(p, "year", "column")))
    with open(os.path.join(OUT, fname), "wb") as f:
        f.write(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    layout = ("UTF-8 with BOM, ';' separated, CRLF, one header row (STT;Họ tên;Năm sinh;Giới tính;DT;TG;Đơn vị;"
              "Chức danh;ĐV;CMNV;LLCT;Kết quả đánh giá). Sorted cán bộ, công chức, KCT, unit in 'Đơn vị'. Birth is "
              "the year only (age = 2025 - year); gender lower-case 'nam'/'nữ'; party 'x' under 'ĐV'; titles "
              "spelt out with the unit word ('Chủ tịch UBND xã', 'Bí thư Đoàn xã', 'Phó Chủ tịch Ủy ban MTTQ'); "
              "professional 'Đại học Luật', 'Chưa qua đào tạo'; LLCT 'Trung cấp LLCT'; no general-education "
              "column (null) and no QLNN column.")
    write_expected(fname, expected(view, {"party", "ethnic", "evaluation"}, layout))
    return fname, len(view)


# ==================================================================================
# F4  Windows-1258 CSV (Excel "CSV" on Vietnamese Windows): title lines, unit rows, lone "Nữ"
# ==================================================================================
def f4():
    fname = "nam-van-excel-1258.csv"
    ncol = 13
    rows = []

    def pad(lst):
        return lst + [""] * (ncol - len(lst))

    rows.append(pad(["HUYỆN ỦY NẬM VÂN"]))
    rows.append(pad(["", "", "DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2025"]))
    rows.append(pad([]))
    rows.append(["TT", "Họ và tên", "Ngày sinh", "Nữ", "Dân tộc", "Chức vụ", "Ngày vào Đảng", "Văn hoá",
                 "Chuyên môn", "Lý luận chính trị", "Xếp loại năm 2024", "Số điện thoại", "Ghi chú"])
    view = []
    for u, people in enumerate(by_unit()):
        rows.append(pad([f"{u + 1}", unit_full(u)]))
        for i, p in enumerate(people, 1):
            rows.append([f"{u + 1}.{i}", p["name"],
                         fmt_date(p["birth"], "dmy/") if p["birth"] else "",
                         "x" if p["gender"] == "nu" else "", eth_text(p, "f4"),
                         pos_text(p, SP_SHORT, ", ", unit_kind=UNITS[u][0]),
                         fmt_date(p["party_date"], "dmy/") if p["party_date"] else "",
                         ge_text(p["ge"], "paren"), prof_degree_name(p, short=True), LLCT["f4"][p["llct"]],
                         ev_text(p, "f4"), f"09{(p['id'] * 7919 + 1234567) % 100000000:08d}", ""])
            view.append((p, seen(p, "date", "lone_nu")))
    rows.append(pad(["", f"Tổng số: {len(view)} đồng chí"]))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=",", lineterminator="\r\n")
    for row in rows:
        w.writerow(row)
    data = encode_cp1258(buf.getvalue())
    with open(os.path.join(OUT, fname), "wb") as f:
        f.write(data)
    layout = ("Windows-1258 bytes as Excel on a Vietnamese Windows saves 'CSV (Comma delimited)': tone marks as "
              "cp1258 combining bytes after base letters (ă â ê ô ơ ư đ precomposed), ',' separated, CRLF, "
              "empty trailing fields. Two title lines and a blank line, one header row; unit rows '1,Xã Pá Hốc' "
              "(STT = unit number, rest blank) before each unit, persons numbered '1.1', '1.2'; a 'Tổng số' line "
              "at the end. Gender only as 'x' under a lone 'Nữ' column (blank = male, so the one person "
              "entered without gender counts as nam here). Dates dd/mm/yyyy; party from 'Ngày vào Đảng'; "
              "general education '12/12 (BT)'; professional 'CN Luật', 'KS Nông học', 'ĐHSP Toán', 'CĐSP', "
              "'TCCN', 'SC', 'ThS QLKT'; LLCT 'TCLLCT', 'CC LLCT', 'SC LLCT'; titles 'PBT ĐU, CT UBND', "
              "'Kế toán', 'VP-TK', 'Phó CHT QS'. A phone-number column.")
    write_expected(fname, expected(view, {"party", "ethnic", "general_education", "evaluation"}, layout))
    return fname, len(view)


# ==================================================================================
# F5  UTF-16LE tab-separated .txt ("Unicode Text"), NFD text, no party column
# ==================================================================================
def f5():
    fname = "nam-van-unicode.txt"
    head = ["STT", "Họ và tên", "Nam/Nữ", "Ngày sinh", "Dân tộc", "Xã, thị trấn", "Chức vụ", "Trình độ VH",
            "Trình độ CM", "Chuyên ngành", "Chính trị", "Đánh giá 2024"]
    lines = ["\t".join(head)]
    view = []
    order = sorted(PEOPLE, key=lambda p: (UNITS[p["unit"]][1], p["id"]))   # alphabetical by commune
    for i, p in enumerate(order, 1):
        u = p["unit"]
        cells = [str(i), p["name"] + (" " if i % 9 == 0 else ""),
                 {"nam": "Nam", "nu": "Nữ", None: ""}[p["gender"]],
                 fmt_date(p["birth"], "dmy/") if p["birth"] else "",
                 eth_text(p, "f5"), UNITS[u][1],
                 (" " if i % 11 == 0 else "") + pos_text(p, SP_LONG, " kiêm ", unit_kind=UNITS[u][0]),
                 ge_text(p["ge"]),
                 "" if p["prof"] == "none" else PROF_WORD[p["prof"]],
                 "" if p["prof"] == "none" else FIELDS[p["field"]],
                 LLCT["f5"][p["llct"]], ev_text(p, "f5")]
        lines.append("\t".join(nfd(c) for c in cells))
        view.append((p, seen(p, "date", "column")))
    text = nfd("\r\n".join(lines) + "\r\n")
    with open(os.path.join(OUT, fname), "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))
    layout = ("UTF-16LE with BOM, tab separated, CRLF (Excel 'Unicode Text'); every string in Unicode NFD. One "
              "header row, no title. Unit column 'Xã, thị trấn' holds the bare name ('Pá Hốc', 'Nậm Vân'); rows "
              "sorted by commune name. 'Nam/Nữ' column; dates dd/mm/yyyy; a few cells with leading/trailing "
              "spaces. Titles spelt out ('Chủ tịch Ủy ban nhân dân', 'Phó Chủ tịch Ủy ban Mặt trận Tổ quốc', "
              "'Phó BT Thường trực ĐU'); professional 'Đại học' + separate 'Chuyên ngành'; LLCT 'Cử nhân' for "
              "cao cấp. No party column (party_member null), no QLNN.")
    write_expected(fname, expected(view, {"ethnic", "general_education", "evaluation"}, layout))
    return fname, len(view)


# ==================================================================================
# F6  BIFF8 .xls: x-marks per level, Nam|Nữ birth split, Ð (U+00D0) typed for Đ
# ==================================================================================
def f6():
    fname = "nam-van-2003.xls"
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("CBCC xa")
    b = xlwt.easyxf("font: bold on, name Times New Roman; align: horiz center, vert center, wrap on")
    n = xlwt.easyxf("font: name Times New Roman")
    dsty = xlwt.easyxf("font: name Times New Roman", num_format_str="dd/mm/yyyy")
    E = eth_d
    ws.write_merge(0, 0, 0, 8, E("UBND HUYỆN NẬM VÂN - PHÒNG NỘI VỤ"), b)
    ws.write_merge(1, 1, 0, 17, E("DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ, THỊ TRẤN (ĐẾN 30/6/2025)"), b)
    h = 3
    # cols: 0 TT,1 Họ tên,2 Nam,3 Nữ,4 Dân tộc,5 Chức vụ,6 Đảng viên,7 VH,8-12 CM x,13-15 LLCT x,16 Xếp loại
    ws.write_merge(h, h + 1, 0, 0, "TT", b)
    ws.write_merge(h, h + 1, 1, 1, E("Họ và tên"), b)
    ws.write_merge(h, h, 2, 3, E("Ngày sinh"), b)
    ws.write(h + 1, 2, "Nam", b)
    ws.write(h + 1, 3, E("Nữ"), b)
    ws.write_merge(h, h + 1, 4, 4, E("Dân tộc"), b)
    ws.write_merge(h, h + 1, 5, 5, E("Chức vụ"), b)
    ws.write_merge(h, h + 1, 6, 6, E("Đảng viên"), b)
    ws.write_merge(h, h + 1, 7, 7, E("Văn hóa"), b)
    ws.write_merge(h, h, 8, 12, E("Trình độ chuyên môn"), b)
    prof_cols = [("thac_si", "ThS"), ("dai_hoc", "ĐH"), ("cao_dang", "CĐ"), ("trung_cap", "TC"),
                 ("so_cap", "SC")]
    for j, (_, t) in enumerate(prof_cols):
        ws.write(h + 1, 8 + j, E(t), b)
    ws.write_merge(h, h, 13, 15, E("Lý luận chính trị"), b)
    llct_cols = [("cao_cap", "Cao cấp"), ("trung_cap", "Trung cấp"), ("so_cap", "Sơ cấp")]
    for j, (_, t) in enumerate(llct_cols):
        ws.write(h + 1, 13 + j, E(t), b)
    ws.write_merge(h, h + 1, 16, 16, E("Xếp loại 2024"), b)
    r = h + 2
    view = []
    for u, people in enumerate(by_unit()):
        ws.write_merge(r, r, 0, 5, E(unit_full(u, "upper")), b)
        r += 1
        for i, p in enumerate(people, 1):
            ws.write(r, 0, i, n)
            ws.write(r, 1, E(p["name"]), n)
            if p["birth"] is not None:
                ws.write(r, 2 if p["gender"] == "nam" else 3, p["birth"], dsty)
            ws.write(r, 4, E(eth_text(p, "f6")), n)
            ws.write(r, 5, E(pos_text(p, SP_ABBR, " kiêm ", unit_kind=UNITS[u][0])), n)
            if p["party"]:
                ws.write(r, 6, "x", n)
            ws.write(r, 7, ge_text(p["ge"]), n)
            for j, (lv, _) in enumerate(prof_cols):
                if p["prof"] == lv:
                    ws.write(r, 8 + j, "x", n)
            for j, (lv, _) in enumerate(llct_cols):
                if p["llct"] == lv:
                    ws.write(r, 13 + j, "x", n)
            ws.write(r, 16, E(ev_text(p, "f6")), n)
            view.append((p, seen(p, "date", "split")))
            r += 1
        ws.write(r, 1, E(f"Cộng {len(people)}"), b)
        r += 1
    ws.write(r, 1, E("Tổng cộng"), b)
    ws.write(r, 2, len(view), b)
    for c, wdt in enumerate([4, 24, 11, 11, 8, 26, 6, 7, 4, 4, 4, 4, 4, 6, 6, 6, 16]):
        ws.col(c).width = wdt * 300
    wb.save(os.path.join(OUT, fname))
    layout = ("BIFF8 .xls (Excel 97-2003) written by xlwt. Two title rows, two merged header rows: 'Ngày sinh' "
              "over Nam|Nữ (the column holding the Excel date gives gender), 'Trình độ chuyên môn' over "
              "ThS|ĐH|CĐ|TC|SC and 'Lý luận chính trị' over Cao cấp|Trung cấp|Sơ cấp with an 'x' under one "
              "level (none = no x). Every 'Đ' typed as U+00D0 'Ð' (titles, names, headers). Unit rows "
              "'XÃ PÁ HỐC' merged over the first columns, 'Cộng N' rows, 'Tổng cộng'. Party 'x' under "
              "'Đảng viên'; titles 'BT ĐU kiêm CT HĐND', 'CT UB MTTQ VN', 'CHT BCH QS', 'CC VP-TK'; evaluation "
              "'Hoàn thành tốt NV', 'Hoàn thành XSNV'.")
    write_expected(fname, expected(view, {"party", "ethnic", "general_education", "evaluation"}, layout))
    return fname, len(view)


# ==================================================================================
# F7  .ods from the Huyện ủy organisation board: names in capitals, no evaluation column
# ==================================================================================
def f7():
    fname = "nam-van-ban-to-chuc.ods"
    doc = OpenDocumentSpreadsheet()
    ds = DateStyle(name="NDate")
    ds.addElement(Day(style="long"))
    ds.addElement(NText(text="/"))
    ds.addElement(Month(style="long"))
    ds.addElement(NText(text="/"))
    ds.addElement(Year(style="long"))
    doc.automaticstyles.addElement(ds)
    dcell = Style(name="cDate", family="table-cell", datastylename="NDate")
    doc.automaticstyles.addElement(dcell)
    t = Table(name="DS trich ngang")
    ncols = 13
    t.addElement(TableColumn(numbercolumnsrepeated=ncols))

    def row(values, span_first=0):
        tr = TableRow()
        for j, v in enumerate(values):
            if span_first and j == 0:
                tc = TableCell(valuetype="string", numbercolumnsspanned=span_first)
                tc.addElement(P(text=str(v)))
                tr.addElement(tc)
                continue
            if span_first and j < span_first:
                tr.addElement(CoveredTableCell())
                continue
            if v is None or v == "":
                tr.addElement(TableCell())
            elif isinstance(v, dt.date):
                tc = TableCell(valuetype="date", datevalue=v.isoformat(), stylename=dcell)
                tc.addElement(P(text=fmt_date(v, "dmy/")))
                tr.addElement(tc)
            elif isinstance(v, int):
                tc = TableCell(valuetype="float", value=v)
                tc.addElement(P(text=str(v)))
                tr.addElement(tc)
            else:
                tc = TableCell(valuetype="string")
                tc.addElement(P(text=v))
                tr.addElement(tc)
        t.addElement(tr)

    row(["BAN TỔ CHỨC HUYỆN ỦY NẬM VÂN"] + [""] * 4, span_first=5)
    row(["DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CÁC XÃ, THỊ TRẤN"]
        + [""] * 12, span_first=13)
    row([""])
    head = ["Số TT", "Họ và tên khai sinh", "Sinh ngày", "Giới tính", "Dân tộc", "Nơi công tác",
            "Chức vụ Đảng, chính quyền, đoàn thể", "Ngày vào Đảng", "Văn hóa", "Chuyên môn",
            "Lý luận chính trị", "Ngoại ngữ", "Tin học"]
    row(head)
    row([str(i) for i in range(1, ncols + 1)])
    view = []
    i = 0
    for u, people in enumerate(by_unit()):
        for p in people:
            i += 1
            bmode = "date"
            if p["birth"] is None:
                bcell = ""
            elif p["id"] % 5 == 0:
                bcell = p["birth"]                          # real ODS date
            else:
                bcell = fmt_date(p["birth"], "dmy.")        # 12.05.1985 text
            row([i, p["name"].upper(), bcell, {"nam": "NAM", "nu": "NỮ", None: ""}[p["gender"]],
                 eth_text(p, "f7"), unit_full(u),
                 pos_text(p, sp_party(UNITS[u][0]), ", ", unit_kind=UNITS[u][0]),
                 fmt_date(p["party_date"], "dmy.") if p["party_date"] else "",
                 ge_text(p["ge"]), prof_degree_name(p, short=False), LLCT["f7"][p["llct"]],
                 R.choice(["Tiếng Anh A2", "Anh B", "", "Tiếng Anh B1"]),
                 R.choice(["Ứng dụng CNTT cơ bản", "Tin học B", "Tin học A", ""])])
            view.append((p, seen(p, bmode, "column")))
    row([""])
    row(["", "", "", "", "", "", "", "", "T/M BAN THƯỜNG VỤ"])
    row(["", "", "", "", "", "", "", "", "TRƯỞNG BAN"])
    doc.spreadsheet.addElement(t)
    doc.save(os.path.join(OUT, fname))
    layout = ("OpenDocument spreadsheet from the district party organisation board: two merged title rows, blank "
              "row, one header row ('Họ và tên khai sinh', 'Sinh ngày', 'Nơi công tác', 'Chức vụ Đảng, chính "
              "quyền, đoàn thể'), number row 1..13; names in CAPITALS; gender 'NAM'/'NỮ'; birth '12.05.1985' "
              "text, every fifth a real date cell; party from 'Ngày vào Đảng' (dd.mm.yyyy); old-style 'Đảng "
              "uỷ', 'Văn hoá'; professional 'Cử nhân Luật', 'Kỹ sư Lâm nghiệp', 'Cao đẳng Sư phạm', 'Trung cấp "
              "Kế toán'; LLCT words. Foreign language and IT columns. No evaluation column (null), no QLNN; "
              "signature footer.")
    write_expected(fname, expected(view, {"party", "ethnic", "general_education"}, layout))
    return fname, len(view)


# ==================================================================================
# F8  rà soát tiêu chuẩn (UBND huyện): 2 header rows + number row, lone "Nữ", QLNN, category column
# ==================================================================================
def f8():
    fname = "nam-van-ra-soat.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rà soát"
    xl_merge(ws, 1, 1, 1, 18, "BIỂU RÀ SOÁT TIÊU CHUẨN CÁN BỘ, CÔNG CHỨC CẤP XÃ HUYỆN NẬM VÂN")
    xl_merge(ws, 2, 1, 2, 18, "(Kèm theo Báo cáo số     /BC-UBND ngày   /7/2025 của UBND huyện Nậm Vân)", bold=False)
    h = 4
    # 1 STT,2 Đơn vị,3 Họ tên,4 Nữ,5 Ngày sinh,6 Dân tộc,7 Chức danh,8 Loại,9 ĐV,10 VH,11 CM trình độ,
    # 12 CM chuyên ngành,13 LLCT,14 QLNN,15 Tin học,16 Xếp loại 2024,17 Đạt chuẩn,18 Ghi chú
    xl_merge(ws, h, 1, h + 1, 1, "STT")
    xl_merge(ws, h, 2, h + 1, 2, "Đơn vị")
    xl_merge(ws, h, 3, h + 1, 3, "Họ và tên")
    xl_merge(ws, h, 4, h, 5, "Giới tính, năm sinh")
    ws.cell(h + 1, 4, "Nữ").font = BOLD
    ws.cell(h + 1, 5, "Ngày sinh").font = BOLD
    xl_merge(ws, h, 6, h + 1, 6, "Dân tộc")
    xl_merge(ws, h, 7, h + 1, 7, "Chức danh")
    xl_merge(ws, h, 8, h + 1, 8, "Loại (CB/CC/KCT)")
    xl_merge(ws, h, 9, h + 1, 9, "Đảng viên")
    xl_merge(ws, h, 10, h, 14, "Trình độ hiện nay")
    ws.cell(h + 1, 10, "Văn hóa").font = BOLD
    ws.cell(h + 1, 11, "Chuyên môn").font = BOLD
    ws.cell(h + 1, 12, "Chuyên ngành đào tạo").font = BOLD
    ws.cell(h + 1, 13, "LLCT").font = BOLD
    ws.cell(h + 1, 14, "QLNN").font = BOLD
    xl_merge(ws, h, 15, h + 1, 15, "Tin học")
    xl_merge(ws, h, 16, h + 1, 16, "Xếp loại chất lượng năm 2024")
    xl_merge(ws, h, 17, h + 1, 17, "Đạt chuẩn")
    xl_merge(ws, h, 18, h + 1, 18, "Ghi chú")
    for c in range(1, 19):
        ws.cell(h + 2, c, c).alignment = CENTER
    r = h + 3
    view = []
    cat_word = {"can_bo": "CB", "cong_chuc": "CC", "khong_chuyen_trach": "KCT"}
    k = 0
    for u, people in enumerate(by_unit()):
        for p in people:
            k += 1
            ws.cell(r, 1, k)
            ws.cell(r, 2, unit_full(u) + ("  " if k % 13 == 0 else ""))
            ws.cell(r, 3, p["name"])
            ws.cell(r, 4, "x" if p["gender"] == "nu" else None)
            if p["birth"] is not None:
                c = ws.cell(r, 5, p["birth"])
                c.number_format = "dd/mm/yyyy"
            ws.cell(r, 6, eth_text(p, "f8"))
            ws.cell(r, 7, pos_text(p, SP_HYPHEN, " kiêm ", unit_kind=UNITS[u][0]))
            ws.cell(r, 8, cat_word[CATEGORY[p["posts"][0]]])
            ws.cell(r, 9, "X" if p["party"] else None)
            ws.cell(r, 10, ge_text(p["ge"]))
            if p["prof"] != "none":
                ws.cell(r, 11, PROF_WORD[p["prof"]])
                ws.cell(r, 12, FIELDS[p["field"]])
            ws.cell(r, 13, LLCT["f8"][p["llct"]] or None)
            ws.cell(r, 14, QLNN["f8"][p["qlnn"]] or None)
            ws.cell(r, 15, "Chứng chỉ CNTT cơ bản" if p["id"] % 3 else "Tin học A")
            ws.cell(r, 16, ev_text(p, "f8") or None)
            ok = p["prof"] in ("dai_hoc", "thac_si") and ge_class(p["ge"]) == "thpt"
            ws.cell(r, 17, "Đạt" if ok else "Chưa đạt")
            view.append((p, seen(p, "date", "lone_nu")))
            r += 1
        r += 1    # blank row between units
    r += 1
    ws.cell(r, 3, "NGƯỜI LẬP BIỂU").font = BOLD
    ws.cell(r, 12, "KT. CHỦ TỊCH").font = BOLD
    ws.cell(r + 1, 12, "PHÓ CHỦ TỊCH").font = BOLD
    for i, wdt in enumerate([5, 18, 24, 5, 11, 8, 20, 8, 6, 7, 10, 18, 6, 16, 16, 16, 8, 10], 1):
        ws.column_dimensions[get_column_letter(i)].width = wdt
    save_wb(wb, fname)
    layout = ("Standards review sheet: 2 merged title rows, 2 merged header rows ('Giới tính, năm sinh' over "
              "Nữ|Ngày sinh; 'Trình độ hiện nay' over Văn hóa|Chuyên môn|Chuyên ngành đào tạo|LLCT|QLNN), "
              "number row 1..18; unit in 'Đơn vị' column (some with trailing spaces), a blank row between "
              "units; footer. Gender only as 'x' under a lone 'Nữ' sub-column (blank = male, so the person "
              "entered without gender counts as nam). Excel dates. Category column 'Loại (CB/CC/KCT)' agrees "
              "with the titles. Hyphen-glued titles 'BT-ĐU kiêm CT-HĐND', 'PCT-MTTQ', 'Phó CHT-QS', 'ĐC-XD'; "
              "party 'X'; professional 'Đại học'/'Cao đẳng'/... + field; LLCT TC/CC/SC; QLNN 'Chuyên viên', "
              "'Chuyên viên chính', 'Cán sự'; evaluation HTXSNV/HTTNV/HTNV/KHTNV and 'Hoàn thành tốt nhiệm vụ "
              "nhưng còn hạn chế về năng lực' (han_che). 'Đạt chuẩn' column is not an evaluation.")
    write_expected(fname, expected(view, {"party", "ethnic", "general_education", "state_management",
                                          "evaluation"}, layout))
    return fname, len(view)


# ==================================================================================
# F9  typed without diacritics; no ethnicity column
# ==================================================================================
def f9():
    fname = "nam-van-khong-dau.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS"
    ws.cell(1, 1, "UBND HUYEN NAM VAN").font = BOLD
    ws.cell(2, 1, "DANH SACH CAN BO, CONG CHUC XA, THI TRAN - CAP NHAT THANG 6/2025").font = BOLD
    head = ["TT", "Ho va ten", "Gioi tinh", "Ngay sinh", "Don vi", "Chuc vu", "Dang vien", "Van hoa",
            "Chuyen mon", "Ly luan chinh tri", "Xep loai 2024"]
    for c, t in enumerate(head, 1):
        ws.cell(4, c, t).font = BOLD
    r = 5
    view = []
    order = sorted(PEOPLE, key=lambda p: (p["unit"], CATEGORY[p["posts"][0]] == "khong_chuyen_trach", p["id"]))
    for i, p in enumerate(order, 1):
        u = p["unit"]
        ws.cell(r, 1, i)
        ws.cell(r, 2, no_diacritics(p["name"]))
        ws.cell(r, 3, {"nam": "Nam", "nu": "Nu", None: None}[p["gender"]])
        bmode = "date"
        if p["birth"] is not None:
            if p["id"] % 8 == 3:
                ws.cell(r, 4, p["birth"].year)      # bare year as a number
                bmode = "year"
            else:
                ws.cell(r, 4, fmt_date(p["birth"], "dmy."))
        ws.cell(r, 5, no_diacritics(unit_full(u)))
        ws.cell(r, 6, pos_text(p, SP_NODIA, " kiem ", unit_kind=UNITS[u][0]))
        ws.cell(r, 7, "x" if p["party"] else None)
        ws.cell(r, 8, ge_text(p["ge"]))
        ws.cell(r, 9, no_diacritics(prof_combined_words(p)) if p["prof"] != "none" else None)
        ws.cell(r, 10, LLCT["f9"][p["llct"]] or None)
        ws.cell(r, 11, ev_text(p, "f9") or None)
        view.append((p, seen(p, bmode, "column")))
        r += 1
    for i, wdt in enumerate([5, 24, 8, 11, 18, 30, 8, 8, 22, 14, 24], 1):
        ws.column_dimensions[get_column_letter(i)].width = wdt
    save_wb(wb, fname)
    layout = ("Typed without any diacritics (names, units, titles, levels, headers): 'Ho va ten', 'Gioi tinh' "
              "Nam/Nu, 'Don vi' 'Xa Pa Hoc'/'Thi tran Nam Van', titles 'Pho Chu tich UB MTTQ', "
              "'Bi thu Dang uy kiem Chu tich HDND', 'Chi huy truong Quan su'; professional 'Dai hoc Luat', "
              "'Trung cap Ke toan'; LLCT 'Trung cap'; evaluation 'Hoan thanh nhiem vu nhung con han che ve "
              "nang luc', 'Khong hoan thanh nhiem vu', 'HTTNV'. Two title rows, blank row, one header row. "
              "Birth dd.mm.yyyy text, about one in eight a bare year number. No ethnicity column "
              "(ethnic_minority null), no QLNN.")
    write_expected(fname, expected(view, {"party", "general_education", "evaluation"}, layout))
    return fname, len(view)


# ==================================================================================
# F10 district workbook: CAPS headers, unit group rows, lone "Nam", mixed dates, TH sheet after
# ==================================================================================
def f10():
    fname = "nam-van-tong-hop-2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS CBCC"
    ws.cell(1, 1, "DANH SÁCH CÁN BỘ, CÔNG CHỨC, NGƯỜI HĐKCT CẤP XÃ - HUYỆN NẬM VÂN, TỈNH ĐIỆN SƠN").font = BOLD
    ws.cell(2, 1, "Thời điểm: 30/6/2025").font = THIN
    head = ["STT", "HỌ VÀ TÊN", "NAM", "NGÀY SINH", "DÂN TỘC", "CHỨC VỤ", "SĐT", "NGÀY VÀO ĐẢNG",
            "VĂN HÓA", "CHUYÊN MÔN", "CHUYÊN NGÀNH", "LLCT", "QLNN", "ĐÁNH GIÁ NĂM 2024"]
    for c, t in enumerate(head, 1):
        ws.cell(4, c, t).font = BOLD
    ws.column_dimensions["G"].hidden = True
    r = 5
    view = []
    k = 0
    modes = ["excel", "excel", "dmy/", "dmy.", "year", "excel", "dmy/"]
    for u, people in enumerate(by_unit()):
        ws.cell(r, 1, unit_full(u, "upper")).font = BOLD
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        r += 1
        for p in people:
            k += 1
            ws.cell(r, 1, k)
            ws.cell(r, 2, " " + p["name"] if k % 17 == 0 else p["name"])
            ws.cell(r, 3, "x" if p["gender"] == "nam" else None)
            bmode = "date"
            if p["birth"] is not None:
                m = modes[p["id"] % len(modes)]
                if m == "excel":
                    c = ws.cell(r, 4, p["birth"])
                    c.number_format = "dd/mm/yyyy"
                elif m == "year":
                    ws.cell(r, 4, p["birth"].year)
                    bmode = "year"
                else:
                    ws.cell(r, 4, fmt_date(p["birth"], m))
            ws.cell(r, 5, eth_text(p, "f10"))
            ws.cell(r, 6, pos_text(p, SP_MIXED, " - ", reverse_hdnd=True, unit_kind=UNITS[u][0]))
            ws.cell(r, 7, f"0{912000000 + (p['id'] * 104729) % 87000000:09d}")
            if p["party_date"]:
                if p["id"] % 4 == 0:
                    ws.cell(r, 8, p["party_date"].year)
                else:
                    c = ws.cell(r, 8, p["party_date"])
                    c.number_format = "dd/mm/yyyy"
            ws.cell(r, 9, ge_text(p["ge"]))
            if p["prof"] != "none":
                word = PROF_WORD[p["prof"]]
                if p["prof"] == "dai_hoc":
                    word = ["Đại học chính quy", "Đại học tại chức", "Đại học từ xa", "Đại học"][p["id"] % 4]
                ws.cell(r, 10, word)
                ws.cell(r, 11, FIELDS[p["field"]])
            ws.cell(r, 12, LLCT["f10"][p["llct"]] or None)
            ws.cell(r, 13, QLNN["f10"][p["qlnn"]] or None)
            ws.cell(r, 14, ev_text(p, "f10") or None)
            view.append((p, seen(p, bmode, "lone_nam")))
            r += 1
    ws.cell(r, 1, "TỔNG CỘNG").font = BOLD
    ws.cell(r, 2, k).font = BOLD
    for i, wdt in enumerate([5, 24, 5, 11, 9, 30, 12, 12, 8, 16, 20, 14, 11, 14], 1):
        ws.column_dimensions[get_column_letter(i)].width = wdt
    th = wb.create_sheet("TH")
    th.cell(1, 1, "TỔNG HỢP THEO ĐƠN VỊ").font = BOLD
    for c, t in enumerate(["Đơn vị", "Cán bộ", "Công chức", "KCT", "Cộng"], 1):
        th.cell(2, c, t).font = BOLD
    for u, people in enumerate(by_unit()):
        cats = [CATEGORY[p["posts"][0]] for p in people]
        th.cell(3 + u, 1, unit_full(u))
        th.cell(3 + u, 2, cats.count("can_bo"))
        th.cell(3 + u, 3, cats.count("cong_chuc"))
        th.cell(3 + u, 4, cats.count("khong_chuyen_trach"))
        th.cell(3 + u, 5, len(people))
    save_wb(wb, fname)
    layout = ("Roster sheet 'DS CBCC' then summary sheet 'TH' (numbers, not a roster). Title + date line, blank "
              "row, one header row in CAPITALS; unit group rows 'XÃ PÁ HỐC' merged over A:F; 'TỔNG CỘNG' row. "
              "Gender only as 'x' under a lone 'NAM' column (blank = female, so the person entered without "
              "gender counts as nu here). Birth mixed: Excel dates, dd/mm/yyyy, dd.mm.yyyy, and bare year "
              "numbers (age = 2025 - year). Hidden column G 'SĐT'. Party from 'NGÀY VÀO ĐẢNG' (date or bare "
              "year). Compound titles with ' - ' and CT HĐND first ('CT HĐND - Bí thư Đảng ủy', 'P. Bí thư "
              "Đảng ủy - CT UBND'); professional 'Đại học chính quy/tại chức/từ xa' + 'CHUYÊN NGÀNH'; QLNN "
              "'Chuyên viên', 'CVC', 'Cán sự'; evaluation HTXSNV/HTTNV/HTNV/'HTNV nhưng còn hạn chế về NL'/KHTNV.")
    write_expected(fname, expected(view, {"party", "ethnic", "general_education", "state_management",
                                          "evaluation"}, layout))
    return fname, len(view)


def main():
    made = [f() for f in (f1, f2, f3, f4, f5, f6, f7, f8, f9, f10)]
    cats = {}
    for p in PEOPLE:
        c = CATEGORY[p["posts"][0]]
        cats[c] = cats.get(c, 0) + 1
    print(f"{len(PEOPLE)} people in {len(UNITS)} units: {cats}")
    for fn, n in made:
        print(f"  {fn}: {n}")


if __name__ == "__main__":
    main()
