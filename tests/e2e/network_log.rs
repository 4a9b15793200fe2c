//! The page talks to no one (issue 13): through an import, every export, the print view, a
//! share link and a roster package, Chromium's own network log (the CDP `Network` events
//! chromedriver keeps as its "performance" log) holds no request to another origin, and no
//! request whose address or body carries a person's name or unit from the file. That log is
//! the page's only (its workers' and service worker's requests are not in it), so the
//! browser also runs behind a recording proxy: every request not to 127.0.0.1 from any part
//! of the browser would reach it, and none does.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::browser::{run_with_args, TestResult};
use crate::page::Page;
use crate::shared_sample;

/// Before any page script: downloads are kept as blobs (nothing is written to disk) and
/// printing only records.
const TRAPS: &str = "
    window.print = () => { window.printed = true; };
    window.caughtBlobs = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = function (blob) { window.caughtBlobs.push(blob); return create.call(URL, blob); };
";

/// One request the browser sent: its address, and its body when it had one.
#[derive(Debug)]
struct Request {
    url: String,
    body: String,
}

/// Every request in the log since the last call (the log drains).
async fn requests(page: &Page) -> TestResult<Vec<Request>> {
    let mut out = Vec::new();
    for entry in page.driver.get_log("performance").await? {
        let message: Value = serde_json::from_str(&entry.message)?;
        let message = &message["message"];
        let method = message["method"].as_str().unwrap_or_default();
        let params = &message["params"];
        match method {
            "Network.requestWillBeSent" => out.push(Request {
                url: params["request"]["url"].as_str().unwrap_or_default().into(),
                body: params["request"]["postData"]
                    .as_str()
                    .unwrap_or_default()
                    .into(),
            }),
            "Network.webSocketCreated" => out.push(Request {
                url: params["url"].as_str().unwrap_or_default().into(),
                body: String::new(),
            }),
            _ => {}
        }
    }
    Ok(out)
}

async fn blob_count(page: &Page) -> TestResult<usize> {
    Ok(page.number("return window.caughtBlobs.length;").await? as usize)
}

async fn wait_for_blobs(page: &Page, count: usize) -> TestResult {
    let deadline = Instant::now() + Duration::from_secs(60);
    while blob_count(page).await? < count {
        if Instant::now() > deadline {
            return Err(format!(
                "{} downloads offered, {count} expected",
                blob_count(page).await?
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Ok(())
}

/// `%XX` escapes undone (UTF-8), `+` as a space, for looking for names in addresses.
fn decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match text.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16)) {
                    Some(Ok(b)) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Connections Chromium opens by itself whatever the page does (sign-in and its messaging
/// service; the flags below do not turn them off): an encrypted tunnel to these hosts only,
/// which the page's CSP (`default-src 'self'`) would not let the page open anyway.
const CHROMIUM_ITSELF: &[&str] = &[
    "CONNECT accounts.google.com:443 ",
    "CONNECT android.clients.google.com:443 ",
];

/// A proxy that answers every request with 502 and keeps its first line (`GET http://…`,
/// `CONNECT host:443`). Chromium sends loopback addresses direct, everything else here.
fn recording_proxy() -> TestResult<(u16, Arc<Mutex<Vec<String>>>)> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let mut head = [0u8; 4096];
            let n = stream.read(&mut head).unwrap_or(0);
            let text = String::from_utf8_lossy(&head[..n]);
            let line = text.lines().next().unwrap_or_default().to_string();
            if let Ok(mut seen) = record.lock() {
                seen.push(line);
            }
            let _ = stream.write_all(
                b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    Ok((port, seen))
}

#[tokio::test]
async fn the_page_sends_nothing_to_anyone_through_import_exports_links_and_packages() {
    let (port, proxied) = recording_proxy().expect("a local proxy");
    let args = [
        format!("--proxy-server=http://127.0.0.1:{port}"),
        // Chromium's own services (form autofill hints, sign-in, optimisation hints…) talk
        // to Google by themselves; they are not the page, and are turned off here.
        "--disable-features=AutofillServerCommunication,OptimizationHints,OptimizationHintsFetching,OptimizationGuideModelDownloading,OptimizationTargetPrediction,MediaRouter,DialMediaRouteProvider".into(),
        "--allow-browser-signin=false".into(),
        "--disable-client-side-phishing-detection".into(),
        "--disable-domain-reliability".into(),
        "--no-pings".into(),
    ];
    run_with_args(
        "the_page_sends_nothing_to_anyone_through_import_exports_links_and_packages",
        crate::server::dist_url(),
        &args,
        move |page| async move {
            page.driver
                .cdp()
                .page()
                .add_script_to_evaluate_on_new_document(TRAPS)
                .await?;
            let file = shared_sample("mau-son-don-gian.xlsx");
            let roster = canbo_core::import(
                &[canbo_core::FileInput {
                    name: "mau-son-don-gian.xlsx".into(),
                    bytes: std::fs::read(&file)?,
                }],
                &canbo_core::Overrides::default(),
            )
            .roster;
            // Names and units that occur once in a request only if roster data left the page.
            let secrets: BTreeSet<String> = roster
                .people
                .iter()
                .flat_map(|p| [p.name.clone(), p.unit.clone()])
                .filter(|s| s.chars().count() >= 6)
                .collect();
            assert!(secrets.len() > 400, "names and units to look for: {}", secrets.len());

            // The proxy sees what leaves loopback: a probe from a blank page reaches it.
            page.driver.goto("about:blank").await?;
            page.driver
                .execute(
                    "fetch('http://canbo-proxy-probe.test/', {mode: 'no-cors'}).catch(() => {});",
                    Vec::new(),
                )
                .await?;
            let deadline = Instant::now() + Duration::from_secs(10);
            while !proxied.lock().map(|p| p.iter().any(|l| l.contains("canbo-proxy-probe"))).unwrap_or(false) {
                if Instant::now() > deadline {
                    return Err("the probe never reached the proxy".into());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            proxied.lock().map(|mut p| p.clear()).ok();
            requests(&page).await?;

            page.open().await?;
            let origin = page
                .driver
                .execute("return location.origin;", Vec::new())
                .await?
                .json()
                .as_str()
                .unwrap_or_default()
                .to_string();
            page.import_file(&file).await?;
            page.wait_for_stat("people", 420).await?;

            // Every export of the report page, and printing.
            let mut offered = 0;
            for export in ["export-csv", "export-xlsx", "export-docx"] {
                page.find(&format!("[data-testid={export}]")).await?.click().await?;
                offered += 1;
                wait_for_blobs(&page, offered).await?;
            }
            page.find("[data-testid=print]").await?.click().await?;
            assert_eq!(page.number("return window.printed ? 1 : 0;").await?, 1.0);
            // The staff list's export.
            page.find("[data-testid=tab-people]").await?.click().await?;
            page.find("[data-testid=export-people]").await?.click().await?;
            offered += 1;
            wait_for_blobs(&page, offered).await?;
            page.find("[data-testid=tab-report]").await?.click().await?;

            // A roster package.
            page.click_when_still("[data-testid=package-toggle]").await?;
            page.find("[data-testid=package-passphrase]")
                .await?
                .send_keys("mật khẩu của xã")
                .await?;
            page.find("[data-testid=package-export]").await?.click().await?;
            offered += 1;
            wait_for_blobs(&page, offered).await?;

            // A share link, made and opened.
            page.find("[data-testid=share]").await?.click().await?;
            let link = page
                .find("[data-testid=share-link]")
                .await?
                .prop("value")
                .await?
                .unwrap_or_default();
            assert!(link.contains("#r1."), "{link}");
            page.driver.goto(&link).await?;
            page.find("[data-testid=shared-banner]").await?;
            page.wait_for_stat("people", 420).await?;

            let sent = requests(&page).await?;
            println!("{} requests in the network log", sent.len());
            assert!(
                sent.iter().any(|r| r.url.ends_with(".wasm")),
                "the log holds the page's own requests: {sent:?}"
            );
            let mut seen = BTreeSet::new();
            for request in &sent {
                // Only these schemes leave the browser; `data:`, `blob:` and the browser's
                // own `chrome://` pages (the print and download machinery) do not.
                let network = ["http:", "https:", "ws:", "wss:", "ftp:"]
                    .iter()
                    .any(|scheme| request.url.starts_with(scheme));
                assert!(
                    !network || request.url.starts_with(&format!("{origin}/")),
                    "a request to another origin: {}",
                    request.url
                );
                let url = decoded(&request.url);
                for secret in &secrets {
                    assert!(
                        !url.contains(secret.as_str()) && !request.body.contains(secret.as_str()),
                        "«{secret}» left the page in {}",
                        request.url
                    );
                }
                if network {
                    seen.insert(request.url.split('?').next().unwrap_or_default().to_string());
                }
            }
            println!("addresses on the network: {seen:?}");
            // The service worker's own fetches are not in the page's log: its cache holds
            // only the site's files.
            let cached = page
                .driver
                .execute_async(
                    "const done = arguments[arguments.length - 1];
                     (async () => {
                         const urls = [];
                         for (const name of await caches.keys()) {
                             for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
                         }
                         return urls;
                     })().then(done, () => done([]));",
                    Vec::new(),
                )
                .await?;
            for url in cached.json().as_array().into_iter().flatten() {
                let url = url.as_str().unwrap_or_default();
                assert!(url.starts_with(&format!("{origin}/")), "cached from elsewhere: {url}");
            }
            let problems = page.console_problems().await?;
            assert!(
                !problems.iter().any(|p| p.starts_with("CSP")),
                "blocked by the CSP: {problems:?}"
            );
            // Nothing, from any part of the browser, went past loopback.
            let proxied: Vec<String> = proxied
                .lock()
                .map(|p| p.clone())
                .unwrap_or_default()
                .into_iter()
                .filter(|line| !CHROMIUM_ITSELF.iter().any(|own| line.starts_with(own)))
                .collect();
            assert!(proxied.is_empty(), "requests that left the machine: {proxied:?}");
            Ok(())
        },
    )
    .await;
}
