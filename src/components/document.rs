//! The official document: who sends it (the settings «Tên cơ quan», «Cơ quan cấp trên»,
//! «Địa danh», «Người ký», «Chức vụ người ký», kept with the other settings in local storage),
//! «Tải báo cáo (.docx)», and the same heading on the printed page.
//!
//! The .docx is written by the core (`export::docx`, ND 30/2020 layout) in the import worker
//! (`worker::export`), so its writer is not in the page's wasm.

use canbo_core::date::Date;
use canbo_core::export::docx::{date_line, DocumentSettings};
use canbo_core::export::Lang;
use leptos::prelude::*;

use super::prose::{current_prose, Sections};
use crate::download::save;
use crate::i18n::t;
use crate::settings::{today, Settings};
use crate::state::AppState;
use crate::worker::export::{build, Request};
use canbo_core::Text;

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The settings: (key in `AppState::settings`, `data-testid`, label vi, label en, example).
const FIELDS: [(&str, &str, &str, &str, &str); 6] = [
    (
        "doc.agency",
        "doc-agency",
        "Tên cơ quan",
        "Agency",
        "Phòng Nội vụ",
    ),
    (
        "doc.superior",
        "doc-superior",
        "Cơ quan cấp trên",
        "Superior agency",
        "UBND huyện Mẫu Sơn",
    ),
    ("doc.place", "doc-place", "Địa danh", "Place", "Mẫu Sơn"),
    (
        "doc.signer",
        "doc-signer",
        "Người ký",
        "Signer",
        "Nguyễn Văn An",
    ),
    (
        "doc.signer_post",
        "doc-signer-post",
        "Chức vụ người ký",
        "Signer's post",
        "Trưởng phòng",
    ),
    (
        "doc.number",
        "doc-number",
        "Số, ký hiệu",
        "Number",
        "15/BC-PNV",
    ),
];

/// The document settings the user gave (tracked).
pub fn document_settings(state: AppState) -> DocumentSettings {
    state.settings.with(|m| {
        let get = |key: &str| m.get(key).cloned().unwrap_or_default();
        DocumentSettings {
            agency: get("doc.agency"),
            superior: get("doc.superior"),
            place: get("doc.place"),
            signer: get("doc.signer"),
            signer_post: get("doc.signer_post"),
            number: Some(get("doc.number")).filter(|n| !n.trim().is_empty()),
            recipients: Vec::new(),
        }
    })
}

/// The day the document is dated: today, as the CLI's default.
fn signing_date() -> Date {
    today()
}

#[component]
pub fn DocumentSettingsForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let inputs = FIELDS
        .into_iter()
        .map(|(key, testid, vi, en, example)| {
            let value = move || {
                state
                    .settings
                    .with(|m| m.get(key).cloned().unwrap_or_default())
            };
            let set = move |ev: leptos::ev::Event| {
                let text = event_target_value(&ev);
                state.settings.update(|m| {
                    if text.trim().is_empty() {
                        m.remove(key);
                    } else {
                        m.insert(key.to_string(), text);
                    }
                });
            };
            let id = format!("doc-field-{testid}");
            let field = if key == "doc.signer_post" {
                // A line break gives two lines ("KT. TRƯỞNG PHÒNG" over "PHÓ TRƯỞNG PHÒNG").
                view! {
                    <textarea id=id.clone() rows="2" data-testid=testid placeholder=example
                        prop:value=value on:change=set></textarea>
                }
                .into_any()
            } else {
                view! {
                    <input id=id.clone() type="text" data-testid=testid placeholder=example
                        prop:value=value on:change=set />
                }
                .into_any()
            };
            view! {
                <label for=id>{move || t(vi, en)}</label>
                {field}
            }
        })
        .collect_view();
    view! {
        <details class="doc-settings no-print" data-testid="doc-settings">
            <summary>{move || t("Thông tin trên văn bản (.docx và bản in)", "Document details (.docx and print)")}</summary>
            <p class="hint">
                {move || t(
                    "Để trống ô nào thì văn bản để dấu chấm cho điền tay. Được lưu trong trình duyệt này.",
                    "A field left empty is dots to fill in by hand. Kept in this browser.",
                )}
            </p>
            <div class="doc-fields">{inputs}</div>
        </details>
    }
}

/// «Tải báo cáo (.docx)»: the report and its text with the `sections` asked for (the button
/// waits while one is computed again).
#[component]
pub fn DocumentButton(sections: Sections) -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = expect_context::<Settings>();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Text>);
    let download = move |_| {
        let request = untrack(|| {
            let report = s.report.get()?;
            // The document is in the state's language, whatever the page shows.
            let prose = current_prose(state, s, crate::turns::Turn::here(), Lang::Vi, sections)?;
            Some(Request::Document {
                report,
                prose,
                settings: document_settings(state),
                date: signing_date(),
            })
        });
        let Some(request) = request else {
            return;
        };
        let name = format!("bao-cao-doi-ngu-{}.docx", s.as_of.get_untracked());
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = build(&request)
                .await
                .and_then(|bytes| save(&name, DOCX, &bytes));
            busy.set(false);
            if let Err(why) = result {
                error.set(Some(Text::new(
                    format!("Không tạo được văn bản: {why}"),
                    format!("The document could not be written: {why}"),
                )));
            }
        });
    };
    view! {
        <button type="button" class="button" data-testid="export-docx" on:click=download
            disabled=move || busy.get() || sections.busy() aria-busy=move || busy.get().to_string()>
            {move || if busy.get() {
                t("Đang tạo văn bản…", "Writing the document…")
            } else {
                t("Tải báo cáo (.docx)", "Download report (.docx)")
            }}
        </button>
        {move || error.get().map(|e| view! {
            <p class="field-error" role="alert" data-testid="export-docx-error">{e.get(s.lang.get()).to_string()}</p>
        })}
    }
}

/// The document's heading on the printed report (hidden on screen): the superior agency and
/// the agency, Quốc hiệu and Tiêu ngữ, the number, the place and date, the title. Always in
/// Vietnamese, as the document is.
#[component]
pub fn PrintHeading() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let d = document_settings(state);
        let upper = |v: &str| v.trim().to_uppercase();
        let agency = if d.agency.trim().is_empty() {
            "……………".to_string()
        } else {
            upper(&d.agency)
        };
        let number = match d.number.as_deref() {
            Some(n) => format!("Số: {}", n.trim()),
            None => "Số:        /BC-".to_string(),
        };
        view! {
            <header class="print-heading print-only" data-testid="print-heading">
                <div class="print-heading-row">
                    <div class="print-agency">
                        {(!d.superior.trim().is_empty()).then(|| view! { <div>{upper(&d.superior)}</div> })}
                        <div class="strong">{agency}</div>
                        <hr />
                        <div class="print-number">{number}</div>
                    </div>
                    <div class="print-nation">
                        <div class="strong">"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"</div>
                        <div class="strong">"Độc lập - Tự do - Hạnh phúc"</div>
                        <hr />
                        <div class="print-date">{date_line(&d.place, signing_date())}</div>
                    </div>
                </div>
                <div class="print-title">
                    <div class="strong">"BÁO CÁO"</div>
                    <div class="strong">"Số lượng, chất lượng cán bộ, công chức cấp xã"</div>
                </div>
            </header>
        }
    }
}
