//! The files the page offers for download that need a writer, written in a worker of their
//! own, not on the page: the official document (.docx) and the workbooks (.xlsx: the
//! per-unit form, a list of people, the training plan); and share links, whose encoding,
//! compression and lock take a province's page too long (`crate::components::share::link`). docx-rs, rust_xlsxwriter and its zip
//! writer are reached only from this worker's entry point ([`serve`], `src/bin/exporter.rs`),
//! so the linker leaves them out of the page's wasm, which every visit loads, and out of the
//! import worker's, which every import loads (issue 12: a third of that worker's code).
//!
//! The page sends what it already has (the report on screen, its text, the people listed,
//! the standards result) as JSON in a [`Request`]; the download worker answers with the
//! file's bytes, transferred, and closes.

use canbo_core::date::Date;
use canbo_core::export::docx::DocumentSettings;
use canbo_core::export::prose::Prose;
use canbo_core::export::Lang;
use canbo_core::report::Report;
use canbo_core::roster::Person;
use canbo_core::share::{Hidden, LinkChoice, Shared, RANDOM_BYTES};
use canbo_core::standards::Standards;
use canbo_core::Text;
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The `kind` of a request for a file, and of its answer.
const KIND: &str = "export";

/// A file to write, and everything it is written from.
#[derive(Debug, Serialize, Deserialize)]
pub enum Request {
    /// The official document: the report on screen, its text in Vietnamese (the core's
    /// `export::prose`, which the page shows anyway), the user's document settings and the
    /// date to sign.
    Document {
        report: Report,
        prose: Prose,
        settings: DocumentSettings,
        date: Date,
    },
    /// The per-unit form as a workbook, with the filter it covers ("Lọc: …", empty for
    /// none) and the figures a shared report hid.
    ReportWorkbook {
        report: Report,
        scope: String,
        hidden: Hidden,
    },
    /// People listed on the page, in its order.
    People { people: Vec<Person>, lang: Lang },
    /// The training plan of a standards result.
    TrainingPlan { standards: Standards },
    /// A share link; its "file" is the JSON of `Result<String, Text>`, the link or why not.
    ShareLink(LinkRequest),
}

/// A share link to make: what the share panel sends (`components::share::link::make`),
/// and what it makes itself where no worker starts ([`LinkRequest::make`] either way).
#[derive(Debug, Serialize, Deserialize)]
pub struct LinkRequest {
    pub shared: Shared,
    pub choice: LinkChoice,
    /// Salt and nonce of a lock, from the page's secure generator (a worker may have none).
    pub random: [u8; RANDOM_BYTES],
}

impl LinkRequest {
    /// The link the core makes (`Shared::link`), or why not in the user's words.
    pub fn make(self) -> Result<String, Text> {
        self.shared
            .link(&self.choice, &self.random)
            .map_err(|e| crate::i18n::both(|l| e.message(l)))
    }
}

impl Request {
    /// The file's bytes, or why it could not be written.
    fn write(self) -> Result<Vec<u8>, String> {
        use canbo_core::export::{docx, people, training, xlsx};
        match self {
            Request::Document {
                report,
                prose,
                settings,
                date,
            } => docx::document(&report, &prose, &settings, date).map_err(|e| e.to_string()),
            Request::ReportWorkbook {
                report,
                scope,
                hidden,
            } => xlsx::report_hiding(&report, &scope, &hidden).map_err(|e| e.to_string()),
            Request::People { people: list, lang } => {
                let list: Vec<&Person> = list.iter().collect();
                people::people(&list, lang).map_err(|e| e.to_string())
            }
            Request::TrainingPlan { standards } => {
                training::plan(&standards).map_err(|e| e.to_string())
            }
            Request::ShareLink(link) => serde_json::to_vec(&link.make()).map_err(|e| e.to_string()),
        }
    }
}

// ---- the worker's side ----

/// The download worker's entry point: says it is ready, answers one request for a file,
/// and closes.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if is_request(&event.data()) {
            answer(&reply, &event.data());
            reply.close();
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A request posted before the wasm had loaded would find no handler: the page sends it
    // only once this arrives.
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"kind".into(), &"ready".into());
    let _ = scope.post_message(&ready);
}

/// Whether a message asks for a file.
fn is_request(data: &JsValue) -> bool {
    Reflect::get(data, &"kind".into())
        .ok()
        .and_then(|k| k.as_string())
        .as_deref()
        == Some(KIND)
}

/// Writes the file asked for and posts it back: `{kind: "export", bytes}` (the buffer
/// transferred) or `{kind: "export", error}`.
fn answer(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let written = Reflect::get(data, &"request".into())
        .ok()
        .and_then(|r| r.as_string())
        .ok_or_else(|| "no request".to_string())
        .and_then(|text| serde_json::from_str::<Request>(&text).map_err(|e| e.to_string()))
        .and_then(|r| r.write());
    let message = Object::new();
    let _ = Reflect::set(&message, &"kind".into(), &KIND.into());
    let _ = match written {
        Ok(bytes) => {
            let bytes = Uint8Array::from(&bytes[..]);
            let _ = Reflect::set(&message, &"bytes".into(), &bytes);
            scope.post_message_with_transfer(&message, &Array::of1(&bytes.buffer()))
        }
        Err(why) => {
            let _ = Reflect::set(&message, &"error".into(), &why.into());
            scope.post_message(&message)
        }
    };
}

// ---- the page's side ----

/// The file for `request`, written in the download worker; why not, if it could not be.
pub async fn build(request: &Request) -> Result<Vec<u8>, String> {
    let json = serde_json::to_string(request).map_err(|e| e.to_string())?;
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Classic);
    let worker = Worker::new_with_options("./exporter_loader.js", &options)
        .map_err(|e| format!("Web Worker: {e:?}"))?;
    let mut resolve_slot = None;
    let promise = Promise::new(&mut |resolve, _| resolve_slot = Some(resolve));
    let resolve = resolve_slot.ok_or("no promise")?;

    let to_worker = worker.clone();
    let done = resolve.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        match Reflect::get(&data, &"kind".into())
            .ok()
            .and_then(|k| k.as_string())
            .as_deref()
        {
            Some("ready") => {
                let request = Object::new();
                let _ = Reflect::set(&request, &"kind".into(), &KIND.into());
                let _ = Reflect::set(&request, &"request".into(), &json.as_str().into());
                if let Err(e) = to_worker.post_message(&request) {
                    let _ = done.call1(&JsValue::NULL, &format!("{e:?}").into());
                }
            }
            Some(KIND) => {
                let _ = done.call1(&JsValue::NULL, &data);
            }
            _ => {}
        }
    });
    let failed = resolve.clone();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        let why = super::error_message(&event, "the worker stopped");
        let _ = failed.call1(&JsValue::NULL, &why.into());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));

    let answer = JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
    worker.terminate();
    drop((on_message, on_error));
    if let Some(why) = answer.as_string() {
        return Err(why);
    }
    if let Some(why) = Reflect::get(&answer, &"error".into())
        .ok()
        .and_then(|e| e.as_string())
    {
        return Err(why);
    }
    let bytes = Reflect::get(&answer, &"bytes".into()).map_err(|e| format!("{e:?}"))?;
    if bytes.is_undefined() {
        return Err("the worker sent no file".into());
    }
    Ok(Uint8Array::new(&bytes).to_vec())
}
