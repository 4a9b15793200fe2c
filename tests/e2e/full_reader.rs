//! The two import workers (index.html, src/worker/mod.rs): `worker`, built without the full
//! reader, reads an xlsx alone; an xls (or a CSV in a single-byte code page, an ods…) goes to
//! `worker-full`, started only then, and at once when the file's bytes say so.

use std::future::Future;
use std::path::{Path, PathBuf};

use crate::browser::{run_at, TestResult};
use crate::page::{poll_until, Page};
use crate::server::{dist_without, Server};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../shared/samples/{name}"))
}

/// Runs the test `name` on a copy of the build without `file` (a worker's loader); the test
/// is given where the file was and where it is kept meanwhile, to put it back.
async fn without<F, Fut>(name: &'static str, file: &'static str, test: F)
where
    F: FnOnce(Page, PathBuf, PathBuf) -> Fut,
    Fut: Future<Output = TestResult> + Send + 'static,
{
    let dir = std::env::temp_dir().join(format!("canbo-without-{file}-{}", std::process::id()));
    let (missing, kept) = dist_without(&dir, |copy| Ok(copy.join(file))).expect("a copy of dist/");
    let server = Server::start(&dir);
    let aside = kept.clone();
    run_at(name, server.url, move |page| test(page, missing, aside)).await;
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_file(&kept);
}

#[tokio::test]
async fn an_xlsx_is_read_by_the_import_worker_alone_and_an_xls_by_the_one_with_the_full_reader() {
    without(
        "an_xlsx_is_read_by_the_import_worker_alone_and_an_xls_by_the_one_with_the_full_reader",
        "worker-full_loader.js",
        |page, loader, kept| async move {
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
}

/// An xls (by its first bytes) and an ods (by its zip's directory) go to the worker with the
/// full reader at once: a build whose import worker cannot start still reads them, and not
/// an xlsx.
#[tokio::test]
async fn an_xls_or_an_ods_goes_to_the_worker_with_the_full_reader_at_once() {
    without(
        "an_xls_or_an_ods_goes_to_the_worker_with_the_full_reader_at_once",
        "worker_loader.js",
        |page, _, _| async move {
            page.open().await?;
            page.import_file(&sample("mau-son.xls")).await?;
            page.wait_for_stat("people", 420).await?;
            assert!(!page.has("[data-testid=import-error]").await?);

            let ods = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("crates/canbo-core/tests/independent/muong-khoa/muong-khoa-10.ods");
            page.import_file(&ods).await?;
            page.wait_for_stat("people", 286).await?;
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
}
