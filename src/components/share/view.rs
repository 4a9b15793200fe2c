//! A report opened from a link: read-only, in place of the user's own report, which stays
//! as it was (the roster in storage is never touched). The report page itself shows it,
//! under a `Settings` whose report is the link's and an empty `AppState`, so the figures,
//! charts, per-unit form and exports are the same code as for the user's own data.

use canbo_core::share::Shared;
use leptos::prelude::*;

use super::{link, ReadOnly, ShareState};
use crate::components::report::ReportPage;
use crate::i18n::{lang, num, t};
use crate::settings::Settings;
use crate::state::AppState;

/// The shared report, or the passphrase a locked link asks for.
#[component]
pub fn SharedView() -> impl IntoView {
    let share = expect_context::<ShareState>();
    move || {
        if share.locked.with(Option::is_some) {
            return view! { <Unlock /> }.into_any();
        }
        match share.viewing.get() {
            Some(shared) => view! { <SharedReport shared /> }.into_any(),
            None => ().into_any(),
        }
    }
}

#[component]
fn Unlock() -> impl IntoView {
    let share = expect_context::<ShareState>();
    let passphrase = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        share.unlock(&passphrase.get_untracked());
    };
    view! {
        <section class="shared-banner locked" data-testid="share-locked">
            <h2 class="small-heading">{move || t("Liên kết có mật khẩu", "A locked link")}</h2>
            <p>{move || t(
                "Người gửi đã khóa báo cáo này bằng mật khẩu. Nhập mật khẩu họ đã cho để xem.",
                "The sender locked this report with a passphrase. Enter the one they gave you.",
            )}</p>
            <form class="unlock-form" on:submit=submit>
                <label for="share-unlock-passphrase">{move || t("Mật khẩu", "Passphrase")}</label>
                <input
                    id="share-unlock-passphrase"
                    type="password"
                    autocomplete="off"
                    data-testid="share-unlock-passphrase"
                    prop:value=passphrase
                    on:input=move |ev| passphrase.set(event_target_value(&ev))
                />
                <button type="submit" class="button" data-testid="share-unlock">
                    {move || t("Mở", "Open")}
                </button>
                <button type="button" class="button subtle" data-testid="shared-leave" on:click=move |_| share.leave()>
                    {move || t("Về dữ liệu của tôi", "Back to my data")}
                </button>
            </form>
        </section>
    }
}

#[component]
fn SharedReport(shared: Shared) -> impl IntoView {
    let share = expect_context::<ShareState>();
    let own_state = expect_context::<AppState>();
    let own = expect_context::<Settings>();
    let saved = RwSignal::new(None::<String>);

    let options = shared.options();
    let date = options.as_of.day_first();
    let units = shared.report.units.len();
    let hidden = !shared.hidden.is_empty();
    let hidden_figures = shared.hidden.clone();
    let title = shared.title.clone();
    let report = shared.report.clone();
    let snapshot_name = format!(
        "{} (chia sẻ, số liệu ngày {date})",
        title
            .clone()
            .unwrap_or_else(|| "Báo cáo được chia sẻ".to_string())
    );
    let save_snapshot = {
        let report = report.clone();
        move |_| {
            if own_state.save_snapshot(&snapshot_name, report.clone()) {
                saved.set(Some(snapshot_name.clone()));
            }
        }
    };

    // The report page under the link's figures: a Settings whose report is the link's, an
    // AppState with no roster (nothing to drill into, nothing stored), and ReadOnly.
    let view_settings = Settings {
        as_of: RwSignal::new(options.as_of),
        bands_text: RwSignal::new(options.bands.to_string()),
        bands: RwSignal::new(options.bands.clone()),
        bands_error: RwSignal::new(None),
        filter: RwSignal::new(options.filter.conditions.clone()),
        lang: own.lang,
        view: own.view,
        report: Memo::new(move |_| Some(report.clone())),
        options: Memo::new(move |_| options.clone()),
        ahead: RwSignal::new(None),
    };
    let banner_date = date.clone();
    let figures = move || {
        provide_context(view_settings);
        provide_context(AppState::empty());
        provide_context(ReadOnly {
            hidden: hidden_figures.clone(),
        });
        view! { <ReportPage /> }
    };
    let counts = shared.standards.as_ref().map(|s| (s.total, s.people_below));
    let retiring = shared
        .retirement
        .as_ref()
        .map(|r| (r.retiring, r.years.len()));

    view! {
        <section class="shared-banner" data-testid="shared-banner" role="region"
            aria-label=move || t("Báo cáo được chia sẻ", "Shared report")>
            <p class="shared-title">
                {move || crate::i18n::t(format!("Báo cáo được chia sẻ: số liệu ngày {banner_date}, không có danh sách người"), format!("Shared report: figures as of {banner_date}, no list of people"))}
            </p>
            {title.map(|title| view! { <p class="shared-name" data-testid="shared-title">{title}</p> })}
            <p class="shared-meta">
                {move || {
                    let lang = lang();
                    let mut parts = vec![crate::i18n::t(format!("{} đơn vị", num(units as u32, lang)), format!("{} units", num(units as u32, lang)))];
                    if let Some((_, below)) = counts {
                        parts.push(crate::i18n::t(format!("{} người chưa đạt chuẩn", num(below, lang)), format!("{} people below standard", num(below, lang))));
                    }
                    if let Some((retiring, years)) = retiring {
                        parts.push(crate::i18n::t(format!("{} người đến tuổi nghỉ hưu trong {years} năm", num(retiring, lang)), format!("{} people reach retirement age within {years} years", num(retiring, lang))));
                    }
                    parts.join(" · ")
                }}
            </p>
            {hidden.then(|| view! {
                <p class="shared-meta" data-testid="shared-hidden">
                    {move || t(
                        "Người gửi đã ẩn các số nhỏ hơn 3 trong từng đơn vị; tổng số vẫn đúng.",
                        "The sender hid counts below 3 in each unit; totals are exact.",
                    )}
                </p>
            })}
            <p class="shared-meta">{move || ReadOnly::reason()}</p>
            <div class="shared-actions">
                <button type="button" class="button" data-testid="shared-leave" on:click=move |_| share.leave()>
                    {move || t("Về dữ liệu của tôi", "Back to my data")}
                </button>
                <button type="button" class="button subtle" data-testid="shared-save-snapshot" on:click=save_snapshot>
                    {move || t("Lưu thành bản số liệu", "Keep as saved figures")}
                </button>
                {move || saved.get().map(|name| view! {
                    <span class="hint" role="status" data-testid="shared-saved">
                        {crate::i18n::t(format!("Đã lưu «{name}»: so sánh được ở mục «Bản lưu số liệu» của dữ liệu của bạn."), format!("Kept as “{name}”: compare it under “Saved figures” with your own data."))}
                    </span>
                })}
            </div>
            <ShareAgain />
        </section>
        <div class="shared-view">{figures}</div>
    }
}

/// The link of the report viewed, to send it on (a combined report especially).
#[component]
fn ShareAgain() -> impl IntoView {
    let share = expect_context::<ShareState>();
    move || {
        let text = share.link.get();
        (!text.is_empty()).then(|| {
            let url = link::url_of(&text);
            view! {
                <details class="share-again">
                    <summary>{move || t("Liên kết của báo cáo này", "This report's link")}</summary>
                    <input type="text" readonly class="share-link" data-testid="shared-link" prop:value=url />
                </details>
            }
        })
    }
}
