//! A district's fourteen commune workbooks, one sheet each named after its commune: after the
//! import each page shows its own content on the first screen, at a laptop's 1366×768 and a
//! phone's 390×844, and the communes carry the names their sheets give them, in the files'
//! order. Screenshots: target/screenshots/first-screen-<page>-<width>.png.

use std::path::PathBuf;

use rust_xlsxwriter::Workbook;

use crate::browser::{run, TestResult};
use crate::page::Page;

/// (file name as saved, sheet name): file names folded to ASCII, as offices save them.
const COMMUNES: [(&str, &str); 14] = [
    ("chieng-so", "Chiềng Sơ"),
    ("hang-lia", "Háng Lìa"),
    ("keo-lom", "Keo Lôm"),
    ("Xa Dung", "Xa Dung"),
    ("phi-nhu", "Phì Nhừ"),
    ("na-son", "Na Son"),
    ("luan-gioi", "Luân Giói"),
    ("pu-nhi", "Pú Nhi"),
    ("muong-luan", "Mường Luân"),
    ("noong-u", "Noong U"),
    ("pu-hong", "Pú Hồng"),
    ("phinh-giang", "Phình Giàng"),
    ("tia-dinh", "Tìa Dình"),
    ("sinh-phinh", "Sình Phình"),
];

const TITLES: [&str; 8] = [
    "Bí thư Đảng ủy",
    "Chủ tịch UBND",
    "Phó Chủ tịch HĐND",
    "VP-TK",
    "ĐC-XD",
    "TC-KT",
    "Tư pháp - Hộ tịch",
    "Văn hóa - Xã hội",
];

/// Writes the fourteen workbooks into a folder of the test's own; returns them in order and
/// the number of people.
fn commune_files() -> (Vec<PathBuf>, u32) {
    let dir = std::env::temp_dir().join(format!("canbo-e2e-communes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    let mut people = 0;
    for (i, (file, sheet)) in COMMUNES.iter().enumerate() {
        let mut book = Workbook::new();
        let s = book.add_worksheet();
        s.set_name(*sheet).unwrap();
        let headers = [
            "STT",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "Chức vụ",
            "Trình độ chuyên môn",
        ];
        for (c, h) in headers.iter().enumerate() {
            s.write(0, c as u16, *h).unwrap();
        }
        let n = 16 + (i as u32 % 5);
        for r in 1..=n {
            let k = i as u32 * 31 + r;
            s.write(r, 0, r).unwrap();
            s.write(r, 1, format!("Người {i}-{r}")).unwrap();
            s.write(
                r,
                2,
                format!("{:02}/{:02}/{}", 1 + k % 28, 1 + k % 12, 1965 + k % 35),
            )
            .unwrap();
            s.write(r, 3, if k.is_multiple_of(3) { "Nữ" } else { "Nam" })
                .unwrap();
            s.write(r, 4, TITLES[(k % 8) as usize]).unwrap();
            s.write(
                r,
                5,
                ["ĐH Luật", "TC Kế toán", "Cao đẳng"][(k % 3) as usize],
            )
            .unwrap();
        }
        people += n;
        let path = dir.join(format!("{file}.xlsx"));
        book.save(&path).unwrap();
        files.push(path);
    }
    (files, people)
}

/// Whether the first element matching `css` starts inside the window at the top of the page
/// (nothing scrolled): its top edge and its first 40 pixels (or all of it, if shorter) are
/// on the first screen.
async fn on_first_screen(page: &Page, css: &str) -> TestResult<bool> {
    page.find(css).await?;
    let inside = page
        .driver
        .execute(
            "window.scrollTo(0, 0); const r = document.querySelector(arguments[0]).getBoundingClientRect(); \
             return r.height > 0 && r.top >= 0 && r.top + Math.min(r.height, 40) <= window.innerHeight;",
            vec![serde_json::Value::String(css.to_string())],
        )
        .await?;
    Ok(inside.json().as_bool().unwrap_or(false))
}

#[tokio::test]
async fn after_fourteen_commune_files_each_page_starts_on_the_first_screen() {
    run(
        "after_fourteen_commune_files_each_page_starts_on_the_first_screen",
        |page| async move {
            let (files, people) = commune_files();
            page.open().await?;
            page.import_files(&files).await?;
            page.wait_for_stat("people", people).await?;

            // The communes as their sheets name them, in the files' order.
            let names = page
                .driver
                .execute(
                    "return [...document.querySelectorAll('[data-testid=unit-table] tbody th[scope=row]')].map(e => e.textContent.trim());",
                    Vec::new(),
                )
                .await?;
            let names: Vec<String> = serde_json::from_value(names.json().clone())?;
            let sheets: Vec<String> = COMMUNES.iter().map(|(_, s)| s.to_string()).collect();
            assert_eq!(names, sheets);

            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
            std::fs::create_dir_all(&dir)?;
            // Each page, and the element that must be on its first screen.
            let pages = [
                ("report", "[data-stat=people]"),
                ("people", "[data-testid=people-table] thead th"),
                ("standards", "[data-testid=standards] table thead"),
                ("retirement", "[data-testid=retirement] svg"),
            ];
            for (width, height) in [(1366u32, 768u32), (390, 844)] {
                page.driver.set_window_rect(0, 0, width, height).await?;
                for (name, first) in pages {
                    page.find(&format!("[data-testid=tab-{name}]"))
                        .await?
                        .click()
                        .await?;
                    page.find(first).await?;
                    let seen = on_first_screen(&page, first).await?;
                    page.driver
                        .screenshot(&dir.join(format!("first-screen-{name}-{width}.png")))
                        .await?;
                    assert!(seen, "{name} at {width}×{height}: `{first}` is not on the first screen");
                }
            }
            Ok(())
        },
    )
    .await;
}
