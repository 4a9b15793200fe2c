use super::*;
use crate::import::{import, FileInput, Overrides};
use crate::report::{report, ReportOptions};
use crate::roster::{unit_key, Roster};

fn roster(csv: &str) -> Roster {
    let imported = import(
        &[FileInput {
            name: "t.csv".into(),
            bytes: csv.as_bytes().to_vec(),
        }],
        &Overrides::default(),
    );
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    imported.roster
}

fn options(filter: Filter) -> ReportOptions {
    ReportOptions {
        as_of: "2024-12-31".parse().unwrap(),
        bands: "30,46,61".parse().unwrap(),
        filter,
    }
}

/// Four people of two communes; no evaluation, ethnicity or religion column.
const CSV: &str = "\
Họ và tên,Ngày sinh,Giới tính,Đơn vị,Chức vụ,Trình độ chuyên môn,Đảng viên
Lò Văn A,31/12/1994,Nam,Xã A,Chủ tịch UBND,Đại học,x
Lò Thị B,01/01/1995,Nữ,Xã A,Kế toán,Trung cấp,
Vàng Văn C,,Nam,Xã B,Tư pháp,,x
Vàng Thị D,1970,Nữ,Xã B,Bí thư Đảng ủy,Thạc sĩ,x
";

fn text(csv: &str, lang: Lang) -> String {
    let r = report(&roster(csv), &options(Filter::default()));
    prose(
        &r,
        &ProseOptions {
            lang,
            ..Default::default()
        },
    )
    .text()
}

fn text_with(csv: &str, filter: Filter, options: ProseOptions) -> String {
    let r = report(&roster(csv), &self::options(filter));
    prose(&r, &options).text()
}

#[test]
fn a_small_roster_reads_as_an_official_report() {
    assert_eq!(
        text(CSV, Lang::Vi),
        "\
1. Số lượng, cơ cấu
Tính đến ngày 31/12/2024, tổng số cán bộ, công chức cấp xã là 4 người, trong đó cán bộ 2 người, công chức 2 người; nữ 2 người, chiếm 50\u{a0}%; đảng viên 3 người, chiếm 75\u{a0}%.

2. Trình độ
Trình độ chuyên môn: thạc sĩ 1 người, chiếm 25\u{a0}%; đại học 1 người, chiếm 25\u{a0}%; trung cấp 1 người, chiếm 25\u{a0}%; chưa qua đào tạo 1 người, chiếm 25\u{a0}%.

3. Độ tuổi
Dưới 30 tuổi 1 người, chiếm 25\u{a0}%; từ 30 đến 45 tuổi 1 người, chiếm 25\u{a0}%; từ 46 đến 60 tuổi 1 người, chiếm 25\u{a0}%; 1 người chưa rõ ngày sinh.
"
    );
}

#[test]
fn english_says_the_same_figures() {
    assert_eq!(
        text(CSV, Lang::En),
        "\
1. Numbers and composition
As of 31 December 2024, commune-level cadres and civil servants number 4, of whom cadres: 2, civil servants: 2; women: 2 (50%); party members: 3 (75%).

2. Qualifications
Professional qualifications: master's: 1 (25%); bachelor's: 1 (25%); intermediate vocational: 1 (25%); untrained: 1 (25%).

3. Ages
Under 30: 1 (25%); 30 to 45: 1 (25%); 46 to 60: 1 (25%); date of birth not known for 1 person.
"
    );
}

#[test]
fn zero_entries_and_missing_columns_are_left_out() {
    let vi = text(CSV, Lang::Vi);
    // Zero entries: no doctor, nobody over 60, nobody part-time.
    for absent in ["tiến sĩ", "trên 60", "không chuyên trách", "0 người"] {
        assert!(!vi.contains(absent), "{absent} in {vi}");
    }
    // No column, no sentence: evaluation, ethnicity, religion, general education.
    for absent in ["đánh giá", "dân tộc", "tôn giáo", "văn hóa"] {
        assert!(!vi.contains(absent), "{absent} in {vi}");
    }
}

#[test]
fn people_the_roster_does_not_describe_are_said_plainly() {
    let csv = "\
Họ và tên,Ngày sinh,Giới tính,Đơn vị,Chức vụ,Trình độ chuyên môn,Kết quả đánh giá
A,,,Xã A,Kế toán,xem hồ sơ,
B,,Nam,Xã A,Kế toán,Đại học,Hoàn thành tốt nhiệm vụ
C,,Nữ,Xã A,Ông trùm,Đại học,?
";
    let vi = text(csv, Lang::Vi);
    for said in [
        "3 người chưa rõ ngày sinh",
        "1 người chưa rõ giới tính",
        "1 người chưa rõ trình độ chuyên môn",
        "1 người chưa được đánh giá",
        "1 người chưa rõ kết quả đánh giá",
        "1 người chưa xác định là cán bộ hay công chức",
    ] {
        assert!(vi.contains(said), "{said} not in {vi}");
    }
    // An unknown has no share: it is not a part of the whole anyone can read.
    assert!(!vi.contains("ngày sinh, chiếm"), "{vi}");
    let en = text(csv, Lang::En);
    assert!(en.contains("Date of birth not known for 3 people."), "{en}");
    assert!(en.contains("1 person not yet evaluated"), "{en}");
}

#[test]
fn large_counts_are_grouped_the_way_each_language_groups_them() {
    let mut csv = String::from("Họ và tên,Giới tính,Đơn vị,Chức vụ\n");
    for i in 0..1234 {
        let gender = if i % 3 == 0 { "Nữ" } else { "Nam" };
        csv.push_str(&format!("Người {i},{gender},Xã A,Kế toán\n"));
    }
    let vi = text(&csv, Lang::Vi);
    assert!(vi.contains("là 1.234 người"), "{vi}");
    assert!(vi.contains("nữ 412 người, chiếm 33,4\u{a0}%"), "{vi}");
    let en = text(&csv, Lang::En);
    assert!(en.contains("number 1,234"), "{en}");
    assert!(en.contains("women: 412 (33.4%)"), "{en}");
}

#[test]
fn bands_are_named_from_their_bounds() {
    let check = |from: Option<u32>, to: Option<u32>, vi: &str, en: &str| {
        let band = Band {
            label: "".into(),
            from,
            to,
            count: 0,
        };
        assert_eq!(band_words(&band, Lang::Vi), vi);
        assert_eq!(band_words(&band, Lang::En), en);
    };
    check(None, Some(29), "dưới 30 tuổi", "under 30");
    check(None, Some(30), "từ 30 tuổi trở xuống", "30 or under");
    check(Some(30), Some(45), "từ 30 đến 45 tuổi", "30 to 45");
    check(Some(61), None, "trên 60 tuổi", "over 60");
    check(Some(62), None, "từ 62 tuổi trở lên", "62 or over");
    // A snapshot's bounds are not checked when it is read back: no overflow.
    check(
        None,
        Some(u32::MAX),
        &format!("từ {} tuổi trở xuống", u32::MAX),
        &format!("{} or under", u32::MAX),
    );
    check(Some(0), None, "từ 0 tuổi trở lên", "0 or over");
}

/// The report of `CSV` with some figures moved, as a snapshot taken earlier.
fn earlier(now: &Report) -> Report {
    let mut before = now.clone();
    before.figures.people = 3;
    before.figures.category = Counts::default();
    for code in [Category::CanBo, Category::CanBo, Category::KhongChuyenTrach] {
        before.figures.category.add(code);
    }
    before.figures.party_member = Some(5);
    before
}

#[test]
fn a_comparison_says_how_each_figure_changed_and_names_the_snapshot_once() {
    let now = report(&roster(CSV), &options(Filter::default()));
    let before = earlier(&now);
    let compared = |lang| {
        prose(
            &now,
            &ProseOptions {
                lang,
                comparison: Some(Comparison {
                    name: "6 tháng đầu năm 2024",
                    report: &before,
                }),
                ..Default::default()
            },
        )
        .text()
    };
    let vi = compared(Lang::Vi);
    assert!(
        vi.contains("là 4 người (tăng 1 người so với «6 tháng đầu năm 2024»), trong đó"),
        "{vi}"
    );
    assert_eq!(vi.matches("so với").count(), 1, "{vi}");
    assert!(vi.contains("cán bộ 2 người (không đổi)"), "{vi}");
    assert!(vi.contains("công chức 2 người (tăng 2 người)"), "{vi}");
    assert!(
        vi.contains("đảng viên 3 người, chiếm 75\u{a0}% (giảm 2 người)"),
        "{vi}"
    );
    // Fallen to zero: still said, so the fall is not lost.
    assert!(
        vi.contains("người hoạt động không chuyên trách 0 người (giảm 1 người)"),
        "{vi}"
    );
    // The subject names part-time staff since the snapshot had some.
    assert!(vi.contains("tổng số cán bộ, công chức và người hoạt động không chuyên trách"));
    let en = compared(Lang::En);
    assert!(
        en.contains("number 4 (up 1 from «6 tháng đầu năm 2024»)"),
        "{en}"
    );
    assert!(en.contains("party members: 3 (75%; down 2)"), "{en}");
    assert!(en.contains("cadres: 2 (unchanged)"), "{en}");
}

#[test]
fn ages_are_compared_only_when_both_reports_cut_them_alike() {
    let now = report(&roster(CSV), &options(Filter::default()));
    let mut other = options(Filter::default());
    other.bands = crate::report::AgeBands::official();
    let before = report(&roster(CSV), &other);
    let vi = prose(
        &now,
        &ProseOptions {
            comparison: Some(Comparison {
                name: "Kỳ trước",
                report: &before,
            }),
            ..Default::default()
        },
    )
    .text();
    let ages = vi.lines().last().unwrap();
    assert!(!ages.contains('('), "{ages}");
    assert!(
        vi.contains("trung cấp 1 người, chiếm 25\u{a0}% (không đổi)"),
        "{vi}"
    );
}

#[test]
fn a_filtered_text_says_whom_it_covers() {
    let filter = Filter::default()
        .and(Dimension::Gender, vec!["nu".into()])
        .and(Dimension::Unit, vec![unit_key("Xã B")]);
    let vi = text_with(
        CSV,
        filter.clone(),
        ProseOptions {
            filter: Some(&filter),
            ..Default::default()
        },
    );
    assert!(
        vi.starts_with("Số liệu chỉ tính những người theo bộ lọc: Giới tính: Nữ; Đơn vị: Xã B.\n"),
        "{vi}"
    );
    assert!(vi.contains("là 1 người"), "{vi}");
    let en = text_with(
        CSV,
        filter.clone(),
        ProseOptions {
            lang: Lang::En,
            filter: Some(&filter),
            ..Default::default()
        },
    );
    assert!(
        en.starts_with(
            "The figures cover only the people the filter keeps: Gender: Women; Unit: Xã B.\n"
        ),
        "{en}"
    );
    // A filter that keeps everyone says nothing.
    let all = Filter::default().and(Dimension::Gender, vec![]);
    let vi = text_with(
        CSV,
        all.clone(),
        ProseOptions {
            filter: Some(&all),
            ..Default::default()
        },
    );
    assert!(vi.starts_with("1. Số lượng"), "{vi}");
}

#[test]
fn filter_values_read_as_people_read_them() {
    let r = report(&roster(CSV), &options(Filter::default()));
    let check = |dim: Dimension, value: &str, vi: &str| {
        assert_eq!(value_label(dim, value, &r, Lang::Vi), vi);
    };
    check(Dimension::Unit, &unit_key("xa a"), "Xã A");
    check(Dimension::PartyMember, "yes", "Có");
    check(Dimension::AgeBand, "1", "từ 30 đến 45 tuổi");
    check(Dimension::AgeBand, "unknown", "Chưa rõ ngày sinh");
    check(Dimension::Title, "chu_tich_ubnd", "Chủ tịch UBND");
    check(Dimension::Professional, "dai_hoc", "Đại học");
    check(Dimension::Ethnicity, "", "(để trống)");
}

#[test]
fn an_empty_report_says_nobody_is_there() {
    let filter = Filter::default().and(Dimension::Gender, vec!["unknown".into()]);
    let vi = text_with(
        CSV,
        filter.clone(),
        ProseOptions {
            filter: Some(&filter),
            ..Default::default()
        },
    );
    assert!(
        vi.ends_with("Tính đến ngày 31/12/2024, danh sách không có người nào.\n"),
        "{vi}"
    );
}

#[test]
fn standards_and_retirement_add_their_sections() {
    let roster = roster(CSV);
    let as_of: Date = "2024-12-31".parse().unwrap();
    let r = report(&roster, &options(Filter::default()));
    let sets = crate::standards::defaults();
    let rules = crate::standards::choose(&sets, None, as_of).unwrap();
    let st = crate::standards::standards(
        &roster,
        rules,
        &crate::standards::StandardsOptions::new(as_of),
    );
    let forecast = crate::retirement::forecast(
        &roster,
        &Default::default(),
        &crate::retirement::RetirementOptions::new(as_of),
    );
    let with = |lang| {
        prose(
            &r,
            &ProseOptions {
                lang,
                standards: Some(&st),
                retirement: Some(&forecast),
                ..Default::default()
            },
        )
        .text()
    };
    let vi = with(Lang::Vi);
    let t = &st.total;
    assert!(vi.contains("4. Tiêu chuẩn chức danh\n"), "{vi}");
    assert!(
        vi.contains(&format!(
            "trong {} người thuộc diện áp dụng có {} người đạt chuẩn tất cả các tiêu chí",
            t.covered(),
            t.overall.meets
        )),
        "{vi}"
    );
    for need in &st.training_needs {
        assert!(
            vi.contains(&format!(
                "{} {} người",
                lower_first(&need.label),
                need.count
            )),
            "{vi}"
        );
    }
    // Born 1970, a woman: 55 years and 8 months in 2025 (DOMAIN.md roadmap).
    assert!(vi.contains("5. Dự báo nghỉ hưu\n"), "{vi}");
    let coming: u32 = forecast.years.iter().map(|y| y.count).sum();
    assert_eq!(coming, 1);
    let year = forecast.years.iter().find(|y| y.count > 0).unwrap().year;
    assert!(
        vi.contains(&format!(
            "có 1 người đến tuổi nghỉ hưu: năm {year}: 1 người."
        )),
        "{vi}"
    );
    assert!(
        vi.contains("Chưa dự báo được cho 1 người chưa rõ ngày sinh."),
        "{vi}"
    );
    let en = with(Lang::En);
    assert!(en.contains("5. Retirement forecast\n"), "{en}");
    assert!(
        en.contains(&format!(
            "1 person reaches retirement age from 2024 to 2033: {year}: 1."
        )),
        "{en}"
    );
}
