//! The official document (.docx) is written in the worker, not on the page: docx-rs and the
//! core's `export::docx` are reached only from the worker's entry point ([`super::serve`]),
//! so the linker leaves them out of the page's wasm (a separate issue keeps that one small).
//!
//! The page sends what it already has: the report on screen, its text in Vietnamese (the
//! core's `export::prose`, which the page shows anyway), the user's document settings and the
//! date to sign; the worker answers with the document's bytes, transferred, and closes.

use canbo_core::date::Date;
use canbo_core::export::docx::DocumentSettings;
use canbo_core::export::prose::Prose;
use canbo_core::report::Report;
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The `kind` of a request for a document, and of its answer.
const KIND: &str = "docx";

/// Everything the document is written from.
#[derive(Debug, Serialize, Deserialize)]
pub struct Request {
    pub report: Report,
    pub prose: Prose,
    pub settings: DocumentSettings,
    pub date: Date,
}

// ---- the worker's side ----

/// Whether a message to the worker asks for a document (else it is an import).
pub fn is_request(data: &JsValue) -> bool {
    Reflect::get(data, &"kind".into())
        .ok()
        .and_then(|k| k.as_string())
        .as_deref()
        == Some(KIND)
}

/// Writes the document asked for and posts it back: `{kind: "docx", bytes}` (the buffer
/// transferred) or `{kind: "docx", error}`.
pub fn answer(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let written = Reflect::get(data, &"request".into())
        .ok()
        .and_then(|r| r.as_string())
        .ok_or_else(|| "no request".to_string())
        .and_then(|text| serde_json::from_str::<Request>(&text).map_err(|e| e.to_string()))
        .and_then(|r| {
            canbo_core::export::docx::document(&r.report, &r.prose, &r.settings, r.date)
                .map_err(|e| e.to_string())
        });
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

/// The document for `request`, written in a worker of its own; why not, if it could not be.
pub async fn build(request: &Request) -> Result<Vec<u8>, String> {
    let json = serde_json::to_string(request).map_err(|e| e.to_string())?;
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Classic);
    let worker = Worker::new_with_options("./worker_loader.js", &options)
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
        return Err("the worker sent no document".into());
    }
    Ok(Uint8Array::new(&bytes).to_vec())
}
