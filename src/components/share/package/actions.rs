//! What the package panel does: pack the user's data into a `.canbo` file, open one, and
//! adopt what it holds (once the user agrees to replace a roster).

use canbo_core::export::Lang;
use canbo_core::roster::Roster;
use canbo_core::share::package::{self, EXTENSION};
use canbo_core::share::{PackageContent, RANDOM_BYTES};
use canbo_core::store::columnar;
use canbo_core::Text;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::super::link;
use super::Package;
use crate::download::save;
use crate::files::read_files;
use crate::i18n::num;
use crate::settings::today;
use crate::worker::export::{self, PackRequest, Request};

fn need_passphrase() -> Text {
    Text::new(
        "Hãy nhập mật khẩu của gói dữ liệu.",
        "Enter the data package's passphrase.",
    )
}

impl Package {
    /// Packs the roster, corrections, settings, snapshots and rule sets (sealed in the
    /// download worker), and downloads it.
    pub(super) fn export(self) {
        let state = self.state;
        self.done.set(None);
        let pass = self.passphrase.get_untracked();
        if pass.is_empty() {
            self.error.set(Some(need_passphrase()));
            return;
        }
        let Some(people) = state
            .roster
            .with_untracked(|r| r.as_ref().map(|r| r.people.len()))
        else {
            return;
        };
        let content = PackageContent {
            roster: Roster::default(),
            overrides: state.overrides.get_untracked(),
            settings: state.settings.get_untracked(),
            snapshots: state.snapshots.get_untracked(),
            rule_sets: state.rule_sets.get_untracked(),
        };
        let random = match link::random_bytes::<RANDOM_BYTES>() {
            Ok(random) => random,
            Err(msg) => return self.error.set(Some(msg)),
        };
        let request = PackRequest {
            content,
            passphrase: pass,
            random,
        };
        self.working.set(Some(Text::new(
            "Đang đóng gói dữ liệu…",
            "Packing the data…",
        )));
        leptos::task::spawn_local(async move {
            let columns = match crate::in_slices::encode(state).await {
                Some(Ok(columns)) => Ok(columns),
                Some(Err(e)) => Err(Text::new(
                    format!("Không đóng gói được danh sách ({e})."),
                    format!("The roster could not be packed ({e})."),
                )),
                None => Err(Text::new(
                    "Danh sách đã thay đổi trong khi đóng gói: hãy xuất gói lại.",
                    "The roster changed while it was packed: export the package again.",
                )),
            };
            let sealed = match columns {
                Ok(columns) => sealed(request, columns).await,
                Err(msg) => Err(msg),
            };
            let result = sealed.and_then(|bytes| {
                let name = format!("du-lieu-canbo-{}.{EXTENSION}", today());
                save(&name, "application/octet-stream", &bytes)
                    .map_err(|e| Text::new(e.clone(), e))?;
                Ok(name)
            });
            self.working.set(None);
            match result {
                Ok(name) => {
                    self.error.set(None);
                    self.done.set(Some(Text::new(
                        format!(
                            "Đã tạo «{name}» ({} người). Gửi kèm mật khẩu theo đường khác.",
                            num(people as u32, Lang::Vi)
                        ),
                        format!(
                            "Made “{name}” ({} people). Send the passphrase another way.",
                            num(people as u32, Lang::En)
                        ),
                    )));
                }
                Err(msg) => self.error.set(Some(msg)),
            }
        });
    }

    /// Puts the package's data in place of the user's: its roster coded a slice at a time,
    /// then shown and stored (as the download worker sealed it for storage, if it did).
    pub(super) fn adopt(self, opened: Opened) {
        let people = opened.content.roster.people.len() as u32;
        self.error.set(None);
        self.working.set(Some(Text::new(
            "Đang nhập gói dữ liệu…",
            "Importing the data package…",
        )));
        leptos::task::spawn_local(async move {
            self.state
                .adopt_package(opened.content, opened.stored, opened.coded)
                .await;
            self.working.set(None);
            self.done.set(Some(Text::new(
                format!("Đã nhập gói dữ liệu: {} người.", num(people, Lang::Vi)),
                format!("Package imported: {} people.", num(people, Lang::En)),
            )));
        });
    }

    /// Opens the file picked in the input of `ev`; asks first when a roster would be replaced.
    pub(super) fn import(self, ev: leptos::ev::Event) {
        let input: HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let pass = self.passphrase.get_untracked();
        self.done.set(None);
        self.pending.set(None);
        leptos::task::spawn_local(async move {
            let picked = read_files(&list).await;
            input.set_value("");
            let Some(file) = picked.files.into_iter().next() else {
                let (vi, en): (Vec<_>, Vec<_>) =
                    picked.unreadable.into_iter().map(|t| (t.vi, t.en)).unzip();
                self.error.set(Some(Text::new(vi.join(" "), en.join(" "))));
                return;
            };
            if pass.is_empty() {
                self.error.set(Some(need_passphrase()));
                return;
            }
            self.working.set(Some(Text::new(
                "Đang mở gói dữ liệu…",
                "Opening the data package…",
            )));
            let opened = opened(file.bytes, pass).await;
            self.working.set(None);
            match opened {
                Err(msg) => self.error.set(Some(msg)),
                Ok(opened) => {
                    self.error.set(None);
                    if self.state.roster.with_untracked(Option::is_some) {
                        self.pending.set(Some(opened));
                    } else {
                        self.adopt(opened);
                    }
                }
            }
        });
    }
}

/// The package of `request` with the roster in `columns` (`in_slices::encode`), sealed in
/// the download worker: at a province, writing the roster's JSON, deflating and sealing it
/// held the page for seconds. Where no worker starts, it is sealed here, of the roster the
/// columns read back (the worker's as well).
async fn sealed(request: PackRequest, columns: Vec<u8>) -> Result<Vec<u8>, Text> {
    let asked = Request::Pack(request.clone());
    let why = match export::build_with(&asked, Some(&columns))
        .await
        .and_then(export::result_of::<()>)
    {
        Ok(export::Answered {
            result: Ok(()),
            beside: Some(file),
            ..
        }) => return Ok(file),
        Ok(export::Answered {
            result: Err(msg), ..
        }) => return Err(msg),
        Ok(_) => "no package from the worker".to_string(),
        Err(why) => why,
    };
    leptos::logging::warn!("the package is sealed on the page: {why}");
    let roster = columnar::decode(&columns).map_err(|e| Text::new(e.to_string(), e.to_string()))?;
    request.pack(roster)
}

/// A package opened: what it holds, and its roster as local storage keeps it
/// (`crate::storage::seal_roster`) when the download worker sealed it.
pub(super) struct Opened {
    pub content: PackageContent,
    pub stored: Option<String>,
    /// Its roster coded for the report, when it was read back from its columns.
    pub coded: Option<canbo_core::report::Coded>,
}

/// The package in `file` opened with `passphrase` in the download worker (inflating and
/// reading a province's JSON held the page for seconds), its roster read back a slice at
/// a time; opened here where no worker starts.
async fn opened(file: Vec<u8>, passphrase: String) -> Result<Opened, Text> {
    let request = Request::Unpack {
        passphrase: passphrase.clone(),
    };
    let why = match export::build_with(&request, Some(&file))
        .await
        .and_then(export::result_of::<PackageContent>)
    {
        Ok(export::Answered {
            result: Err(msg), ..
        }) => return Err(msg),
        Ok(export::Answered {
            result: Ok(mut content),
            beside: Some(columns),
            text: stored,
        }) => {
            return match crate::in_slices::read(&columns).await {
                Ok((roster, coded)) => {
                    content.roster = roster;
                    Ok(Opened {
                        content,
                        stored,
                        coded: Some(coded),
                    })
                }
                Err(e) => Err(Text::new(
                    format!("Không đọc được danh sách trong gói dữ liệu ({e})."),
                    format!("The package's roster could not be read ({e})."),
                )),
            };
        }
        Ok(_) => "no roster from the worker".to_string(),
        Err(why) => why,
    };
    leptos::logging::warn!("the package is opened on the page: {why}");
    let content =
        package::unpack(&file, &passphrase).map_err(|e| crate::i18n::both(|l| e.message(l)))?;
    Ok(Opened {
        content,
        stored: None,
        coded: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::sample_roster_of;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// Where no download worker starts (the tests serve none), a package is sealed and
    /// opened on the page, and the roster comes back whole.
    #[wasm_bindgen_test]
    async fn a_package_is_sealed_and_opened_on_the_page_when_no_worker_starts() {
        let roster = sample_roster_of(300);
        let request = PackRequest {
            content: PackageContent::default(),
            passphrase: "gói của xã".into(),
            random: [3; RANDOM_BYTES],
        };
        let columns = columnar::encode(&roster).unwrap();
        let file = sealed(request, columns).await.unwrap();
        let opened_here = opened(file.clone(), "gói của xã".into()).await.unwrap();
        assert!(opened_here.content.roster == roster, "the roster back");
        assert!(
            opened_here.stored.is_none(),
            "the page stores what it adopts itself"
        );
        let wrong = opened(file, "gói của huyện".into()).await.err().unwrap();
        assert!(wrong.vi.contains("mật khẩu"), "{wrong:?}");
    }
}
