"""Shared person generator and expected-figure computation for the independent test rosters.

Everything expected is computed from the generated Python records (canonical codes chosen
BEFORE rendering to text), never by reading an xlsx back.
"""
import datetime as dt
import json
import random
import unicodedata

AS_OF = dt.date(2024, 12, 31)
BAND_LOWER = [30, 41, 51, 61]  # -> <=29, 30-40, 41-50, 51-60, >=61

CAN_BO = ["bt_du", "pbt_du", "ct_hdnd", "pct_hdnd", "ct_ubnd", "pct_ubnd", "ct_mttq",
          "bt_doan", "ct_pn", "ct_nd", "ct_ccb"]
CONG_CHUC = ["chqs", "vptk", "dc", "tckt", "tpht", "vhxh"]
KCT = ["pct_mttq", "pct_nd", "pct_pn", "pct_ccb", "pbt_doan"]

POS_FULL = {
    "bt_du": ["Bí thư Đảng ủy", "Bí thư Đảng uỷ"],
    "pbt_du": ["Phó Bí thư Đảng ủy", "Phó Bí thư Thường trực Đảng ủy"],
    "ct_hdnd": ["Chủ tịch HĐND", "Chủ tịch Hội đồng nhân dân"],
    "pct_hdnd": ["Phó Chủ tịch HĐND", "Phó Chủ tịch Hội đồng nhân dân"],
    "ct_ubnd": ["Chủ tịch UBND", "Chủ tịch Ủy ban nhân dân"],
    "pct_ubnd": ["Phó Chủ tịch UBND", "Phó Chủ tịch Ủy ban nhân dân"],
    "ct_mttq": ["Chủ tịch Ủy ban MTTQ Việt Nam", "Chủ tịch UB MTTQ VN"],
    "bt_doan": ["Bí thư Đoàn TNCS Hồ Chí Minh", "Bí thư Đoàn Thanh niên"],
    "ct_pn": ["Chủ tịch Hội Liên hiệp Phụ nữ", "Chủ tịch Hội LHPN"],
    "ct_nd": ["Chủ tịch Hội Nông dân"],
    "ct_ccb": ["Chủ tịch Hội Cựu chiến binh"],
    "chqs": ["Chỉ huy trưởng Quân sự", "Chỉ huy trưởng Ban Chỉ huy Quân sự"],
    "vptk": ["Công chức Văn phòng - Thống kê", "Văn phòng - Thống kê"],
    "dc": ["Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường", "Địa chính - Xây dựng"],
    "tckt": ["Công chức Tài chính - Kế toán", "Tài chính - Kế toán"],
    "tpht": ["Công chức Tư pháp - Hộ tịch", "Tư pháp - Hộ tịch"],
    "vhxh": ["Công chức Văn hóa - Xã hội", "Văn hóa - Xã hội"],
    "pct_mttq": ["Phó Chủ tịch Ủy ban MTTQ"],
    "pct_nd": ["Phó Chủ tịch Hội Nông dân"],
    "pct_pn": ["Phó Chủ tịch Hội Phụ nữ"],
    "pct_ccb": ["Phó Chủ tịch Hội Cựu chiến binh"],
    "pbt_doan": ["Phó Bí thư Đoàn Thanh niên"],
}
# abbreviated spellings (DOMAIN.md examples and the same families)
POS_ABBR = {
    "bt_du": ["BT ĐU", "Bí thư ĐU"],
    "pbt_du": ["P.BT ĐU", "Phó Bí thư ĐU", "PBT ĐU"],
    "ct_hdnd": ["CT HĐND", "Chủ tịch HĐND"],
    "pct_hdnd": ["P.CT HĐND", "PCT HĐND"],
    "ct_ubnd": ["CT UBND", "Chủ tịch UBND"],
    "pct_ubnd": ["P.CT UBND", "PCT UBND", "Phó CT UBND"],
    "ct_mttq": ["Chủ tịch UB MTTQ VN", "CT UB MTTQ"],
    "bt_doan": ["Bí thư Đoàn TN", "BT Đoàn TNCS HCM"],
    "ct_pn": ["CT Hội LHPN", "Chủ tịch Hội PN"],
    "ct_nd": ["CT Hội ND", "Chủ tịch Hội ND"],
    "ct_ccb": ["CT Hội CCB", "Chủ tịch Hội CCB"],
    "chqs": ["CHT Quân sự", "Chỉ huy trưởng BCH Quân sự"],
    "vptk": ["VP-TK", "Văn phòng - TK"],
    "dc": ["Địa chính - XD", "ĐC-NN-XD-MT"],
    "tckt": ["Kế toán", "TC-KT"],
    "tpht": ["TP-HT", "Tư pháp - HT"],
    "vhxh": ["VH-XH", "Văn hoá - XH"],
    "pct_mttq": ["P.CT UB MTTQ"],
    "pct_nd": ["PCT Hội ND"],
    "pct_pn": ["PCT Hội PN"],
    "pct_ccb": ["PCT Hội CCB"],
    "pbt_doan": ["PBT Đoàn TN"],
}

UNIT_TEMPLATE = ["bt_du", "pbt_du", "ct_hdnd", "pct_hdnd", "ct_ubnd", "pct_ubnd", "pct_ubnd",
                 "ct_mttq", "bt_doan", "ct_pn", "ct_nd", "ct_ccb",
                 "chqs", "vptk", "vptk", "dc", "dc", "tckt", "tpht", "tpht", "vhxh", "vhxh"]

ETHN = {  # canonical -> spellings
    "Kinh": ["Kinh"],
    "Tày": ["Tày"],
    "Nùng": ["Nùng"],
    "Thái": ["Thái"],
    "Mông": ["Mông", "H'Mông", "Hmông"],
    "Dao": ["Dao"],
    "Khơ Mú": ["Khơ Mú", "Khơmú"],
    "Mường": ["Mường"],
}

PROF = {
    "thac_si": ["Thạc sĩ", "ThS", "ThS Quản lý kinh tế"],
    "dai_hoc": ["Đại học", "ĐH", "ĐH Luật", "Đại học Kế toán", "Cử nhân", "Kỹ sư Nông nghiệp", "ĐH Hành chính"],
    "cao_dang": ["Cao đẳng", "CĐ", "CĐ Sư phạm"],
    "trung_cap": ["Trung cấp", "TC", "TC Kế toán", "Trung cấp Luật"],
    "so_cap": ["Sơ cấp", "SC"],
    "none": ["", "Chưa qua đào tạo"],
}
LLCT = {
    "cao_cap": ["Cao cấp", "Cử nhân chính trị"],
    "trung_cap": ["Trung cấp", "TC"],
    "so_cap": ["Sơ cấp", "SC"],
    "none": [""],
}
GDPT = {
    "thpt": ["12/12", "10/10", "Tốt nghiệp THPT"],
    "thcs": ["9/12", "7/10", "11/12"],
    "none": [""],
}
EVAL = {
    "xuat_sac": ["Hoàn thành xuất sắc nhiệm vụ", "HTXSNV"],
    "tot": ["Hoàn thành tốt nhiệm vụ", "HTTNV", "Hoàn thành tốt NV"],
    "hoan_thanh": ["Hoàn thành nhiệm vụ", "HTNV"],
    "khong_hoan_thanh": ["Không hoàn thành nhiệm vụ"],
    "none": [""],
}
QLNN = {
    "cvc": ["Chuyên viên chính", "CVC"],
    "cv": ["Chuyên viên", "CV"],
    "can_su": ["Cán sự"],
    "none": [""],
}

FAM = ["Nguyễn", "Lò", "Lường", "Quàng", "Vì", "Hà", "Lý", "Giàng", "Sùng", "Vàng", "Tòng",
       "Cầm", "Lê", "Trần", "Hoàng", "Nông", "Lục", "Đinh", "Bạc", "Lù", "Đặng", "Triệu"]
MID_M = ["Văn", "Đức", "Minh", "Thế", "A", "Seo", "Hữu", "Văn"]
MID_F = ["Thị", "Thị", "Thu", "Thanh", "Ngọc"]
GIV_M = ["An", "Bình", "Cường", "Dũng", "Páo", "Chứ", "Sình", "Tuấn", "Hùng", "Khánh", "Long",
         "Phong", "Quyết", "Thắng", "Vượng", "Pằng", "Sơn", "Đông", "Ánh"]
GIV_F = ["Hoa", "Lan", "Mai", "Nga", "Dung", "Mỷ", "Xuân", "Thủy", "Hương", "Phượng", "Pà",
         "Sua", "Chi", "Ánh", "Yến"]

# boundary births around the bands at AS_OF = 2024-12-31 (bands 30,41,51,61)
BOUNDARY = [dt.date(1994, 12, 31), dt.date(1995, 1, 1), dt.date(1984, 1, 1), dt.date(1983, 12, 31),
            dt.date(1974, 1, 1), dt.date(1973, 12, 31), dt.date(1964, 1, 1), dt.date(1963, 12, 31)]


def category_of(code):
    if code in CAN_BO:
        return "can_bo"
    if code in CONG_CHUC:
        return "cong_chuc"
    if code in KCT:
        return "khong_chuyen_trach"
    return "unknown"


def age_at(birth, year_only=False):
    if year_only:
        return AS_OF.year - birth.year
    a = AS_OF.year - birth.year
    if (AS_OF.month, AS_OF.day) < (birth.month, birth.day):
        a -= 1
    return a


def band_index(age):
    i = 0
    for lo in BAND_LOWER:
        if age >= lo:
            i += 1
    return i


def make_people(rng, units, kct_per_unit=0, boundary=True, prof_levels=None, allow_older=True):
    """Return list of dicts with canonical values."""
    people = []
    bq = list(BOUNDARY) if boundary else []
    for unit in units:
        codes = list(UNIT_TEMPLATE)
        # vary the size a bit
        if rng.random() < 0.5:
            codes.remove("pct_ubnd")
        if rng.random() < 0.4:
            codes.append(rng.choice(["vhxh", "dc", "tckt"]))
        codes += rng.sample(KCT, kct_per_unit) if kct_per_unit else []
        for code in codes:
            g = "nu" if rng.random() < (0.8 if code in ("ct_pn", "pct_pn") else 0.33) else "nam"
            if bq and rng.random() < 0.15:
                birth = bq.pop()
            else:
                lo = dt.date(1961 if allow_older else 1965, 3, 1).toordinal()
                hi = dt.date(2002, 10, 1).toordinal()
                birth = dt.date.fromordinal(rng.randint(lo, hi))
            ethn = rng.choice(["Kinh"] * 3 + ["Tày", "Nùng", "Thái", "Thái", "Mông", "Mông", "Dao", "Khơ Mú", "Mường"])
            cat = category_of(code)
            party = rng.random() < (0.95 if cat == "can_bo" else 0.6)
            levels = prof_levels or ["dai_hoc"] * 6 + ["cao_dang", "trung_cap", "trung_cap", "so_cap", "none", "thac_si"]
            prof = rng.choice(levels)
            llct = rng.choice(["trung_cap"] * 4 + ["so_cap"] * 3 + ["cao_cap", "none", "none"])
            gdpt = rng.choice(["thpt"] * 9 + ["thcs"])
            ev = rng.choice(["tot"] * 6 + ["xuat_sac", "xuat_sac", "hoan_thanh", "khong_hoan_thanh"])
            qlnn = rng.choice(["cv"] * 3 + ["can_su", "cvc", "none", "none"])
            name = " ".join([rng.choice(FAM), rng.choice(MID_F if g == "nu" else MID_M),
                             rng.choice(GIV_F if g == "nu" else GIV_M)])
            people.append(dict(name=name, gender=g, birth=birth, ethn=ethn, unit=unit, pos=code,
                               category=cat, party=party, prof=prof, llct=llct, gdpt=gdpt,
                               eval=ev, qlnn=qlnn,
                               party_date=(dt.date(birth.year + rng.randint(19, 30), rng.randint(1, 12), rng.randint(1, 28))
                                           if party else None)))
    for p in people:  # party date must not be after AS_OF
        if p["party_date"] and p["party_date"] > AS_OF:
            p["party_date"] = dt.date(2024, 3, 2)
    return people


def pick(rng, table, code):
    return rng.choice(table[code])


def pos_text(rng, p, style):
    if style == "full":
        return rng.choice(POS_FULL[p["pos"]])
    if style == "abbr":
        return rng.choice(POS_ABBR[p["pos"]])
    return rng.choice(POS_FULL[p["pos"]] + POS_ABBR[p["pos"]])


def counts(keys, values):
    d = {k: 0 for k in keys}
    for v in values:
        d[v] += 1
    return d


def expected(people, about, cols, year_only=None, units_order=None):
    """cols: set of breakdown names whose column exists in the file.
    year_only: set of id(p) whose birth is written as a year only."""
    year_only = year_only or set()
    n = len(people)
    e = {"schema": "canbo.report/1", "as_of": AS_OF.isoformat(), "people": n}
    e["category"] = counts(["can_bo", "cong_chuc", "khong_chuyen_trach", "unknown"], [p["category"] for p in people])
    e["gender"] = counts(["nam", "nu", "unknown"], [p["gender"] for p in people])
    e["party_member"] = sum(p["party"] for p in people) if "party" in cols else None
    e["ethnic_minority"] = (sum(1 for p in people if p["ethn"] and p["ethn"] != "Kinh")
                            if "ethn" in cols else None)
    e["general_education"] = (counts(["thpt", "thcs", "tieu_hoc", "none", "unknown"], [p["gdpt"] for p in people])
                              if "gdpt" in cols else None)
    e["professional"] = (counts(["tien_si", "thac_si", "dai_hoc", "cao_dang", "trung_cap", "so_cap", "none", "unknown"],
                                [p["prof"] for p in people]) if "prof" in cols else None)
    e["political_theory"] = (counts(["cao_cap", "trung_cap", "so_cap", "none", "unknown"], [p["llct"] for p in people])
                             if "llct" in cols else None)
    e["state_management"] = (counts(["cvcc", "cvc", "cv", "can_su", "none", "unknown"], [p["qlnn"] for p in people])
                             if "qlnn" in cols else None)
    e["evaluation"] = (counts(["xuat_sac", "tot", "hoan_thanh", "han_che", "khong_hoan_thanh", "none", "unknown"],
                              [p["eval"] for p in people]) if "eval" in cols else None)
    bands = [0] * 5
    for p in people:
        bands[band_index(age_at(p["birth"], id(p) in year_only))] += 1
    labels = [("<=29", None, 29), ("30-40", 30, 40), ("41-50", 41, 50), ("51-60", 51, 60), (">=61", 61, None)]
    e["age"] = {"bands": [{"label": l, "from": f, "to": t, "count": c} for (l, f, t), c in zip(labels, bands)],
                "unknown": 0}
    order = units_order or list(dict.fromkeys(p["unit"] for p in people))
    e["unit_count"] = len(order)
    e["units"] = [{"unit": u, "people": sum(1 for p in people if p["unit"] == u)} for u in order]
    e["_about"] = about + " Run with --as-of 2024-12-31 --age-bands 30,41,51,61."
    return e


def write_expected(path, e):
    with open(path + ".expected.json", "w", encoding="utf-8") as f:
        json.dump(e, f, ensure_ascii=False, indent=1)
        f.write("\n")


def nfd(s):
    return unicodedata.normalize("NFD", s)


def ddmmyyyy(d, sep="/"):
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def serial1900(d):
    return (d - dt.date(1899, 12, 30)).days


def serial1904(d):
    return (d - dt.date(1904, 1, 1)).days
