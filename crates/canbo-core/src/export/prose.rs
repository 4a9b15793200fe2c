//! The report as the text of an official report: the paragraphs a Phòng Nội vụ writes above
//! the per-unit form ("Tổng số cán bộ, công chức cấp xã là 300 người, trong đó cán bộ 137
//! người, công chức 163 người; nữ 80 người, chiếm 26,7 %; …"), in Vietnamese or English.
//!
//! Why the core writes it: clerks copied every figure by hand from the dashboard into Word,
//! and a figure copied by hand can be wrong. Here each figure is read from the same `Report`
//! the page shows and the form prints, and written with the one number formatter
//! ([`super::text`]), so the text cannot disagree with the table beside it.
//!
//! The rules the text keeps:
//! - figures come in the order of the report's JSON (`report::stats`), so a reader, or a
//!   test, can follow them against `canbo.report/1`; men are not named (the form counts women);
//! - a breakdown entry that is zero is left out, unless a comparison shows it fell to zero;
//! - people the roster does not describe are said plainly ("3 người chưa rõ ngày sinh"),
//!   never given a share; a breakdown the roster has no column for (`null`) is not mentioned;
//! - with a comparison, each figure says how it changed; the first one names the snapshot.
//!
//! The wording is data ([`NAMES`], [`STATEMENTS`], [`TOPICS`]): a phrase is one line there.

use super::text::{number, share};
use super::Lang;
use crate::codes::*;
use crate::date::Date;
use crate::report::{stats, Band, Counts, Dimension, Filter, Report};
use crate::retirement::law::law_name;
use crate::retirement::Forecast;
use crate::standards::{Criterion, Standards, Tally};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// What to write beyond the report itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProseOptions<'a> {
    pub lang: Lang,
    /// The filter the report was computed with: the text opens by saying whom it covers.
    pub filter: Option<&'a Filter>,
    /// An earlier report (a saved snapshot) that each figure is compared with.
    pub comparison: Option<Comparison<'a>>,
    /// Adds a section on the standards of posts (computed for the same people).
    pub standards: Option<&'a Standards>,
    /// Adds a section on who retires in each coming year.
    pub retirement: Option<&'a Forecast>,
}

/// The report a text is compared with, and what the user called it.
#[derive(Debug, Clone, Copy)]
pub struct Comparison<'a> {
    /// As the snapshot was named: "6 tháng đầu năm 2019".
    pub name: &'a str,
    pub report: &'a Report,
}

/// A piece of the text: a numbered section heading or a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum Block {
    Heading(String),
    Paragraph(String),
}

/// The whole text, as blocks for a document and as plain text for the clipboard.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Prose {
    pub blocks: Vec<Block>,
}

impl Prose {
    /// Plain text: one line per block, a blank line before each heading but the first.
    pub fn text(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, block) in self.blocks.iter().enumerate() {
            match block {
                Block::Heading(h) => {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    writeln!(f, "{h}")?;
                }
                Block::Paragraph(p) => writeln!(f, "{p}")?,
            }
        }
        Ok(())
    }
}

/// Values whose name in running text is not their column label with a small first letter:
/// (`<breakdown>.<code>`, Vietnamese, English).
const NAMES: &[(&str, &str, &str)] = &[
    (
        "category.khong_chuyen_trach",
        "người hoạt động không chuyên trách",
        "part-time staff",
    ),
    (
        "general_education.thpt",
        "trung học phổ thông",
        "upper secondary",
    ),
    (
        "general_education.thcs",
        "trung học cơ sở",
        "lower secondary",
    ),
    ("political_theory.none", "chưa qua đào tạo", "none"),
    ("state_management.none", "chưa qua bồi dưỡng", "none"),
    (
        "evaluation.han_che",
        "hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực",
        "completed with limitations",
    ),
    ("party_member", "đảng viên", "party members"),
    (
        "ethnic_minority",
        "người dân tộc thiểu số",
        "from ethnic minorities",
    ),
    ("religious", "người có tôn giáo", "with a religion"),
];

/// Values said as a statement about people rather than as a share of them; `{n}` is the
/// count ("3 người", "3 people"). Every `unknown` is said from its breakdown's [`TOPICS`].
const STATEMENTS: &[(&str, &str, &str)] = &[
    (
        "category.unknown",
        "{n} chưa xác định là cán bộ hay công chức",
        "{n} of unknown category",
    ),
    (
        "general_education.none",
        "{n} để trống trình độ văn hóa",
        "general education left blank for {n}",
    ),
    (
        "evaluation.none",
        "{n} chưa được đánh giá",
        "{n} not yet evaluated",
    ),
];

/// What a breakdown is about: its heading in the text, and what an unknown lacks.
struct Topic {
    key: &'static str,
    heading: (&'static str, &'static str),
    /// "3 người chưa rõ {about}".
    about: (&'static str, &'static str),
}

const TOPICS: &[Topic] = &[
    Topic {
        key: "category",
        heading: ("Phân loại", "Category"),
        about: ("loại", "category"),
    },
    Topic {
        key: "gender",
        heading: ("Giới tính", "Gender"),
        about: ("giới tính", "gender"),
    },
    Topic {
        key: "general_education",
        heading: ("Trình độ văn hóa", "General education"),
        about: ("trình độ văn hóa", "general education"),
    },
    Topic {
        key: "professional",
        heading: ("Trình độ chuyên môn", "Professional qualifications"),
        about: ("trình độ chuyên môn", "professional qualification"),
    },
    Topic {
        key: "political_theory",
        heading: ("Trình độ lý luận chính trị", "Political theory"),
        about: ("trình độ lý luận chính trị", "political theory"),
    },
    Topic {
        key: "state_management",
        heading: ("Quản lý nhà nước", "State management training"),
        about: ("trình độ quản lý nhà nước", "state management training"),
    },
    Topic {
        key: "evaluation",
        heading: ("Kết quả đánh giá, xếp loại", "Evaluations"),
        about: ("kết quả đánh giá", "evaluation"),
    },
    Topic {
        key: "age",
        heading: ("Độ tuổi", "Ages"),
        about: ("ngày sinh", "date of birth"),
    },
];

fn topic(key: &str) -> Option<&'static Topic> {
    TOPICS.iter().find(|t| t.key == key)
}

/// The text of `lang` (the crate's one [`Lang::pick`]).
fn pick<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    lang.pick(vi, en)
}

/// "Tiểu học" → "tiểu học": a column label as running text writes it.
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A date as the language writes it in a sentence: `31/12/2024`, `31 December 2024`.
pub fn date_words(date: Date, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Vi => date.day_first(),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            MONTHS[(date.month() as usize).clamp(1, 12) - 1],
            date.year()
        ),
    }
}

/// An age band in words, from its bounds: "dưới 30 tuổi", "từ 30 đến 45 tuổi", "trên 60
/// tuổi" (a round bound reads better: `<=29` is "dưới 30", `<=30` "từ 30 tuổi trở xuống").
pub fn band_words(band: &Band, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match (band.from, band.to) {
        // Bounds come from saved snapshots too: no arithmetic that can overflow.
        (None, Some(t)) if t.checked_add(1).is_some_and(|u| u.is_multiple_of(5)) => {
            if vi {
                format!("dưới {} tuổi", t + 1)
            } else {
                format!("under {}", t + 1)
            }
        }
        (None, Some(t)) => {
            if vi {
                format!("từ {t} tuổi trở xuống")
            } else {
                format!("{t} or under")
            }
        }
        (Some(f), Some(t)) => {
            if vi {
                format!("từ {f} đến {t} tuổi")
            } else {
                format!("{f} to {t}")
            }
        }
        (Some(f), None) if f > 1 && (f - 1).is_multiple_of(5) => {
            if vi {
                format!("trên {} tuổi", f - 1)
            } else {
                format!("over {}", f - 1)
            }
        }
        (Some(f), None) => {
            if vi {
                format!("từ {f} tuổi trở lên")
            } else {
                format!("{f} or over")
            }
        }
        (None, None) => pick(lang, "mọi độ tuổi", "all ages").into(),
    }
}

/// Whom a filtered report covers, in words; `None` when the filter keeps everyone.
pub fn scope(filter: &Filter, report: &Report, lang: Lang) -> Option<String> {
    let parts: Vec<String> = filter
        .conditions
        .iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(dim, values)| {
            let labels: Vec<String> = values
                .iter()
                .map(|v| value_label(*dim, v, report, lang))
                .collect();
            let dim = match lang {
                Lang::Vi => dim.label_vi(),
                Lang::En => dim.label_en(),
            };
            format!("{dim}: {}", labels.join(", "))
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(match lang {
        Lang::Vi => format!(
            "Số liệu chỉ tính những người theo bộ lọc: {}.",
            parts.join("; ")
        ),
        Lang::En => format!(
            "The figures cover only the people the filter keeps: {}.",
            parts.join("; ")
        ),
    })
}

/// A filter value as a person reads it (a unit by its name, a band in words).
/// A value as prose says it: an age band in words ("từ 30 đến 45 tuổi"), everything else as
/// the report labels it ([`Dimension::value_label`]).
fn value_label(dim: Dimension, value: &str, report: &Report, lang: Lang) -> String {
    match dim {
        Dimension::AgeBand => match value
            .parse::<usize>()
            .ok()
            .and_then(|i| report.age.bands.get(i))
        {
            Some(band) => band_words(band, lang),
            None => pick(lang, "Chưa rõ ngày sinh", "Date of birth unknown").into(),
        },
        Dimension::Ethnicity if value.is_empty() => pick(lang, "(để trống)", "(blank)").into(),
        _ => dim.value_label(value, report, lang),
    }
}

/// The figures of the report compared with.
struct Before<'a> {
    name: &'a str,
    figures: HashMap<String, u32>,
    /// Age bands are compared only when both reports cut ages at the same bounds.
    same_bands: bool,
    /// The snapshot is named with the first change only.
    named: bool,
}

/// Writes entries in one language, keeping track of the comparison.
struct Writer<'a> {
    lang: Lang,
    people: u32,
    before: Option<Before<'a>>,
}

impl<'a> Writer<'a> {
    fn t<'s>(&self, vi: &'s str, en: &'s str) -> &'s str {
        pick(self.lang, vi, en)
    }

    /// "3 người", "1 person", "3 people".
    fn count(&self, n: u32) -> String {
        match self.lang {
            Lang::Vi => format!("{} người", number(n, self.lang)),
            Lang::En if n == 1 => "1 person".into(),
            Lang::En => format!("{} people", number(n, self.lang)),
        }
    }

    fn before(&self, path: &str) -> Option<u32> {
        let before = self.before.as_ref()?;
        if path.starts_with("age.") && !before.same_bands {
            return None;
        }
        before.figures.get(path).copied()
    }

    /// Whether an entry is said: it is not zero, or it was not zero before.
    fn shown(&self, path: &str, n: u32) -> bool {
        n > 0 || self.before(path).is_some_and(|b| b > 0)
    }

    /// "tăng 5 người so với «…»", "giảm 2 người", "không đổi"; `None` without a figure before.
    fn change(&mut self, path: &str, n: u32) -> Option<String> {
        let b = self.before(path)?;
        let mut said = match n.cmp(&b) {
            std::cmp::Ordering::Greater => match self.lang {
                Lang::Vi => format!("tăng {}", self.count(n - b)),
                Lang::En => format!("up {}", number(n - b, self.lang)),
            },
            std::cmp::Ordering::Less => match self.lang {
                Lang::Vi => format!("giảm {}", self.count(b - n)),
                Lang::En => format!("down {}", number(b - n, self.lang)),
            },
            std::cmp::Ordering::Equal => self.t("không đổi", "unchanged").to_string(),
        };
        let lang = self.lang;
        if let Some(before) = self.before.as_mut().filter(|b| !b.named) {
            before.named = true;
            said.push_str(&match lang {
                Lang::Vi => format!(" so với «{}»", before.name),
                Lang::En => format!(" from «{}»", before.name),
            });
        }
        Some(said)
    }

    /// "nữ 80 người, chiếm 26,7 % (tăng 3 người)" / "women: 80 (26.7%; up 3)".
    fn entry(&mut self, label: &str, path: &str, n: u32, with_share: bool) -> String {
        let part = with_share.then(|| share(n, self.people, self.lang));
        let change = self.change(path, n);
        match self.lang {
            Lang::Vi => {
                let mut s = format!("{label} {}", self.count(n));
                if let Some(p) = part {
                    s.push_str(&format!(", chiếm {p}"));
                }
                if let Some(c) = change {
                    s.push_str(&format!(" ({c})"));
                }
                s
            }
            Lang::En => {
                let mut s = format!("{label}: {}", number(n, self.lang));
                let notes: Vec<String> = part.into_iter().chain(change).collect();
                if !notes.is_empty() {
                    s.push_str(&format!(" ({})", notes.join("; ")));
                }
                s
            }
        }
    }

    /// A statement about people: `template` with `{n}` for the count.
    fn statement(&mut self, template: &str, path: &str, n: u32) -> String {
        let mut s = template.replace("{n}", &self.count(n));
        if let Some(c) = self.change(path, n) {
            s.push_str(&format!(" ({c})"));
        }
        s
    }

    /// The entries of one breakdown, in code order.
    fn breakdown<T: Code>(&mut self, key: &str, counts: &Counts<T>, skip: &[T]) -> Vec<String> {
        let mut out = Vec::new();
        for (code, n) in counts.iter() {
            let path = format!("{key}.{}", code.code());
            if skip.contains(&code) || !self.shown(&path, n) {
                continue;
            }
            if let Some(s) = STATEMENTS.iter().find(|s| s.0 == path) {
                let template = self.t(s.1, s.2);
                out.push(self.statement(template, &path, n));
            } else if code == T::UNKNOWN {
                let template = unknown_template(key, self.lang);
                out.push(self.statement(&template, &path, n));
            } else {
                let label = name(&path, code.label_vi(), code.label_en(), self.lang);
                out.push(self.entry(&label, &path, n, true));
            }
        }
        out
    }

    /// A yes-figure (party members, ethnic minorities, religious): an entry with its share.
    fn yes(&mut self, path: &str, n: Option<u32>) -> Option<String> {
        let n = n?;
        if !self.shown(path, n) {
            return None;
        }
        let label = name(path, path, path, self.lang);
        Some(self.entry(&label, path, n, true))
    }
}

/// "{n} chưa rõ trình độ chuyên môn" / "professional qualification not known for {n}".
fn unknown_template(key: &str, lang: Lang) -> String {
    let (vi, en) = topic(key).map_or(("thông tin", "information"), |t| t.about);
    match lang {
        Lang::Vi => format!("{{n}} chưa rõ {vi}"),
        Lang::En => format!("{en} not known for {{n}}"),
    }
}

/// The running-text name of a value: [`NAMES`], else its label with a small first letter.
fn name(path: &str, label_vi: &str, label_en: &str, lang: Lang) -> String {
    match NAMES.iter().find(|n| n.0 == path) {
        Some(n) => pick(lang, n.1, n.2).to_string(),
        None => lower_first(pick(lang, label_vi, label_en)),
    }
}

/// "1. Số lượng, cơ cấu": headings numbered in the order the sections appear.
struct Sections {
    blocks: Vec<Block>,
    next: u32,
}

impl Sections {
    fn heading(&mut self, title: &str) {
        self.next += 1;
        self.blocks
            .push(Block::Heading(format!("{}. {title}", self.next)));
    }

    fn paragraph(&mut self, text: String) {
        self.blocks.push(Block::Paragraph(text));
    }
}

/// Write the report as text.
pub fn prose(report: &Report, options: &ProseOptions) -> Prose {
    let lang = options.lang;
    let mut w = Writer {
        lang,
        people: report.people,
        before: options.comparison.map(|c| Before {
            name: c.name,
            figures: stats(&c.report.figures)
                .into_iter()
                .map(|s| (s.path, s.value))
                .collect(),
            same_bands: c.report.age.bands.iter().map(|b| (b.from, b.to)).eq(report
                .age
                .bands
                .iter()
                .map(|b| (b.from, b.to))),
            named: false,
        }),
    };
    let mut out = Sections {
        blocks: Vec::new(),
        next: 0,
    };
    if let Some(scope) = options.filter.and_then(|f| scope(f, report, lang)) {
        out.paragraph(scope);
    }
    let date = date_words(report.as_of, lang);
    if report.people == 0 {
        out.paragraph(match lang {
            Lang::Vi => format!("Tính đến ngày {date}, danh sách không có người nào."),
            Lang::En => format!("As of {date}, the roster holds nobody."),
        });
        return Prose { blocks: out.blocks };
    }

    out.heading(w.t("Số lượng, cơ cấu", "Numbers and composition"));
    out.paragraph(numbers(&mut w, report, &date));

    let levels: Vec<String> = [
        level(
            &mut w,
            "general_education",
            report.general_education.as_ref(),
            true,
        ),
        level(&mut w, "professional", report.professional.as_ref(), true),
        level(
            &mut w,
            "political_theory",
            report.political_theory.as_ref(),
            true,
        ),
        level(
            &mut w,
            "state_management",
            report.state_management.as_ref(),
            true,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !levels.is_empty() {
        out.heading(w.t("Trình độ", "Qualifications"));
        for p in levels {
            out.paragraph(p);
        }
    }
    if let Some(p) = level(&mut w, "evaluation", report.evaluation.as_ref(), false) {
        out.heading(w.t("Kết quả đánh giá, xếp loại", "Evaluations"));
        out.paragraph(p);
    }
    out.heading(w.t("Độ tuổi", "Ages"));
    out.paragraph(ages(&mut w, report));

    if let Some(s) = options.standards {
        out.heading(w.t("Tiêu chuẩn chức danh", "Standards of posts"));
        for p in standards(s, lang) {
            out.paragraph(p);
        }
    }
    if let Some(f) = options.retirement {
        out.heading(w.t("Dự báo nghỉ hưu", "Retirement forecast"));
        out.paragraph(retirement(f, lang));
    }
    Prose { blocks: out.blocks }
}

/// The opening sentence: the total, the categories, then women, party members, ethnic
/// minorities and the religious, each with its share.
fn numbers(w: &mut Writer, report: &Report, date: &str) -> String {
    let part_time = report.category.get(Category::KhongChuyenTrach) > 0
        || w.before("category.khong_chuyen_trach")
            .is_some_and(|b| b > 0);
    let subject = match (w.lang, part_time) {
        (Lang::Vi, false) => "cán bộ, công chức cấp xã",
        (Lang::Vi, true) => "cán bộ, công chức và người hoạt động không chuyên trách cấp xã",
        (Lang::En, false) => "commune-level cadres and civil servants",
        (Lang::En, true) => "commune-level cadres, civil servants and part-time staff",
    };
    // English gives the bare figure: "number 300 people" reads oddly.
    let mut total = match w.lang {
        Lang::Vi => w.count(report.people),
        Lang::En => number(report.people, w.lang),
    };
    if let Some(c) = w.change("people", report.people) {
        total.push_str(&format!(" ({c})"));
    }
    // Categories carry no share: the sentence only splits the total.
    let mut categories = Vec::new();
    for (code, n) in report.category.iter() {
        let path = format!("category.{}", code.code());
        if !w.shown(&path, n) {
            continue;
        }
        categories.push(match STATEMENTS.iter().find(|s| s.0 == path) {
            Some(s) => {
                let template = w.t(s.1, s.2);
                w.statement(template, &path, n)
            }
            None => {
                let label = name(&path, code.label_vi(), code.label_en(), w.lang);
                w.entry(&label, &path, n, false)
            }
        });
    }
    let mut parts = Vec::new();
    if let Some(g) = &report.gender {
        parts.extend(w.breakdown("gender", g, &[Gender::Nam]));
    }
    parts.extend(w.yes("party_member", report.party_member));
    parts.extend(w.yes("ethnic_minority", report.ethnic_minority));
    parts.extend(w.yes("religious", report.religious));
    let mut sentence = match w.lang {
        Lang::Vi => format!(
            "Tính đến ngày {date}, tổng số {subject} là {total}, trong đó {}",
            categories.join(", ")
        ),
        Lang::En => format!(
            "As of {date}, {subject} number {total}, of whom {}",
            categories.join(", ")
        ),
    };
    for p in parts {
        sentence.push_str("; ");
        sentence.push_str(&p);
    }
    sentence.push('.');
    sentence
}

/// One breakdown as a paragraph ("Trình độ chuyên môn: đại học 123 người, …"); `None` when
/// the roster has no such column. `lead`: the paragraph names its breakdown, as it must when
/// several share a section; alone under its heading it starts with its first entry.
fn level<T: Code>(
    w: &mut Writer,
    key: &str,
    counts: Option<&Counts<T>>,
    lead: bool,
) -> Option<String> {
    let entries = w.breakdown(key, counts?, &[]);
    Some(paragraph(w.lang, key, &entries, lead))
}

fn paragraph(lang: Lang, key: &str, entries: &[String], lead: bool) -> String {
    let text = entries.join("; ");
    if lead {
        let heading = topic(key).map_or(key, |t| pick(lang, t.heading.0, t.heading.1));
        format!("{heading}: {text}.")
    } else {
        let mut chars = text.chars();
        let first: String = chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().collect());
        format!("{first}{}.", chars.as_str())
    }
}

fn ages(w: &mut Writer, report: &Report) -> String {
    let mut entries = Vec::new();
    for (i, band) in report.age.bands.iter().enumerate() {
        let path = format!("age.bands.{i}.count");
        if w.shown(&path, band.count) {
            let label = band_words(band, w.lang);
            entries.push(w.entry(&label, &path, band.count, true));
        }
    }
    if w.shown("age.unknown", report.age.unknown) {
        let template = unknown_template("age", w.lang);
        entries.push(w.statement(&template, "age.unknown", report.age.unknown));
    }
    paragraph(w.lang, "age", &entries, false)
}

/// An English verb agreeing with a count: `verb(1, "meets", "meet")` is "meets".
fn verb<'s>(n: u32, one: &'s str, many: &'s str) -> &'s str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// "3 người" without a comparison, for the standards and retirement sections.
fn people(n: u32, lang: Lang) -> String {
    Writer {
        lang,
        people: 0,
        before: None,
    }
    .count(n)
}

/// The English name of a level a training need asks for ("bachelor's").
fn level_en(criterion: Criterion, code: &str) -> String {
    fn label<T: Code>(code: &str) -> String {
        T::from_code(code).map_or_else(|| code.to_string(), |v| lower_first(v.label_en()))
    }
    match criterion {
        Criterion::GeneralEducation => label::<GeneralEducation>(code),
        Criterion::Professional => label::<Professional>(code),
        Criterion::PoliticalTheory => label::<PoliticalTheory>(code),
    }
}

/// Who meets the standard of their post: overall, by category, then the training needed.
fn standards(s: &Standards, lang: Lang) -> Vec<String> {
    let n = |k| people(k, lang);
    let t = &s.total;
    let covered = t.covered();
    let in_force = if s.rule_set.in_force {
        String::new()
    } else {
        pick(
            lang,
            " (chưa có hiệu lực tại ngày báo cáo)",
            " (not yet in force at the report date)",
        )
        .to_string()
    };
    let mut overall = match lang {
        Lang::Vi => format!(
            "Theo tiêu chuẩn của {}{in_force}, trong {} thuộc diện áp dụng có {} đạt chuẩn tất cả các tiêu chí, chiếm {}; {} chưa đạt chuẩn",
            s.rule_set.name,
            n(covered),
            n(t.overall.meets),
            share(t.overall.meets, covered, lang),
            n(t.overall.below),
        ),
        Lang::En => format!(
            "Against {}{in_force}, of the {} it covers, {} {} every criterion ({}); {} {} short",
            crate::standards::rules::in_lang(&s.rule_set.name, lang),
            n(covered),
            number(t.overall.meets, lang),
            verb(t.overall.meets, "meets", "meet"),
            share(t.overall.meets, covered, lang),
            number(t.overall.below, lang),
            verb(t.overall.below, "falls", "fall"),
        ),
    };
    let extra: [(u32, &str, &str); 3] = [
        (
            t.overall.grace,
            "{n} chưa đạt nhưng còn trong thời gian chuyển tiếp",
            "{n} within the transition period",
        ),
        (
            t.overall.unknown,
            "{n} chưa đủ thông tin để đánh giá",
            "{n} without the data to judge",
        ),
        (
            t.not_covered,
            "{n} không thuộc diện áp dụng",
            "{n} not covered",
        ),
    ];
    for (k, vi, en) in extra {
        if k > 0 {
            overall.push_str("; ");
            overall.push_str(&pick(lang, vi, en).replace("{n}", &n(k)));
        }
    }
    overall.push('.');
    let mut out = vec![overall];
    for (category, tally) in &s.by_category {
        if tally.covered() > 0 {
            out.push(category_standing(*category, tally, lang));
        }
    }
    let needs: Vec<String> = s
        .training_needs
        .iter()
        .filter(|need| need.count > 0)
        .map(|need| {
            let mut e = match lang {
                Lang::Vi => format!("{} {}", lower_first(&need.label), n(need.count)),
                Lang::En => format!(
                    "{} ({}): {}",
                    level_en(need.criterion, &need.need),
                    lower_first(need.criterion.label_en()),
                    number(need.count, lang)
                ),
            };
            if need.in_grace > 0 {
                e.push_str(&match lang {
                    Lang::Vi => format!(
                        " (trong đó {} còn trong thời gian chuyển tiếp)",
                        n(need.in_grace)
                    ),
                    Lang::En => format!(
                        " (of whom {} within the transition period)",
                        number(need.in_grace, lang)
                    ),
                });
            }
            e
        })
        .collect();
    if !needs.is_empty() {
        out.push(format!(
            "{}: {}.",
            pick(lang, "Nhu cầu đào tạo", "Training needed"),
            needs.join("; ")
        ));
    }
    out
}

/// "Cán bộ: đạt chuẩn 94 người, chiếm 49,5 %; chưa đạt về văn hóa 4 người, …".
fn category_standing(category: Category, tally: &Tally, lang: Lang) -> String {
    let covered = tally.covered();
    let meets = tally.overall.meets;
    let mut s = match lang {
        Lang::Vi => format!(
            "{}: đạt chuẩn {} trong {} thuộc diện áp dụng, chiếm {}",
            category.label_vi(),
            people(meets, lang),
            people(covered, lang),
            share(meets, covered, lang)
        ),
        Lang::En => format!(
            "{}: {} of {} {} the standard ({})",
            category.label_en(),
            number(meets, lang),
            number(covered, lang),
            verb(meets, "meets", "meet"),
            share(meets, covered, lang)
        ),
    };
    let below: Vec<String> = Criterion::ALL
        .iter()
        .filter_map(|&c| {
            let k = tally.criteria.get(c).below;
            (k > 0).then(|| match lang {
                Lang::Vi => format!("về {} {}", c.label_vi().to_lowercase(), people(k, lang)),
                Lang::En => format!("{}: {}", lower_first(c.label_en()), number(k, lang)),
            })
        })
        .collect();
    if !below.is_empty() {
        s.push_str(&match lang {
            Lang::Vi => format!("; chưa đạt {}", below.join(", ")),
            Lang::En => format!("; below on {}", below.join(", ")),
        });
    }
    s.push('.');
    s
}

/// Who reaches retirement age in each coming year, who is past it, and who cannot be placed.
fn retirement(f: &Forecast, lang: Lang) -> String {
    let n = |k| people(k, lang);
    let first = f.years.first().map_or(f.as_of.year(), |y| y.year);
    let last = f.years.last().map_or(f.until.year(), |y| y.year);
    let coming: u32 = f.years.iter().map(|y| y.count).sum();
    let years: Vec<String> = f
        .years
        .iter()
        .filter(|y| y.count > 0)
        .map(|y| match lang {
            Lang::Vi => format!("năm {}: {}", y.year, n(y.count)),
            Lang::En => format!("{}: {}", y.year, number(y.count, lang)),
        })
        .collect();
    let mut s = match (lang, coming) {
        (Lang::Vi, 0) => format!(
            "Theo quy định về tuổi nghỉ hưu ({}), từ năm {first} đến năm {last} không có người nào đến tuổi nghỉ hưu.",
            f.law
        ),
        (Lang::En, 0) => format!(
            "Under the retirement ages of the law ({}), nobody reaches retirement age from {first} to {last}.",
            law_name(&f.law, lang)
        ),
        (Lang::Vi, _) => format!(
            "Theo quy định về tuổi nghỉ hưu ({}), từ năm {first} đến năm {last} có {} đến tuổi nghỉ hưu: {}.",
            f.law,
            n(coming),
            years.join("; ")
        ),
        (Lang::En, _) => format!(
            "Under the retirement ages of the law ({}), {} {} retirement age from {first} to {last}: {}.",
            law_name(&f.law, lang),
            n(coming),
            verb(coming, "reaches", "reach"),
            years.join("; ")
        ),
    };
    if f.overdue > 0 {
        let date = date_words(f.as_of, lang);
        s.push(' ');
        s.push_str(&match lang {
            Lang::Vi => format!(
                "Ngoài ra, {} đã quá tuổi nghỉ hưu tại ngày {date}.",
                n(f.overdue)
            ),
            Lang::En => format!(
                "Besides, {} {} past retirement age on {date}.",
                n(f.overdue),
                verb(f.overdue, "is", "are")
            ),
        });
    }
    let unplaced: Vec<String> = [
        (f.unknown_birth.len() as u32, unknown_template("age", lang)),
        (
            f.unknown_gender.len() as u32,
            unknown_template("gender", lang),
        ),
    ]
    .into_iter()
    .filter(|(k, _)| *k > 0)
    .map(|(k, template)| template.replace("{n}", &n(k)))
    .collect();
    if !unplaced.is_empty() {
        s.push(' ');
        s.push_str(&match lang {
            Lang::Vi => format!("Chưa dự báo được cho {}.", unplaced.join(", ")),
            Lang::En => format!("Not forecast: {}.", unplaced.join("; ")),
        });
    }
    s
}

#[cfg(test)]
mod tests;
