//! Figures of the standards and retirement results, read from their JSON by path, so the
//! page shows exactly what `canbo standards|retirement --format json` prints. Each sits in
//! an element with `data-figure="<dotted path>"` and `data-value`.

use leptos::prelude::*;
use serde_json::Value;
use std::sync::Arc;

use crate::i18n::num;
use crate::settings::Settings;

/// The number at a dotted path (`total.criteria.professional.below`, `years.0.count`).
pub fn at(json: &Value, path: &str) -> Option<u32> {
    let mut v = json;
    for part in path.split('.') {
        v = match v {
            Value::Array(items) => items.get(part.parse::<usize>().ok()?)?,
            Value::Object(map) => map.get(part)?,
            _ => return None,
        };
    }
    v.as_u64().and_then(|n| u32::try_from(n).ok())
}

/// The figure at `path` in `json`, formatted, with its path and value as attributes. The
/// JSON is shared, not copied, between the many figures of one result.
#[component]
pub fn Fig(json: Arc<Value>, path: String) -> impl IntoView {
    let s = expect_context::<Settings>();
    let value = at(&json, &path);
    value.map(|value| {
        view! {
            <span class="count" data-figure=path data-value=value>{move || num(value, s.lang.get())}</span>
        }
    })
}
