//! Giving the browser its turn. Work on the page's main thread holds everything else: the
//! browser draws nothing and answers no click until it ends. Long work (reading a province's
//! roster back from the worker, filling a list of 10,000 units) is cut in slices, and
//! between two slices the page awaits one of these.

use js_sys::Promise;
use wasm_bindgen_futures::JsFuture;

/// Resolves in a task of its own, so the browser can draw and handle input first.
pub async fn let_the_browser_draw() {
    after_ms(0).await;
}

/// Resolves after the browser has had time to paint what the page just changed (a progress
/// message shown before a long step).
pub async fn next_paint() {
    after_ms(20).await;
}

async fn after_ms(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms));
    });
    let _ = JsFuture::from(promise).await;
}

/// Its children, built in a task of their own once the browser has had its turn: a page of
/// many sections, each wrapped in one, is built a section per task rather than all in one
/// (the report of a province held the page for some 140 ms being built at once). Only the
/// first build waits; the children then follow their signals as usual.
#[leptos::component]
pub fn Later(children: leptos::children::ChildrenFn) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        let_the_browser_draw().await;
        // The section may be gone by then (the page changed): nothing to show.
        let _ = ready.try_set(true);
    });
    move || ready.get().then(|| children())
}
