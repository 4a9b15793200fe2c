//! The report's date and age bands: the report follows every `input`/`change` event.

use canbo_core::date::Date;
use leptos::prelude::*;

use crate::i18n::t;
use crate::settings::{Settings, DEFAULT_BANDS};

const PRESETS: [(&str, &str, &str); 3] = [
    (
        DEFAULT_BANDS,
        "Biểu mẫu (≤30, 31–40…)",
        "Official form (≤30, 31–40…)",
    ),
    ("30,41,51,61", "≤29, 30–40, 41–50…", "≤29, 30–40, 41–50…"),
    (
        "30,46,61",
        "≤29, 30–45, 46–60, ≥61",
        "≤29, 30–45, 46–60, ≥61",
    ),
];

/// `date_only`: the standards and retirement pages depend on the date alone, so the age
/// bands are not offered there.
#[component]
pub fn ReportControls(#[prop(optional)] date_only: bool) -> impl IntoView {
    let s = expect_context::<Settings>();
    let on_date = move |ev: leptos::ev::Event| {
        if let Some(date) = Date::parse_iso(&event_target_value(&ev)) {
            s.as_of.set(date);
        }
    };
    let on_bands = move |ev: leptos::ev::Event| s.set_bands_text(event_target_value(&ev));
    let presets = PRESETS
        .iter()
        .map(|&(bands, vi, en)| {
            view! {
                <option value=bands selected=move || s.bands_text.get() == bands>
                    {move || t(vi, en)}
                </option>
            }
        })
        .collect_view();
    let on_preset = move |ev: leptos::ev::Event| {
        let bands = event_target_value(&ev);
        if !bands.is_empty() {
            s.set_bands_text(bands);
        }
    };
    let custom = move || !PRESETS.iter().any(|(b, _, _)| s.bands_text.get() == *b);
    // One line on a laptop: the date, the bands typed or picked from the presets.
    view! {
        <section class="report-controls no-print" aria-label=move || t("Cách tính báo cáo", "Report settings")>
            <div class="field inline">
                <label for="as-of">{move || t("Tính đến ngày", "As of")}</label>
                <input
                    id="as-of"
                    type="date"
                    data-testid="as-of"
                    prop:value=move || s.as_of.get().to_string()
                    on:input=on_date
                    on:change=on_date
                />
            </div>
            <div class="field inline" hidden=date_only>
                <label for="age-bands">{move || t("Mốc tuổi", "Age bands")}</label>
                <input
                    id="age-bands"
                    type="text"
                    inputmode="numeric"
                    size="11"
                    data-testid="age-bands"
                    aria-describedby="age-bands-help"
                    title=move || t("Tuổi bắt đầu mỗi nhóm, tăng dần, cách nhau bằng dấu phẩy.",
                        "The first age of each band, ascending, separated by commas.")
                    aria-invalid=move || s.bands_error.get().is_some().to_string()
                    prop:value=move || s.bands_text.get()
                    on:input=on_bands
                    on:change=on_bands
                />
                <select class="presets" data-testid="age-band-presets"
                    aria-label=move || t("Mốc có sẵn", "Presets") on:change=on_preset>
                    <option value="" selected=custom>{move || t("Mốc tự nhập", "Your own bands")}</option>
                    {presets}
                </select>
                <p id="age-bands-help" class="visually-hidden">
                    {move || t("Tuổi bắt đầu mỗi nhóm, tăng dần, cách nhau bằng dấu phẩy.",
                        "The first age of each band, ascending, separated by commas.")}
                </p>
            </div>
            {move || s.bands_error.get().map(|why| view! {
                <p class="field-error" role="alert" data-testid="age-bands-error">
                    {t("Mốc tuổi chưa hợp lệ, báo cáo vẫn dùng mốc trước: ",
                        "These bands are not valid; the report keeps the previous ones: ")}
                    {why.message(s.lang.get())}
                </p>
            })}
        </section>
    }
}
