//! The forecast as bars: those already past the age, then each year's count.

use canbo_core::export::Lang;
use canbo_core::retirement::Forecast;
use leptos::prelude::*;

use crate::i18n::{num, t};

/// One bar per year, the overdue first, scaled to the largest count.
pub fn year_bars(f: &Forecast, lang: Lang) -> impl IntoView {
    let max = f
        .years
        .iter()
        .map(|y| y.count)
        .max()
        .unwrap_or(0)
        .max(f.overdue)
        .max(1);
    let bars = std::iter::once((t("Quá tuổi", "Overdue").to_string(), f.overdue))
        .chain(f.years.iter().map(|y| (y.year.to_string(), y.count)))
        .enumerate()
        .map(|(i, (label, count))| {
            let h = f64::from(count) / f64::from(max) * 120.0;
            let x = 10.0 + i as f64 * 46.0;
            view! {
                <g>
                    <rect x=x y=format!("{:.1}", 140.0 - h) width="36" height=format!("{h:.1}")></rect>
                    <text x=x + 18.0 y=format!("{:.1}", 134.0 - h) text-anchor="middle">{num(count, lang)}</text>
                    <text x=x + 18.0 y="156" text-anchor="middle">{label}</text>
                </g>
            }
        })
        .collect_view();
    let width = 20.0 + (f.years.len() + 1) as f64 * 46.0;
    view! {
        <figure class="year-bars">
            <svg viewBox=format!("0 0 {width} 165") role="img"
                aria-label=t("Số người đến tuổi nghỉ hưu theo năm", "People reaching retirement age per year")>
                {bars}
            </svg>
        </figure>
    }
}
