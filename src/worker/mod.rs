//! Parsing off the main thread. Trunk builds `src/bin/worker.rs` into `worker.js` +
//! `worker_bg.wasm` (a classic, `no-modules` worker) and, for `data-loader-shim`,
//! `worker_loader.js`, which loads both (index.html). The page starts one worker per import,
//! waits for its "ready", posts it the files and the overrides, and gets back progress
//! messages, the core's [`Import`] (what each file showed, refused files) as JSON bytes, its
//! skipped rows apart in parts of JSON (`Import::take_skipped_rows`), read back one part at a
//! time, and its roster in the columnar form local storage keeps (`canbo_core::store::columnar::encode`,
//! not deflated: a seventeenth of the JSON's size and read back in a little over half the
//! time); every buffer is transferred, not copied. The page reads the roster back a slice
//! of people at a time, letting the browser draw between slices, and codes it for the
//! report from the same columns (`crate::in_slices`). Then the same bytes packed for
//! local storage (`crate::storage::seal_roster`: deflating a large roster takes seconds,
//! which the page should not spend). Cancel terminates it.
//!
//! The readers live only in the workers' wasm: the page's own wasm never imports, which
//! keeps it small. There are two builds of the same worker (index.html): `worker`, which
//! every import starts, without the core's `full-reader` feature (an xlsx whose sheets the
//! core's own reader reads, text in UTF-8 or UTF-16: its wasm carries neither calamine's
//! readers nor the legacy code pages), and `worker-full`, with it. When `worker` meets a file
//! only the full reader reads (an xls, xlsb or ods, a CSV in Windows-1258, an xlsx sheet the
//! own reader declines: `Import::needs_full_reader`), it answers "full" and the page asks
//! `worker-full` the same import; an xls, xlsb or ods or a CSV in Windows-1258, told by its
//! bytes (`read::kind_needs_full_reader`), the page asks of `worker-full` at once. When no worker
//! can start, the page says so.
//!
//! The worker every import starts is started ahead where the page can tell an import is
//! coming ([`warm_up`]: the welcome of a page with no roster, files dragged over the page,
//! the file chooser opened, files picked and being read, the sample being fetched), so that
//! fetching and compiling its wasm (some 120 ms, more on a first visit) overlaps what comes
//! before the import rather than adding to it; once started, it practises on a small
//! synthetic roster until asked ([`practise`]), so that the import the user waits for runs
//! code V8 has optimised already.
//!
//! Plain `web_sys::Worker` rather than gloo-worker: it needs no extra crate and exposes
//! `terminate()`, which is what Cancel must do while the worker is busy parsing.

pub mod export;

use std::cell::RefCell;

use canbo_core::import::{
    import_with_progress, Activity, FileInput, Import, Overrides, Progress, Step,
};
use canbo_core::report::{AgeBands, Coded, Dimension, Filter, ReportOptions};
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::on_demand::NotFetched;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The progress bar's length: four stages (sending the files, reading them, sending the
/// result back, drawing the report) of [`STEPS`] steps each. Reading moves by file and by
/// step within a file (`canbo_core::import::Progress`).
pub const PROGRESS_MAX: u32 = 4 * STEPS;
/// Steps per stage of the progress bar.
pub const STEPS: u32 = 100;

/// Skipped rows sent in one part of the import's review (`Import::take_skipped_rows`):
/// some 100 KB of JSON, read back by the page in a few milliseconds.
const SKIPPED_ROWS_AT_ONCE: usize = 2_000;

/// Where the bar stands for a step of the core's import, and what it is doing (the core's
/// [`Activity`], said in the page's language when shown).
fn describe(p: &Progress, files: &[FileInput]) -> (u32, Activity) {
    let within = match p.step {
        Step::Reading => 0.0,
        Step::Layout => 0.6,
        Step::People => 0.75,
        Step::Finishing => 0.0,
    };
    let share = (p.done as f64 + within) / p.total.max(1) as f64;
    let at = STEPS + (share * STEPS as f64) as u32;
    let bytes = p
        .file
        .and_then(|name| files.iter().find(|f| f.name == name))
        .map_or(0, |f| f.bytes.len() as u64);
    (at, Activity::of(p, bytes))
}

/// How an import in the worker ended.
pub enum Outcome {
    /// The import, and its roster coded for the report.
    Done(Import, Coded),
    /// The user pressed Cancel.
    Cancelled,
    /// No worker could run it (why, for the console).
    Unavailable(String),
    /// The worker answered, but the part of the page that reads its answer (the report's
    /// chunk, `crate::on_demand::read_import`) could not be fetched.
    NotFetched,
}

// ---- the worker's side ----

/// The worker's entry point: answer every request with progress and a result.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        ASKED.with(|asked| asked.set(true));
        let (files, overrides, options) = read_request(&event.data());
        let parsed = import_with_progress(&files, &overrides, &mut |p| {
            let (at, activity) = describe(&p, &files);
            post(&reply, &progress(at, &activity), None);
        });
        // Built without the full reader (`worker`), a file only it reads goes to the worker
        // built with it (`worker-full`): the page asks that one again.
        if parsed.needs_full_reader() {
            let message = Object::new();
            let _ = Reflect::set(&message, &"kind".into(), &"full".into());
            post(&reply, &message, None);
            reply.close();
            return;
        }
        answer(parsed, options, |part| post_part(&reply, part));
        reply.close();
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A message posted before the wasm had loaded would have found no handler: the page
    // sends the files only once this arrives.
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"kind".into(), &"ready".into());
    post(&scope, &ready, None);
    // `worker-full` starts only once an import waits for it: practice would only delay it.
    if !cfg!(feature = "full-reader") {
        practise_in_rounds(&scope, PRACTICE_ROUNDS);
    }
}

/// A part of the answer to a request, in the order the page takes them ([`answer`]).
enum Part<'a> {
    /// The headline figures under the page's settings, as JSON (`Report::headline`).
    Headline(Vec<u8>),
    /// The people read, as the import's answer starts back.
    Returning { people: u32 },
    /// The import without its roster or skipped rows, as JSON; its skipped rows, in parts
    /// of JSON; its roster as columns (`None`: it could not be encoded, and is in the JSON).
    Done {
        json: Vec<u8>,
        skipped_rows: Vec<Vec<u8>>,
        columns: Option<&'a [u8]>,
    },
    /// The roster as local storage keeps it (`crate::storage::seal_roster`).
    Packed(Option<String>),
}

/// The answer to a request once its files are read, part by part: the headline figures
/// first (under the page's settings, when it sent them and the import found people), which
/// the page shows while it reads the roster back; the roster as columns with the rest; then
/// the same columns packed for local storage, while the page already shows them. The
/// request's handler posts each part ([`post_part`]); the practice drops them
/// ([`practise`]), having gone through the very same steps.
fn answer(mut parsed: Import, options: Option<ReportOptions>, mut part: impl FnMut(Part)) {
    if let Some(options) = options.filter(|_| !parsed.roster.people.is_empty()) {
        let report = canbo_core::report::headline(&parsed.roster, &options);
        if let Ok(json) = serde_json::to_vec(&report) {
            part(Part::Headline(json));
        }
    }
    let people = u32::try_from(parsed.roster.people.len()).unwrap_or(u32::MAX);
    part(Part::Returning { people });
    // The roster goes as columns; should encoding fail, it stays in the JSON.
    let encoded = canbo_core::store::columnar::encode(&parsed.roster).ok();
    if encoded.is_some() {
        parsed.roster = Default::default();
    }
    // The skipped rows go apart, in parts the page reads one at a time.
    let skipped_rows = (parsed.take_skipped_rows(SKIPPED_ROWS_AT_ONCE).iter())
        .map(|rows| serde_json::to_vec(rows).unwrap_or_default())
        .collect();
    let json = serde_json::to_vec(&parsed).unwrap_or_default();
    drop(parsed);
    part(Part::Done {
        json,
        skipped_rows,
        columns: encoded.as_deref(),
    });
    part(Part::Packed(
        encoded.as_deref().map(crate::storage::seal_roster),
    ));
}

/// Posts a part of an answer to the page, its buffers transferred.
fn post_part(reply: &DedicatedWorkerGlobalScope, part: Part) {
    let message = Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = Reflect::set(&message, &key.into(), value);
    };
    match part {
        Part::Headline(json) => {
            let bytes = Uint8Array::from(&json[..]);
            set("kind", &"report".into());
            set("report", &bytes);
            post(reply, &message, Some(bytes.buffer().into()));
        }
        Part::Returning { people } => post(
            reply,
            &progress(3 * STEPS, &Activity::Returning { people }),
            None,
        ),
        Part::Done {
            json,
            skipped_rows,
            columns,
        } => {
            let rows = Array::new();
            let transfer = Array::new();
            for json in skipped_rows {
                let bytes = Uint8Array::from(&json[..]);
                transfer.push(&bytes.buffer());
                rows.push(&bytes);
            }
            let bytes = Uint8Array::from(&json[..]);
            drop(json);
            set("kind", &"done".into());
            set("result", &bytes);
            set("skipped_rows", &rows);
            transfer.push(&bytes.buffer());
            if let Some(columns) = columns {
                let columns = Uint8Array::from(columns);
                set("roster", &columns);
                transfer.push(&columns.buffer());
            }
            let _ = reply.post_message_with_transfer(&message, &transfer);
        }
        Part::Packed(text) => {
            set("kind", &"packed".into());
            if let Some(text) = text {
                set("text", &text.into());
            }
            post(reply, &message, None);
        }
    }
}

thread_local! {
    /// The worker has been asked its import: it practises no more ([`practise_in_rounds`]).
    static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// People in the roster a worker practises on ([`practise`]), and how many times: in
/// Chromium, a 100,000-person import took 825–882 ms in a fresh wasm instance, 648–686 ms
/// after one practice on 100 people, 556–560 after three (and 465–523 the second time),
/// docs/BENCHMARKS.md, "Twenty-second results".
const PRACTICE_PEOPLE: usize = 100;
const PRACTICE_ROUNDS: u32 = 3;

/// Practises `rounds` times ([`practise`]), each a task of its own, until the page asks its
/// import: a request that comes meanwhile waits for the round under way (or, should the
/// browser run the next round's timer first, that one too), never for the rest.
fn practise_in_rounds(scope: &DedicatedWorkerGlobalScope, rounds: u32) {
    if rounds == 0 || ASKED.with(std::cell::Cell::get) {
        return;
    }
    practise();
    let next = scope.clone();
    let then = Closure::once_into_js(move || practise_in_rounds(&next, rounds - 1));
    let timer = Reflect::get(scope, &"setTimeout".into()).ok();
    if let Some(timer) = timer.and_then(|t| t.dyn_into::<js_sys::Function>().ok()) {
        let _ = timer.call2(scope, &then, &0.into());
    }
}

/// Imports a small synthetic roster (`canbo_core::synthetic::xlsx`) through every step the
/// answer to a request takes (the import, the headline figures, the columns, the JSON, the
/// packing for local storage) and throws it away; gives the people it imported.
///
/// Why: V8 runs a new wasm module's functions unoptimised at first (its baseline compiler,
/// Liftoff), optimises each on another thread only once it has run a while (TurboFan), and
/// a call already running stays unoptimised to its end. A worker whose first work was a
/// province's import ran that import's long loops unoptimised ([`PRACTICE_ROUNDS`]). The
/// practice mostly takes the time the first import would spend compiling the code anyway:
/// the worker starts where the page can tell an import is coming ([`warm_up`]), so it
/// practises while the user finds the file.
pub fn practise() -> usize {
    let file = FileInput {
        name: "practice.xlsx".into(),
        bytes: canbo_core::synthetic::xlsx(PRACTICE_PEOPLE),
    };
    let parsed = import_with_progress(
        std::slice::from_ref(&file),
        &Overrides::default(),
        &mut |_| {},
    );
    let mut people = 0;
    answer(parsed, Some(ReportOptions::default()), |part| {
        if let Part::Returning { people: read } = part {
            people = read as usize;
        }
    });
    people
}

/// The files, the corrections and, when the page wants the figures first, its report
/// settings ([`options_to_js`]).
fn read_request(data: &JsValue) -> (Vec<FileInput>, Overrides, Option<ReportOptions>) {
    let files = Reflect::get(data, &"files".into())
        .ok()
        .map(|files| Array::from(&files))
        .map(|files| {
            files
                .iter()
                .map(|file| FileInput {
                    name: Reflect::get(&file, &"name".into())
                        .ok()
                        .and_then(|n| n.as_string())
                        .unwrap_or_default(),
                    bytes: Reflect::get(&file, &"bytes".into())
                        .map(|b| Uint8Array::new(&b).to_vec())
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    let overrides = Reflect::get(data, &"overrides".into())
        .ok()
        .and_then(|o| o.as_string())
        .and_then(|o| serde_json::from_str(&o).ok())
        .unwrap_or_default();
    let options = Reflect::get(data, &"options".into())
        .ok()
        .and_then(|o| options_from_js(&o));
    (files, overrides, options)
}

/// Report settings as an object of plain fields (`as_of` in days, `bands` their bounds,
/// `filter` pairs of a dimension's code and its values): the page writes it without JSON,
/// whose code is not in its first load; the worker reads it back ([`options_from_js`]).
fn options_to_js(options: &ReportOptions) -> Object {
    let object = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&object, &key.into(), &value);
    };
    set("as_of", (options.as_of.to_days() as f64).into());
    let bounds: Array = options
        .bands
        .bounds()
        .iter()
        .map(|b| JsValue::from(*b))
        .collect();
    set("bands", bounds.into());
    let filter: Array = (options.filter.conditions.iter())
        .map(|(dim, values)| {
            let values: Array = values.iter().map(|v| JsValue::from_str(v)).collect();
            Array::of2(&dim.code().into(), &values)
        })
        .collect();
    set("filter", filter.into());
    object
}

/// [`options_to_js`]'s object read back; `None` if it is not one (the worker then sends no
/// report ahead: the page computes it from the roster as before).
fn options_from_js(object: &JsValue) -> Option<ReportOptions> {
    let field = |key: &str| Reflect::get(object, &key.into()).ok();
    let days = field("as_of")?.as_f64()?;
    let bounds = field("bands").filter(Array::is_array)?;
    let bounds = (Array::from(&bounds).iter())
        .map(|b| b.as_f64().map(|b| b as u32))
        .collect::<Option<Vec<u32>>>()?;
    let filter = field("filter").filter(Array::is_array)?;
    let conditions = (Array::from(&filter).iter())
        .map(|pair| {
            let pair = Array::from(&pair);
            let dim = Dimension::from_code(&pair.get(0).as_string()?)?;
            let values = pair.get(1);
            let values = (Array::is_array(&values).then(|| Array::from(&values)))?;
            let values = (values.iter())
                .map(|v| v.as_string())
                .collect::<Option<_>>()?;
            Some((dim, values))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(ReportOptions {
        as_of: canbo_core::date::Date::from_days(days as i64),
        bands: AgeBands::new(bounds).ok()?,
        filter: Filter { conditions },
    })
}

/// A progress message: the bar's position and the activity ([`activity_to_js`]).
fn progress(stage: u32, activity: &Activity) -> Object {
    let message = Object::new();
    let _ = Reflect::set(&message, &"kind".into(), &"progress".into());
    let _ = Reflect::set(&message, &"stage".into(), &stage.into());
    let _ = Reflect::set(&message, &"activity".into(), &activity_to_js(activity));
    message
}

/// The steps of a file's reading as a progress message numbers them.
const STEPS_SENT: [Step; 4] = [Step::Reading, Step::Layout, Step::People, Step::Finishing];

/// An [`Activity`] as an object of plain fields (`what`, and `index`, `total`, `name`,
/// `bytes`, `step` or `people`): the page reads it back ([`activity_from_js`]) without JSON,
/// whose code is not in its first load.
fn activity_to_js(activity: &Activity) -> Object {
    let object = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&object, &key.into(), &value);
    };
    let what = match activity {
        Activity::Sending => "sending",
        Activity::File {
            index,
            total,
            name,
            bytes,
            step,
        } => {
            set("index", (*index as f64).into());
            set("total", (*total as f64).into());
            set("name", name.as_str().into());
            set("bytes", (*bytes as f64).into());
            let step = STEPS_SENT.iter().position(|s| s == step).unwrap_or(0);
            set("step", (step as f64).into());
            "file"
        }
        Activity::Checking => "checking",
        Activity::Returning { people } => {
            set("people", (*people).into());
            "returning"
        }
        Activity::Drawing => "drawing",
    };
    set("what", what.into());
    object
}

/// [`activity_to_js`]'s object read back; `None` if it is not one.
fn activity_from_js(object: &JsValue) -> Option<Activity> {
    let field = |key: &str| Reflect::get(object, &key.into()).ok();
    let number = |key: &str| field(key).and_then(|v| v.as_f64());
    Some(match field("what")?.as_string()?.as_str() {
        "sending" => Activity::Sending,
        "file" => Activity::File {
            index: number("index")? as usize,
            total: number("total")? as usize,
            name: field("name")?.as_string()?,
            bytes: number("bytes")? as u64,
            step: *STEPS_SENT.get(number("step")? as usize)?,
        },
        "checking" => Activity::Checking,
        "returning" => Activity::Returning {
            people: number("people")? as u32,
        },
        "drawing" => Activity::Drawing,
        _ => return None,
    })
}

fn post(scope: &DedicatedWorkerGlobalScope, message: &Object, transfer: Option<JsValue>) {
    let _ = match transfer {
        Some(buffer) => scope.post_message_with_transfer(message, &Array::of1(&buffer)),
        None => scope.post_message(message),
    };
}

// ---- the page's side ----

/// The worker running now, and how to end the wait for it (`None` once the result came and
/// only the packed roster is awaited).
struct Running {
    worker: Worker,
    resolve: Option<js_sys::Function>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    static WARM: RefCell<Option<Warm>> = const { RefCell::new(None) };
}

/// A [`WORKER`] started ahead of an import ([`warm_up`]), waiting for it.
struct Warm {
    worker: Worker,
    /// Its "ready" came: it takes a request at once.
    ready: std::rc::Rc<std::cell::Cell<bool>>,
    /// It failed to start (its script or wasm could not be had).
    failed: std::rc::Rc<std::cell::Cell<bool>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// How long a worker started ahead waits for its import: files dragged over the page and
/// taken away again, or a file chooser closed with nothing chosen, leave it with none.
const WARM_FOR: std::time::Duration = std::time::Duration::from_secs(120);

/// Starts the worker the next import will ask ([`WORKER`]), unless one is waiting already:
/// it fetches and compiles its wasm while the files are dragged, read or fetched. One that
/// no import took within [`WARM_FOR`] of the last warm-up is let go.
pub fn warm_up() {
    warm_up_for(WARM_FOR);
}

/// [`warm_up`], the worker let go after `wait` unless an import took it or another warm-up
/// came meanwhile.
fn warm_up_for(wait: std::time::Duration) {
    thread_local! {
        /// Warm-ups so far: a let-go acts only if none came after the one that set it.
        static WARMED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    let this = WARMED.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    leptos::prelude::set_timeout(
        move || {
            if WARMED.with(std::cell::Cell::get) == this {
                if let Some(idle) = WARM.with(|warm| warm.borrow_mut().take()) {
                    idle.worker.terminate();
                }
            }
        },
        wait,
    );
    start_warm();
}

/// Starts the worker [`warm_up`] keeps, unless one is waiting already.
fn start_warm() {
    WARM.with(|warm| {
        let mut warm = warm.borrow_mut();
        if warm.as_ref().is_some_and(|w| !w.failed.get()) {
            return;
        }
        let Ok(worker) = new_worker(WORKER) else {
            return;
        };
        let ready = std::rc::Rc::new(std::cell::Cell::new(false));
        let failed = std::rc::Rc::new(std::cell::Cell::new(false));
        let seen = ready.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if kind(&event.data()).as_deref() == Some("ready") {
                seen.set(true);
            }
        });
        let broken = failed.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            broken.set(true);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        if let Some(replaced) = warm.replace(Warm {
            worker,
            ready,
            failed,
            _on_message: on_message,
            _on_error: on_error,
        }) {
            replaced.worker.terminate();
        }
    });
}

/// The worker [`warm_up`] started, for an import that asks `loader`, unless it failed.
fn take_warm(loader: &str) -> Option<Warm> {
    if loader != WORKER {
        return None;
    }
    let warm = WARM.with(|warm| warm.borrow_mut().take())?;
    if warm.failed.get() {
        warm.worker.terminate();
        return None;
    }
    Some(warm)
}

fn new_worker(loader: &str) -> Result<Worker, JsValue> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Classic);
    Worker::new_with_options(loader, &options)
}

/// A worker's message's `kind` (the import worker's and the download worker's alike).
fn kind(data: &JsValue) -> Option<String> {
    Reflect::get(data, &"kind".into())
        .ok()
        .and_then(|k| k.as_string())
}

/// The import worker every import starts: without the full reader (index.html).
const WORKER: &str = "./worker_loader.js";
/// The import worker with the full reader, started for an import [`WORKER`] leaves to it.
const WORKER_FULL: &str = "./worker-full_loader.js";

/// What [`run`] is told once, by whichever worker sends it: the headline figures ahead of
/// the roster (`Report::headline`'s JSON), the roster packed for storage.
type Once<T> = std::rc::Rc<RefCell<Option<Box<dyn FnOnce(T)>>>>;

fn once<T>(f: impl FnOnce(T) + 'static) -> Once<T> {
    std::rc::Rc::new(RefCell::new(Some(Box::new(f))))
}

/// What the page follows of an import while it runs.
#[derive(Clone)]
struct Listeners {
    progress: std::rc::Rc<dyn Fn(u32, Activity)>,
    report: Once<Vec<u8>>,
    packed: Once<String>,
}

/// What a worker answered.
enum Answer {
    /// The result message (its `result`, `skipped_rows` and `roster`).
    Done(JsValue),
    /// A file only the full reader reads: ask [`WORKER_FULL`].
    Full,
    Cancelled,
    Unavailable(String),
}

/// What an import asks of the worker: the files, the corrections (JSON, empty for none) and,
/// for the figures first, the report settings on screen.
pub struct Request<'a> {
    pub files: &'a [FileInput],
    pub overrides: &'a str,
    pub options: Option<&'a ReportOptions>,
}

/// Imports the request's files in a new worker; `on_progress(stage, activity)` follows it,
/// `on_report(json)` receives the headline figures under the request's options as soon as
/// the worker has them (before the result: the page shows them while it reads the roster
/// back),
/// and `on_packed(text)` the roster packed for storage after the result (unless another
/// import or a cancel comes first). The worker without the full reader is asked first; an
/// import it leaves to the full reader (an xls, xlsb or ods, a CSV in a single-byte code
/// page, an xlsx sheet the own reader declines) is asked again of the worker with it; an
/// import whose files' bytes already say so is asked of that one at once.
pub async fn run(
    request: Request<'_>,
    on_progress: impl Fn(u32, Activity) + 'static,
    on_report: impl FnOnce(Vec<u8>) + 'static,
    on_packed: impl FnOnce(String) + 'static,
) -> Outcome {
    let listeners = Listeners {
        progress: std::rc::Rc::new(on_progress),
        report: once(on_report),
        packed: once(on_packed),
    };
    // An xls, xlsb or ods or a CSV in a single-byte code page, told by its bytes, goes to
    // the worker with the full reader at once: its visitor then fetches one worker, not two.
    let full_at_once =
        (request.files.iter()).any(|f| canbo_core::read::kind_needs_full_reader(&f.bytes));
    let first = if full_at_once { WORKER_FULL } else { WORKER };
    let mut answer = ask(first, &request, &listeners).await;
    if let (Answer::Full, false) = (&answer, full_at_once) {
        leptos::logging::log!("Canbo: the import needs the full reader ({WORKER_FULL})");
        answer = ask(WORKER_FULL, &request, &listeners).await;
    }
    let result = match answer {
        Answer::Done(result) => result,
        Answer::Cancelled => return Outcome::Cancelled,
        Answer::Unavailable(why) => return Outcome::Unavailable(why),
        Answer::Full => {
            return Outcome::Unavailable(format!("{WORKER_FULL} asked for the full reader"))
        }
    };
    read_result(result, listeners.progress.as_ref()).await
}

/// Asks a new worker loaded by `loader` to import `files`, following its progress.
async fn ask(loader: &str, request: &Request<'_>, listeners: &Listeners) -> Answer {
    cancel();
    let listeners = listeners.clone();
    let warm = take_warm(loader);
    let worker = match &warm {
        Some(warm) => warm.worker.clone(),
        None => match new_worker(loader) {
            Ok(worker) => worker,
            Err(error) => return Answer::Unavailable(format!("{error:?}")),
        },
    };
    let mut resolve_slot = None;
    let promise = Promise::new(&mut |resolve, _| resolve_slot = Some(resolve));
    let Some(resolve) = resolve_slot else {
        return Answer::Unavailable("no promise".into());
    };

    let asked = Object::new();
    let list = Array::new();
    let transfer = Array::new();
    for file in request.files {
        let entry = Object::new();
        let bytes = crate::files::out_of_wasm(&file.bytes).await;
        let _ = Reflect::set(&entry, &"name".into(), &file.name.as_str().into());
        let _ = Reflect::set(&entry, &"bytes".into(), &bytes);
        transfer.push(&bytes.buffer());
        list.push(&entry);
    }
    let _ = Reflect::set(&asked, &"files".into(), &list);
    let _ = Reflect::set(&asked, &"overrides".into(), &request.overrides.into());
    if let Some(options) = request.options {
        let _ = Reflect::set(&asked, &"options".into(), &options_to_js(options));
    }
    // Sent once the worker says it is ready (a handler set before its wasm had loaded would
    // miss a message posted earlier).
    let pending = std::rc::Rc::new(RefCell::new(Some((asked, transfer))));
    let send = {
        let (pending, worker, done) = (pending.clone(), worker.clone(), resolve.clone());
        move || {
            if let Some((request, transfer)) = pending.borrow_mut().take() {
                if let Err(error) = worker.post_message_with_transfer(&request, &transfer) {
                    let why = JsValue::from_str(&format!("{error:?}"));
                    let _ = done.call1(&JsValue::NULL, &why);
                }
            }
        }
    };
    let send_when_ready = send.clone();

    let done = resolve.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        match kind(&data).as_deref() {
            Some("ready") => send_when_ready(),
            Some("progress") => {
                let stage = Reflect::get(&data, &"stage".into())
                    .ok()
                    .and_then(|s| s.as_f64())
                    .unwrap_or(0.0) as u32;
                let activity = Reflect::get(&data, &"activity".into())
                    .ok()
                    .and_then(|a| activity_from_js(&a));
                if let Some(activity) = activity {
                    (listeners.progress)(stage, activity);
                }
            }
            Some("report") => {
                let json = Reflect::get(&data, &"report".into())
                    .ok()
                    .filter(|b| b.is_object())
                    .map(|b| Uint8Array::new(&b).to_vec());
                let on_report = listeners.report.borrow_mut().take();
                if let (Some(json), Some(on_report)) = (json, on_report) {
                    on_report(json);
                }
            }
            Some("done" | "full") => {
                let _ = done.call1(&JsValue::NULL, &data);
            }
            Some("packed") => {
                let text = Reflect::get(&data, &"text".into())
                    .ok()
                    .and_then(|t| t.as_string());
                let on_packed = listeners.packed.borrow_mut().take();
                if let (Some(text), Some(on_packed)) = (text, on_packed) {
                    on_packed(text);
                }
            }
            _ => {}
        }
    });
    let failed = resolve.clone();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        let why = error_message(&event, "the worker did not start");
        let _ = failed.call1(&JsValue::NULL, &JsValue::from_str(&why));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // A worker started ahead whose "ready" came before these handlers: it is not coming
    // again, so the request goes now (nothing can come between the handlers set above and
    // this: the page runs one thing at a time).
    if warm.is_some_and(|warm| warm.ready.get()) {
        send();
    }
    RUNNING.with(|running| {
        *running.borrow_mut() = Some(Running {
            worker,
            resolve: Some(resolve),
            _on_message: on_message,
            _on_error: on_error,
        })
    });

    let result = JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
    let full = kind(&result).as_deref() == Some("full");
    // The worker stays until it has sent the packed roster (and closes itself then); a
    // failed, cancelled or passed-on one goes now.
    let finished = !(full || result.is_undefined() || result.is_null() || result.is_string());
    RUNNING.with(|running| {
        let mut running = running.borrow_mut();
        if finished {
            if let Some(running) = running.as_mut() {
                running.resolve = None;
            }
        } else if let Some(running) = running.take() {
            running.worker.terminate();
        }
    });
    if full {
        return Answer::Full;
    }
    if let Some(why) = result.as_string() {
        return Answer::Unavailable(why);
    }
    if result.is_undefined() || result.is_null() {
        return Answer::Cancelled;
    }
    Answer::Done(result)
}

/// The import a worker's result message holds, read back.
async fn read_result(result: JsValue, progress_after: &dyn Fn(u32, Activity)) -> Outcome {
    // Reading a large result back and drawing the report holds the page for a moment: say so
    // first, and let the browser paint it.
    progress_after(3 * STEPS + STEPS / 2, Activity::Drawing);
    crate::turns::next_paint().await;
    let bytes = |key: &str| {
        Reflect::get(&result, &key.into())
            .ok()
            .filter(|b| b.is_object())
            .map(|b| Uint8Array::new(&b).to_vec())
    };
    let json = bytes("result").unwrap_or_default();
    let mut parsed = match crate::on_demand::read_import(json).await {
        Ok(Ok(parsed)) => parsed,
        Ok(Err(error)) => return Outcome::Unavailable(error),
        Err(NotFetched) => return Outcome::NotFetched,
    };
    // The skipped rows, a part at a time (some 20,000 at a province: about 1 MB of JSON).
    let parts = Reflect::get(&result, &"skipped_rows".into())
        .ok()
        .filter(Array::is_array)
        .map(|a| Array::from(&a));
    for part in parts.iter().flat_map(|a| a.iter()) {
        crate::turns::let_the_browser_draw().await;
        let json = Uint8Array::new(&part).to_vec();
        parsed = match crate::on_demand::put_back_skipped_rows(parsed, json).await {
            Ok(Ok(parsed)) => parsed,
            Ok(Err(error)) => return Outcome::Unavailable(error),
            Err(NotFetched) => return Outcome::NotFetched,
        };
    }
    if let Some(columns) = bytes("roster") {
        crate::turns::let_the_browser_draw().await;
        let reading = match crate::on_demand::read_roster(columns).await {
            Ok(reading) => reading,
            Err(NotFetched) => return Outcome::NotFetched,
        };
        return match reading.await {
            Ok((roster, coded)) => {
                parsed.roster = roster;
                Outcome::Done(parsed, coded)
            }
            Err(error) => Outcome::Unavailable(error),
        };
    }
    // The roster came in the JSON (its columns could not be written): coded from its people.
    let coded = crate::in_slices::code(&parsed.roster).await;
    Outcome::Done(parsed, coded)
}

/// Stops the import running in the worker, if any; its `run` returns `Cancelled`.
pub fn cancel() {
    if let Some(running) = RUNNING.with(|r| r.borrow_mut().take()) {
        running.worker.terminate();
        if let Some(resolve) = running.resolve {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::UNDEFINED);
        }
    }
}

/// What a worker's `error` event says went wrong, or `fallback`.
pub(crate) fn error_message(event: &web_sys::Event, fallback: &str) -> String {
    Reflect::get(event, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| fallback.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// Whether a worker started ahead is waiting.
    fn warm() -> bool {
        WARM.with(|warm| warm.borrow().is_some())
    }

    #[wasm_bindgen_test]
    async fn a_worker_started_ahead_and_never_asked_is_let_go() {
        let wait = std::time::Duration::from_millis(60);
        warm_up_for(wait);
        assert!(warm());
        // Another warm-up before the wait ends keeps it for a wait from then.
        crate::test_support::sleep_ms(40).await;
        warm_up_for(wait);
        crate::test_support::sleep_ms(40).await;
        assert!(
            warm(),
            "let go a wait after the first warm-up, not the last"
        );
        crate::test_support::sleep_ms(60).await;
        assert!(!warm(), "kept past its wait");
    }

    /// The practice a worker does as it starts goes through the import for real: every
    /// person of the synthetic roster is read and counted (that Canbo's own xlsx reader,
    /// the one `worker` has, reads it is the core's `synthetic` tests).
    #[wasm_bindgen_test]
    fn a_new_worker_practises_on_every_person_of_a_roster() {
        assert_eq!(practise(), PRACTICE_PEOPLE);
    }

    #[wasm_bindgen_test]
    fn the_bar_moves_forward_through_the_files_and_names_each() {
        let files: Vec<FileInput> = ["xa-a.xlsx", "xa-b.xlsx"]
            .iter()
            .map(|name| FileInput {
                name: name.to_string(),
                bytes: vec![0; 1_500_000],
            })
            .collect();
        let mut last = 0;
        let mut texts = Vec::new();
        for (done, file, step) in [
            (0, Some("xa-a.xlsx"), Step::Reading),
            (0, Some("xa-a.xlsx"), Step::Layout),
            (0, Some("xa-a.xlsx"), Step::People),
            (1, Some("xa-b.xlsx"), Step::Reading),
            (1, Some("xa-b.xlsx"), Step::People),
            (2, None, Step::Finishing),
        ] {
            let (at, activity) = describe(
                &Progress {
                    done,
                    total: 2,
                    file,
                    step,
                },
                &files,
            );
            assert!(
                at >= last && (STEPS..=2 * STEPS).contains(&at),
                "{at} after {last}"
            );
            last = at;
            texts.push(activity.message(canbo_core::lang::Lang::Vi));
        }
        assert_eq!(last, 2 * STEPS);
        assert_eq!(texts[0], "Tệp 1/2 «xa-a.xlsx»: đang mở (1,5 MB)…");
        assert_eq!(texts[3], "Tệp 2/2 «xa-b.xlsx»: đang mở (1,5 MB)…");
        assert_eq!(texts[5], "Đang kiểm tra trùng lặp…");
    }

    /// The report settings cross to the worker as plain fields and come back the same;
    /// anything else is no settings (the worker then sends no report ahead).
    #[wasm_bindgen_test]
    fn report_settings_cross_as_plain_fields() {
        let plain = ReportOptions {
            as_of: canbo_core::Date::new(2026, 12, 5).unwrap(),
            ..Default::default()
        };
        let filtered = ReportOptions {
            as_of: canbo_core::Date::new(1999, 2, 28).unwrap(),
            bands: AgeBands::new(vec![30, 46, 61]).unwrap(),
            filter: Filter::default()
                .and(Dimension::Gender, vec!["nu".into()])
                .and(Dimension::Unit, vec!["Xã Đông Hòa".into(), "".into()]),
        };
        for options in [plain, filtered] {
            assert_eq!(options_from_js(&options_to_js(&options)), Some(options));
        }
        assert_eq!(options_from_js(&JsValue::UNDEFINED), None);
        assert_eq!(options_from_js(&Object::new()), None);
        let unknown = options_to_js(&ReportOptions::default());
        let pair = Array::of2(&"no such dimension".into(), &Array::new());
        let _ = Reflect::set(&unknown, &"filter".into(), &Array::of1(&pair));
        assert_eq!(options_from_js(&unknown), None);
    }

    /// Every activity crosses from the worker as plain fields and comes back the same.
    #[wasm_bindgen_test]
    fn an_activity_crosses_as_plain_fields() {
        let mut all = vec![
            Activity::Sending,
            Activity::Checking,
            Activity::Returning { people: 250_000 },
            Activity::Drawing,
        ];
        for (index, step) in STEPS_SENT.into_iter().enumerate() {
            all.push(Activity::File {
                index,
                total: 21,
                name: format!("Xã Đông Hòa {index}.xlsx"),
                bytes: 20_500_000 + index as u64,
                step,
            });
        }
        for activity in all {
            let sent = activity_to_js(&activity);
            assert_eq!(
                activity_from_js(&sent),
                Some(activity.clone()),
                "{activity:?}"
            );
        }
        assert_eq!(activity_from_js(&JsValue::from_str("{}")), None);
        assert_eq!(activity_from_js(&Object::new()), None);
    }
}
