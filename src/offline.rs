//! Offline use: the service worker (`sw.js`, written by the build from `sw/sw.js`) and the
//! notice of a new version.
//!
//! Release builds register `sw.js`, which keeps every file of the build, so the app opens
//! with no network after one online visit. A new build installs beside the old one and
//! waits: the page shows «Có phiên bản mới — Tải lại», and only the user's click lets it
//! take over and reloads the page. Debug builds (`cargo xtask serve`) never register it, and
//! remove one an earlier release build left on the same address, so a developer never sees
//! a stale cache.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

use crate::i18n::t;

/// The service worker's state as the page sees it, in context.
#[derive(Clone, Copy)]
pub struct Offline {
    /// A new version is installed and waits for the user.
    pub update_ready: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
    /// The user asked for the new version: reload when it takes over.
    reload_asked: StoredValue<bool>,
}

impl Offline {
    /// Provides the state in context; `start` registers the service worker. The page starts it
    /// at once, except while it imports files picked on index.html's shell: on a first visit
    /// the service worker fetches every file of the build (some 3 MB), which on a slow line
    /// would share it with the import worker's wasm the user is waiting for (on a line like
    /// Fast 3G, the figures of a file picked at once came 8 s later).
    pub fn provide() -> Offline {
        let offline = Offline {
            update_ready: RwSignal::new(false),
            registration: StoredValue::new_local(None),
            reload_asked: StoredValue::new(false),
        };
        provide_context(offline);
        offline
    }

    /// Registers the service worker (release builds), or removes one a release build left
    /// (debug builds).
    pub fn start(self) {
        if let Some(container) = container() {
            if cfg!(debug_assertions) {
                leptos::task::spawn_local(unregister_all(container));
            } else {
                self.register(container);
            }
        }
    }

    fn register(self, container: web_sys::ServiceWorkerContainer) {
        // Reload once the new version controls the page, and only when the user asked: the
        // first install also takes control (clients.claim) and must not reload.
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if self.reload_asked.get_value() {
                let _ = window().location().reload();
            }
        });
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        let promise = container.register("/sw.js");
        leptos::task::spawn_local(async move {
            let registration = match JsFuture::from(promise).await {
                Ok(r) => r.unchecked_into::<ServiceWorkerRegistration>(),
                Err(e) => {
                    leptos::logging::log!("Canbo: no service worker ({e:?})");
                    return;
                }
            };
            self.registration.set_value(Some(registration.clone()));
            self.watch(&registration);
        });
    }

    /// Notices a version that waits now, or one that finishes installing later.
    fn watch(self, registration: &ServiceWorkerRegistration) {
        if registration.waiting().is_some() && has_controller() {
            self.update_ready.set(true);
        }
        let reg = registration.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = reg.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                // Installed while an older version controls the page: a new version waits.
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    self.update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        // Look for a new version now and then while the page stays open (the browser also
        // looks on every visit).
        let reg = registration.clone();
        let check = Closure::<dyn FnMut()>::new(move || {
            let _ = reg.update();
        });
        let _ = window().set_interval_with_callback_and_timeout_and_arguments_0(
            check.as_ref().unchecked_ref(),
            30 * 60 * 1000,
        );
        check.forget();
    }

    /// «Tải lại»: lets the waiting version take over; the page reloads when it has.
    pub fn apply_update(&self) {
        self.reload_asked.set_value(true);
        let waiting = self
            .registration
            .with_value(|r| r.as_ref().and_then(|r| r.waiting()));
        match waiting {
            Some(worker) => {
                if worker
                    .post_message(&JsValue::from_str("skip-waiting"))
                    .is_err()
                {
                    let _ = window().location().reload();
                }
            }
            None => {
                let _ = window().location().reload();
            }
        }
    }
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Absent on http:// pages other than localhost, and in some private modes.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

fn has_controller() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Development: no service worker, and none left from a release build on this address.
async fn unregister_all(container: web_sys::ServiceWorkerContainer) {
    let Ok(list) = JsFuture::from(container.get_registrations()).await else {
        return;
    };
    for registration in js_sys::Array::from(&list).iter() {
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        if let Ok(promise) = registration.unregister() {
            let _ = JsFuture::from(promise).await;
            leptos::logging::log!("Canbo: development build, service worker removed");
        }
    }
}

/// «Có phiên bản mới — Tải lại», while a new version waits.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let offline = expect_context::<Offline>();
    move || {
        offline.update_ready.get().then(|| {
            view! {
                <div class="update-notice no-print" role="status" data-testid="update-available">
                    <span>{move || t("Có phiên bản mới —", "A new version is available —")}</span>
                    <button
                        type="button"
                        class="button small"
                        data-testid="update-reload"
                        on:click=move |_| offline.apply_update()
                    >
                        {move || t("Tải lại", "Reload")}
                    </button>
                </div>
            }
        })
    }
}
