//! The two import workers (index.html, src/worker/mod.rs): `worker`, built without the full
//! reader, reads an xlsx alone; an xls (or a CSV in a single-byte code page, an ods…) goes to
//! `worker-full`, started only then, and at once when the file's first bytes say so.

use std::path::Path;

use crate::browser::run_at;
use crate::page::poll_until;
use crate::server::{dist_without, Server};

fn sample(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../shared/samples/{name}"))
}

#[tokio::test]
async fn an_xlsx_is_read_by_the_import_worker_alone_and_an_xls_by_the_one_with_the_full_reader() {
    let dir = std::env::temp_dir().join(format!("canbo-no-full-reader-{}", std::process::id()));
    let (loader, kept) =
        dist_without(&dir, |copy| Ok(copy.join("worker-full_loader.js"))).expect("a copy of dist/");
    let server = Server::start(&dir);
    run_at(
        "an_xlsx_is_read_by_the_import_worker_alone_and_an_xls_by_the_one_with_the_full_reader",
        server.url,
        move |page| async move {
            page.open().await?;
            // No worker with the full reader in this build: an xlsx does not need it.
            page.import_file(&sample("mau-son-don-gian.xlsx")).await?;
            page.wait_for_stat("people", 420).await?;
            assert!(!page.has("[data-testid=import-error]").await?);
            let listed = page.files_listed().await?;
            assert!(listed.contains("mau-son-don-gian.xlsx"), "{listed}");

            // An xls needs it: the import says the reader could not run.
            page.import_file(&sample("mau-son.xls")).await?;
            let message = page
                .find("[data-testid=import-error]")
                .await?
                .text()
                .await?;
            assert!(message.contains("không chạy được bộ đọc tệp"), "{message}");

            // With it, the same xls gives its figures.
            std::fs::rename(&kept, &loader)?;
            page.import_file(&sample("mau-son.xls")).await?;
            page.wait_until_gone("[data-testid=import-error]").await?;
            page.wait_for_stat("people", 420).await?;
            let listed = poll_until(
                "the xls listed",
                || page.files_listed(),
                |listed: &String| listed.contains("mau-son.xls"),
            )
            .await?;
            assert!(!listed.contains("mau-son-don-gian.xlsx"), "{listed}");
            Ok(())
        },
    )
    .await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// An xls is told by its first bytes and goes to the worker with the full reader at once:
/// a build whose import worker cannot start still reads it, and not an xlsx.
#[tokio::test]
async fn an_xls_goes_to_the_worker_with_the_full_reader_at_once() {
    let dir = std::env::temp_dir().join(format!("canbo-no-lean-reader-{}", std::process::id()));
    let (_, kept) =
        dist_without(&dir, |copy| Ok(copy.join("worker_loader.js"))).expect("a copy of dist/");
    let server = Server::start(&dir);
    run_at(
        "an_xls_goes_to_the_worker_with_the_full_reader_at_once",
        server.url,
        move |page| async move {
            page.open().await?;
            page.import_file(&sample("mau-son.xls")).await?;
            page.wait_for_stat("people", 420).await?;
            assert!(!page.has("[data-testid=import-error]").await?);

            page.import_file(&sample("mau-son-don-gian.xlsx")).await?;
            let message = page
                .find("[data-testid=import-error]")
                .await?
                .text()
                .await?;
            assert!(message.contains("không chạy được bộ đọc tệp"), "{message}");
            Ok(())
        },
    )
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_file(&kept);
}
