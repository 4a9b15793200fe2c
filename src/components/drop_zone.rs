//! The whole page takes dropped files: dropping one anywhere imports it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::DragEvent;

use crate::files::read_files;
use crate::i18n::t;
use crate::state::AppState;

/// Drags of text or links are left to the browser; only drags of files are ours.
fn carries_files(event: &DragEvent) -> bool {
    event
        .data_transfer()
        .is_some_and(|transfer| transfer.types().includes(&"Files".into(), 0))
}

#[component]
pub fn DropZone(children: Children) -> impl IntoView {
    let state = expect_context::<AppState>();
    // dragenter and dragleave fire for every element the pointer crosses: counting them
    // keeps the overlay up until the pointer leaves the page.
    let depth = RwSignal::new(0_u32);

    let on_drop = move |event: DragEvent| {
        // Without this the browser would open the file in place of the app.
        event.prevent_default();
        depth.set(0);
        let Some(list) = event.data_transfer().and_then(|transfer| transfer.files()) else {
            return;
        };
        if list.length() > 0 {
            crate::worker::warm_up();
            spawn_local(async move { state.import_soon(read_files(&list).await).await });
        }
    };

    view! {
        <div
            class="drop-zone"
            on:dragenter=move |event| {
                if carries_files(&event) {
                    event.prevent_default();
                    depth.update(|d| *d += 1);
                    // A drop is likely: the import's worker gets ready meanwhile.
                    crate::worker::warm_up();
                }
            }
            on:dragover=move |event| {
                if carries_files(&event) {
                    event.prevent_default();
                }
            }
            on:dragleave=move |event| {
                if carries_files(&event) {
                    depth.update(|d| *d = d.saturating_sub(1));
                }
            }
            on:drop=on_drop
        >
            {children()}
            <Show when=move || { depth.get() > 0 }>
                <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
                    <p>{move || t("Thả tệp vào đây để nhập", "Drop the files here to import them")}</p>
                </div>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{data_transfer, mount, until};
    use wasm_bindgen_test::wasm_bindgen_test;
    use web_sys::DragEventInit;

    fn drag_event(kind: &str, files: &[(&str, &[u8])]) -> DragEvent {
        let init = DragEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_data_transfer(Some(&data_transfer(files)));
        DragEvent::new_with_event_init_dict(kind, &init).unwrap()
    }

    #[wasm_bindgen_test]
    async fn dropping_a_roster_anywhere_imports_it() {
        let state = AppState::empty();
        let page = mount(
            state,
            || view! { <DropZone><p class="inside">"bên trong"</p></DropZone> },
        );
        let inside = page.query_selector(".inside").unwrap().unwrap();

        let sample = include_bytes!("../../assets/mau-son-bieu.xlsx");
        let drop = drag_event("drop", &[("mau-son-bieu.xlsx", sample)]);
        inside.dispatch_event(&drop).unwrap();

        assert!(
            drop.default_prevented(),
            "the browser must not open the dropped file"
        );
        until(|| crate::test_support::people(&state) == Some(420)).await;
    }

    #[wasm_bindgen_test]
    async fn dragging_files_over_the_page_shows_the_overlay_until_they_leave() {
        let state = AppState::empty();
        let page = mount(
            state,
            || view! { <DropZone><p class="inside">"bên trong"</p></DropZone> },
        );
        let inside = page.query_selector(".inside").unwrap().unwrap();
        let overlay = || {
            page.query_selector("[data-testid=drop-overlay]")
                .unwrap()
                .is_some()
        };

        inside
            .dispatch_event(&drag_event("dragenter", &[("a.xlsx", b"x")]))
            .unwrap();
        until(overlay).await;
        inside
            .dispatch_event(&drag_event("dragleave", &[("a.xlsx", b"x")]))
            .unwrap();
        until(|| !overlay()).await;
    }
}
