//! Sharing (docs/SHARING.md): the link of the report on screen, opening a link someone sent
//! (read-only, the user's own data untouched), combining links, and roster packages.
//!
//! Every link is made and read by `canbo_core::share`; the page only asks and shows.

mod combine;
pub(crate) mod link;
mod package;
mod panel;
mod view;

use canbo_core::report::Report;
use canbo_core::share::{self, Hidden, LinkKind, Shared};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use combine::CombineForm;
pub use package::PackageForm;
pub use panel::SharePanel;
pub use view::SharedView;

use canbo_core::Text;

/// A report opened from a link, and what went wrong opening one.
#[derive(Clone, Copy)]
pub struct ShareState {
    /// The shared report on screen instead of the user's own; `None`: the user's data.
    pub viewing: RwSignal<Option<Shared>>,
    /// A locked link waiting for its passphrase.
    pub locked: RwSignal<Option<String>>,
    /// Why the last link could not be opened (nothing else changed).
    pub error: RwSignal<Option<Text>>,
    /// The link text (`r1.…`) of the report viewed, to combine it or send it on.
    pub link: RwSignal<String>,
}

/// Put in context under a shared report: figures that would list people do not, and say why;
/// the counts the sender hid show as «<3».
#[derive(Clone)]
pub struct ReadOnly {
    pub hidden: Hidden,
}

/// «<3» for figure `stat` of the unit keyed `unit_key` when the shared report on screen hid
/// it; `None` for a figure shown as it is (and outside a shared report).
pub fn hidden_in_unit(report: &Report, unit_key: &str, stat: &str) -> Option<String> {
    let read_only = use_context::<ReadOnly>()?;
    if read_only.hidden.is_empty() {
        return None;
    }
    let i = report
        .units
        .iter()
        .position(|u| canbo_core::roster::unit_key(&u.unit) == unit_key)?;
    read_only.hidden.unit(i, stat).then(|| {
        read_only
            .hidden
            .shown(&format!("units.{i}.{stat}"), 0)
            .to_string()
    })
}

impl ReadOnly {
    pub fn reason() -> &'static str {
        crate::i18n::t(
            "Báo cáo được chia sẻ không có danh sách người: không xem được ai đứng sau số này.",
            "A shared report holds no list of people: who is behind this figure cannot be shown.",
        )
    }
}

impl ShareState {
    /// The state in context; opens the link of the address, and any link pasted into the
    /// address bar later.
    pub fn provide() -> ShareState {
        let share = ShareState {
            viewing: RwSignal::new(None),
            locked: RwSignal::new(None),
            error: RwSignal::new(None),
            link: RwSignal::new(String::new()),
        };
        provide_context(share);
        share.open_hash();
        let on_hash = Closure::<dyn FnMut()>::new(move || share.open_hash());
        window().set_onhashchange(Some(on_hash.as_ref().unchecked_ref()));
        on_hash.forget();
        share
    }

    /// Opens the address's fragment when it is a link (`#r1.…`); other fragments are the
    /// page's own anchors.
    fn open_hash(&self) {
        let hash = window().location().hash().unwrap_or_default();
        if is_link_fragment(&hash) {
            // Read with the report's code (`on_demand::open_link`), fetched for it.
            let share = *self;
            crate::on_demand::now_or_soon(crate::on_demand::open_link(share, hash), move || {
                share.error.set(Some(canbo_core::Text::new(
                    "Không tải được phần của Canbo dùng để mở liên kết (mạng bị ngắt?). Hãy kiểm tra kết nối rồi tải lại trang.",
                    "The part of Canbo that opens links could not be loaded (is the network down?). Check the connection and reload the page.",
                )))
            });
        }
    }

    /// Opens a link: a plain one at once, a locked one after its passphrase. A link that
    /// cannot be read changes nothing but the message.
    pub fn open(&self, text: &str) {
        match share::kind(text) {
            Ok(LinkKind::Plain) => match share::decode(text) {
                Ok(shared) => self.show(shared, text),
                Err(e) => self.error.set(Some(crate::i18n::both(|l| e.message(l)))),
            },
            Ok(LinkKind::Locked) => {
                self.error.set(None);
                self.viewing.set(None);
                self.locked.set(Some(text.to_string()));
            }
            Err(e) => self.error.set(Some(crate::i18n::both(|l| e.message(l)))),
        }
    }

    /// Opens the locked link waiting with `passphrase`; a wrong one says so and waits on.
    pub fn unlock(&self, passphrase: &str) {
        let Some(text) = self.locked.get_untracked() else {
            return;
        };
        match share::decode_locked(&text, passphrase) {
            Ok(shared) => self.show(shared, &text),
            Err(e) => self.error.set(Some(crate::i18n::both(|l| e.message(l)))),
        }
    }

    /// Shows `shared` read-only. `text` is the link it came from.
    pub fn show(&self, shared: Shared, text: &str) {
        self.error.set(None);
        self.locked.set(None);
        self.link.set(link::fragment_of(text));
        self.viewing.set(Some(shared));
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// «Về dữ liệu của tôi»: the user's own report again, and an address without the link.
    pub fn leave(&self) {
        self.viewing.set(None);
        self.locked.set(None);
        self.error.set(None);
        self.link.set(String::new());
        let location = window().location();
        let plain = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&plain));
        }
    }

    pub fn is_open(&self) -> bool {
        self.viewing.with(Option::is_some) || self.locked.with(Option::is_some)
    }
}

/// `#r1.…`, `#r1e.…`, or a link of a later version (`#r2.…`), which the core names.
fn is_link_fragment(hash: &str) -> bool {
    let rest = hash.trim_start_matches('#');
    rest.starts_with('r') && rest[1..].starts_with(|c: char| c.is_ascii_digit())
}

/// Why the last link could not be opened: `[data-testid=share-error]`.
#[component]
pub fn ShareError() -> impl IntoView {
    let share = expect_context::<ShareState>();
    move || {
        share.error.get().map(|msg| {
            view! {
                <div class="import-error share-error" role="alert" data-testid="share-error">
                    <div class="import-error-text">
                        <p class="import-error-title">
                            {move || crate::i18n::t("Không mở được liên kết", "The link cannot be opened")}
                        </p>
                        <p>{move || msg.get(crate::i18n::lang()).to_string()}</p>
                    </div>
                    <button
                        type="button"
                        class="button small subtle"
                        data-testid="share-error-dismiss"
                        on:click=move |_| share.error.set(None)
                    >
                        {move || crate::i18n::t("Đóng", "Close")}
                    </button>
                </div>
            }
        })
    }
}
