//! The ways in besides dropping. Before a roster: pick files, or try the bundled sample. Once
//! a roster is loaded the import folds into one line — how many files, people and warnings —
//! with «Thêm tệp», «Kiểm tra cách đọc tệp» (which opens the files, the import review and the
//! values not recognised) and «Nhập lại», so each page's own content starts on the first
//! screen.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

use crate::components::Summary;
use crate::files::{fetch_sample, read_files};
use crate::i18n::{lang, num, t};
use crate::state::{AppState, Picked};

/// The formats the core reads; `.txt` is for tab- or comma-separated exports.
const ACCEPT: &str = ".xlsx,.xlsm,.xlsb,.xls,.ods,.csv,.txt";

/// The id of the folded part, for `aria-controls` and the links that open it.
pub const PANEL: &str = "nhap-tep";

/// Reads the files of a file input, then hands them to `then`.
fn on_pick(
    then: impl Fn(Picked) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> + Copy + 'static,
) -> impl Fn(leptos::ev::Event) + Copy + 'static {
    move |event: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&event);
        let Some(list) = input.files() else { return };
        crate::worker::warm_up();
        spawn_local(async move {
            let picked = read_files(&list).await;
            // Picking the same file again must fire `change` again.
            input.set_value("");
            then(picked).await;
        });
    }
}

#[component]
pub fn ImportBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let loaded = move || state.roster.with(Option::is_some);
    let replace = on_pick(move |picked| Box::pin(state.import_soon(picked)));
    let add = on_pick(move |picked| Box::pin(state.add_soon(picked)));
    let load_sample = move |_| {
        crate::worker::warm_up();
        spawn_local(async move { state.import_soon(fetch_sample().await).await })
    };

    let overview = move || {
        state.roster.with(|r| {
            let r = r.as_ref()?;
            let mut files: Vec<&str> = r.sources.iter().map(|s| s.file.as_str()).collect();
            files.dedup();
            let lang = lang();
            Some(crate::i18n::t(
                format!(
                    "{} tệp · {} người · {} cảnh báo",
                    num(files.len() as u32, lang),
                    num(r.people.len() as u32, lang),
                    num(r.warnings.len() as u32, lang)
                ),
                format!(
                    "{} file(s) · {} people · {} warnings",
                    num(files.len() as u32, lang),
                    num(r.people.len() as u32, lang),
                    num(r.warnings.len() as u32, lang)
                ),
            ))
        })
    };

    view! {
        <section
            class="import-bar"
            class:loaded=loaded
            aria-label=move || t("Nhập danh sách", "Import a roster")
        >
            // A click (on the input or a label for it) opens the browser's file chooser: the
            // worker is started then, while the person looks for the file.
            <input type="file" id="import-input" class="visually-hidden" multiple accept=ACCEPT
                data-testid="import-input" on:click=|_| crate::worker::warm_up() on:change=replace />
            <input type="file" id="import-add" class="visually-hidden" multiple accept=ACCEPT
                data-testid="import-add" on:click=|_| crate::worker::warm_up() on:change=add />
            <Show
                when=loaded
                fallback=move || view! {
                    <Show when=move || state.restoring.get().is_none() fallback=move || view! {
                        // The roster of the last visit is being read back (`AppState::restore`).
                        <div class="import-busy" role="status" data-testid="restoring">
                            <label for="restore-progress">{move || {
                                // The count once the roster's header is read.
                                match state.restoring.get().filter(|n| *n > 0) {
                                    Some(n) => {
                                        let people = num(n as u32, lang());
                                        t(
                                            format!("Đang mở lại danh sách đã lưu ({people} người)…"),
                                            format!("Opening the saved roster ({people} people)…"),
                                        )
                                    }
                                    None => t("Đang mở lại danh sách đã lưu…", "Opening the saved roster…").to_string(),
                                }
                            }}</label>
                            <progress id="restore-progress"></progress>
                        </div>
                    }>
                    <div class="import-actions">
                        <label for="import-input" class="button primary">
                            {move || t("Chọn tệp danh sách…", "Choose roster files…")}
                        </label>
                        <button type="button" class="button" data-testid="load-sample" on:click=load_sample>
                            {move || t("Dùng dữ liệu mẫu", "Use the sample data")}
                        </button>
                    </div>
                    <p class="hint">
                        {move || t(
                            "hoặc kéo thả tệp vào bất kỳ đâu trên trang. Đọc được Excel (.xlsx, .xlsm, .xlsb, .xls), OpenDocument (.ods) và CSV.",
                            "or drop files anywhere on the page. Reads Excel (.xlsx, .xlsm, .xlsb, .xls), OpenDocument (.ods) and CSV.",
                        )}
                    </p>
                    </Show>
                }
            >
                <div class="import-line">
                    <span class="import-overview" data-testid="import-overview">{overview}</span>
                    <label for="import-add" class="button small">{move || t("Thêm tệp", "Add files")}</label>
                    <button
                        type="button"
                        class="button small"
                        data-testid="import-open"
                        aria-controls=PANEL
                        aria-expanded=move || state.import_open.get().to_string()
                        on:click=move |_| state.import_open.update(|o| *o = !*o)
                    >
                        {move || t("Kiểm tra cách đọc tệp", "How the files were read")}
                    </button>
                    <label for="import-input" class="button small subtle">{move || t("Nhập lại", "Import anew")}</label>
                </div>
            </Show>
            <Show when=move || state.busy.get()>
                <div class="import-busy" role="status" data-testid="import-busy">
                    <label for="import-progress">{move || {
                        let lang = lang();
                        state.progress.with(|(_, activity)| activity.as_ref().map(|a| a.message(lang)))
                    }}</label>
                    <progress
                        id="import-progress"
                        max=crate::worker::PROGRESS_MAX
                        value=move || state.progress.with(|(stage, _)| *stage)
                    ></progress>
                    <button type="button" class="button small subtle" data-testid="import-cancel"
                        on:click=move |_| state.cancel_import()>
                        {move || t("Hủy", "Cancel")}
                    </button>
                </div>
            </Show>
        </section>
        <div id=PANEL class="import-panel" hidden=move || loaded() && !state.import_open.get()>
            <Summary />
            // Only once something was read or kept: a first visit fetches neither.
            <Show when=move || state.has_reading()>
                {crate::on_demand::shown(crate::on_demand::import_review)}
            </Show>
        </div>
    }
}

/// Opens the folded import area (the links beside the headline lead there).
pub fn open_panel(state: AppState) {
    state.import_open.set(true);
}
