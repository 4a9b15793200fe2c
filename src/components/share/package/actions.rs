//! What the package panel does: pack the user's data into a `.canbo` file, open one, and
//! adopt what it holds (once the user agrees to replace a roster).

use canbo_core::export::Lang;
use canbo_core::share::package::{self, EXTENSION};
use canbo_core::share::{PackageContent, RANDOM_BYTES};
use canbo_core::Text;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::super::link;
use super::Package;
use crate::download::save;
use crate::files::read_files;
use crate::i18n::num;
use crate::settings::today;

fn need_passphrase() -> Text {
    Text::new(
        "Hãy nhập mật khẩu của gói dữ liệu.",
        "Enter the data package's passphrase.",
    )
}

impl Package {
    /// Packs the roster, corrections, settings, snapshots and rule sets, and downloads it.
    pub(super) fn export(self) {
        let state = self.state;
        self.done.set(None);
        let pass = self.passphrase.get_untracked();
        if pass.is_empty() {
            self.error.set(Some(need_passphrase()));
            return;
        }
        let content = PackageContent {
            roster: state.roster.get_untracked().unwrap_or_default(),
            overrides: state.overrides.get_untracked(),
            settings: state.settings.get_untracked(),
            snapshots: state.snapshots.get_untracked(),
            rule_sets: state.rule_sets.get_untracked(),
        };
        let people = content.roster.people.len();
        let result = link::random_bytes::<RANDOM_BYTES>().and_then(|random| {
            let bytes = package::pack(&content, &pass, &random)
                .map_err(|e| crate::i18n::both(|l| e.message(l)))?;
            let name = format!("du-lieu-canbo-{}.{EXTENSION}", today());
            save(&name, "application/octet-stream", &bytes).map_err(|e| Text::new(e.clone(), e))?;
            Ok(name)
        });
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
    }

    /// Puts the package's data in place of the user's.
    pub(super) fn adopt(self, content: PackageContent) {
        let people = content.roster.people.len() as u32;
        self.state.adopt_package(content);
        self.error.set(None);
        self.done.set(Some(Text::new(
            format!("Đã nhập gói dữ liệu: {} người.", num(people, Lang::Vi)),
            format!("Package imported: {} people.", num(people, Lang::En)),
        )));
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
            match package::unpack(&file.bytes, &pass) {
                Err(e) => self.error.set(Some(crate::i18n::both(|l| e.message(l)))),
                Ok(content) => {
                    self.error.set(None);
                    if self.state.roster.with_untracked(Option::is_some) {
                        self.pending.set(Some(content));
                    } else {
                        self.adopt(content);
                    }
                }
            }
        });
    }
}
