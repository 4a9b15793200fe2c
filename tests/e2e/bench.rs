//! Not run by default: the browser half of `cargo xtask bench` (docs/BENCHMARKS.md), which
//! sets the variables below and collects the `bench: <name> = <value>` lines printed here.
//!
//! - `bench_import_against_sheetjs`: a roster (`CANBO_BENCH_ROSTER`) picked on the page (as
//!   soon as it opens, or `CANBO_BENCH_PAUSE_MS` later, as a person finding the file), from
//!   the pick to the figures on screen (timed by the page: the file input's `change` to the
//!   frame after the figure changed; the same polled from here is printed too); the longest main-thread task meanwhile (a
//!   `PerformanceObserver` for `longtask`, Chromium's tasks over 50 ms); then a filter change
//!   (women only) to its figures, with its longest task; the report in words' standards and
//!   retirement sections ticked, the share panel opened and a title given to its link, each to
//!   what it shows; the people behind a figure, a search of the staff list and a reload (the roster read back from local storage), likewise;
//!   then the data packed into a `.canbo` package, that package opened again and adopted.
//!   When `CANBO_SHEETJS` names SheetJS's
//!   `xlsx.full.min.js`, the same file is then parsed by `XLSX.read` in the same tab, three
//!   times, and the fastest is the reference (its file read excluded: only the parse).
//! - `bench_start_on_fast_3g`: a fresh profile, CDP network throttling at DevTools' "Fast 3G"
//!   (563 ms latency, 180,000 B/s down, 84,375 B/s up), from navigation to index.html's shell
//!   taking files (`html[data-shell=ready]`: boot.js keeps what is picked there for the app),
//!   and to the app itself ready for a file (`[data-testid=import-input]`), and the bytes the
//!   network carried, with each request's start, first byte and end. Serve a dist/ with
//!   `.br` and `.gz` files beside the others (`CANBO_DIST`, as `cargo xtask bench` prepares)
//!   to measure what a compressing server sends (brotli: Chromium asks for it; a copy with
//!   only the `.gz` files measures gzip).
//! - `bench_first_visit_on_a_slow_line`: a fresh profile, every request over one line as slow
//!   as "Fast 3G" (`server::SlowLine`: the workers' and the service worker's too), the bundled
//!   sample picked on index.html's shell as soon as it takes files; from navigation to the
//!   shell ready and to the figures.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::browser::{run, TestResult};
use crate::page::Page;
use crate::report_samples::set_input;

/// Times a pick in the page itself, on the page's clock: from the file input's `change`
/// (the browser handing the page the files) to the first frame after `[data-stat=people]`
/// shows another value than it shows now (`window.canboShown`, ms). Polling for the figure
/// from the test instead adds the driver's round trips, each waiting behind the page's tasks
/// (the sections drawn after the figures): some 0.4 s at 100,000 people.
const WATCH_THE_FIGURES: &str = "
    const stat = () => document.querySelector('[data-stat=people]')?.getAttribute('data-value') ?? null;
    const before = stat();
    window.canboShown = null;
    window.canboPicked = null;
    document.addEventListener('change', () => { window.canboPicked ??= performance.now(); }, true);
    const seen = new MutationObserver(() => {
        const picked = window.canboPicked;
        if (picked === null || stat() === null || stat() === before) return;
        seen.disconnect();
        requestAnimationFrame(() => { window.canboShown = performance.now() - picked; });
    });
    seen.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    window.canboPosted = null;
    window.canboHeadline = null;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (...args) {
        const picked = window.canboPicked;
        if (picked !== null && window.canboPosted === null) {
            window.canboPosted = performance.now() - picked;
            this.addEventListener('message', (e) => {
                if (e.data?.kind === 'report' && window.canboHeadline === null) {
                    window.canboHeadline = performance.now() - picked;
                }
            });
        }
        return post.apply(this, args);
    };
";

/// The time [`WATCH_THE_FIGURES`] measured, once there is one.
async fn figures_shown(page: &Page) -> TestResult<Duration> {
    for _ in 0..500 {
        let shown = page
            .driver
            .execute("return window.canboShown;", Vec::new())
            .await?;
        if let Some(ms) = shown.json().as_f64() {
            return Ok(Duration::from_secs_f64(ms / 1000.0));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Err("the page never timed its figures".into())
}

/// Collects every long task's duration (ms) in `window.canboLong` from now on, and when
/// it began in `window.canboLongAt` (ms on the page's clock).
const WATCH_LONG_TASKS: &str = "
    window.canboLong = [];
    window.canboLongAt = [];
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
            window.canboLong.push(e.duration);
            window.canboLongAt.push([e.startTime, e.duration]);
        }
    }).observe({ type: 'longtask' });
";

/// Every long task since the pick [`WATCH_THE_FIGURES`] saw, as `+<start> ms: <length> ms`
/// from the pick (the figures came at `import_ms`): which part of an import a long task
/// belongs to, told by when it came. Forgets them.
async fn long_tasks_since_the_pick(page: &Page) -> TestResult<String> {
    let tasks = page
        .driver
        .execute(
            "const at = window.canboPicked ?? 0;
             const t = window.canboLongAt.map(([s, d]) => `+${Math.round(s - at)} ms: ${Math.round(d)} ms`);
             window.canboLongAt = [];
             return t.join('; ');",
            Vec::new(),
        )
        .await?;
    Ok(tasks.json().as_str().unwrap_or_default().to_string())
}

fn report(name: &str, value: impl std::fmt::Display) {
    println!("bench: {name} = {value}");
}

/// The longest task since the last call (ms, 0 when none passed 50 ms), and forgets them.
async fn longest_task(page: &Page) -> TestResult<f64> {
    page.number("const m = Math.max(0, ...window.canboLong); window.canboLong = []; return m;")
        .await
}

/// Reports `<step>_longest_task_ms`, the longest task of a step, once the tasks that follow
/// what it shows have had `settle` to end.
async fn report_longest_task(page: &Page, step: &str, settle: Duration) -> TestResult {
    tokio::time::sleep(settle).await;
    report(
        &format!("{step}_longest_task_ms"),
        longest_task(page).await?.round(),
    );
    Ok(())
}

/// Polls `stat` until it differs from `before`; the time from `since`.
async fn until_stat_changes(
    page: &Page,
    stat: &str,
    before: Option<String>,
    since: Instant,
) -> TestResult<(Duration, String)> {
    while since.elapsed() < Duration::from_secs(600) {
        let now = page.stat(stat).await?;
        if now.is_some() && now != before {
            return Ok((since.elapsed(), now.unwrap_or_default()));
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    Err(format!("{stat} did not change within 600 s").into())
}

/// How long since `since` until no section of the report is being redrawn (`turns::Later`
/// marks one `aria-busy` until its own task has redrawn it).
async fn until_sections_drawn(page: &Page, since: Instant) -> TestResult<Duration> {
    while since.elapsed() < Duration::from_secs(600) {
        if !page.has(".turn[aria-busy]").await? {
            return Ok(since.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    Err("a section was still being redrawn after 600 s".into())
}

#[tokio::test]
#[ignore]
async fn bench_import_against_sheetjs() {
    let Ok(file) = std::env::var("CANBO_BENCH_ROSTER") else {
        panic!("set CANBO_BENCH_ROSTER to an xlsx roster (cargo xtask bench does)");
    };
    let sheetjs = std::env::var("CANBO_SHEETJS").ok();
    let pause = std::env::var("CANBO_BENCH_PAUSE_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(Duration::ZERO, Duration::from_millis);
    run("bench_import_against_sheetjs", |page| async move {
        page.open().await?;
        // A person opens the page, then finds the file: the pick comes `pause` later.
        tokio::time::sleep(pause).await;
        report("pause_before_the_pick_ms", pause.as_millis());
        page.driver.execute(WATCH_LONG_TASKS, Vec::new()).await?;
        page.driver.execute(WATCH_THE_FIGURES, Vec::new()).await?;
        let path = std::path::Path::new(&file);
        let before = page.stat("people").await?;
        let picked = Instant::now();
        page.import_file(path).await?;
        let (polled, people) = until_stat_changes(&page, "people", before, picked).await?;
        let import = figures_shown(&page).await?;
        report("people", &people);
        report("import_ms", import.as_millis());
        report("import_polled_ms", polled.as_millis());
        for (name, at) in [("import_posted_ms", "canboPosted"), ("import_headline_ms", "canboHeadline")] {
            let ms = page.driver.execute(&format!("return window.{at};"), Vec::new()).await?;
            report(name, ms.json().as_f64().map_or(-1, |ms| ms.round() as i64));
        }
        // Once the tasks that follow the figures (storing, the rest of the first render) end.
        report_longest_task(&page, "import", Duration::from_secs(3)).await?;
        report("import_long_tasks", long_tasks_since_the_pick(&page).await?);

        let women = page.stat("women").await?;
        let changed = Instant::now();
        set_input(&page, "[data-filter=gender]", "nu").await?;
        let (filter, _) = until_stat_changes(&page, "people", Some(people.clone()), changed).await?;
        let sections = until_sections_drawn(&page, changed).await?;
        report("filter_ms", filter.as_millis());
        report("filter_sections_ms", sections.as_millis());
        report_longest_task(&page, "filter", Duration::from_millis(500)).await?;
        if let Some(women) = women {
            assert_eq!(
                page.stat("people").await?.as_deref(),
                Some(women.as_str()),
                "the women-only filter shows as many people as the report's women"
            );
        }
        prose_sections_and_share_link(&page).await?;
        drill_search_and_reload(&page).await?;
        package_export_and_open(&page).await?;

        if let Some(sheetjs) = sheetjs {
            let source = std::fs::read_to_string(&sheetjs)
                .map_err(|e| format!("{sheetjs}: {e}"))?;
            page.driver
                .execute(&format!("{source}\n;return typeof XLSX;"), Vec::new())
                .await?;
            page.driver
                .execute(
                    "const i = document.createElement('input'); i.type = 'file'; \
                     i.id = 'bench-file'; document.body.append(i);",
                    Vec::new(),
                )
                .await?;
            let absolute = path.canonicalize()?;
            page.find("#bench-file")
                .await?
                .send_keys(absolute.to_string_lossy().as_ref())
                .await?;
            let mut fastest = f64::INFINITY;
            for _ in 0..3 {
                let ms = page
                    .driver
                    .execute_async(
                        "const done = arguments[arguments.length - 1];\
                         document.getElementById('bench-file').files[0].arrayBuffer().then((buf) => {\
                           const t = performance.now();\
                           const wb = XLSX.read(new Uint8Array(buf), { type: 'array' });\
                           const ms = performance.now() - t;\
                           done(wb.SheetNames.length > 0 ? ms : -1);\
                         });",
                        Vec::new(),
                    )
                    .await?
                    .json()
                    .as_f64()
                    .ok_or("SheetJS gave no time")?;
                if ms < 0.0 {
                    return Err("SheetJS read no sheet".into());
                }
                fastest = fastest.min(ms);
            }
            report("sheetjs_parse_ms", fastest.round());
            report(
                "import_over_sheetjs",
                format!("{:.2}", import.as_secs_f64() * 1000.0 / fastest),
            );
        }
        Ok(())
    })
    .await;
}

/// After an import and a filter: the report in words with its standards and retirement
/// sections ticked (computed over the filter's people, a slice at a time), timed to the
/// text with both, then unticked; and the share panel opened, timed to its link, then
/// closed; each with its longest task.
async fn prose_sections_and_share_link(page: &Page) -> TestResult {
    let ticked = Instant::now();
    for part in ["prose-standards", "prose-retirement"] {
        page.find(&format!("[data-testid={part}]"))
            .await?
            .click()
            .await?;
    }
    page.wait_for_prose_with(&["Tiêu chuẩn chức danh", "Dự báo nghỉ hưu"])
        .await?;
    report("prose_sections_ms", ticked.elapsed().as_millis());
    report_longest_task(page, "prose_sections", Duration::from_millis(500)).await?;
    for part in ["prose-standards", "prose-retirement"] {
        page.find(&format!("[data-testid={part}]"))
            .await?
            .click()
            .await?;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    longest_task(page).await?;

    let opened = Instant::now();
    page.find("[data-testid=share]").await?.click().await?;
    page.find("[data-testid=share-link]").await?;
    report("share_link_ms", opened.elapsed().as_millis());
    report_longest_task(page, "share_link", Duration::from_millis(500)).await?;
    // A title given: the link made again (in the worker the panel keeps).
    let before = crate::sharing::share_link(page).await?;
    let titled = Instant::now();
    set_input(page, "[data-testid=share-title]", "Tỉnh thử").await?;
    crate::sharing::new_share_link(page, &before).await?;
    report("share_link_titled_ms", titled.elapsed().as_millis());
    report_longest_task(page, "share_link_titled", Duration::from_millis(500)).await?;
    page.find("[data-testid=share]").await?.click().await?;
    page.wait_until_gone("[data-testid=share-link]").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    longest_task(page).await?;
    Ok(())
}

/// After an import and a filter: the people behind a figure, a search of the staff list,
/// and a reload of the page (the roster read back from local storage), each timed to what
/// it shows, with its longest task.
async fn drill_search_and_reload(page: &Page) -> TestResult {
    longest_task(page).await?;
    let asked = Instant::now();
    page.find("button[data-stat='party_member']")
        .await?
        .click()
        .await?;
    page.find("[data-testid=drill] [data-testid=people-count]")
        .await?;
    report("drill_ms", asked.elapsed().as_millis());
    report_longest_task(page, "drill", Duration::from_millis(500)).await?;
    page.find("[data-testid=drill-close]")
        .await?
        .click()
        .await?;
    page.wait_until_gone("[data-testid=drill]").await?;

    page.find("[data-testid=tab-people]").await?.click().await?;
    let search = page.find("[data-testid=people-search]").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    longest_task(page).await?;
    let count = || {
        page.number(
            "return +document.querySelector('[data-testid=people-count]').getAttribute('data-value');",
        )
    };
    let before = count().await?;
    let typed = Instant::now();
    search.send_keys("Hà").await?;
    while count().await? == before && typed.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    report("search_ms", typed.elapsed().as_millis());
    report_longest_task(page, "search", Duration::from_millis(500)).await?;
    page.find("[data-testid=tab-report]").await?.click().await?;

    // The roster is kept once the worker has packed it (seconds after the figures).
    let kept = Instant::now();
    while page
        .number("return localStorage.getItem('canbo.roster.ptr') ? 1 : 0;")
        .await?
        == 0.0
    {
        if kept.elapsed() > Duration::from_secs(120) {
            return Err("the roster was not kept within 120 s".into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    page.driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": WATCH_LONG_TASKS }),
        )
        .await?;
    let reloaded = Instant::now();
    page.driver.refresh().await?;
    let (reload, people) = until_stat_changes(page, "people", None, reloaded).await?;
    report("reload_ms", reload.as_millis());
    report("reload_people", &people);
    report_longest_task(page, "reload", Duration::from_secs(2)).await?;
    Ok(())
}

/// After the reload: the whole data packed into a `.canbo` file (in the download worker),
/// timed to the page saying it is made, and that file opened again, timed to the question
/// whether it may replace the roster, then adopted («Thay»), timed to the page saying so;
/// each with its longest task.
async fn package_export_and_open(page: &Page) -> TestResult {
    let people = page.stat("people").await?;
    let dir = std::env::temp_dir().join(format!("canbo-bench-package-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    crate::sharing::downloads_to(page, &dir).await?;
    crate::sharing::unfold(page, "package-toggle").await?;
    page.find("[data-testid=package-passphrase]")
        .await?
        .send_keys("bench 2026")
        .await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    longest_task(page).await?;

    let packing = Instant::now();
    page.find("[data-testid=package-export]")
        .await?
        .click()
        .await?;
    page.find("[data-testid=package-done]").await?;
    report("package_export_ms", packing.elapsed().as_millis());
    let file = crate::sharing::wait_for_file(&dir, "canbo").await?;
    report_longest_task(page, "package_export", Duration::from_millis(500)).await?;
    report("package_bytes", std::fs::metadata(&file)?.len());

    let opening = Instant::now();
    page.find("[data-testid=package-import]")
        .await?
        .send_keys(file.display().to_string())
        .await?;
    page.find("[data-testid=package-replace-confirm]").await?;
    report("package_open_ms", opening.elapsed().as_millis());
    report_longest_task(page, "package_open", Duration::from_millis(500)).await?;
    // Replaced by the package (the same people): timed to the page saying it took them,
    // with the figures shown and the roster stored.
    let adopting = Instant::now();
    page.find("[data-testid=package-replace-confirm]")
        .await?
        .click()
        .await?;
    page.find("[data-testid=package-done]").await?;
    report("package_adopt_ms", adopting.elapsed().as_millis());
    report_longest_task(page, "package_adopt", Duration::from_secs(2)).await?;
    assert_eq!(
        page.stat("people").await?.as_deref(),
        people.as_deref(),
        "the package's roster is shown"
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[tokio::test]
#[ignore]
async fn bench_start_on_fast_3g() {
    run("bench_start_on_fast_3g", |page| async move {
        let cdp = page.driver.cdp();
        cdp.send_raw("Network.enable", json!({})).await?;
        cdp.send_raw("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
            .await?;
        cdp.send_raw(
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": 563,
                "downloadThroughput": 180_000,
                "uploadThroughput": 84_375,
            }),
        )
        .await?;
        // Not `goto`, which waits for the load event, and so for the wasm (a preload).
        let started = Instant::now();
        cdp.send_raw("Page.navigate", json!({ "url": crate::server::dist_url() }))
            .await?;
        page.find("html[data-shell=ready]").await?;
        let shell = started.elapsed();
        page.find("[data-testid=import-input]").await?;
        let ready = started.elapsed();
        let bytes: Value = page
            .driver
            .execute(
                "const n = performance.getEntriesByType('navigation')[0];\
                 const r = performance.getEntriesByType('resource');\
                 return [n.transferSize + r.reduce((s, e) => s + e.transferSize, 0), \
                         n.decodedBodySize + r.reduce((s, e) => s + e.decodedBodySize, 0), \
                         Math.round(performance.now())];",
                Vec::new(),
            )
            .await?
            .json()
            .clone();
        report("fast3g_shell_ms", shell.as_millis());
        report("fast3g_ready_ms", ready.as_millis());
        report("fast3g_transferred_bytes", &bytes[0]);
        report("fast3g_decoded_bytes", &bytes[1]);
        report("fast3g_page_clock_ms", &bytes[2]);
        // Each request's start, first byte and end on the page's clock (ms), with its bytes:
        // what lies on the way to a ready page.
        let timeline: Value = page
            .driver
            .execute(
                "const n = performance.getEntriesByType('navigation')[0];\
                 return [n, ...performance.getEntriesByType('resource')].map((e) => \
                   [e.name.replace(location.origin, ''), Math.round(e.startTime), \
                    Math.round(e.responseStart), Math.round(e.responseEnd), e.transferSize]);",
                Vec::new(),
            )
            .await?
            .json()
            .clone();
        for entry in timeline.as_array().into_iter().flatten() {
            report("fast3g_request", entry);
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore]
async fn bench_first_visit_on_a_slow_line() {
    // Every request over one slow line (the page's, the import worker's, the service
    // worker's): Chromium's own throttling slows only the page.
    let server = crate::server::Server::start_slowed(
        &crate::server::dist_dir(),
        crate::server::SlowLine::fast_3g(),
    );
    let url = server.url;
    crate::browser::run_at(
        "bench_first_visit_on_a_slow_line",
        url,
        move |page| async move {
            let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("assets/mau-son-bieu.xlsx")
                .canonicalize()?;
            let started = Instant::now();
            page.driver
                .cdp()
                .send_raw("Page.navigate", json!({ "url": url }))
                .await?;
            page.find("html[data-shell=ready]").await?;
            report("first_visit_shell_ms", started.elapsed().as_millis());
            // Picked as soon as the page takes it, as a user who came to read a file does.
            page.find("[data-testid=shell-input]")
                .await?
                .send_keys(sample.to_string_lossy().as_ref())
                .await?;
            page.wait_for_stat("people", 420).await?;
            report("first_visit_figures_ms", started.elapsed().as_millis());
            drop(server);
            Ok(())
        },
    )
    .await;
}
