//! Rule sets as JSON files: the set in use downloaded, sets read from a file the user picks
//! (`RuleSet::from_json`: all of them valid, or none taken).

use canbo_core::standards::{keep, RuleSet};
use canbo_core::Text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

use super::Tools;
use crate::download::save;
use crate::files::read_files;
use crate::i18n::both;

impl Tools {
    /// Downloads the set in use as `<id>.json`.
    pub(super) fn export(self) {
        let Some(set) = self.sets.current.get_untracked() else {
            return;
        };
        match save(
            &format!("{}.json", set.id),
            crate::download::JSON,
            set.to_json().as_bytes(),
        ) {
            Ok(()) => self.say(Text::new(
                format!("Đã tải xuống {}.json.", set.id),
                format!("Downloaded {}.json.", set.id),
            )),
            Err(e) => self.error.set(Some(Text::new(
                format!("Không tải xuống được: {e}"),
                format!("Could not download: {e}"),
            ))),
        }
    }

    /// Reads the file picked in the input of `ev`; its sets join the user's, the first in use.
    pub(super) fn import(self, ev: leptos::ev::Event) {
        let input: HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        spawn_local(async move {
            let picked = read_files(&list).await;
            // Picking the same file again must fire `change` again.
            input.set_value("");
            let Some(file) = picked.files.into_iter().next() else {
                if !picked.unreadable.is_empty() {
                    let (vi, en): (Vec<_>, Vec<_>) =
                        picked.unreadable.into_iter().map(|t| (t.vi, t.en)).unzip();
                    self.error
                        .set(Some(Text::new(vi.join("; "), en.join("; "))));
                }
                return;
            };
            match parse(&file.name, file.bytes) {
                Err(msg) => {
                    self.status.set(None);
                    self.error.set(Some(msg));
                }
                Ok(new) => self.adopt(new),
            }
        });
    }

    /// Keeps the sets read, uses the first, and says which were read.
    fn adopt(self, new: Vec<RuleSet>) {
        let names: Vec<String> = new.iter().map(|s| format!("«{}»", s.name)).collect();
        let first = new.first().map(|s| s.id.clone()).unwrap_or_default();
        self.state.rule_sets.update(|u| {
            for set in new {
                keep(u, set);
            }
        });
        self.sets.pick(&first);
        self.draft.set(None);
        self.say(Text::new(
            format!(
                "Đã nhập {} bộ tiêu chuẩn: {}.",
                names.len(),
                names.join(", ")
            ),
            format!(
                "Imported {} rule set(s): {}.",
                names.len(),
                names.join(", ")
            ),
        ));
    }
}

/// The sets of a file, or why it holds none, named by the file.
fn parse(name: &str, bytes: Vec<u8>) -> Result<Vec<RuleSet>, Text> {
    match String::from_utf8(bytes) {
        Ok(text) => {
            RuleSet::from_json(&text).map_err(|e| both(|l| format!("{name}: {}", e.message(l))))
        }
        Err(_) => Err(Text::new(
            format!("{name}: tệp không phải văn bản UTF-8, không phải tệp JSON."),
            format!("{name}: not UTF-8 text, so not a JSON file."),
        )),
    }
}
