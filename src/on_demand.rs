//! The screens a visit may never draw, each in a wasm chunk of its own, fetched the first
//! time it is shown (issue 12: the page's first load).
//!
//! With the `split` feature (the page's build in index.html), every screen below is a split
//! point of `wasm_split_helpers` (Leptos's `#[lazy]`, but fallible: a chunk that cannot be
//! fetched is a message, not a panic that stops the page). `cargo xtask split-page` then
//! moves each screen's own code into its chunk after Cargo has built the page. Without the
//! feature (the in-browser tests, the workers) each is an ordinary function.
//!
//! A chunk fetched once is kept: drawing the screen again is immediate.

use leptos::prelude::*;

use canbo_core::import::{Import, Overrides, SkippedRowsPart};

use crate::components::share::ShareState;
use crate::state::AppState;

use crate::i18n::t;

/// A chunk the browser could not fetch: the network is gone and the service worker does
/// not keep it yet (the first visit's), or the server no longer has it (a new version).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotFetched;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotFetched {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotFetched
    }
}

/// `$name`: an async function giving `$view` as an `AnyView`, from the chunk `$chunk` when
/// the page is split; with `prefetch $prefetch`, also an async function fetching the chunk
/// without drawing anything (nothing when the page is not split).
///
/// The second form, `fn $name(args) in $chunk -> $ret => $body`, is the same for code that
/// draws nothing (the worker's answer read back, `crate::worker`): an async function giving
/// `$body`, from the chunk when the page is split.
macro_rules! on_demand {
    ($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) in $chunk:ident $(, prefetch $prefetch:ident)? -> $ret:ty => $body:expr) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible
            $(, preload(#[doc = "Fetches the chunk, drawing nothing."] $prefetch))?
        )]
        pub fn $name($($arg: $ty),*) -> Result<$ret, NotFetched> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, NotFetched> {
            Ok($body)
        }

        $(
            /// Fetches the chunk, drawing nothing (nothing to fetch: the page is not split).
            #[cfg(not(feature = "split"))]
            pub async fn $prefetch() -> Result<(), NotFetched> {
                Ok(())
            }
        )?
    };
    ($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*) in $chunk:ident $(, prefetch $prefetch:ident)? => $view:expr) => {
        on_demand!(
            $(#[$doc])* fn $name($($arg: $ty),*) in $chunk $(, prefetch $prefetch)? -> AnyView
                => $view.into_any()
        );
    };
}

on_demand!(
    /// The report's sections after its headline figures: every import, kept roster and
    /// link shows them, so the chunk is fetched as soon as an import's worker has answered
    /// (`prefetch_report`).
    report_sections(follows: Signal<()>) in report, prefetch prefetch_report =>
        view! { <crate::components::report::ReportSections follows /> }
);
on_demand!(
    /// How the files were read (the import panel's review) and the values no table knew.
    import_review() in report => view! {
        <crate::components::ImportReview />
        <crate::components::UnreadValues />
    }
);
on_demand!(
    /// The share panel under the report.
    share_panel() in report => view! { <crate::components::share::SharePanel /> }
);
on_demand!(
    /// The staff list (its tab).
    people_page() in people => view! { <crate::components::people::PeoplePage /> }
);
on_demand!(
    /// The standards of each position (its tab).
    standards_page() in standards => view! { <crate::components::standards::StandardsPage /> }
);
on_demand!(
    /// The retirement forecast (its tab).
    retirement_page() in retirement => view! { <crate::components::retirement::RetirementPage /> }
);
on_demand!(
    /// A report opened from a link.
    shared_view() in report => view! { <crate::components::share::SharedView /> }
);
on_demand!(
    /// Combining links into one report: the folded panel's body.
    combine_form() in tools => view! { <crate::components::share::CombineForm /> }
);
on_demand!(
    /// Roster packages: the folded panel's body.
    package_form() in tools => view! { <crate::components::share::PackageForm /> }
);
on_demand!(
    /// The report's saved snapshots.
    snapshots() in report => view! { <crate::components::Snapshots /> }
);
on_demand!(
    /// «Xóa toàn bộ dữ liệu» and its question.
    data_menu() in report => view! { <crate::components::DataMenu /> }
);

on_demand!(
    /// The import worker's answer read back (`crate::worker::run`): what each file showed,
    /// as JSON. serde's code for every report, warning and refusal is in a chunk of its own,
    /// `answer` (69 KiB brotli with what it shares), fetched while the worker reads
    /// (`prefetch_answer`); the report's sections, six times as large, only once the worker
    /// has answered, so that on a slow line the figures wait for the worker alone.
    fn read_import(json: Vec<u8>) in answer, prefetch prefetch_answer -> Result<Import, String> =>
        serde_json::from_slice::<Import>(&json).map_err(|e| e.to_string())
);
on_demand!(
    /// The headline figures the import worker sends ahead of its roster
    /// (`crate::state::AppState::report_ahead`), read back from their JSON.
    fn read_report(json: Vec<u8>) in answer -> Result<canbo_core::report::Report, String> =>
        serde_json::from_slice(&json).map_err(|e| e.to_string())
);
on_demand!(
    /// The roster the import worker sent as columns (`crate::worker`), read back a slice of
    /// people at a time and coded for the report (`crate::in_slices::read`): the columns'
    /// decoding, with the JSON of their dictionaries, is in the answer's chunk with the rest
    /// of the answer.
    fn read_roster(columns: Vec<u8>) in answer -> ReadingRoster => Box::pin(async move {
        crate::in_slices::read(&columns).await.map_err(|e| e.to_string())
    })
);

/// The roster being read back from the import worker's columns, and coded for the report
/// ([`read_roster`]); why not.
pub type ReadingRoster = std::pin::Pin<
    Box<
        dyn std::future::Future<
            Output = Result<(canbo_core::roster::Roster, canbo_core::report::Coded), String>,
        >,
    >,
>;

on_demand!(
    /// A part of the import's skipped rows read back into `import`; false if it names a
    /// sheet the import does not have.
    fn put_back_skipped_rows(import: Import, json: Vec<u8>) in answer -> Result<Import, String> => {
        let mut import = import;
        match serde_json::from_slice::<SkippedRowsPart>(&json) {
            Ok(part) => match import.put_back(part) {
                true => Ok(import),
                false => Err("skipped rows of no sheet".to_string()),
            },
            Err(error) => Err(error.to_string()),
        }
    }
);

// What the browser's storage keeps (`crate::storage`), read and written only through these:
// its serde code (the stored state's JSON, the roster's columns, deflating them) is not in
// the first load. A first visit with nothing kept fetches the chunk only when it first keeps
// something; a visit with data kept fetches it at start (from the service worker's cache).
on_demand!(
    /// What the last visit kept, read back at start ([`crate::state::AppState::read_kept`]).
    fn read_kept(state: AppState) in kept -> () => state.read_kept()
);
on_demand!(
    /// The settings on screen written to storage ([`crate::state::AppState::persist`]).
    fn persist(state: AppState) in kept -> () => state.persist(&state.saved_untracked())
);
on_demand!(
    /// The roster on screen kept, as the import worker packed it.
    fn keep_roster(state: AppState, packed: String) in kept -> () =>
        state.keep_roster(&packed, false)
);
on_demand!(
    /// The roster on screen packed here and kept (`derived`: see `AppState::keep_roster`).
    fn pack_and_keep_roster(state: AppState, derived: bool) in kept -> () =>
        state.pack_and_keep_roster(derived)
);
on_demand!(
    /// Another tab wrote the storage key `key` (`None`: it cleared the storage).
    fn other_tab_stored(state: AppState, key: Option<String>) in kept -> () =>
        state.other_tab_stored(key.as_deref())
);
on_demand!(
    /// The user's corrections as the import worker reads them (JSON).
    fn overrides_json(overrides: Overrides) in kept -> String =>
        serde_json::to_string(&overrides).unwrap_or_default()
);
on_demand!(
    /// A link in the address (`#r1.…`) opened: read, checked and shown.
    fn open_link(share: ShareState, link: String) in report -> () => share.open(&link)
);

/// Runs `work` (a call of a function above) at once when its chunk is there (always when
/// the page is not split), else when it has arrived; `not_fetched` if it cannot be fetched.
pub fn now_or_soon<F>(work: F, not_fetched: impl FnOnce() + 'static)
where
    F: std::future::Future<Output = Result<(), NotFetched>> + 'static,
{
    let mut work = Box::pin(work);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match work.as_mut().poll(&mut context) {
        std::task::Poll::Ready(Ok(())) => {}
        std::task::Poll::Ready(Err(NotFetched)) => not_fetched(),
        std::task::Poll::Pending => wasm_bindgen_futures::spawn_local(async move {
            if work.await.is_err() {
                not_fetched();
            }
        }),
    }
}

/// What `screen` gives, drawn as soon as its chunk is there (at once once fetched); if the
/// chunk cannot be fetched, why, with «Thử lại» asking for it again.
pub fn shown<F, Fut>(screen: F) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, NotFetched>> + 'static,
{
    shown_or(screen, || ())
}

/// [`shown`], with `waiting` in the screen's place until its chunk is there (the report's
/// sections marked busy, so that a check waiting for them does not find them missing).
pub fn shown_or<F, Fut, W, V>(screen: F, waiting: W) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, NotFetched>> + 'static,
    W: Fn() -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let fetching = send_wrapper::SendWrapper::new(screen());
        // Gone once the screen is drawn in its place (a chunk already fetched: at once).
        let pending = RwSignal::new(true);
        let screen = Suspend::new(async move {
            let view = match fetching.await {
                Ok(view) => view,
                Err(NotFetched) => not_fetched(attempt).into_any(),
            };
            pending.set(false);
            view
        });
        view! { {move || pending.get().then(waiting)} {screen} }
    }
}

/// A chunk not fetched: why, and «Thử lại» (`attempt` counts the tries).
fn not_fetched(attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="import-error" role="alert" data-testid="not-fetched">
            <div class="import-error-text">
                <p class="import-error-title">
                    {move || t("Không tải được phần này của Canbo", "This part of Canbo could not be loaded")}
                </p>
                <p>
                    {move || t(
                        "Máy chưa có phần này và không lấy được qua mạng. Hãy kiểm tra kết nối rồi bấm «Thử lại», hoặc tải lại trang.",
                        "This computer does not have it yet and could not fetch it. Check the connection and press “Try again”, or reload the page.",
                    )}
                </p>
            </div>
            <button
                type="button"
                class="button"
                data-testid="not-fetched-retry"
                on:click=move |_| attempt.update(|n| *n += 1)
            >
                {move || t("Thử lại", "Try again")}
            </button>
        </div>
    }
}

/// A panel folded on the first screen (`<details>`, its heading in the summary) whose body
/// comes from a chunk fetched the first time the panel is unfolded, or shown open (`open`).
/// Folded again and unfolded, it keeps the body it had.
#[component]
pub fn Folded<F, Fut>(
    /// The `<details>`' classes.
    class: &'static str,
    /// Its `id`, for links to it.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The summary's `data-testid`.
    toggle: &'static str,
    /// The heading, in Vietnamese and in English.
    heading: (&'static str, &'static str),
    /// Shown open while true.
    #[prop(into, optional)]
    open: Option<Signal<bool>>,
    /// The body.
    body: F,
) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, NotFetched>> + 'static,
{
    let unfolded = RwSignal::new(false);
    // Set once: setting it again would draw a new body, losing what was typed in it.
    let unfold = move || {
        if !unfolded.get_untracked() {
            unfolded.set(true);
        }
    };
    let open = move || open.is_some_and(|open| open.get());
    Effect::new(move |_| {
        if open() {
            unfold();
        }
    });
    let details = NodeRef::<leptos::html::Details>::new();
    view! {
        <details
            class=class
            id=id
            node_ref=details
            prop:open=open
            on:toggle=move |_| {
                if details.get_untracked().is_some_and(|d| d.open()) {
                    unfold();
                }
            }
        >
            <summary data-testid=toggle>
                <h2 class="small-heading">{move || t(heading.0, heading.1)}</h2>
            </summary>
            {move || unfolded.get().then(|| shown(body))}
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::AppState;
    use crate::test_support::{mount, until};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::wasm_bindgen_test;

    async fn ready(text: &'static str) -> Result<AnyView, NotFetched> {
        Ok(view! { <p class="body">{text}</p> }.into_any())
    }

    #[wasm_bindgen_test]
    async fn a_screen_already_fetched_draws_at_once_and_one_not_fetched_says_so_and_is_asked_again()
    {
        let root = mount(AppState::empty(), || shown(|| ready("here")));
        assert_eq!(
            root.text_content().unwrap_or_default(),
            "here",
            "drawn at once"
        );

        let asked = RwSignal::new(0);
        let root = mount(AppState::empty(), move || {
            shown(move || {
                asked.update(|n| *n += 1);
                let first = asked.get_untracked() == 1;
                async move {
                    // Not fetched the first time, as when the network is gone.
                    crate::turns::let_the_browser_draw().await;
                    if first {
                        Err(NotFetched)
                    } else {
                        ready("again").await
                    }
                }
            })
        });
        assert_eq!(
            root.text_content().unwrap_or_default(),
            "",
            "nothing while fetching"
        );
        until(|| {
            root.query_selector("[data-testid=not-fetched]")
                .ok()
                .flatten()
                .is_some()
        })
        .await;
        assert!(root
            .text_content()
            .unwrap_or_default()
            .contains("Không tải được phần này của Canbo"));
        let retry: web_sys::HtmlElement = root
            .query_selector("[data-testid=not-fetched-retry]")
            .unwrap()
            .unwrap()
            .unchecked_into();
        retry.click();
        until(|| root.query_selector(".body").ok().flatten().is_some()).await;
        assert_eq!(asked.get_untracked(), 2);
        assert!(root
            .query_selector("[data-testid=not-fetched]")
            .unwrap()
            .is_none());
    }

    #[wasm_bindgen_test]
    async fn a_folded_panel_fetches_its_body_when_first_unfolded_and_keeps_it() {
        let asked = RwSignal::new(0);
        let body = move || {
            asked.update(|n| *n += 1);
            ready("body")
        };
        let root = mount(AppState::empty(), move || {
            view! { <Folded class="panel" toggle="toggle" heading=("Gộp", "Combine") body /> }
        });
        let details: web_sys::HtmlDetailsElement = root
            .query_selector("details")
            .unwrap()
            .unwrap()
            .unchecked_into();
        assert!(root.text_content().unwrap_or_default().contains("Gộp"));
        assert_eq!(asked.get_untracked(), 0, "nothing fetched while folded");
        assert!(root.query_selector(".body").unwrap().is_none());

        details.set_open(true);
        until(|| root.query_selector(".body").ok().flatten().is_some()).await;
        details.set_open(false);
        crate::turns::let_the_browser_draw().await;
        details.set_open(true);
        crate::turns::let_the_browser_draw().await;
        assert_eq!(
            asked.get_untracked(),
            1,
            "the body is kept, not fetched again"
        );

        // Shown open (a combined link): the body comes without a click.
        let open = RwSignal::new(false);
        let root = mount(AppState::empty(), move || {
            view! { <Folded class="panel" toggle="toggle" heading=("Gộp", "Combine") open body /> }
        });
        assert!(root.query_selector(".body").unwrap().is_none());
        open.set(true);
        until(|| root.query_selector(".body").ok().flatten().is_some()).await;
        assert_eq!(asked.get_untracked(), 2);
    }
}
