//! The people behind a clicked count (the core's `matching_rows`), with where each was read.
//!
//! A modal dialog: when it opens, focus moves to its close button; Tab and Shift+Tab stay
//! inside it; Escape, the close button or a click beside it close it, and focus goes back to
//! the count that opened it. A native `<dialog>` with `showModal()` would trap focus only
//! partly (Chromium lets Tab leave for the browser's own controls) and would need its close
//! synchronised with Leptos removing it, so the trap is a keydown handler here.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

use super::DrillRequest;
use crate::components::people::PeopleTable;
use crate::i18n::{num, t};
use crate::settings::Settings;
use crate::state::AppState;

/// What Tab can reach.
const FOCUSABLE: &str =
    "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), \
    select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

/// The controls inside `root` that Tab visits, in document order (hidden ones left out).
fn tabbable(root: &Element) -> Vec<HtmlElement> {
    let mut found = Vec::new();
    let mut stack: Vec<Element> = root.first_element_child().into_iter().collect();
    // Depth first, in document order: a node's children before its next sibling.
    while let Some(el) = stack.pop() {
        if let Some(next) = el.next_element_sibling() {
            stack.push(next);
        }
        if let Some(child) = el.first_element_child() {
            stack.push(child);
        }
        if el.matches(FOCUSABLE).unwrap_or(false) {
            if let Ok(el) = el.dyn_into::<HtmlElement>() {
                if el.tab_index() >= 0 && el.offset_parent().is_some() {
                    found.push(el);
                }
            }
        }
    }
    found
}

/// Keeps Tab and Shift+Tab inside `root`: past the last control to the first, before the
/// first to the last. Focus outside `root` is brought back in.
pub fn trap_tab(root: &Element, ev: &KeyboardEvent) {
    let items = tabbable(root);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        ev.prevent_default();
        return;
    };
    let active = document().active_element();
    let inside = active
        .as_ref()
        .is_some_and(|a| root.contains(Some(a.unchecked_ref())));
    let is = |el: &HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<Element>())
    };
    let on_root = active.as_ref().is_some_and(|a| a == root);
    if ev.shift_key() {
        if !inside || on_root || is(first) {
            ev.prevent_default();
            let _ = last.focus();
        }
    } else if !inside || is(last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

/// The element that has the focus now, if it can be given it back later.
pub fn focused() -> Option<HtmlElement> {
    document()
        .active_element()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.tag_name() != "BODY")
}

#[component]
pub fn Drill() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let asked = expect_context::<DrillRequest>().0;
    // The control that opened the dialog, focused again when it closes.
    let opener = StoredValue::new_local(None::<HtmlElement>);
    let dialog = NodeRef::<leptos::html::Section>::new();
    let close_button = NodeRef::<leptos::html::Button>::new();
    move || {
        let lang = s.lang.get();
        let Some((title, filter)) = asked.get() else {
            // Closed: back to the count that opened it (still in the page unless the report
            // was redrawn meanwhile).
            if let Some(el) = opener.try_update_value(Option::take).flatten() {
                if el.is_connected() {
                    let _ = el.focus();
                }
            }
            return None;
        };
        if opener.with_value(Option::is_none) {
            opener.set_value(focused());
        }
        let options = s.options.get();
        let people = state
            .coded
            .with(|coded| coded.as_ref().map(|coded| coded.rows(&options, &filter)))?;
        let count = people.len() as u32;
        // Into the dialog once it is in the page.
        request_animation_frame(move || {
            if let Some(button) = close_button.get_untracked() {
                let _ = button.focus();
            }
        });
        let on_key = move |ev: KeyboardEvent| match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                asked.set(None);
            }
            "Tab" => {
                if let Some(root) = dialog.get_untracked() {
                    trap_tab(&root, &ev);
                }
            }
            _ => {}
        };
        Some(view! {
            <div class="drill-backdrop" aria-hidden="true" on:click=move |_| asked.set(None)></div>
            <section
                class="drill"
                role="dialog"
                aria-modal="true"
                aria-labelledby="drill-title"
                tabindex="-1"
                data-testid="drill"
                node_ref=dialog
                on:keydown=on_key
            >
                <header class="drill-head">
                    <h2 id="drill-title">{title}": " {num(count, lang)} " " {t("người", "people")}</h2>
                    <button type="button" class="button" data-testid="drill-close" node_ref=close_button
                        on:click=move |_| asked.set(None)>
                        {t("Đóng", "Close")}
                    </button>
                </header>
                <PeopleTable people=people height=420 />
            </section>
        })
    }
}
