//! A static file server for dist/ on 127.0.0.1, one per test process.
//!
//! It binds port 0 and keeps the listener, so parallel runs can never race for a port.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

/// The build the tests run against: dist/, or `CANBO_DIST`, which lets two builds be tested
/// side by side (e.g. `trunk build --dist target/x`).
pub fn dist_dir() -> PathBuf {
    std::env::var_os("CANBO_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"))
}

/// Copies a folder (the build) to `to`.
pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// A copy of the build in `to` without one of its files (`file`, given the copy's folder:
/// a chunk, a worker), moved aside: where it was and where it is kept meanwhile, to put it
/// back. The service worker cannot install from such a copy either.
pub fn dist_without(
    to: &Path,
    file: impl FnOnce(&Path) -> std::io::Result<PathBuf>,
) -> std::io::Result<(PathBuf, PathBuf)> {
    let _ = std::fs::remove_dir_all(to);
    copy_dir(&dist_dir(), to)?;
    let missing = file(to)?;
    let name = missing.file_name().unwrap_or_default().to_string_lossy();
    let kept = to.with_extension(format!("without.{name}"));
    std::fs::rename(&missing, &kept)?;
    Ok((missing, kept))
}

/// The base URL (`http://127.0.0.1:PORT/`) of the server for `dist/`, started on first use.
pub fn dist_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        let dist = dist_dir();
        assert!(
            dist.join("index.html").is_file(),
            "{} has no index.html: build it first with `cargo xtask dist` (or run `cargo xtask test`)",
            dist.display()
        );
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding 127.0.0.1:0");
        let url = format!("http://{}/", listener.local_addr().expect("a bound address"));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let dist = dist.clone();
                std::thread::spawn(move || answer(stream, &dist, None));
            }
        });
        url
    })
}

/// A server for one folder that a test can stop: once stopped, connections to its port are
/// refused, as for a user whose network is gone (a service worker's own fetches fail too,
/// which Chromium's page-level offline emulation does not give).
pub struct Server {
    pub url: &'static str,
    stopped: std::sync::Arc<std::sync::atomic::AtomicBool>,
    address: std::net::SocketAddr,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// A slow line between the browser and a [`Server`]: every answer waits `latency`, then all
/// of them share `bytes_per_second`. Unlike Chromium's throttling (per page, over CDP), it
/// slows the page's workers and its service worker too.
pub struct SlowLine {
    latency: std::time::Duration,
    bytes_per_second: f64,
    /// When the line is free again.
    free_at: std::sync::Mutex<std::time::Instant>,
}

impl SlowLine {
    /// DevTools' "Fast 3G": 563 ms, 180,000 B/s down.
    pub fn fast_3g() -> SlowLine {
        SlowLine {
            latency: std::time::Duration::from_millis(563),
            bytes_per_second: 180_000.0,
            free_at: std::sync::Mutex::new(std::time::Instant::now()),
        }
    }

    /// Writes `bytes` no faster than the line carries them, sharing it with other answers.
    fn send(&self, stream: &mut TcpStream, bytes: &[u8]) -> std::io::Result<()> {
        for chunk in bytes.chunks(4096) {
            let wait = {
                let mut free_at = self.free_at.lock().unwrap_or_else(|e| e.into_inner());
                let now = std::time::Instant::now();
                let start = (*free_at).max(now);
                *free_at = start
                    + std::time::Duration::from_secs_f64(
                        chunk.len() as f64 / self.bytes_per_second,
                    );
                start - now
            };
            std::thread::sleep(wait);
            stream.write_all(chunk)?;
        }
        Ok(())
    }
}

impl Server {
    pub fn start(dir: &Path) -> Server {
        Server::start_on(dir, None)
    }

    /// A server whose answers all go over `line`.
    pub fn start_slowed(dir: &Path, line: SlowLine) -> Server {
        Server::start_on(dir, Some(std::sync::Arc::new(line)))
    }

    fn start_on(dir: &Path, line: Option<std::sync::Arc<SlowLine>>) -> Server {
        use std::sync::atomic::Ordering;
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding 127.0.0.1:0");
        let address = listener.local_addr().expect("a bound address");
        let url: &'static str = Box::leak(format!("http://{address}/").into_boxed_str());
        let stopped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = stopped.clone();
        let dir = dir.to_path_buf();
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                let dir = dir.clone();
                let line = line.clone();
                std::thread::spawn(move || answer(stream, &dir, line.as_deref()));
            }
            // The listener closes here: the port refuses connections from now on.
        });
        Server {
            url,
            stopped,
            address,
            thread: Some(thread),
        }
    }

    /// Stops answering and closes the port.
    pub fn stop(&mut self) {
        self.stopped
            .store(true, std::sync::atomic::Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.address);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn answer(mut stream: TcpStream, dist: &Path, line: Option<&SlowLine>) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Of the headers, only the encodings accepted change the answer.
    let mut header = String::new();
    let mut accepted = Vec::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        let lower = header.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("accept-encoding:") {
            accepted.extend(
                value
                    .split(',')
                    .filter_map(|e| e.split(';').next())
                    .map(|e| e.trim().to_string()),
            );
        }
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let response = match file_for(dist, path) {
        Some(file) => match compressed(&file, &accepted) {
            // A dist/ prepared by `cargo xtask bench` has `<file>.br` and `<file>.gz` beside
            // each file, as a compressing server sends it; test builds have none.
            Some((encoding, body)) => {
                respond_as("200 OK", content_type(&file), Some(encoding), &body)
            }
            None => match std::fs::read(&file) {
                Ok(body) => respond("200 OK", content_type(&file), &body),
                Err(_) => respond("404 Not Found", "text/plain; charset=utf-8", b"not found"),
            },
        },
        None => respond("404 Not Found", "text/plain; charset=utf-8", b"not found"),
    };
    match line {
        Some(line) => {
            std::thread::sleep(line.latency);
            let _ = line.send(&mut stream, &response);
        }
        None => {
            let _ = stream.write_all(&response);
        }
    }
}

/// The file under dist/ a URL path names; `/` is index.html. Nothing outside dist/.
fn file_for(dist: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|part| !matches!(part, Component::Normal(_)))
    {
        return None;
    }
    let file = if path.ends_with('/') {
        dist.join(relative).join("index.html")
    } else {
        dist.join(relative)
    };
    file.is_file().then_some(file)
}

/// `<file>.br` when the browser accepts brotli and it exists, else `<file>.gz` likewise, as a
/// server that compresses sends it (Chromium asks for brotli from localhost too).
fn compressed(file: &Path, accepted: &[String]) -> Option<(&'static str, Vec<u8>)> {
    [("br", ".br"), ("gzip", ".gz")]
        .into_iter()
        .filter(|(encoding, _)| accepted.iter().any(|a| a == encoding))
        .find_map(|(encoding, suffix)| {
            let mut name = file.as_os_str().to_owned();
            name.push(suffix);
            Some((encoding, std::fs::read(PathBuf::from(name)).ok()?))
        })
}

fn respond(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    respond_as(status, content_type, None, body)
}

fn respond_as(status: &str, content_type: &str, encoding: Option<&str>, body: &[u8]) -> Vec<u8> {
    let encoding = encoding.map_or(String::new(), |e| format!("Content-Encoding: {e}\r\n"));
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{encoding}Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    [head.as_bytes(), body].concat()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|ext| ext.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        // WebAssembly.instantiateStreaming insists on this type.
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("png") => "image/png",
        Some("webmanifest") => "application/manifest+json",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}
