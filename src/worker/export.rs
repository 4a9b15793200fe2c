//! The files the page offers for download that need a writer, written in a worker of their
//! own, not on the page: the official document (.docx) and the workbooks (.xlsx: the
//! per-unit form, a list of people, the training plan); and what takes a province's page
//! too long: share links (their compression and lock) and roster packages (sealed and
//! opened). docx-rs, rust_xlsxwriter and its zip
//! writer are reached only from this worker's entry point ([`serve`], `src/bin/exporter.rs`),
//! so the linker leaves them out of the page's wasm, which every visit loads, and out of the
//! import worker's, which every import loads (issue 12: a third of that worker's code).
//!
//! The page sends what it already has (the report on screen, its text, the people listed,
//! the standards result) as JSON in a [`Request`], with bytes beside it where JSON would be
//! too large (a link's payload, a roster in columns, a package); the download worker
//! answers with the file's bytes (or the JSON of a result) and bytes beside them,
//! transferred. A worker is started for one file and stopped once it answered, or kept for
//! many requests ([`Exporter`]: the share panel's links).

use canbo_core::date::Date;
use canbo_core::export::docx::DocumentSettings;
use canbo_core::export::prose::Prose;
use canbo_core::export::Lang;
use canbo_core::report::Report;
use canbo_core::roster::Person;
use canbo_core::roster::Roster;
use canbo_core::share::{package, Hidden, PackageContent, RANDOM_BYTES};
use canbo_core::standards::Standards;
use canbo_core::store::columnar;
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
    /// A share link of the content beside the request (`Shared::payload`): the "file" is
    /// the JSON of `Result<String, Text>`, the link or why not.
    ShareLink(LinkRequest),
    /// A roster package to seal, its roster beside the request in columns
    /// (`canbo_core::store::columnar::encode`): the "file" is the JSON of `Result<(), Text>`,
    /// the package beside it.
    Pack(PackRequest),
    /// A roster package to open (its bytes beside the request): the "file" is the JSON of
    /// `Result<PackageContent, Text>` with an empty roster, the roster beside it in columns,
    /// and as the page's local storage keeps it (`crate::storage::seal_roster`, the text):
    /// deflating a province's roster held the page for some 300 ms when it was adopted.
    Unpack { passphrase: String },
}

/// A share link to make of a payload (`Shared::payload`, beside the request): what the
/// share panel sends (`components::share::link::make`), and what it makes itself where no
/// worker starts ([`LinkRequest::make`] either way).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinkRequest {
    /// Locks the link; empty makes a plain one.
    pub passphrase: String,
    /// Salt and nonce of a lock, from the page's secure generator (a worker may have none).
    pub random: [u8; RANDOM_BYTES],
}

impl LinkRequest {
    /// The link of `payload` the core makes (`share::link_of_payload`), or why not in the
    /// user's words.
    pub fn make(&self, payload: &[u8]) -> Result<String, Text> {
        canbo_core::share::link_of_payload(payload, &self.passphrase, &self.random)
            .map_err(|e| crate::i18n::both(|l| e.message(l)))
    }
}

/// A roster package to seal (`share::package::pack`): the user's data but the roster, which
/// travels in columns beside it (a province's roster as JSON would cross as 100 MB).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PackRequest {
    /// Everything the package holds; its roster is empty here.
    pub content: PackageContent,
    pub passphrase: String,
    /// Salt and nonce, from the page's secure generator.
    pub random: [u8; RANDOM_BYTES],
}

impl PackRequest {
    /// The package of the content with `roster`, or why not in the user's words.
    pub fn pack(self, roster: Roster) -> Result<Vec<u8>, Text> {
        let mut content = self.content;
        content.roster = roster;
        package::pack(&content, &self.passphrase, &self.random)
            .map_err(|e| crate::i18n::both(|l| e.message(l)))
    }
}

/// What the download worker answers: the file (or the JSON of a result), the bytes beside
/// it (a package sealed, the roster of one opened in columns) and text (the roster of a
/// package opened, sealed for local storage).
#[derive(Debug, Default)]
pub struct Written {
    pub bytes: Vec<u8>,
    pub beside: Option<Vec<u8>>,
    pub text: Option<String>,
}

impl Request {
    /// The file's bytes (`beside`: the bytes sent with the request), or why it could not be
    /// written.
    fn answer(self, beside: Option<Vec<u8>>) -> Result<Written, String> {
        use canbo_core::export::{docx, people, training, xlsx};
        let a_file = |written: Result<Vec<u8>, String>| {
            written.map(|bytes| Written {
                bytes,
                ..Written::default()
            })
        };
        match self {
            Request::Document {
                report,
                prose,
                settings,
                date,
            } => {
                a_file(docx::document(&report, &prose, &settings, date).map_err(|e| e.to_string()))
            }
            Request::ReportWorkbook {
                report,
                scope,
                hidden,
            } => a_file(xlsx::report_hiding(&report, &scope, &hidden).map_err(|e| e.to_string())),
            Request::People { people: list, lang } => {
                let list: Vec<&Person> = list.iter().collect();
                a_file(people::people(&list, lang).map_err(|e| e.to_string()))
            }
            Request::TrainingPlan { standards } => {
                a_file(training::plan(&standards).map_err(|e| e.to_string()))
            }
            Request::ShareLink(link) => {
                let payload = beside.ok_or("no link content beside the request")?;
                answered(&link.make(&payload), None)
            }
            Request::Pack(pack) => {
                let columns = beside.ok_or("no roster beside the package")?;
                let roster = columnar::decode(&columns).map_err(|e| e.to_string())?;
                match pack.pack(roster) {
                    Ok(package) => answered(&Ok(()), Some(package)),
                    Err(why) => answered::<()>(&Err(why), None),
                }
            }
            Request::Unpack { passphrase } => {
                let file = beside.ok_or("no package beside the request")?;
                let opened = package::unpack(&file, &passphrase)
                    .map_err(|e| crate::i18n::both(|l| e.message(l)))
                    .and_then(|mut content| {
                        let roster = std::mem::take(&mut content.roster);
                        let columns = columnar::encode(&roster)
                            .map_err(|e| Text::new(e.to_string(), e.to_string()))?;
                        Ok((content, columns))
                    });
                match opened {
                    Ok((content, columns)) => Ok(Written {
                        text: Some(crate::storage::seal_roster(&columns)),
                        ..answered(&Ok(content), Some(columns))?
                    }),
                    Err(why) => answered::<PackageContent>(&Err(why), None),
                }
            }
        }
    }
}

/// The answer of a request that answers a result as JSON ([`result_of`] reads it), with
/// the bytes beside it.
fn answered<T: Serialize>(
    result: &Result<T, Text>,
    beside: Option<Vec<u8>>,
) -> Result<Written, String> {
    let bytes = serde_json::to_vec(result).map_err(|e| e.to_string())?;
    Ok(Written {
        bytes,
        beside,
        text: None,
    })
}

// ---- the worker's side ----

/// The download worker's entry point: says it is ready, then answers each request in
/// turn, until the page stops it ([`Exporter`]).
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if is_request(&event.data()) {
            answer(&reply, &event.data());
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
    super::kind(data).as_deref() == Some(KIND)
}

/// Writes the file asked for and posts it back with the request's `id`: `{kind: "export",
/// id, bytes, beside?, text?}` (the buffers transferred) or `{kind: "export", id, error}`.
fn answer(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let beside = Reflect::get(data, &"beside".into())
        .ok()
        .filter(|b| b.is_object())
        .map(|b| Uint8Array::new(&b).to_vec());
    let written = Reflect::get(data, &"request".into())
        .ok()
        .and_then(|r| r.as_string())
        .ok_or_else(|| "no request".to_string())
        .and_then(|text| serde_json::from_str::<Request>(&text).map_err(|e| e.to_string()))
        .and_then(|r| r.answer(beside));
    let message = Object::new();
    let _ = Reflect::set(&message, &"kind".into(), &KIND.into());
    if let Ok(id) = Reflect::get(data, &"id".into()) {
        let _ = Reflect::set(&message, &"id".into(), &id);
    }
    let _ = match written {
        Ok(written) => {
            let transfer = Array::new();
            let bytes = Uint8Array::from(&written.bytes[..]);
            let _ = Reflect::set(&message, &"bytes".into(), &bytes);
            transfer.push(&bytes.buffer());
            if let Some(beside) = &written.beside {
                let beside = Uint8Array::from(&beside[..]);
                let _ = Reflect::set(&message, &"beside".into(), &beside);
                transfer.push(&beside.buffer());
            }
            if let Some(text) = &written.text {
                let _ = Reflect::set(&message, &"text".into(), &text.into());
            }
            scope.post_message_with_transfer(&message, &transfer)
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
    build_with(request, None).await.map(|written| written.bytes)
}

/// What a request answered as JSON (a share link, a package sealed or opened) holds: the
/// result, in the user's words when it failed, the bytes beside it and the text.
pub struct Answered<T> {
    pub result: Result<T, Text>,
    pub beside: Option<Vec<u8>>,
    pub text: Option<String>,
}

/// The result a request answers as JSON, with what came beside it; `Err` when the worker
/// did not answer one.
pub fn result_of<T: serde::de::DeserializeOwned>(written: Written) -> Result<Answered<T>, String> {
    let result = serde_json::from_slice(&written.bytes).map_err(|e| e.to_string())?;
    Ok(Answered {
        result,
        beside: written.beside,
        text: written.text,
    })
}

/// [`build`] with bytes sent beside the request (copied once into the message, then
/// transferred): a roster in columns to pack, a package to open. A download worker of its
/// own, stopped once it answered.
pub async fn build_with(request: &Request, beside: Option<&[u8]>) -> Result<Written, String> {
    Exporter::start()?.ask(request, beside).await
}

/// A download worker, started for one request or kept for many (the share panel's links:
/// one for each change of its options, where starting a worker each time would fetch and
/// compile its wasm again, some hundreds of milliseconds), and stopped once the last clone
/// of it is dropped. Requests are answered in the order they were asked; one asked before
/// the worker is ready waits for it.
#[derive(Clone)]
pub struct Exporter(std::rc::Rc<Started>);

/// The worker, and what its handlers share.
struct Started {
    worker: Worker,
    waiting: std::rc::Rc<Waiting>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Started {
    fn drop(&mut self) {
        self.worker.terminate();
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
    }
}

/// Requests not yet answered, each by its number.
#[derive(Default)]
struct Waiting {
    ready: std::cell::Cell<bool>,
    /// Why the worker stopped, once it did: every later request fails at once with it.
    stopped: std::cell::RefCell<Option<String>>,
    /// Requests posted before the worker said it was ready: the message and its transfer.
    queued: std::cell::RefCell<Vec<(Object, Array)>>,
    /// Each request's resolver, called with the worker's answer or why there is none.
    answers: std::cell::RefCell<std::collections::BTreeMap<u64, js_sys::Function>>,
    next: std::cell::Cell<u64>,
}

impl Exporter {
    /// Starts a download worker (it loads meanwhile).
    pub fn start() -> Result<Exporter, String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Classic);
        let worker = Worker::new_with_options("./exporter_loader.js", &options)
            .map_err(|e| format!("Web Worker: {e:?}"))?;
        let waiting = std::rc::Rc::new(Waiting::default());

        let to_worker = worker.clone();
        let on_ready = waiting.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            match super::kind(&data).as_deref() {
                Some("ready") => {
                    on_ready.ready.set(true);
                    for (message, transfer) in on_ready.queued.take() {
                        if let Err(e) = to_worker.post_message_with_transfer(&message, &transfer) {
                            on_ready.stop(&format!("{e:?}"));
                        }
                    }
                }
                Some(KIND) => {
                    let id = Reflect::get(&data, &"id".into())
                        .ok()
                        .and_then(|i| i.as_f64())
                        .map(|i| i as u64);
                    let resolve = id.and_then(|id| on_ready.answers.borrow_mut().remove(&id));
                    if let Some(resolve) = resolve {
                        let _ = resolve.call1(&JsValue::NULL, &data);
                    }
                }
                _ => {}
            }
        });
        let on_stop = waiting.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            on_stop.stop(&super::error_message(&event, "the worker stopped"));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Exporter(std::rc::Rc::new(Started {
            worker,
            waiting,
            _on_message: on_message,
            _on_error: on_error,
        })))
    }

    /// Whether the worker stopped (it failed to load or to answer): it answers nothing more.
    pub fn stopped(&self) -> bool {
        self.0.waiting.stopped.borrow().is_some()
    }

    /// What the worker answers to `request` (with `beside` copied once into the message,
    /// then transferred); why not, if it stopped or could not write it.
    pub async fn ask(&self, request: &Request, beside: Option<&[u8]>) -> Result<Written, String> {
        let started = &self.0;
        let waiting = &started.waiting;
        if let Some(why) = waiting.stopped.borrow().clone() {
            return Err(why);
        }
        let json = serde_json::to_string(request).map_err(|e| e.to_string())?;
        let id = waiting.next.get();
        waiting.next.set(id + 1);
        let message = Object::new();
        let _ = Reflect::set(&message, &"kind".into(), &KIND.into());
        let _ = Reflect::set(&message, &"id".into(), &(id as f64).into());
        let _ = Reflect::set(&message, &"request".into(), &json.as_str().into());
        let transfer = Array::new();
        if let Some(beside) = beside {
            let beside = Uint8Array::from(beside);
            let _ = Reflect::set(&message, &"beside".into(), &beside);
            transfer.push(&beside.buffer());
        }
        let mut resolve_slot = None;
        let promise = Promise::new(&mut |resolve, _| resolve_slot = Some(resolve));
        let resolve = resolve_slot.ok_or("no promise")?;
        waiting.answers.borrow_mut().insert(id, resolve);
        if waiting.ready.get() {
            if let Err(e) = started
                .worker
                .post_message_with_transfer(&message, &transfer)
            {
                waiting.stop(&format!("{e:?}"));
            }
        } else {
            waiting.queued.borrow_mut().push((message, transfer));
        }
        let answer = JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
        written_of(&answer)
    }
}

impl Waiting {
    /// The worker stopped (it failed to load, or ran out of memory): every request waiting
    /// and every later one is answered with `why`.
    fn stop(&self, why: &str) {
        self.stopped.replace(Some(why.to_string()));
        self.queued.take();
        for (_, resolve) in self.answers.take() {
            let _ = resolve.call1(&JsValue::NULL, &why.into());
        }
    }
}

/// The download worker's answer (`{kind, id, bytes, beside?, text?}` or `{…, error}`), or
/// why there is none (a string).
fn written_of(answer: &JsValue) -> Result<Written, String> {
    if let Some(why) = answer.as_string() {
        return Err(why);
    }
    if let Some(why) = Reflect::get(answer, &"error".into())
        .ok()
        .and_then(|e| e.as_string())
    {
        return Err(why);
    }
    let bytes = |key: &str| {
        Reflect::get(answer, &key.into())
            .ok()
            .filter(|b| b.is_object())
            .map(|b| Uint8Array::new(&b).to_vec())
    };
    Ok(Written {
        bytes: bytes("bytes").ok_or("the worker sent no file")?,
        beside: bytes("beside"),
        text: Reflect::get(answer, &"text".into())
            .ok()
            .and_then(|t| t.as_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::sample_roster_of;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn content(roster: Roster) -> PackageContent {
        PackageContent {
            roster,
            settings: [("lang".to_string(), "en".to_string())].into(),
            ..PackageContent::default()
        }
    }

    /// What the download worker answers for a share link: the link of the payload beside
    /// the request, plain or locked as asked.
    #[wasm_bindgen_test]
    fn the_worker_makes_the_link_of_the_payload_beside_the_request() {
        let roster = sample_roster_of(300);
        let options = canbo_core::report::ReportOptions::default();
        let report = canbo_core::report::report(&roster, &options);
        let shared = canbo_core::share::Shared::new(&report, &options, None, None);
        let payload = shared.payload().unwrap();
        let ask = |passphrase: &str| {
            Request::ShareLink(LinkRequest {
                passphrase: passphrase.into(),
                random: [5; RANDOM_BYTES],
            })
        };
        let link = result_of::<String>(ask("").answer(Some(payload.clone())).unwrap()).unwrap();
        assert_eq!(link.result, Ok(shared.encode().unwrap()));
        let link = result_of::<String>(ask("khóa").answer(Some(payload)).unwrap()).unwrap();
        assert_eq!(
            link.result,
            Ok(shared.encode_locked("khóa", &[5; RANDOM_BYTES]).unwrap())
        );
        assert!(ask("").answer(None).is_err(), "no payload, no link");
    }

    /// What the download worker answers for a package: sealed from the roster in columns,
    /// opened back to the same content and roster; a wrong passphrase is the user's message.
    #[wasm_bindgen_test]
    fn the_worker_seals_and_opens_a_package_with_its_roster_in_columns() {
        let roster = sample_roster_of(300);
        let columns = columnar::encode(&roster).unwrap();
        let pack = Request::Pack(PackRequest {
            content: content(Roster::default()),
            passphrase: "gói của xã".into(),
            random: [7; RANDOM_BYTES],
        });
        let sealed = result_of::<()>(pack.answer(Some(columns)).unwrap()).unwrap();
        assert_eq!(sealed.result, Ok(()));
        let file = sealed.beside.expect("the package beside the answer");
        assert!(package::is_package(&file));

        let unpack = Request::Unpack {
            passphrase: "gói của xã".into(),
        };
        let answered =
            result_of::<PackageContent>(unpack.answer(Some(file.clone())).unwrap()).unwrap();
        let mut opened = answered.result.unwrap();
        assert!(
            opened.roster.people.is_empty(),
            "the roster travels in columns"
        );
        let columns = answered.beside.unwrap();
        assert_eq!(
            answered.text.as_deref(),
            Some(crate::storage::seal_roster(&columns).as_str()),
            "and as local storage keeps it"
        );
        opened.roster = columnar::decode(&columns).unwrap();
        assert!(opened == package::unpack(&file, "gói của xã").unwrap());
        assert!(opened == content(columnar::decode(&columnar::encode(&roster).unwrap()).unwrap()));

        let wrong = Request::Unpack {
            passphrase: "gói của huyện".into(),
        };
        let wrong = result_of::<PackageContent>(wrong.answer(Some(file)).unwrap()).unwrap();
        let message = wrong.result.unwrap_err();
        assert!(message.vi.contains("mật khẩu"), "{message:?}");
        assert!(wrong.beside.is_none() && wrong.text.is_none());
        assert!(Request::Unpack {
            passphrase: "x".into()
        }
        .answer(None)
        .is_err());
    }
}
