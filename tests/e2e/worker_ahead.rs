//! The import's worker started ahead (src/worker/mod.rs, `warm_up`): the welcome of a page
//! with no roster and files dragged over the page start it, and the import that follows
//! asks that worker, already loaded, rather than starting one of its own; the next import
//! gets a worker of its own, started as its files are read, or as soon as the file chooser
//! is opened.

use std::time::Duration;

use crate::browser::{run, TestResult};
use crate::page::Page;
use crate::shared_sample;

/// Notes the address of every worker the page starts from now on (`window.workersStarted`).
const COUNT_WORKERS: &str = "
    window.workersStarted = [];
    const Started = window.Worker;
    window.Worker = class extends Started {
        constructor(url, options) {
            super(url, options);
            window.workersStarted.push(String(url));
        }
    };
";

/// A file dragged over the page, and taken away again (no drop).
const DRAG_A_FILE_OVER: &str = "
    const files = new DataTransfer();
    files.items.add(new File(['x'], 'danh-sach.xlsx'));
    const zone = document.querySelector('.drop-zone');
    for (const kind of ['dragenter', 'dragleave']) {
        zone.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: files }));
    }
";

async fn workers_started(page: &Page) -> TestResult<Vec<String>> {
    let started = page
        .driver
        .execute("return window.workersStarted;", Vec::new())
        .await?;
    Ok(serde_json::from_value(started.json().clone())?)
}

/// A roster of three people, written for these tests.
pub(crate) fn three_people() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("canbo-e2e-ahead-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, header) in ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"]
        .iter()
        .enumerate()
    {
        sheet.write(0, c as u16, *header).unwrap();
    }
    let people = [
        ("Lò Văn Ba", "12/03/1980", "Nam", "Chủ tịch UBND"),
        ("Vì Thị Hoa", "05/11/1991", "Nữ", "Văn hóa - Xã hội"),
        ("Quàng Văn Minh", "20/07/1975", "Nam", "Tư pháp - Hộ tịch"),
    ];
    for (r, (name, born, gender, title)) in people.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write(r, 0, r).unwrap();
        for (c, value) in [name, born, gender, title].iter().enumerate() {
            sheet.write(r, c as u16 + 1, **value).unwrap();
        }
    }
    let path = dir.join("xa-chieng-so.xlsx");
    book.save(&path).unwrap();
    path
}

#[tokio::test]
async fn files_dragged_over_the_page_start_the_worker_their_import_asks() {
    run(
        "files_dragged_over_the_page_start_the_worker_their_import_asks",
        |page| async move {
            page.open().await?;
            // The welcome of a page with no roster started the worker already (before the
            // count begins): the first import asks that one and starts none.
            page.driver.execute(COUNT_WORKERS, Vec::new()).await?;
            tokio::time::sleep(Duration::from_secs(2)).await;
            page.import_file(&shared_sample("mau-son-xa.xlsx")).await?;
            page.wait_for_stat("people", 420).await?;
            assert!(workers_started(&page).await?.is_empty());

            // A roster on screen, no welcome: files dragged over the page start the next.
            page.driver.execute(DRAG_A_FILE_OVER, Vec::new()).await?;
            let started = workers_started(&page).await?;
            assert_eq!(started.len(), 1, "{started:?}");
            assert!(started[0].ends_with("worker_loader.js"), "{started:?}");
            // Dragged over again: the worker waiting is kept, not another started.
            page.driver.execute(DRAG_A_FILE_OVER, Vec::new()).await?;
            assert_eq!(workers_started(&page).await?.len(), 1);

            // Loaded and ready meanwhile, it gets the files at once.
            tokio::time::sleep(Duration::from_secs(2)).await;
            page.import_file(&three_people()).await?;
            page.wait_for_stat("people", 3).await?;
            assert_eq!(workers_started(&page).await?.len(), 1);

            // A worker reads one import: the next starts its own as its files are read.
            page.import_file(&shared_sample("mau-son-xa.xlsx")).await?;
            page.wait_for_stat("people", 420).await?;
            let started = workers_started(&page).await?;
            assert_eq!(started.len(), 2, "{started:?}");

            // A click on «Chọn tệp» (the input a label opens) starts the next import's worker
            // while the person looks for the file, and the import asks that one.
            page.driver
                .execute(
                    "document.getElementById('import-input').dispatchEvent(new MouseEvent('click'));",
                    Vec::new(),
                )
                .await?;
            assert_eq!(workers_started(&page).await?.len(), 3);
            page.import_file(&three_people()).await?;
            page.wait_for_stat("people", 3).await?;
            assert_eq!(workers_started(&page).await?.len(), 3);
            Ok(())
        },
    )
    .await;
}
