#!/usr/bin/env python3
"""Blind test rosters for the Canbo importer: one fictional district (huyện Mường Khoa,
tỉnh Tây Lĩnh), the same people in 12 files, each typed the way a different office would.

    pip install openpyxl odfpy xlwt
    python3 make.py            # writes every file and its <file>.expected.json here

The expected figures are counted from the people data below (never by reading the files
back), for `canbo report --as-of 2024-12-31 --age-bands 30,46,61 FILE`.
Everything is seeded: running it again gives the same people and the same files.
"""
import csv
import datetime as dt
import io
import json
import os
import random
import sys
import unicodedata

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20241231
AS_OF = dt.date(2024, 12, 31)
BANDS = [30, 46, 61]
RUN = "canbo report --as-of 2024-12-31 --age-bands 30,46,61 FILE"

# --------------------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------------------
# (kind, bare name, ethnic profile)
UNITS = [
    ("tt", "Khau Phạ", {"Kinh": 50, "Tày": 30, "Thái": 10, "Nùng": 10}),
    ("xa", "Nà Hẩu", {"Mông": 50, "Dao": 20, "Kinh": 20, "Tày": 10}),
    ("xa", "Pá Lùng", {"Mông": 60, "Kinh": 15, "Giáy": 15, "Tày": 10}),
    ("xa", "Tà Xùa", {"Mông": 45, "Thái": 25, "Kinh": 20, "Khơ Mú": 10}),
    ("xa", "Chiềng Ơn", {"Thái": 55, "Kinh": 20, "Khơ Mú": 15, "Mông": 10}),
    ("xa", "Bản Mế", {"Tày": 40, "Dao": 30, "Kinh": 20, "Mông": 10}),
    ("xa", "Đồng Tâm", {"Kinh": 70, "Tày": 20, "Nùng": 10}),
    ("xa", "Phìn Hồ", {"Dao": 40, "Mông": 30, "Kinh": 20, "Giáy": 10}),
    ("xa", "Nậm Khắt", {"Khơ Mú": 35, "Thái": 35, "Kinh": 20, "Mông": 10}),
    ("xa", "Yên Thịnh", {"Kinh": 65, "Tày": 25, "Thái": 10}),
    ("xa", "Khuổi Lừa", {"Tày": 45, "Nùng": 25, "Kinh": 20, "Dao": 10}),
    ("xa", "Sơn Thủy", {"Kinh": 80, "Tày": 20}),
]


def unit_full(u):
    kind, name, _ = UNITS[u]
    return ("Thị trấn " if kind == "tt" else "Xã ") + name


def unit_upper(u):
    return unit_full(u).upper()


# --------------------------------------------------------------------------------------
# Positions
# --------------------------------------------------------------------------------------
CAN_BO = ["bt_du", "pbt_du", "ct_hdnd", "pct_hdnd", "ct_ubnd", "pct_ubnd", "ct_mttq",
          "bt_doan", "ct_pn", "ct_nd", "ct_ccb"]
CONG_CHUC = ["chqs", "vptk", "dcxd", "tckt", "tpht", "vhxh"]
KCT = ["pct_mttq", "pct_nd", "pbt_doan", "pcht_qs", "pct_pn", "pct_ccb"]
CATEGORY = {**{r: "can_bo" for r in CAN_BO}, **{r: "cong_chuc" for r in CONG_CHUC},
            **{r: "khong_chuyen_trach" for r in KCT}}
LEADERS = {"bt_du", "pbt_du", "ct_hdnd", "ct_ubnd"}

# birth-year ranges by role
BIRTH = {
    "bt_du": (1965, 1984), "pbt_du": (1968, 1987), "ct_hdnd": (1965, 1984),
    "pct_hdnd": (1970, 1990), "ct_ubnd": (1967, 1986), "pct_ubnd": (1972, 1991),
    "ct_mttq": (1962, 1982), "bt_doan": (1991, 2000), "ct_pn": (1975, 1993),
    "ct_nd": (1964, 1985), "ct_ccb": (1957, 1971), "chqs": (1978, 1996),
    "vptk": (1980, 2001), "dcxd": (1978, 2000), "tckt": (1979, 2001), "tpht": (1980, 2001),
    "vhxh": (1980, 2001), "pct_mttq": (1962, 1986), "pct_nd": (1964, 1990),
    "pbt_doan": (1994, 2002), "pcht_qs": (1980, 1997), "pct_pn": (1978, 1996),
    "pct_ccb": (1956, 1969),
}
P_FEMALE = {"ct_pn": 1.0, "pct_pn": 1.0, "vhxh": .5, "vptk": .6, "tckt": .6, "tpht": .4,
            "bt_doan": .4, "pbt_doan": .5, "pbt_du": .2, "pct_hdnd": .25, "pct_ubnd": .15,
            "ct_mttq": .2, "pct_mttq": .3, "dcxd": .15, "chqs": 0, "pcht_qs": 0,
            "ct_ccb": 0, "pct_ccb": 0}

FIELDS = {
    "bt_du": ["Luật", "Kinh tế", "Hành chính", "Nông nghiệp"],
    "pbt_du": ["Luật", "Kinh tế", "Sư phạm", "Hành chính"],
    "ct_hdnd": ["Luật", "Kinh tế"], "pct_hdnd": ["Luật", "Hành chính", "Sư phạm"],
    "ct_ubnd": ["Kinh tế", "Nông nghiệp", "Luật"],
    "pct_ubnd": ["Kinh tế", "Nông nghiệp", "Quản lý đất đai", "Sư phạm"],
    "ct_mttq": ["Luật", "Sư phạm", "Hành chính"], "bt_doan": ["Sư phạm", "Luật", "Kinh tế"],
    "ct_pn": ["Kế toán", "Sư phạm", "Luật"], "ct_nd": ["Nông nghiệp", "Kinh tế"],
    "ct_ccb": ["Luật", "Hành chính"], "chqs": ["Quân sự cơ sở"],
    "vptk": ["Hành chính", "Quản trị văn phòng"], "dcxd": ["Quản lý đất đai", "Địa chính"],
    "tckt": ["Kế toán", "Tài chính"], "tpht": ["Luật"], "vhxh": ["Văn hóa", "Công tác xã hội"],
    "pct_mttq": ["Hành chính", "Nông nghiệp"], "pct_nd": ["Nông nghiệp", "Thú y"],
    "pbt_doan": ["Sư phạm", "Kinh tế"], "pcht_qs": ["Quân sự cơ sở"],
    "pct_pn": ["Kế toán", "Nông nghiệp"], "pct_ccb": ["Hành chính"],
}
THS_FIELD = {"Luật": "Luật", "Kinh tế": "QLKT", "Hành chính": "Quản lý công",
             "Nông nghiệp": "Phát triển nông thôn", "Sư phạm": "Giáo dục học",
             "Quản lý đất đai": "Quản lý đất đai", "Kế toán": "Kế toán"}

# --------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------
NAMES = {
    "Kinh": (["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô",
              "Dương", "Lương", "Đinh", "Hà", "Tạ", "Phùng", "Trịnh", "Lại"],
             ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Mạnh", "Ngọc", "Thanh"],
             ["Thị", "Thu", "Thanh", "Ngọc", "Thị Thu", "Hồng"],
             ["Hùng", "Dũng", "Tuấn", "Cường", "Thắng", "Hải", "Long", "Sơn", "Tiến", "Bình",
              "Khánh", "Quyết", "Huy", "Trung", "Hiếu", "Tùng", "Đạt", "Toàn", "Nghĩa", "Thành"],
             ["Hoa", "Lan", "Hương", "Hằng", "Thủy", "Nga", "Huyền", "Trang", "Linh", "Mai",
              "Yến", "Nhung", "Phượng", "Thảo", "Loan", "Hạnh", "Vân", "Oanh"]),
    "Tày": (["Hoàng", "Nông", "Ma", "Lục", "Đàm", "Vi", "Hà", "Triệu"],
            ["Văn", "Đình", "Quốc", "Thế"], ["Thị"],
            ["Thịnh", "Lực", "Sáng", "Quyền", "Chiến", "Pằn", "Khải", "Tuyên", "Lợi"],
            ["Mến", "Dịu", "Thơm", "Vằn", "Lụa", "Nhàn", "Quế", "Điệp"]),
    "Thái": (["Lò", "Cầm", "Lường", "Quàng", "Tòng", "Điêu", "Lừ"],
             ["Văn"], ["Thị"],
             ["Pánh", "Thiết", "Ơn", "Ngoan", "Xiêng", "Phong", "Hặc", "Chung"],
             ["Ọn", "Xiêm", "Pơm", "Ngọc", "Biên", "Hoan", "Xuân"]),
    "Mông": (["Giàng", "Thào", "Vàng", "Sùng", "Lầu", "Hờ", "Mùa", "Ly", "Vừ", "Chá"],
             ["A", "Seo", "Chìa", "Mí"], ["Thị"],
             ["Páo", "Chứ", "Dế", "Lử", "Sử", "Thề", "Chư", "Pó", "Tủa", "Dình", "Già"],
             ["Mỷ", "Dợ", "Mai", "Sua", "Pàng", "Dua", "Máy", "Dung"]),
    "Dao": (["Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo"],
            ["Văn", "Tà", "Láo", "Kim"], ["Thị", "Mùi"],
            ["Nhất", "Phin", "Chài", "Quẩy", "Chàn", "Tiến", "Pu"],
            ["Mẩy", "Liên", "Mây", "Xuân", "Hạnh"]),
    "Khơ Mú": (["Vi", "Lò", "Quàng", "Cụt", "Lường"], ["Văn"], ["Thị"],
               ["Thanh", "Hặc", "Pắn", "Sơn", "Tươi"], ["Ón", "Sinh", "Hương", "Lả"]),
    "Giáy": (["Lù", "Hoàng", "Sần", "Lò"], ["Văn", "Seo"], ["Thị"],
             ["Pẩu", "Khé", "Sảo", "Vần"], ["Dần", "Lả", "Ngân"]),
    "Nùng": (["Hoàng", "Nông", "Lộc", "Vy", "Sầm", "Lăng"], ["Văn", "Đức"], ["Thị"],
             ["Páo", "Slằn", "Pẻng", "Hợi", "Thượng"], ["Mìn", "Dương", "Lìn", "Thoa"]),
}

# --------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------


def pick(rng, weights):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def rand_date(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)
    return dt.date(y, m, d)


def build_people():
    rng = random.Random(SEED)
    people = []
    used_names = set()
    for u, (kind, _name, profile) in enumerate(UNITS):
        roles = []  # list of (role, second_role)
        combo_bt = (u % 3 != 0)          # BT kiêm CT HĐND in 8 units
        combo_pbt = (u % 4 == 1)         # PBT kiêm CT UBND in 3 units
        roles.append(("bt_du", "ct_hdnd") if combo_bt else ("bt_du", None))
        roles.append(("pbt_du", "ct_ubnd") if combo_pbt else ("pbt_du", None))
        if not combo_bt:
            roles.append(("ct_hdnd", None))
        roles.append(("pct_hdnd", None))
        if not combo_pbt:
            roles.append(("ct_ubnd", None))
        roles += [("pct_ubnd", None)] * (2 if u % 2 == 0 else 1)
        roles += [(r, None) for r in ["ct_mttq", "bt_doan", "ct_pn", "ct_nd", "ct_ccb"]]
        roles.append(("chqs", None))
        roles += [("vptk", None)] * 2
        roles += [("dcxd", None)] * (2 if u % 3 != 2 else 1)
        roles += [("tckt", None)] * (2 if u % 2 == 1 else 1)
        roles += [("tpht", None)] * 2
        roles += [("vhxh", None)] * 2
        kct = rng.sample(KCT, rng.randint(1, 4))
        roles += [(r, None) for r in KCT if r in kct]
        for role, role2 in roles:
            people.append(make_person(rng, u, role, role2, profile, used_names))
    # --- deliberate edge cases ---------------------------------------------------------
    # one person with no birth date and no gender at all
    p = [q for q in people if q["role"] == "pct_nd" and q["unit"] == 7]
    if not p:
        p = [q for q in people if q["cat"] == "khong_chuyen_trach"]
    p[0]["birth"] = None
    p[0]["gender"] = None
    p[0]["note"] = "Chưa có hồ sơ gốc"
    # year-only births (the office never had the full date)
    cand = [q for q in people if q["birth"] is not None]
    for q in rng.sample(cand, 7):
        q["year_only"] = True
    # one "Cử nhân chính trị" among the cao cấp
    cc = [q for q in people if q["llct"] == "cao_cap"]
    rng.choice(cc)["llct_cn"] = True
    # one PCT UBND written with "(phụ trách Kinh tế)" in one file
    rng.choice([q for q in people if q["role"] == "pct_ubnd"])["pt_kt"] = True
    for i, q in enumerate(people):
        q["id"] = i + 1
    return people


def make_person(rng, u, role, role2, profile, used_names):
    cat = CATEGORY[role]
    pf = P_FEMALE.get(role, .12)
    gender = "nu" if rng.random() < pf else "nam"
    eth = pick(rng, profile)
    y0, y1 = BIRTH[role]
    birth = rand_date(rng, y0, y1)
    # name
    fam, mid_m, mid_f, giv_m, giv_f = NAMES[eth]
    for _ in range(200):
        if gender == "nam":
            name = f"{rng.choice(fam)} {rng.choice(mid_m)} {rng.choice(giv_m)}"
        else:
            name = f"{rng.choice(fam)} {rng.choice(mid_f)} {rng.choice(giv_f)}"
        if name not in used_names:
            break
    used_names.add(name)
    # religion
    rel = "Không"
    r = rng.random()
    if eth == "Mông" and r < .2:
        rel = "Tin lành"
    elif eth == "Kinh" and r < .1:
        rel = "Phật giáo"
    elif eth == "Kinh" and r < .15:
        rel = "Công giáo"
    # party
    p_party = {"can_bo": .97, "cong_chuc": .7, "khong_chuyen_trach": .55}[cat]
    if role == "bt_doan":
        p_party = .85
    party = None
    if rng.random() < p_party:
        lo = birth.year + 19
        hi = min(2023, max(lo, birth.year + 32))
        party = rand_date(rng, lo, hi)
    # general education
    old = birth.year <= 1966
    r = rng.random()
    if cat == "khong_chuyen_trach":
        ge = pick(rng, {"12/12": 70, "12/12BT": 10, "9/12": 12, "11/12": 4, "none": 4})
    else:
        ge = pick(rng, {"12/12": 86, "12/12BT": 9, "9/12": 3, "11/12": 2})
    if old and ge in ("12/12", "9/12") and rng.random() < .5:
        ge = "10/10" if ge == "12/12" else "8/10"
    if ge == "none":
        ge = None
    # professional
    wts = {
        "can_bo": {"thac_si": 7, "dai_hoc": 76, "cao_dang": 5, "trung_cap": 10, "so_cap": 1, "none": 1},
        "cong_chuc": {"thac_si": 3, "dai_hoc": 72, "cao_dang": 9, "trung_cap": 16},
        "khong_chuyen_trach": {"dai_hoc": 20, "cao_dang": 10, "trung_cap": 35, "so_cap": 15, "none": 20},
    }[cat]
    prof = pick(rng, wts)
    field = rng.choice(FIELDS[role])
    # political theory
    if role in LEADERS or role2 in LEADERS:
        llct = pick(rng, {"cao_cap": 30, "trung_cap": 70})
    elif cat == "can_bo":
        llct = pick(rng, {"cao_cap": 4, "trung_cap": 80, "so_cap": 16})
    elif cat == "cong_chuc":
        llct = pick(rng, {"trung_cap": 30, "so_cap": 45, "none": 25})
    else:
        llct = pick(rng, {"trung_cap": 5, "so_cap": 45, "none": 50})
    # state management
    if role in LEADERS or role2 in LEADERS:
        qlnn = pick(rng, {"cvc": 15, "cv": 70, "none": 15})
    elif cat == "can_bo":
        qlnn = pick(rng, {"cv": 50, "can_su": 10, "none": 40})
    elif cat == "cong_chuc":
        qlnn = pick(rng, {"cv": 55, "can_su": 15, "none": 30})
    else:
        qlnn = pick(rng, {"can_su": 10, "none": 90})
    # evaluation 2023
    ev = pick(rng, {"xuat_sac": 9, "tot": 68, "hoan_thanh": 20, "han_che": 1.2, "khong_hoan_thanh": .4})
    it = pick(rng, {"A": 30, "B": 35, "UDCNTT cơ bản": 20, "": 15})
    nn = pick(rng, {"Anh A": 30, "Anh B": 25, "A2": 15, "B1": 5, "": 25})
    return dict(unit=u, role=role, role2=role2, cat=cat, gender=gender, eth=eth, name=name,
                birth=birth, year_only=False, rel=rel, party=party, ge=ge, prof=prof,
                field=field, llct=llct, llct_cn=False, qlnn=qlnn, ev=ev, it=it, nn=nn,
                note="", pt_kt=False, hired=None)


def fix_edges(people):
    rng = random.Random(SEED + 1)
    # exactly 3 "hạn chế về năng lực" and 1 "không hoàn thành" (adjust randomly drawn ones)
    hc = [p for p in people if p["ev"] == "han_che"]
    kht = [p for p in people if p["ev"] == "khong_hoan_thanh"]
    others = [p for p in people if p["ev"] in ("tot", "hoan_thanh") and p["cat"] != "can_bo"]
    rng.shuffle(others)
    while len(hc) < 3:
        q = others.pop(); q["ev"] = "han_che"; hc.append(q)
    while len(kht) < 1:
        q = others.pop(); q["ev"] = "khong_hoan_thanh"; kht.append(q)
    # newly hired in the second half of 2024: not evaluated for 2023 (blank cell)
    young = [p for p in people if p["cat"] in ("cong_chuc", "khong_chuyen_trach") and p["birth"]
             and p["birth"].year >= 1996 and p["ev"] in ("tot", "hoan_thanh")]
    for q in rng.sample(young, 4):
        q["ev"] = "none"
        q["hired"] = dt.date(2024, rng.randint(7, 10), rng.choice([1, 15]))
        q["note"] = f"Tuyển dụng tháng {q['hired'].month}/2024"
    # primary / old-system schooling for two older people
    old = [p for p in people if p["birth"] and p["birth"].year <= 1966 and p["ge"]
           and p["cat"] == "khong_chuyen_trach"]
    old2 = [p for p in people if p["birth"] and p["birth"].year <= 1975 and p["ge"]
            and p["cat"] == "khong_chuyen_trach" and p not in old]
    picks = (old + old2)[:3]
    if len(picks) >= 1:
        picks[0]["ge"] = "4/10" if picks[0]["birth"].year <= 1966 else "5/12"
    if len(picks) >= 2:
        picks[1]["ge"] = "7/10" if picks[1]["birth"].year <= 1966 else "5/12"
    if len(picks) >= 3:
        picks[2]["ge"] = "5/12"
    # two people whose schooling was never filled in (blank cell = none)
    blank = [p for p in people if p["cat"] == "khong_chuyen_trach" and p not in picks and p["ge"]]
    for q in rng.sample(blank, 2):
        q["ge"] = None
    # a TC holder studying for a degree (note mentions ĐH: a trap for column-blind readers)
    tc = [p for p in people if p["prof"] == "trung_cap" and p["cat"] == "cong_chuc" and not p["note"]]
    rng.choice(tc)["note"] = "Đang học ĐH Luật"


# --------------------------------------------------------------------------------------
# Codes, as counted
# --------------------------------------------------------------------------------------
GE_CODE = {"12/12": "thpt", "12/12BT": "thpt", "10/10": "thpt", "11/12": "thcs", "9/12": "thcs",
           "8/10": "thcs", "7/10": "thcs", "5/12": "tieu_hoc", "4/10": "tieu_hoc", None: "none"}


def age_of(p):
    b = p["birth"]
    if b is None:
        return None
    if p["year_only"]:
        return AS_OF.year - b.year
    return AS_OF.year - b.year - ((AS_OF.month, AS_OF.day) < (b.month, b.day))


def expected(people, has, gender_mode, layout):
    """has: set of columns present; gender_mode: explicit | lone_nu | split."""
    n = len(people)

    def count(keys, f):
        d = {k: 0 for k in keys}
        for p in people:
            d[f(p)] += 1
        assert sum(d.values()) == n
        return d

    def g(p):
        if p["gender"] is None:
            return "nam" if gender_mode == "lone_nu" else "unknown"
        return p["gender"]

    bands = []
    lows = [None] + BANDS
    for i, lo in enumerate(lows):
        hi = BANDS[i] - 1 if i < len(BANDS) else None
        label = f"<={hi}" if lo is None else (f">={lo}" if hi is None else f"{lo}-{hi}")
        c = sum(1 for p in people if age_of(p) is not None
                and (lo is None or age_of(p) >= lo) and (hi is None or age_of(p) <= hi))
        bands.append({"label": label, "from": lo, "to": hi, "count": c})
    unk = sum(1 for p in people if age_of(p) is None)
    assert sum(b["count"] for b in bands) + unk == n
    e = {
        "schema": "canbo.report/1",
        "as_of": AS_OF.isoformat(),
        "people": n,
        "category": count(["can_bo", "cong_chuc", "khong_chuyen_trach", "unknown"], lambda p: p["cat"]),
        "gender": count(["nam", "nu", "unknown"], g),
        "party_member": sum(1 for p in people if p["party"]) if "party" in has else None,
        "ethnic_minority": sum(1 for p in people if p["eth"] != "Kinh") if "eth" in has else None,
        "general_education": count(["thpt", "thcs", "tieu_hoc", "none", "unknown"], lambda p: GE_CODE[p["ge"]]),
        "professional": count(["tien_si", "thac_si", "dai_hoc", "cao_dang", "trung_cap", "so_cap", "none", "unknown"],
                              lambda p: p["prof"]),
        "political_theory": count(["cao_cap", "trung_cap", "so_cap", "none", "unknown"], lambda p: p["llct"]),
        "state_management": count(["cvcc", "cvc", "cv", "can_su", "none", "unknown"], lambda p: p["qlnn"])
        if "qlnn" in has else None,
        "evaluation": count(["xuat_sac", "tot", "hoan_thanh", "han_che", "khong_hoan_thanh", "none", "unknown"],
                            lambda p: p["ev"]) if "ev" in has else None,
        "age": {"bands": bands, "unknown": unk},
        "unit_count": len({p["unit"] for p in people}),
        "_layout": layout,
        "_run": RUN,
    }
    return e


# --------------------------------------------------------------------------------------
# Spellings
# --------------------------------------------------------------------------------------
def dcxd_full(u):
    return ("Địa chính - Xây dựng - Đô thị và Môi trường" if UNITS[u][0] == "tt"
            else "Địa chính - Nông nghiệp - Xây dựng và Môi trường")


# role -> spelling (str, list of str = pick one per person, or callable(unit))
TITLES = {
    "f01": {
        "bt_du": "Bí thư Đảng ủy", "pbt_du": ["Phó Bí thư Thường trực Đảng ủy", "Phó Bí thư Đảng ủy"],
        "ct_hdnd": "Chủ tịch HĐND", "pct_hdnd": "Phó Chủ tịch HĐND", "ct_ubnd": "Chủ tịch UBND",
        "pct_ubnd": "Phó Chủ tịch UBND", "ct_mttq": "Chủ tịch Ủy ban MTTQ Việt Nam",
        "bt_doan": "Bí thư Đoàn TNCS Hồ Chí Minh", "ct_pn": "Chủ tịch Hội Liên hiệp Phụ nữ",
        "ct_nd": "Chủ tịch Hội Nông dân", "ct_ccb": "Chủ tịch Hội Cựu chiến binh",
        "chqs": "Chỉ huy trưởng Ban CHQS", "vptk": "Công chức Văn phòng - Thống kê",
        "dcxd": lambda u: "Công chức " + dcxd_full(u), "tckt": "Công chức Tài chính - Kế toán",
        "tpht": "Công chức Tư pháp - Hộ tịch", "vhxh": "Công chức Văn hóa - Xã hội",
        "pct_mttq": "Phó Chủ tịch Ủy ban MTTQ Việt Nam", "pct_nd": "Phó Chủ tịch Hội Nông dân",
        "pbt_doan": "Phó Bí thư Đoàn TNCS Hồ Chí Minh", "pcht_qs": "Phó Chỉ huy trưởng Ban CHQS",
        "pct_pn": "Phó Chủ tịch Hội Liên hiệp Phụ nữ", "pct_ccb": "Phó Chủ tịch Hội Cựu chiến binh",
        "_combo": "{a} kiêm {b}",
    },
    "f02": {
        "bt_du": ["BÍ THƯ ĐẢNG ỦY", "Bí thư Đảng ủy"], "pbt_du": ["PHÓ BÍ THƯ ĐẢNG ỦY", "P.BT ĐU"],
        "ct_hdnd": "CHỦ TỊCH HĐND", "pct_hdnd": ["PHÓ CHỦ TỊCH HĐND", "P.CT HĐND"],
        "ct_ubnd": "CHỦ TỊCH UBND", "pct_ubnd": ["PHÓ CHỦ TỊCH UBND", "P.CT UBND"],
        "ct_mttq": ["CHỦ TỊCH UB MTTQ", "Chủ tịch UB MTTQ VN"], "bt_doan": ["BÍ THƯ ĐOÀN TN", "Bí thư ĐTN"],
        "ct_pn": ["CHỦ TỊCH HỘI LHPN", "CT Hội LHPN"], "ct_nd": ["CHỦ TỊCH HỘI ND", "CT Hội Nông dân"],
        "ct_ccb": "CHỦ TỊCH HỘI CCB", "chqs": ["Chỉ huy trưởng Quân sự", "CHT Quân sự"],
        "vptk": ["Văn phòng - Thống kê", "VP-TK"], "dcxd": ["Địa chính - Xây dựng", "ĐC-XD"],
        "tckt": ["Tài chính - Kế toán", "TC-KT"], "tpht": "Tư pháp - Hộ tịch", "vhxh": "Văn hóa - Xã hội",
        "pct_mttq": "P.CT UB MTTQ", "pct_nd": "P.CT Hội ND", "pbt_doan": "P.BT Đoàn TN",
        "pcht_qs": "P.CHT Quân sự", "pct_pn": "P.CT Hội LHPN", "pct_ccb": "P.CT Hội CCB",
        "_combo": "{a}, {b}",
    },
    "f03": {
        "bt_du": "BT ĐU", "pbt_du": ["PBT ĐU", "PBT TT ĐU"], "ct_hdnd": "CT HĐND", "pct_hdnd": "PCT HĐND",
        "ct_ubnd": "CT UBND", "pct_ubnd": "PCT UBND", "ct_mttq": "CT UB MTTQ", "bt_doan": "BT Đoàn TN",
        "ct_pn": "CT HLHPN", "ct_nd": "CT HND", "ct_ccb": "CT HCCB", "chqs": "CHT QS", "vptk": "VP-TK",
        "dcxd": lambda u: "ĐC-XD-ĐT-MT" if UNITS[u][0] == "tt" else "ĐC-NN-XD-MT",
        "tckt": "TC-KT", "tpht": "TP-HT", "vhxh": "VH-XH", "pct_mttq": "PCT UB MTTQ",
        "pct_nd": "PCT HND", "pbt_doan": "PBT Đoàn TN", "pcht_qs": "Phó CHT QS", "pct_pn": "PCT HLHPN",
        "pct_ccb": "PCT HCCB", "_combo": "{a} kiêm {b}",
    },
    "f04": {
        "bt_du": "Bi thu Dang uy", "pbt_du": "Pho Bi thu Dang uy", "ct_hdnd": "Chu tich HDND",
        "pct_hdnd": "Pho Chu tich HDND", "ct_ubnd": "Chu tich UBND", "pct_ubnd": "Pho Chu tich UBND",
        "ct_mttq": "Chu tich UB MTTQ", "bt_doan": "Bi thu Doan TN", "ct_pn": "Chu tich Hoi Phu nu",
        "ct_nd": "Chu tich Hoi Nong dan", "ct_ccb": "Chu tich Hoi CCB", "chqs": "Chi huy truong Quan su",
        "vptk": "Van phong - Thong ke", "dcxd": "Dia chinh - Xay dung", "tckt": "Tai chinh - Ke toan",
        "tpht": "Tu phap - Ho tich", "vhxh": "Van hoa - Xa hoi", "pct_mttq": "Pho Chu tich UB MTTQ",
        "pct_nd": "Pho Chu tich Hoi Nong dan", "pbt_doan": "Pho Bi thu Doan TN",
        "pcht_qs": "Pho Chi huy truong Quan su", "pct_pn": "Pho Chu tich Hoi Phu nu",
        "pct_ccb": "Pho Chu tich Hoi CCB", "_combo": "{a} kiem {b}",
    },
    "f05": {
        "bt_du": "BT ĐU", "pbt_du": "PBT ĐU", "ct_hdnd": "CT HĐND", "pct_hdnd": "PCT HĐND",
        "ct_ubnd": "CT UBND", "pct_ubnd": "PCT UBND", "ct_mttq": "CT UBMTTQVN", "bt_doan": "BT Đoàn TN",
        "ct_pn": "CT Hội PN", "ct_nd": "CT Hội ND", "ct_ccb": "CT Hội CCB", "chqs": "CHT BCHQS",
        "vptk": "VP - TK", "dcxd": lambda u: "ĐC - XD - ĐT - MT" if UNITS[u][0] == "tt" else "ĐC - NN - XD - MT",
        "tckt": "TC - KT", "tpht": "TP - HT", "vhxh": "VH - XH", "pct_mttq": "PCT UBMTTQVN",
        "pct_nd": "PCT Hội ND", "pbt_doan": "PBT Đoàn TN", "pcht_qs": "P.CHT BCHQS", "pct_pn": "PCT Hội PN",
        "pct_ccb": "PCT Hội CCB", "_combo": "{a}, {b}",
    },
    "f06": {
        "bt_du": "BT ĐU", "pbt_du": "P.BT ĐU", "ct_hdnd": "CT HĐND", "pct_hdnd": "P.CT HĐND",
        "ct_ubnd": "CT UBND", "pct_ubnd": "P.CT UBND", "ct_mttq": "CT MTTQ", "bt_doan": "BT ĐTN",
        "ct_pn": "CT Hội PN", "ct_nd": "CT HND", "ct_ccb": "CT CCB", "chqs": "CHT QS", "vptk": "VP-TK",
        "dcxd": "ĐC-XD", "tckt": "TC-KT", "tpht": "TP-HT", "vhxh": "VH-XH", "pct_mttq": "P.CT MTTQ",
        "pct_nd": "P.CT HND", "pbt_doan": "P.BT ĐTN", "pcht_qs": "P.CHT QS", "pct_pn": "P.CT Hội PN",
        "pct_ccb": "P.CT CCB", "_combo": "{a} - {b}",
    },
    "f07": {
        "bt_du": "Bí thư ĐU", "pbt_du": "Phó Bí thư ĐU", "ct_hdnd": "Chủ tịch HĐND",
        "pct_hdnd": "Phó Chủ tịch HĐND", "ct_ubnd": "Chủ tịch UBND", "pct_ubnd": "Phó Chủ tịch UBND",
        "ct_mttq": "Chủ tịch UB MTTQ VN", "bt_doan": "Bí thư Đoàn TN", "ct_pn": "Chủ tịch Hội PN",
        "ct_nd": "Chủ tịch Hội ND", "ct_ccb": "Chủ tịch Hội CCB", "chqs": "Chỉ huy trưởng QS",
        "vptk": "CC VP-TK", "dcxd": "CC ĐC-XD", "tckt": "CC TC-KT", "tpht": "CC TP-HT", "vhxh": "CC VH-XH",
        "pct_mttq": "Phó CT UB MTTQ VN", "pct_nd": "Phó CT Hội ND", "pbt_doan": "Phó BT Đoàn TN",
        "pcht_qs": "Phó CHT QS", "pct_pn": "Phó CT Hội PN", "pct_ccb": "Phó CT Hội CCB",
        "_combo": "{b} - {a}",
    },
    "f08": {
        "bt_du": "Bí thư Đảng ủy", "pbt_du": "Phó Bí thư Đảng ủy",
        "ct_hdnd": lambda u: "Chủ tịch HĐND " + ("thị trấn" if UNITS[u][0] == "tt" else "xã"),
        "pct_hdnd": lambda u: "Phó Chủ tịch HĐND " + ("thị trấn" if UNITS[u][0] == "tt" else "xã"),
        "ct_ubnd": lambda u: "Chủ tịch UBND " + ("thị trấn" if UNITS[u][0] == "tt" else "xã"),
        "pct_ubnd": lambda u: "Phó Chủ tịch UBND " + ("thị trấn" if UNITS[u][0] == "tt" else "xã"),
        "ct_mttq": "Chủ tịch UBMTTQ", "bt_doan": "Bí thư Đoàn TNCS HCM", "ct_pn": "Chủ tịch Hội LHPN",
        "ct_nd": "Chủ tịch Hội ND", "ct_ccb": "Chủ tịch Hội CCB", "chqs": "Chỉ huy trưởng BCH QS",
        "vptk": "Văn phòng - Thống kê", "dcxd": "Địa chính - Xây dựng", "tckt": "Tài chính - Kế toán",
        "tpht": "Tư pháp - Hộ tịch", "vhxh": "Văn hóa - Xã hội", "pct_mttq": "Phó Chủ tịch UBMTTQ",
        "pct_nd": "Phó Chủ tịch Hội ND", "pbt_doan": "Phó Bí thư Đoàn TNCS HCM",
        "pcht_qs": "Phó Chỉ huy trưởng BCH QS", "pct_pn": "Phó Chủ tịch Hội LHPN",
        "pct_ccb": "Phó Chủ tịch Hội CCB", "_combo": "{a}, {b}",
    },
    "f09": {
        "bt_du": "Bí thư Đảng ủy", "pbt_du": ["Phó Bí thư TT Đảng ủy", "Phó Bí thư Đảng ủy"],
        "ct_hdnd": "Chủ tịch HĐND", "pct_hdnd": "Phó CT HĐND", "ct_ubnd": "Chủ tịch UBND",
        "pct_ubnd": "Phó CT UBND", "ct_mttq": "Chủ tịch UB MTTQ VN", "bt_doan": "Bí thư Đoàn TN",
        "ct_pn": "Chủ tịch Hội LHPN", "ct_nd": "Chủ tịch Hội Nông dân", "ct_ccb": "Chủ tịch Hội Cựu chiến binh",
        "chqs": "Chỉ huy trưởng BCH Quân sự", "vptk": "Văn phòng - Thống kê", "dcxd": "Địa chính - Xây dựng",
        "tckt": ["Kế toán", "Tài chính - Kế toán"], "tpht": "Công chức Tư pháp - Hộ tịch",
        "vhxh": "Văn hóa - Xã hội", "pct_mttq": "Phó CT UB MTTQ VN", "pct_nd": "Phó CT Hội Nông dân",
        "pbt_doan": "Phó Bí thư Đoàn TN", "pcht_qs": "Phó CHT BCH Quân sự", "pct_pn": "Phó CT Hội LHPN",
        "pct_ccb": "Phó CT Hội CCB", "_combo": "{a} kiêm {b}",
    },
    "f10": {
        "bt_du": "BT ĐU", "pbt_du": "PBT ĐU", "ct_hdnd": "CT HĐND", "pct_hdnd": "PCT HĐND",
        "ct_ubnd": "CT UBND", "pct_ubnd": "PCT UBND", "ct_mttq": "CT MTTQ", "bt_doan": "Bí thư ĐTN",
        "ct_pn": "CT Hội PN", "ct_nd": "CT Hội ND", "ct_ccb": "CT Hội CCB", "chqs": "CHT QS",
        "vptk": "VP-TK", "dcxd": "ĐC-XD", "tckt": "TC-KT", "tpht": "TP-HT", "vhxh": "VH-XH",
        "pct_mttq": "PCT MTTQ", "pct_nd": "PCT Hội ND", "pbt_doan": "PBT ĐTN", "pcht_qs": "Phó CHT QS",
        "pct_pn": "PCT Hội PN", "pct_ccb": "PCT Hội CCB", "_combo": "{a} kiêm {b}",
    },
    "f11": {
        "bt_du": "Bí thư ĐU", "pbt_du": "PBT ĐU",
        "ct_hdnd": lambda u: "CT HĐND" if UNITS[u][0] == "tt" else "CT HĐNDxã",
        "pct_hdnd": lambda u: "PCT HĐND" if UNITS[u][0] == "tt" else "PCT HĐNDxã",
        "ct_ubnd": "CT UBND", "pct_ubnd": "PCT UBND", "ct_mttq": "CT UBMTTQ", "bt_doan": "BT Đoàn TN",
        "ct_pn": "CT HLHPN", "ct_nd": "CT HND", "ct_ccb": "CT HCCB", "chqs": "CHT QS", "vptk": "VP-TK",
        "dcxd": "ĐC-XD", "tckt": "TC-KT", "tpht": "TP-HT", "vhxh": "VH-XH", "pct_mttq": "PCT UBMTTQ",
        "pct_nd": "P.CT HND", "pbt_doan": "P.BT Đoàn TN", "pcht_qs": "P.CHT QS", "pct_pn": "PCT HLHPN",
        "pct_ccb": "PCT HCCB", "_combo": "{a} kiêm {b}",
    },
    "f12": {
        "bt_du": ["Bí thư Đảng ủy", "BT ĐU"], "pbt_du": ["Phó Bí thư Đảng ủy", "PBT ĐU"],
        "ct_hdnd": "CT HĐND", "pct_hdnd": "PCT HĐND", "ct_ubnd": "CT UBND", "pct_ubnd": "PCT UBND",
        "ct_mttq": "Chủ tịch UB MTTQ", "bt_doan": "Bí thư Đoàn", "ct_pn": "CT Hội LHPN",
        "ct_nd": "CT Hội Nông dân", "ct_ccb": "CT Hội CCB", "chqs": "CHT Quân sự", "vptk": "Văn phòng - TK",
        "dcxd": "Địa chính - XD", "tckt": "Tài chính - KT", "tpht": "Tư pháp - HT", "vhxh": "Văn hóa - XH",
        "pct_mttq": "Phó CT UB MTTQ", "pct_nd": "Phó CT Hội Nông dân", "pbt_doan": "Phó BT Đoàn",
        "pcht_qs": "Phó CHT Quân sự", "pct_pn": "Phó CT Hội LHPN", "pct_ccb": "Phó CT Hội CCB",
        "_combo": "{b} - {a}",
    },
}


def spell(table, role, u, rng):
    v = table[role]
    if callable(v):
        return v(u)
    if isinstance(v, list):
        return rng.choice(v)
    return v


def title(fid, p, rng):
    t = TITLES[fid]
    a = spell(t, p["role"], p["unit"], rng)
    if fid == "f03" and p["pt_kt"]:
        a = "PCT UBND (phụ trách Kinh tế)"
    if p["role2"]:
        b = spell(t, p["role2"], p["unit"], rng)
        return t["_combo"].format(a=a, b=b)
    return a


EVAL = {
    "full": {"xuat_sac": ["Hoàn thành xuất sắc nhiệm vụ"], "tot": ["Hoàn thành tốt nhiệm vụ"],
             "hoan_thanh": ["Hoàn thành nhiệm vụ"],
             "han_che": ["Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực"],
             "khong_hoan_thanh": ["Không hoàn thành nhiệm vụ"], "none": [""]},
    "short": {"xuat_sac": ["Hoàn thành xuất sắc NV"], "tot": ["Hoàn thành tốt NV"],
              "hoan_thanh": ["Hoàn thành NV"], "han_che": ["Hoàn thành NV nhưng còn hạn chế về năng lực"],
              "khong_hoan_thanh": ["Không hoàn thành NV"], "none": [""]},
    "abbr": {"xuat_sac": ["HTXSNV"], "tot": ["HTTNV"], "hoan_thanh": ["HTNV"],
             "han_che": ["HTNV nhưng còn hạn chế về NL"], "khong_hoan_thanh": ["KHTNV"], "none": [""]},
    "mixed": {"xuat_sac": ["HTXS", "Hoàn thành XSNV"], "tot": ["HT tốt NV", "Hoàn thành tốt NV"],
              "hoan_thanh": ["HT NV", "Hoàn thành NV"],
              "han_che": ["HT NV còn hạn chế về NL", "HTNV nhưng còn hạn chế về năng lực"],
              "khong_hoan_thanh": ["Không HTNV", "Không hoàn thành NV"], "none": [""]},
}


def ev_text(style, p, rng):
    return rng.choice(EVAL[style][p["ev"]])


def ge_text(style, p, rng):
    g = p["ge"]
    if g is None:
        return ""
    if g == "12/12BT":
        return {"std": "12/12 BT", "btvh": "12/12 (BTVH)", "words": "Tốt nghiệp bổ túc THPT"}[style]
    if g == "12/12" and style == "words" and rng.random() < .5:
        return "Tốt nghiệp THPT"
    return g


def prof_text(style, p, rng):
    lv, f = p["prof"], p["field"]
    if style == "abbr":
        return {"thac_si": "ThS", "dai_hoc": "ĐH", "cao_dang": "CĐ", "trung_cap": "TC", "so_cap": "SC",
                "none": ""}[lv]
    if style == "full":
        return {"thac_si": "Thạc sĩ", "dai_hoc": "Đại học", "cao_dang": "Cao đẳng", "trung_cap": "Trung cấp",
                "so_cap": "Sơ cấp", "none": ""}[lv]
    if style == "full_field":
        if lv == "thac_si":
            return "Thạc sĩ " + THS_FIELD.get(f, f)
        if lv == "dai_hoc":
            if f == "Nông nghiệp":
                return "Kỹ sư Nông nghiệp"
            return rng.choice(["Đại học ", "Cử nhân "]) + f
        if lv == "none":
            return rng.choice(["", "Chưa qua đào tạo"])
        return {"cao_dang": "Cao đẳng ", "trung_cap": "Trung cấp ", "so_cap": "Sơ cấp "}[lv] + f
    if style == "abbr_field":
        if lv == "thac_si":
            return "ThS " + THS_FIELD.get(f, f)
        if lv == "dai_hoc":
            if f == "Nông nghiệp":
                return "Kỹ sư NN"
            if f == "Sư phạm":
                return "ĐHSP"
            return rng.choice(["ĐH ", "ĐH ", "CN "]) + f
        if lv == "cao_dang":
            return "CĐSP" if f == "Sư phạm" else "CĐ " + f
        if lv == "trung_cap":
            return rng.choice(["TC " + f, "TC " + f, "TCCN"])
        if lv == "so_cap":
            return "SC " + f if rng.random() < .5 else "SC"
        return ""
    raise KeyError(style)


def llct_text(style, p, rng):
    lv = p["llct"]
    if lv == "cao_cap" and p["llct_cn"] and style != "abbr":
        return "Cử nhân chính trị"
    return {
        "full": {"cao_cap": "Cao cấp", "trung_cap": "Trung cấp", "so_cap": "Sơ cấp", "none": ""},
        "llct": {"cao_cap": "Cao cấp LLCT", "trung_cap": "Trung cấp LLCT", "so_cap": "Sơ cấp LLCT", "none": ""},
        "abbr": {"cao_cap": "Cao cấp", "trung_cap": "TC", "so_cap": "SC", "none": ""},
        "abbr2": {"cao_cap": "CC LLCT", "trung_cap": rng.choice(["TC LL", "TCLLCT"]), "so_cap": "SC",
                  "none": ""},
    }[style][lv]


def qlnn_text(style, p, rng):
    return {
        "full": {"cvcc": "Chuyên viên cao cấp", "cvc": "Chuyên viên chính", "cv": "Chuyên viên",
                 "can_su": "Cán sự", "none": ""},
        "abbr": {"cvcc": "CVCC", "cvc": "CVC", "cv": "CV", "can_su": "Cán sự", "none": ""},
    }[style][p["qlnn"]]


ETH = {
    "plain": {},
    "hmong": {"Mông": "H'Mông", "Khơ Mú": "Khơmú"},
    "hmong2": {"Mông": "Hmông"},
}


def eth_text(style, p, rng):
    return ETH[style].get(p["eth"], p["eth"])


def gender_text(p, lower=False):
    if p["gender"] is None:
        return ""
    s = "Nam" if p["gender"] == "nam" else "Nữ"
    return s.lower() if lower else s


def dmy(d, sep="/", pad=True, yy=False):
    y = d.year % 100 if yy and d.year < 2000 else d.year
    if yy and d.year < 2000:
        ys = f"{y:02d}"
    else:
        ys = str(y)
    if pad:
        return f"{d.day:02d}{sep}{d.month:02d}{sep}{ys}"
    return f"{d.day}{sep}{d.month}{sep}{ys}"


def birth_text(p, fmt):
    """Text rendering of the birth date (or year-only)."""
    b = p["birth"]
    if b is None:
        return ""
    if p["year_only"]:
        return str(b.year)
    return fmt(b)


def birth_cell(p, fmt=None):
    """Cell value for spreadsheets: a real date, or the year as a number, or text via fmt."""
    b = p["birth"]
    if b is None:
        return None
    if p["year_only"]:
        return b.year
    if fmt is None:
        return b
    return fmt(b)


def to_nfd(s):
    return unicodedata.normalize("NFD", s) if isinstance(s, str) else s


def eth_d(s):
    """Replace Đ (U+0110) by Ð (U+00D0), the look-alike typed on some keyboards."""
    return s.replace("Đ", "Ð") if isinstance(s, str) else s


# --------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------
import openpyxl  # noqa: E402
from openpyxl.styles import Alignment, Font, Border, Side  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
DATE_FMT = "dd/mm/yyyy"


def xput(ws, r, c, v, bold=False, center=False, border=False, wrap=False, fmt=None):
    cell = ws.cell(row=r, column=c)
    cell.value = v if v != "" else None
    if isinstance(v, (dt.date, dt.datetime)):
        cell.number_format = fmt or DATE_FMT
    if bold:
        cell.font = Font(bold=True)
    if center or wrap:
        cell.alignment = Alignment(horizontal="center" if center else None, vertical="center", wrap_text=wrap)
    if border:
        cell.border = BOX
    return cell


def merge(ws, r1, c1, r2, c2, v, bold=True):
    xput(ws, r1, c1, v, bold=bold, center=True, border=True, wrap=True)
    if (r1, c1) != (r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def widths(ws, ws_widths):
    for i, w in enumerate(ws_widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def by_unit(people, order=None):
    order = order or list(range(len(UNITS)))
    return [(u, [p for p in people if p["unit"] == u]) for u in order]


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def write_f01(people, path):
    """Phòng Nội vụ biểu: title block, 2-row merged header, (1)(2)… row, group rows, Cộng, footer."""
    rng = random.Random(SEED + 101)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS CBCC xa"
    ws.merge_cells("A1:E1"); xput(ws, 1, 1, "UBND HUYỆN MƯỜNG KHOA", bold=True, center=True)
    ws.merge_cells("H1:N1"); xput(ws, 1, 8, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True)
    ws.merge_cells("A2:E2"); xput(ws, 2, 1, "PHÒNG NỘI VỤ", bold=True, center=True)
    ws.merge_cells("H2:N2"); xput(ws, 2, 8, "Độc lập - Tự do - Hạnh phúc", bold=True, center=True)
    ws.merge_cells("A4:N4"); xput(ws, 4, 1, "DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ", bold=True, center=True)
    ws.merge_cells("A5:N5"); xput(ws, 5, 1, "(Có đến ngày 31/12/2024)", center=True)
    h1, h2 = 7, 8
    merge(ws, h1, 1, h2, 1, "TT")
    merge(ws, h1, 2, h2, 2, "Họ và tên")
    merge(ws, h1, 3, h1, 4, "Ngày tháng năm sinh")
    merge(ws, h2, 3, h2, 3, "Nam")
    merge(ws, h2, 4, h2, 4, "Nữ")
    merge(ws, h1, 5, h2, 5, "Dân tộc")
    merge(ws, h1, 6, h2, 6, "Tôn giáo")
    merge(ws, h1, 7, h2, 7, "Chức vụ")
    merge(ws, h1, 8, h2, 8, "Ngày vào Đảng")
    merge(ws, h1, 9, h1, 12, "Trình độ")
    for c, t in zip(range(9, 13), ["Văn hóa", "Chuyên môn", "LLCT", "QLNN"]):
        merge(ws, h2, c, h2, c, t)
    merge(ws, h1, 13, h2, 13, "Xếp loại năm 2023")
    merge(ws, h1, 14, h2, 14, "Ghi chú")
    for c in range(1, 15):
        xput(ws, h2 + 1, c, f"({c})", center=True, border=True)
    r = h2 + 2
    for gi, (u, ps) in enumerate(by_unit(people)):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=14)
        xput(ws, r, 1, f"{ROMAN[gi]}. {unit_upper(u)}", bold=True)
        r += 1
        for i, p in enumerate(ps, 1):
            xput(ws, r, 1, i, center=True, border=True)
            xput(ws, r, 2, p["name"], border=True)
            b = birth_cell(p)
            if p["gender"] == "nu":
                xput(ws, r, 4, b, center=True, border=True)
            elif p["gender"] == "nam":
                xput(ws, r, 3, b, center=True, border=True)
            xput(ws, r, 5, eth_text("plain", p, rng), border=True)
            xput(ws, r, 6, p["rel"], border=True)
            xput(ws, r, 7, title("f01", p, rng), border=True)
            xput(ws, r, 8, p["party"], center=True, border=True)
            xput(ws, r, 9, ge_text("std", p, rng), center=True, border=True)
            xput(ws, r, 10, prof_text("full_field", p, rng), border=True)
            xput(ws, r, 11, llct_text("full", p, rng), border=True)
            xput(ws, r, 12, qlnn_text("full", p, rng), border=True)
            xput(ws, r, 13, ev_text("full", p, rng), border=True)
            xput(ws, r, 14, p["note"], border=True)
            r += 1
        xput(ws, r, 2, "Cộng", bold=True)
        xput(ws, r, 3, sum(1 for p in ps if p["gender"] == "nam"), bold=True, center=True)
        xput(ws, r, 4, sum(1 for p in ps if p["gender"] == "nu"), bold=True, center=True)
        r += 1
    xput(ws, r, 2, "TỔNG CỘNG", bold=True)
    xput(ws, r, 3, sum(1 for p in people if p["gender"] == "nam"), bold=True, center=True)
    xput(ws, r, 4, sum(1 for p in people if p["gender"] == "nu"), bold=True, center=True)
    r += 2
    xput(ws, r, 10, "Mường Khoa, ngày 31 tháng 12 năm 2024")
    r += 1
    xput(ws, r, 2, "NGƯỜI LẬP BIỂU", bold=True, center=True)
    xput(ws, r, 10, "TRƯỞNG PHÒNG", bold=True, center=True)
    r += 4
    xput(ws, r, 2, "Lê Thị Hạnh", bold=True, center=True)
    xput(ws, r, 10, "Hoàng Văn Sơn", bold=True, center=True)
    widths(ws, [5, 24, 12, 12, 9, 10, 34, 13, 9, 26, 14, 16, 34, 22])
    wb.save(path)
    return ({"party", "eth", "qlnn", "ev"}, "split",
            "Phòng Nội vụ layout: 5 title rows (UBND HUYỆN / PHÒNG NỘI VỤ / quốc hiệu / DANH SÁCH… / "
            "date line), 2-row merged header ('Ngày tháng năm sinh' over Nam|Nữ giving gender, 'Trình độ' "
            "over Văn hóa|Chuyên môn|LLCT|QLNN), a '(1) (2) … (14)' number row, group rows 'I. XÃ NÀ HẨU' "
            "merged across, numbering restarting per unit, 'Cộng' rows and 'TỔNG CỘNG' carrying integer "
            "counts in the Nam/Nữ date columns, signature footer with two names; real Excel dates (birth "
            "and Ngày vào Đảng), 7 births as a bare year number; full official titles with 'kiêm'; "
            "professional with field ('Cử nhân Luật', 'Kỹ sư Nông nghiệp', 'Thạc sĩ QLKT', 'Chưa qua đào "
            "tạo'); one 'Cử nhân chính trị'; Ghi chú holds 'Đang học ĐH Luật' for a TC holder. One person "
            "has both birth cells blank: gender and age unknown.")


def write_f02(people, path):
    """3-row header, hidden column, blank rows, stray spaces, mixed date types, CAPITAL titles."""
    rng = random.Random(SEED + 102)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Trich ngang"
    ws.merge_cells("A1:F1"); xput(ws, 1, 1, "UBND HUYỆN MƯỜNG KHOA", bold=True)
    ws.merge_cells("A2:P2"); xput(ws, 2, 1, "DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC CẤP XÃ", bold=True, center=True)
    ws.merge_cells("A3:P3"); xput(ws, 3, 1, "Tính đến 31/12/2024", center=True)
    a, b, c = 5, 6, 7
    merge(ws, a, 1, c, 1, "TT")
    merge(ws, a, 2, c, 2, "Họ và tên")
    merge(ws, a, 3, c, 3, "Quê quán")
    merge(ws, a, 4, b, 5, "Sinh ngày")
    merge(ws, c, 4, c, 4, "Nam")
    merge(ws, c, 5, c, 5, "Nữ")
    merge(ws, a, 6, c, 6, "Dân tộc")
    merge(ws, a, 7, c, 7, "Tôn giáo")
    merge(ws, a, 8, c, 8, "Chức vụ, chức danh")
    merge(ws, a, 9, c, 9, "Đảng viên")
    merge(ws, a, 10, a, 14, "Trình độ")
    merge(ws, b, 10, c, 10, "GDPT")
    merge(ws, b, 11, b, 12, "Chuyên môn nghiệp vụ")
    merge(ws, c, 11, c, 11, "Trình độ")
    merge(ws, c, 12, c, 12, "Chuyên ngành")
    merge(ws, b, 13, c, 13, "Lý luận chính trị")
    merge(ws, b, 14, c, 14, "Tin học")
    merge(ws, a, 15, c, 15, "Kết quả đánh giá, xếp loại năm 2023")
    merge(ws, a, 16, c, 16, "Ghi chú")
    for col in range(1, 17):
        xput(ws, c + 1, col, col, center=True, border=True)
    ws.column_dimensions["C"].hidden = True
    home = ["Mường Khoa", "Tây Lĩnh", "Nam Định", "Thái Bình", "Phú Thọ", "Yên Bái"]
    r = c + 2
    n_blank = 0
    for gi, (u, ps) in enumerate(by_unit(people)):
        xput(ws, r, 1, ROMAN[gi], bold=True, center=True)
        xput(ws, r, 2, unit_upper(u), bold=True)
        r += 1
        for i, p in enumerate(ps, 1):
            sp = (lambda s: f" {s} " if s and rng.random() < .12 else s)
            xput(ws, r, 1, i, center=True)
            xput(ws, r, 2, sp(p["name"]))
            xput(ws, r, 3, rng.choice(home))
            bd = p["birth"]
            if bd is not None:
                k = rng.random()
                if p["year_only"]:
                    v = str(bd.year)
                elif k < .4:
                    v = bd
                elif k < .75:
                    v = dmy(bd, ".")
                else:
                    v = dmy(bd, "-", pad=False)
                xput(ws, r, 5 if p["gender"] == "nu" else 4, v, center=True)
            xput(ws, r, 6, eth_text("plain", p, rng))
            xput(ws, r, 7, p["rel"])
            xput(ws, r, 8, sp(title("f02", p, rng)))
            xput(ws, r, 9, "x" if p["party"] else "", center=True)
            xput(ws, r, 10, ge_text("btvh", p, rng), center=True)
            xput(ws, r, 11, sp(prof_text("full", p, rng)))
            xput(ws, r, 12, p["field"] if p["prof"] != "none" else "")
            xput(ws, r, 13, llct_text("full", p, rng))
            xput(ws, r, 14, p["it"])
            xput(ws, r, 15, sp(ev_text("abbr", p, rng)))
            xput(ws, r, 16, p["note"])
            r += 1
            n_blank += 1
            if n_blank in (37, 151, 230):
                r += 1  # an empty row in the middle of a unit's block
        xput(ws, r, 2, "Cộng", bold=True)
        xput(ws, r, 9, sum(1 for p in ps if p["party"]), bold=True, center=True)
        r += 1
    xput(ws, r, 2, "TỔNG CỘNG", bold=True)
    xput(ws, r, 9, sum(1 for p in people if p["party"]), bold=True, center=True)
    widths(ws, [6, 26, 12, 12, 12, 9, 10, 30, 9, 12, 12, 18, 16, 12, 30, 22])
    wb.save(path)
    return ({"party", "eth", "ev"}, "split",
            "Three-row merged header ('Sinh ngày' over Nam|Nữ, 'Trình độ' over GDPT | 'Chuyên môn nghiệp "
            "vụ' (over Trình độ|Chuyên ngành) | Lý luận chính trị | Tin học), a plain '1 2 3 … 16' number "
            "row; hidden column C (Quê quán); group rows 'I' | 'XÃ NÀ HẨU' (unit in the name column), 'Cộng' "
            "per unit and 'TỔNG CỘNG' with the party count in the Đảng viên column; a few empty rows inside "
            "the table; some cells with leading/trailing spaces; birth dates mixed: Excel dates, "
            "'dd.mm.yyyy' text, 'd-m-yyyy' text, and 7 year-only texts; titles partly in CAPITALS "
            "('CHỦ TỊCH UBND', 'BÍ THƯ ĐẢNG ỦY, CHỦ TỊCH HĐND') and with dots ('P.CT HĐND', 'P.CT UB MTTQ'); "
            "Đảng viên as x; GDPT '12/12 (BTVH)'; evaluations HTXSNV/HTTNV/HTNV/'HTNV nhưng còn hạn chế về "
            "NL'/KHTNV. No QLNN column. One person has both birth cells blank: gender and age unknown.")


def write_f03(people, path):
    """Summary sheet first, then one sheet per commune typed by that commune, no unit column."""
    rng = random.Random(SEED + 103)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    ws.merge_cells("A1:I1")
    xput(ws, 1, 1, "TỔNG HỢP SỐ LƯỢNG CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2024", bold=True, center=True)
    hdr = ["TT", "Đơn vị", "Tổng số", "Cán bộ", "Công chức", "Không chuyên trách", "Nữ", "Đảng viên", "DTTS"]
    for ci, h in enumerate(hdr, 1):
        xput(ws, 3, ci, h, bold=True, center=True, border=True, wrap=True)
    r = 4
    for i, (u, ps) in enumerate(by_unit(people), 1):
        vals = [i, unit_full(u), len(ps), sum(p["cat"] == "can_bo" for p in ps),
                sum(p["cat"] == "cong_chuc" for p in ps), sum(p["cat"] == "khong_chuyen_trach" for p in ps),
                sum(p["gender"] == "nu" for p in ps), sum(bool(p["party"]) for p in ps),
                sum(p["eth"] != "Kinh" for p in ps)]
        for ci, v in enumerate(vals, 1):
            xput(ws, r, ci, v, border=True)
        r += 1
    xput(ws, r, 2, "Tổng cộng", bold=True, border=True)
    for ci in range(3, 10):
        col = get_column_letter(ci)
        xput(ws, r, ci, f"=SUM({col}4:{col}{r - 1})", bold=True, border=True)
    widths(ws, [5, 22, 9, 9, 10, 12, 7, 10, 7])
    date_styles = ["excel", "text", "year", "text", "excel", "year", "text", "excel", "text", "year", "excel", "text"]
    ev_styles = ["mixed"] * 12
    for gi, (u, ps) in enumerate(by_unit(people)):
        kind, name, _ = UNITS[u]
        sh = wb.create_sheet("TT " + name if kind == "tt" else name)
        xput(sh, 1, 1, f"DANH SÁCH CÁN BỘ, CÔNG CHỨC {unit_upper(u)}", bold=True)
        hr = 3
        hdr = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Chức danh", "Đảng viên", "Văn hóa",
               "Chuyên môn", "Lý luận CT", "Tin học", "Xếp loại 2023"]
        for ci, h in enumerate(hdr, 1):
            xput(sh, hr, ci, h, bold=True, center=True, border=True, wrap=True)
        r = hr + 1
        if gi % 4 == 1:
            for ci in range(1, len(hdr) + 1):
                xput(sh, r, ci, ci, center=True, border=True)
            r += 1
        if gi % 4 == 2:
            r += 1  # an empty row under the header
        ds = date_styles[gi]
        for i, p in enumerate(ps, 1):
            xput(sh, r, 1, i, center=True, border=True)
            xput(sh, r, 2, p["name"], border=True)
            bd = p["birth"]
            if bd is None:
                v = None
            elif ds == "year" or p["year_only"]:
                v = bd.year
            elif ds == "excel":
                v = bd
            else:
                v = dmy(bd, "/")
            xput(sh, r, 3, v, center=True, border=True)
            xput(sh, r, 4, gender_text(p), center=True, border=True)
            xput(sh, r, 5, eth_text("plain", p, rng), border=True)
            xput(sh, r, 6, title("f03", p, rng), border=True)
            xput(sh, r, 7, "x" if p["party"] else "", center=True, border=True)
            xput(sh, r, 8, ge_text("std", p, rng), center=True, border=True)
            xput(sh, r, 9, prof_text("abbr_field", p, rng), border=True)
            xput(sh, r, 10, llct_text("abbr2", p, rng), border=True)
            xput(sh, r, 11, p["it"], border=True)
            xput(sh, r, 12, ev_text(ev_styles[gi], p, rng), border=True)
            r += 1
        widths(sh, [5, 24, 11, 8, 9, 24, 8, 9, 18, 11, 14, 26])
    wb.save(path)
    return ({"party", "eth", "ev"}, "explicit",
            "First sheet 'Tổng hợp' is an aggregate table per unit (Đơn vị, Tổng số, Cán bộ, Công chức, Nữ, "
            "Đảng viên, DTTS, with a SUM total row) and is not a roster; then one sheet per commune named "
            "after it ('TT Khau Phạ', 'Nà Hẩu', … — no unit column; the unit is the sheet name), each with "
            "one title row naming the commune and one header row (STT, Họ và tên, Năm sinh, Giới tính, Dân "
            "tộc, Chức danh, Đảng viên, Văn hóa, Chuyên môn, Lý luận CT, Tin học, Xếp loại 2023); some "
            "sheets have a 1…12 number row or an empty row under the header. 'Năm sinh' holds a full date "
            "(Excel date or 'dd/mm/yyyy' text) or only the year, depending on the sheet. Abbreviated titles "
            "(BT ĐU kiêm CT HĐND, PBT TT ĐU, CT UB MTTQ, CT HND vs PCT HND, CT HCCB, ĐC-NN-XD-MT, ĐC-XD-ĐT-MT, "
            "'PCT UBND (phụ trách Kinh tế)'), professional 'ĐH Luật'/'CN Kinh tế'/'ĐHSP'/'Kỹ sư NN'/'CĐSP'/"
            "'TC Kế toán'/'TCCN'/'SC'/'ThS QLKT', LLCT 'CC LLCT'/'TC LL'/'TCLLCT'/'SC', evaluations "
            "'HTXS'/'HT tốt NV'/'Hoàn thành tốt NV'/'HT NV'/'HT NV còn hạn chế về NL'/'Không HTNV'. "
            "One person has a blank Giới tính and blank Năm sinh.")


def write_f04(people, path):
    """Plain list typed without a Vietnamese keyboard for titles; lone Nữ column."""
    rng = random.Random(SEED + 104)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    hdr = ["TT", "Họ và tên", "Ngày sinh", "Nữ", "Dân tộc", "Đơn vị", "Chức vụ", "Ngày vào Đảng",
           "Trình độ văn hóa", "Trình độ chuyên môn", "Lý luận chính trị", "Xếp loại năm 2023"]
    for ci, h in enumerate(hdr, 1):
        xput(ws, 1, ci, h, bold=True, center=True, border=True, wrap=True)
    r = 2
    for i, p in enumerate(people, 1):
        xput(ws, r, 1, i)
        xput(ws, r, 2, p["name"])
        xput(ws, r, 3, birth_text(p, lambda d: dmy(d, "/")))
        xput(ws, r, 4, "x" if p["gender"] == "nu" else "", center=True)
        xput(ws, r, 5, eth_text("hmong", p, rng))
        xput(ws, r, 6, unit_full(p["unit"]))
        xput(ws, r, 7, title("f04", p, rng))
        xput(ws, r, 8, dmy(p["party"], "/") if p["party"] else "")
        xput(ws, r, 9, ge_text("std", p, rng), center=True)
        xput(ws, r, 10, prof_text("full", p, rng))
        xput(ws, r, 11, llct_text("llct", p, rng))
        xput(ws, r, 12, ev_text("short", p, rng))
        r += 1
    widths(ws, [5, 24, 12, 5, 9, 18, 36, 13, 10, 14, 16, 30])
    wb.save(path)
    return ({"party", "eth", "ev"}, "lone_nu",
            "One header row at row 1, no title; one row per person with a unit column 'Đơn vị' ('Xã Nà Hẩu', "
            "'Thị trấn Khau Phạ'); gender only as an 'x' under a lone 'Nữ' column (blank = man, so the one "
            "person with no recorded gender counts as nam here); every title typed WITHOUT diacritics "
            "('Bi thu Dang uy kiem Chu tich HDND', 'Pho Chu tich UB MTTQ', 'Chi huy truong Quan su', 'Tai "
            "chinh - Ke toan', 'Pho Chu tich Hoi Nong dan'); dates as 'dd/mm/yyyy' text (7 births year-only, "
            "one blank); ethnicity 'H'Mông', 'Khơmú'; 'Trung cấp LLCT'/'Cao cấp LLCT'/'Sơ cấp LLCT'; "
            "evaluations 'Hoàn thành tốt NV', 'Hoàn thành NV nhưng còn hạn chế về năng lực', 'Không hoàn "
            "thành NV'. No QLNN column.")


def csv_text(rows, delim):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
    for row in rows:
        w.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


def write_f05(people, path):
    """CSV UTF-8 with BOM, semicolons, CRLF, 'Loại' column, d-m-yy dates."""
    rng = random.Random(SEED + 105)
    loai = {"can_bo": "Cán bộ", "cong_chuc": "Công chức", "khong_chuyen_trach": "Không chuyên trách"}
    rows = [["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Tôn giáo", "Xã/thị trấn", "Chức vụ",
             "Loại", "Ngày vào Đảng", "GDPT", "CMNV", "Chuyên ngành", "LLCT", "Tin học", "Ngoại ngữ",
             "KQ đánh giá 2023"]]
    order = sorted(range(len(UNITS)), key=lambda u: UNITS[u][1])
    i = 0
    for u, ps in by_unit(people, order):
        for p in ps:
            i += 1
            rows.append([i, p["name"], birth_text(p, lambda d: dmy(d, "-", pad=False, yy=True)),
                         gender_text(p, lower=True), eth_text("plain", p, rng), p["rel"], UNITS[u][1],
                         title("f05", p, rng), loai[p["cat"]],
                         dmy(p["party"], "-", pad=False) if p["party"] else "",
                         ge_text("std", p, rng), prof_text("abbr", p, rng),
                         p["field"] if p["prof"] != "none" else "", llct_text("abbr", p, rng), p["it"], p["nn"],
                         ev_text("abbr", p, rng)])
    with open(path, "wb") as f:
        f.write(csv_text(rows, ";").encode("utf-8-sig"))
    return ({"party", "eth", "ev"}, "explicit",
            "CSV, UTF-8 with BOM, ';' separated, CRLF; units sorted by name, unit column 'Xã/thị trấn' with "
            "the bare name ('Nà Hẩu', 'Khau Phạ'); explicit category column 'Loại' (Cán bộ / Công chức / "
            "Không chuyên trách, agreeing with the title); gender in lower case ('nam', 'nữ', one blank); "
            "birth as 'd-m-yy' text ('3-7-85'; 4-digit year for births from 2000; 7 year-only, one blank), "
            "Ngày vào Đảng as 'd-m-yyyy'; titles 'CT UBMTTQVN', 'PCT UBMTTQVN', 'CHT BCHQS', 'P.CHT BCHQS', "
            "'VP - TK', 'ĐC - NN - XD - MT', compound 'BT ĐU, CT HĐND'; headers GDPT/CMNV/LLCT; CMNV as "
            "ThS/ĐH/CĐ/TC/SC with a separate Chuyên ngành; LLCT 'Cao cấp'/'TC'/'SC'; evaluations "
            "HTXSNV/HTTNV/HTNV/'HTNV nhưng còn hạn chế về NL'/KHTNV. No QLNN column.")


def write_f06(people, path):
    """Abbreviation-only headers, NFD text, year-only birth numbers."""
    rng = random.Random(SEED + 106)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = to_nfd("Danh sách")
    hdr = ["TT", "Họ tên", "NS", "GT", "DT", "TG", "CV", "ĐV", "VH", "CM", "LL", "QLNN", "TH", "NN", "KQ ĐG",
           "Xã"]
    for ci, h in enumerate(hdr, 1):
        xput(ws, 1, ci, to_nfd(h), bold=True, center=True, border=True)
    r = 2
    for i, p in enumerate(people, 1):
        vals = [i, p["name"], p["birth"].year if p["birth"] else None, gender_text(p), eth_text("plain", p, rng),
                p["rel"], title("f06", p, rng), "x" if p["party"] else "", ge_text("std", p, rng),
                prof_text("abbr", p, rng), llct_text("abbr", p, rng), qlnn_text("abbr", p, rng), p["it"],
                p["nn"], ev_text("abbr", p, rng), UNITS[p["unit"]][1]]
        for ci, v in enumerate(vals, 1):
            xput(ws, r, ci, to_nfd(v))
        r += 1
    widths(ws, [5, 24, 7, 5, 8, 9, 22, 4, 7, 5, 8, 6, 12, 6, 10, 12])
    wb.save(path)
    return ({"party", "eth", "qlnn", "ev"}, "explicit",
            "Every header is an abbreviation: TT | Họ tên | NS | GT | DT | TG | CV | ĐV | VH | CM | LL | QLNN | "
            "TH | NN | KQ ĐG | Xã; one header row, no title; ALL text stored in Unicode NFD (decomposed); NS "
            "is the birth year as a number only; GT Nam/Nữ (one blank, with blank NS); ĐV x; unit column "
            "'Xã' with the bare commune name (the thị trấn too); CV abbreviated ('BT ĐU - CT HĐND', 'P.BT "
            "ĐU', 'P.CT HĐND', 'CT MTTQ' vs 'P.CT MTTQ', 'BT ĐTN' vs 'P.BT ĐTN', 'CT HND' vs 'P.CT HND', "
            "'CT CCB', 'P.CHT QS'); CM ThS/ĐH/CĐ/TC/SC; LL Cao cấp/TC/SC; QLNN CVC/CV/Cán sự; KQ ĐG "
            "HTXSNV/HTTNV/HTNV/'HTNV nhưng còn hạn chế về NL'/KHTNV.")


def write_f07(people, path):
    """Official-form style with x marks under one column per level."""
    rng = random.Random(SEED + 107)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bieu 2024"
    ws.merge_cells("A1:F1"); xput(ws, 1, 1, "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG KHOA", bold=True)
    ws.merge_cells("A2:R2")
    xput(ws, 2, 1, "BIỂU THỐNG KÊ SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2024", bold=True, center=True)
    a, b = 4, 5
    for c, t in [(1, "TT"), (2, "Họ và tên"), (3, "Đơn vị"), (4, "Chức danh"), (5, "Năm sinh"), (6, "Giới tính"),
                 (7, "Dân tộc"), (8, "Đảng viên"), (9, "Trình độ văn hóa"), (18, "Xếp loại năm 2023")]:
        merge(ws, a, c, b, c, t)
    merge(ws, a, 10, a, 14, "Trình độ chuyên môn")
    for c, t in zip(range(10, 15), ["ThS", "ĐH", "CĐ", "TC", "SC"]):
        merge(ws, b, c, b, c, t)
    merge(ws, a, 15, a, 17, "Lý luận chính trị")
    for c, t in zip(range(15, 18), ["Cao cấp", "Trung cấp", "Sơ cấp"]):
        merge(ws, b, c, b, c, t)
    pcol = {"thac_si": 10, "dai_hoc": 11, "cao_dang": 12, "trung_cap": 13, "so_cap": 14}
    lcol = {"cao_cap": 15, "trung_cap": 16, "so_cap": 17}
    r = b + 1
    for i, p in enumerate(people, 1):
        xput(ws, r, 1, i, center=True, border=True)
        xput(ws, r, 2, p["name"], border=True)
        xput(ws, r, 3, UNITS[p["unit"]][1] if UNITS[p["unit"]][0] == "xa" else unit_full(p["unit"]), border=True)
        xput(ws, r, 4, title("f07", p, rng), border=True)
        xput(ws, r, 5, birth_cell(p), center=True, border=True)
        xput(ws, r, 6, gender_text(p), center=True, border=True)
        xput(ws, r, 7, eth_text("plain", p, rng), border=True)
        xput(ws, r, 8, "x" if p["party"] else "", center=True, border=True)
        xput(ws, r, 9, ge_text("std", p, rng), center=True, border=True)
        for c in range(10, 18):
            xput(ws, r, c, "", border=True)
        if p["prof"] in pcol:
            xput(ws, r, pcol[p["prof"]], "x", center=True, border=True)
        if p["llct"] in lcol:
            xput(ws, r, lcol[p["llct"]], "x", center=True, border=True)
        xput(ws, r, 18, ev_text("short", p, rng), border=True)
        r += 1
    widths(ws, [5, 24, 16, 26, 11, 8, 9, 8, 9, 5, 5, 5, 5, 5, 7, 8, 7, 26])
    wb.save(path)
    return ({"party", "eth", "ev"}, "explicit",
            "Official-form style: 2 title rows, 2-row merged header where 'Trình độ chuyên môn' is a group over "
            "ThS | ĐH | CĐ | TC | SC and 'Lý luận chính trị' over Cao cấp | Trung cấp | Sơ cấp, each person "
            "marked 'x' in one column (no mark = none); 'Năm sinh' holds real Excel dates (7 bare year "
            "numbers, one blank); Giới tính Nam/Nữ (one blank); unit column 'Đơn vị' with the bare name for "
            "communes and 'Thị trấn Khau Phạ'; titles 'Chủ tịch HĐND - Bí thư ĐU' (compound reversed), 'CC "
            "VP-TK', 'CC ĐC-XD', 'Phó CT UB MTTQ VN', 'Phó CHT QS'; evaluations 'Hoàn thành tốt NV' etc. "
            "No QLNN column.")


def write_f08(people, path):
    """CSV UTF-8 (no BOM), comma, names in CAPITALS, 'Loại' column, no evaluation."""
    rng = random.Random(SEED + 108)
    loai = {"can_bo": "Cán bộ", "cong_chuc": "Công chức", "khong_chuyen_trach": "Người HĐKCT"}
    rows = [["STT", "HỌ VÀ TÊN", "Ngày sinh", "Nam/Nữ", "Dân tộc", "Đơn vị", "Chức vụ", "Loại", "Đảng viên",
             "Trình độ văn hóa", "Trình độ chuyên môn", "Chuyên ngành", "Lý luận chính trị"]]
    for i, p in enumerate(people, 1):
        rows.append([i, p["name"].upper(), birth_text(p, lambda d: dmy(d, "/")), gender_text(p),
                     eth_text("plain", p, rng), unit_full(p["unit"]), title("f08", p, rng), loai[p["cat"]],
                     "x" if p["party"] else "", ge_text("std", p, rng), prof_text("full", p, rng),
                     p["field"] if p["prof"] != "none" else "", llct_text("full", p, rng)])
    with open(path, "wb") as f:
        f.write(csv_text(rows, ",").encode("utf-8"))
    return ({"party", "eth"}, "explicit",
            "CSV, UTF-8 without BOM, ',' separated, CRLF; names typed in CAPITALS ('NGUYỄN VĂN HÙNG'); "
            "compound titles with a comma, hence quoted ('\"Bí thư Đảng ủy, Chủ tịch HĐND xã\"'); titles "
            "end in 'xã'/'thị trấn' ('Phó Chủ tịch UBND thị trấn'); explicit category column 'Loại' (Cán "
            "bộ / Công chức / Người HĐKCT, agreeing with the title); gender column 'Nam/Nữ' (one blank); "
            "birth 'dd/mm/yyyy' text (7 year-only, one blank); Đảng viên x; levels in full words (Đại học, "
            "Trung cấp, …) with separate Chuyên ngành; 'Cử nhân chính trị' once. NO evaluation column "
            "(evaluation null) and no QLNN.")


def write_f09(people, path):
    """BIFF8 .xls from xlwt: Excel dates, year numbers and d-m-yyyy text; unit column."""
    import xlwt
    rng = random.Random(SEED + 109)
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Danh sach")
    bold = xlwt.easyxf("font: bold on; align: horiz center, vert center, wrap on; "
                       "borders: left thin, right thin, top thin, bottom thin")
    dstyle = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    ws.write_merge(0, 0, 0, 15, "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ, THỊ TRẤN HUYỆN MƯỜNG KHOA NĂM 2024",
                   xlwt.easyxf("font: bold on, height 260; align: horiz center"))
    hdr = ["Số TT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Tôn giáo", "Nơi công tác",
           "Chức vụ, chức danh", "Ngày vào Đảng", "Năm vào cơ quan", "Trình độ GDPT", "Trình độ CMNV",
           "Trình độ LLCT", "QLNN", "Tin học", "Xếp loại 2023"]
    for ci, h in enumerate(hdr):
        ws.write(2, ci, h, bold)
    r = 3
    for i, p in enumerate(people, 1):
        ws.write(r, 0, i)
        ws.write(r, 1, p["name"])
        bd = p["birth"]
        if bd is not None:
            if p["year_only"]:
                ws.write(r, 2, bd.year)
            elif rng.random() < .2:
                ws.write(r, 2, dmy(bd, "-", pad=False))
            else:
                ws.write(r, 2, bd, dstyle)
        ws.write(r, 3, gender_text(p))
        ws.write(r, 4, eth_text("plain", p, rng))
        ws.write(r, 5, p["rel"])
        ws.write(r, 6, unit_full(p["unit"]))
        ws.write(r, 7, title("f09", p, rng))
        if p["party"]:
            ws.write(r, 8, p["party"], dstyle)
        hy = p["hired"].year if p["hired"] else max(2005, (bd.year if bd else 1985) + rng.randint(20, 28))
        ws.write(r, 9, min(hy, 2024))
        ws.write(r, 10, ge_text("words", p, rng))
        ws.write(r, 11, prof_text("full_field", p, rng))
        ws.write(r, 12, llct_text("llct", p, rng))
        ws.write(r, 13, qlnn_text("full", p, rng))
        ws.write(r, 14, p["it"])
        ws.write(r, 15, ev_text("full", p, rng))
        r += 1
    for ci, w in enumerate([6, 24, 12, 8, 9, 9, 20, 34, 12, 10, 20, 26, 16, 16, 14, 34]):
        ws.col(ci).width = 256 * w
    wb.save(path)
    return ({"party", "eth", "qlnn", "ev"}, "explicit",
            "Excel 97-2003 .xls (BIFF8, written by xlwt), one title row, one header row on row 3 ('Số TT', "
            "'Nơi công tác', 'Chức vụ, chức danh', 'Trình độ GDPT', 'Trình độ CMNV', 'Trình độ LLCT', 'QLNN'); "
            "birth mostly real Excel dates, some 'd-m-yyyy' text, 7 bare year numbers, one blank; 'Ngày vào "
            "Đảng' as Excel dates; a 'Năm vào cơ quan' year column that is NOT a birth year; GDPT partly "
            "written 'Tốt nghiệp THPT' / 'Tốt nghiệp bổ túc THPT'; titles 'Kế toán' (= TC-KT), 'Công chức "
            "Tư pháp - Hộ tịch', 'Chủ tịch UB MTTQ VN' vs 'Phó CT UB MTTQ VN', 'Phó CHT BCH Quân sự'; "
            "professional with field ('Cử nhân Luật', 'Thạc sĩ Quản lý công'); LLCT 'Trung cấp LLCT'; "
            "QLNN 'Chuyên viên chính'/'Chuyên viên'/'Cán sự'; full evaluation wording.")


def write_f10(people, path):
    """OpenDocument spreadsheet; group rows without numbering; lone Nữ column; no ethnicity."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell, CoveredTableCell, TableColumn
    from odf.text import P
    from odf.style import Style, TableCellProperties, TextProperties
    from odf.number import DateStyle, Day, Month, Year, Text as NText
    rng = random.Random(SEED + 110)
    doc = OpenDocumentSpreadsheet()
    ds = DateStyle(name="DMY")
    ds.addElement(Day(style="long")); ds.addElement(NText(text="/"))
    ds.addElement(Month(style="long")); ds.addElement(NText(text="/"))
    ds.addElement(Year(style="long"))
    doc.automaticstyles.addElement(ds)
    dcell = Style(name="cDate", family="table-cell", datastylename="DMY")
    doc.automaticstyles.addElement(dcell)
    bcell = Style(name="cBold", family="table-cell")
    bcell.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bcell)
    t = Table(name="CBCC xa")
    NC = 11
    for _ in range(NC):
        t.addElement(TableColumn())

    def row(vals, bold=False, span_first=0):
        tr = TableRow()
        if not vals:
            tr.addElement(TableCell())
        for ci, v in enumerate(vals):
            kw = {"stylename": bcell} if bold else {}
            if v is None or v == "":
                tr.addElement(TableCell())
            elif isinstance(v, dt.date):
                c = TableCell(valuetype="date", datevalue=v.isoformat(), stylename=dcell)
                c.addElement(P(text=dmy(v, "/")))
                tr.addElement(c)
            elif isinstance(v, int):
                c = TableCell(valuetype="float", value=v, **kw)
                c.addElement(P(text=str(v)))
                tr.addElement(c)
            else:
                if span_first and ci == 0:
                    c = TableCell(valuetype="string", numbercolumnsspanned=span_first, **kw)
                    c.addElement(P(text=v))
                    tr.addElement(c)
                    for _ in range(span_first - 1):
                        tr.addElement(CoveredTableCell())
                    return t.addElement(tr)
                c = TableCell(valuetype="string", **kw)
                c.addElement(P(text=v))
                tr.addElement(c)
        t.addElement(tr)

    row(["UBND HUYỆN MƯỜNG KHOA"], bold=True)
    row(["DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ (ĐẾN 31/12/2024)"], bold=True, span_first=NC)
    row([])
    row(["STT", "Họ và tên", "Ngày tháng năm sinh", "Nữ", "Chức vụ", "Đảng viên", "Văn hóa", "Chuyên môn",
         "Chính trị", "Phân loại đánh giá", "Ghi chú"], bold=True)
    n = 0
    for u, ps in by_unit(people):
        row(["", unit_full(u)], bold=True)
        for p in ps:
            n += 1
            bd = p["birth"]
            if bd is None:
                bv = None
            elif p["year_only"]:
                bv = bd.year
            elif rng.random() < .5:
                bv = bd
            else:
                bv = dmy(bd, "/")
            row([n, p["name"], bv, "x" if p["gender"] == "nu" else "", title("f10", p, rng),
                 "x" if p["party"] else "", ge_text("std", p, rng), prof_text("abbr_field", p, rng),
                 llct_text("abbr2", p, rng), ev_text("mixed", p, rng), p["note"]])
    row(["", "Tổng cộng", len(people)], bold=True)
    doc.spreadsheet.addElement(t)
    doc.save(path)
    return ({"party", "ev"}, "lone_nu",
            "OpenDocument .ods (odfpy): 2 title rows (the second merged across), a blank row, one header row; "
            "numbering runs through the whole district; before each unit a group row holding only the unit "
            "name in the name column ('Xã Nà Hẩu', 'Thị trấn Khau Phạ'); a final 'Tổng cộng' row with the "
            "total as a number in the birth column; gender only as 'x' under a lone 'Nữ' column (the person "
            "with no recorded gender counts as nam); births half real date cells, half 'dd/mm/yyyy' text, 7 "
            "year numbers, one blank; NO Dân tộc column (ethnic_minority null) and no QLNN; titles 'Bí thư "
            "ĐTN' vs 'PBT ĐTN', 'CT MTTQ' vs 'PCT MTTQ', 'Phó CHT QS'; professional 'ĐH Luật'/'CN Kinh "
            "tế'/'ĐHSP'/'Kỹ sư NN'/'CĐSP'/'TCCN'/'ThS QLKT'; Chính trị 'CC LLCT'/'TC LL'/'TCLLCT'/'SC'; "
            "'Phân loại đánh giá' with 'HTXS', 'HT tốt NV', 'HT NV còn hạn chế về NL', 'Không HTNV'.")


def write_f11(people, path):
    """Headerless Văn hóa column, Ð (U+00D0) for Đ, glued HĐNDxã, dd.mm.yyyy text dates."""
    rng = random.Random(SEED + 111)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS"
    xput(ws, 1, 1, "UBND HUYỆN MƯỜNG KHOA", bold=True)
    xput(ws, 2, 1, "DANH SÁCH CB, CC CẤP XÃ NĂM 2024", bold=True)
    hdr = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ", "Đơn vị", "Ngày vào Ðảng", "",
           "Chuyên môn", "LLCT", "QLNN", "Tin học", "Ngoại ngữ", "Kết quả đánh giá 2023"]
    for ci, h in enumerate(hdr, 1):
        xput(ws, 4, ci, h, bold=True, center=True, border=True, wrap=True)
    r = 5

    def d_(s):
        return eth_d(s) if rng.random() < .4 else s
    for i, p in enumerate(people, 1):
        vals = [i, p["name"], birth_text(p, lambda d: dmy(d, ".")), gender_text(p), eth_text("hmong2", p, rng),
                d_(title("f11", p, rng)), d_(unit_full(p["unit"])),
                dmy(p["party"], ".") if p["party"] else "", ge_text("std", p, rng),
                d_(prof_text("abbr", p, rng)), llct_text("abbr2", p, rng), qlnn_text("abbr", p, rng), p["it"],
                p["nn"], ev_text("mixed", p, rng)]
        for ci, v in enumerate(vals, 1):
            xput(ws, r, ci, v, border=True)
        r += 1
    widths(ws, [5, 24, 11, 8, 9, 24, 20, 12, 8, 7, 9, 7, 14, 8, 28])
    wb.save(path)
    return ({"party", "eth", "qlnn", "ev"}, "explicit",
            "Two title rows, a blank row, one header row on row 4 in which the general-education column "
            "(9th, I) has NO header at all — its cells are '12/12', '9/12', '12/12 BT', '10/10', '8/10', … "
            "so a reader sees what it is; Ð (U+00D0) typed for Đ in the header 'Ngày vào Ðảng' and in about "
            "40% of title, unit and professional cells ('Bí thư ÐU', 'ÐH', 'Xã Ðồng Tâm'); glued 'CT "
            "HĐNDxã', 'PCT HĐNDxã'; 'CT UBMTTQ' vs 'PCT UBMTTQ', 'CT HND' vs 'P.CT HND'; dates "
            "'dd.mm.yyyy' text (birth and party; 7 births year-only, one blank); ethnicity 'Hmông'; "
            "professional ThS/ĐH/CĐ/TC/SC; LLCT 'CC LLCT'/'TC LL'/'TCLLCT'/'SC'; QLNN CVC/CV/Cán sự; "
            "evaluations 'HTXS'/'HT tốt NV'/'HT NV'/…")


MODIFIERS = {"\u0302", "\u0306", "\u031B"}   # circumflex, breve, horn
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258_form(s):
    """NFD, then recompose base letter + vowel modifier (â ê ô ă ơ ư); tone marks stay combining."""
    out = []
    for ch in unicodedata.normalize("NFC", s):
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        mods = "".join(m for m in marks if m in MODIFIERS)
        tones = "".join(m for m in marks if m in TONES)
        rest = "".join(m for m in marks if m not in MODIFIERS and m not in TONES)
        assert not rest, (ch, [hex(ord(m)) for m in rest])
        out.append(unicodedata.normalize("NFC", base + mods) + tones)
    return "".join(out)


def write_f12(people, path):
    """CSV as Excel on a Vietnamese Windows saves it: Windows-1258, ';', CRLF. No party column."""
    rng = random.Random(SEED + 112)
    rows = [["TT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Đơn vị", "Chức danh", "Văn hóa",
             "Chuyên môn", "Chính trị", "Xếp loại 2023"]]
    for i, p in enumerate(people, 1):
        rows.append([i, p["name"], birth_text(p, lambda d: dmy(d, "/")), gender_text(p),
                     eth_text("hmong2", p, rng), unit_full(p["unit"]), title("f12", p, rng),
                     ge_text("std", p, rng), prof_text("full", p, rng), llct_text("full", p, rng),
                     ev_text("full", p, rng)])
    text = csv_text(rows, ";")
    data = to_cp1258_form(text).encode("cp1258")
    back = unicodedata.normalize("NFC", data.decode("cp1258"))
    assert back == unicodedata.normalize("NFC", text), "cp1258 round trip lost characters"
    with open(path, "wb") as f:
        f.write(data)
    return ({"eth", "ev"}, "explicit",
            "CSV in Windows-1258 (no BOM), ';' separated, CRLF, the way Excel on a Vietnamese Windows saves "
            "'CSV': letters with modifiers precomposed (â ê ô ă ơ ư đ) and tone marks as cp1258 combining "
            "bytes, so the text must be decoded as cp1258 and NFC-normalised; one header row; birth "
            "'dd/mm/yyyy' text (7 year-only, one blank); Giới tính Nam/Nữ (one blank); ethnicity 'Hmông'; "
            "titles 'CT HĐND - BT ĐU' (compound reversed), 'Bí thư Đoàn' vs 'Phó BT Đoàn', 'Văn phòng - TK', "
            "'Địa chính - XD', 'Tài chính - KT'; levels in full words; full evaluation wording. NO party "
            "column (party_member null) and no QLNN.")


FILES = [
    ("muong-khoa-01-phong-noi-vu.xlsx", write_f01),
    ("muong-khoa-02-trich-ngang.xlsx", write_f02),
    ("muong-khoa-03-theo-xa.xlsx", write_f03),
    ("muong-khoa-04-khong-dau.xlsx", write_f04),
    ("muong-khoa-05-utf8-bom.csv", write_f05),
    ("muong-khoa-06-viet-tat-nfd.xlsx", write_f06),
    ("muong-khoa-07-danh-dau-x.xlsx", write_f07),
    ("muong-khoa-08-chu-hoa.csv", write_f08),
    ("muong-khoa-09.xls", write_f09),
    ("muong-khoa-10.ods", write_f10),
    ("muong-khoa-11-cot-khong-ten.xlsx", write_f11),
    ("muong-khoa-12-cp1258.csv", write_f12),
]


def check(e):
    n = e["people"]
    for k, v in e.items():
        if isinstance(v, dict) and k != "age":
            assert sum(v.values()) == n, (k, v)
    assert sum(b["count"] for b in e["age"]["bands"]) + e["age"]["unknown"] == n
    for k in ("general_education", "professional", "political_theory", "state_management", "evaluation",
              "category"):
        if e[k] is not None:
            assert e[k]["unknown"] == 0, k


def main():
    people = build_people()
    fix_edges(people)
    summary = []
    for fname, writer in FILES:
        path = os.path.join(OUT, fname)
        has, gmode, layout = writer(people, path)
        e = expected(people, has, gmode, layout)
        check(e)
        with open(path + ".expected.json", "w", encoding="utf-8") as f:
            json.dump(e, f, ensure_ascii=False, indent=2)
            f.write("\n")
        summary.append((fname, e["people"], e["gender"], e["party_member"], e["ethnic_minority"]))
    for s in summary:
        print(*s)


if __name__ == "__main__":
    main()
