//! Giving the browser its turn. Work on the page's main thread holds everything else: the
//! browser draws nothing and answers no click until it ends. Long work (reading a province's
//! roster back from the worker, filling a list of 10,000 units) is cut in slices, and
//! between two slices the page awaits one of these.

use js_sys::{Function, Promise};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::MessageChannel;

/// Resolves in a task of its own, so the browser can draw and handle input first.
///
/// The task is a message the page posts to itself, not a `setTimeout(0)`: the browser
/// makes a timeout set from within a timeout wait at least 4 ms once five are nested (the
/// HTML standard's clamp), and the slices of a long job are just such a chain (a
/// province's roster read back and coded took some 12 of them, 50 ms of waiting for
/// nothing). A message is handled as soon as the browser has drawn and handled input,
/// as a timeout is, without the wait.
pub async fn let_the_browser_draw() {
    let promise = Promise::new(&mut |resolve, _| {
        if !TURNS.with(|turns| turns.take_turn(&resolve)) {
            set_timeout(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

thread_local! {
    static TURNS: Turns = Turns::new();
}

/// The page's message channel to itself, and who waits for a message on it, in the order
/// they asked (several slices may wait at once: a section and a reading back).
struct Turns {
    /// The channel and its handler; `None` where there is no `MessageChannel`.
    channel: Option<(MessageChannel, Closure<dyn FnMut()>)>,
    waiting: std::rc::Rc<RefCell<VecDeque<Function>>>,
}

impl Turns {
    fn new() -> Turns {
        let waiting = std::rc::Rc::new(RefCell::new(VecDeque::<Function>::new()));
        let channel = MessageChannel::new().ok().map(|channel| {
            let next = waiting.clone();
            let handler = Closure::<dyn FnMut()>::new(move || {
                let first = next.borrow_mut().pop_front();
                if let Some(resolve) = first {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            });
            channel
                .port1()
                .set_onmessage(Some(handler.as_ref().unchecked_ref()));
            (channel, handler)
        });
        Turns { channel, waiting }
    }

    /// Posts a message whose handling calls `resolve`; false when none can be posted.
    fn take_turn(&self, resolve: &Function) -> bool {
        let Some((channel, _)) = &self.channel else {
            return false;
        };
        self.waiting.borrow_mut().push_back(resolve.clone());
        if channel.port2().post_message(&JsValue::NULL).is_err() {
            self.waiting.borrow_mut().pop_back();
            return false;
        }
        true
    }
}

/// Resolves after the browser has had time to paint what the page just changed (a progress
/// message shown before a long step).
pub async fn next_paint() {
    after_ms(20).await;
}

async fn after_ms(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| set_timeout(&resolve, ms));
    let _ = JsFuture::from(promise).await;
}

fn set_timeout(resolve: &Function, ms: i32) {
    let _ = web_sys::window()
        .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve, ms));
}

/// Its children, built in a task of their own once the browser has had its turn, and redrawn
/// in one each time what they follow changes: a page of many sections, each wrapped in one,
/// is built and redrawn a section per task rather than all in one (the report of a province
/// held the page for some 140 ms being built at once, and a filter change some 130 ms being
/// redrawn at once: docs/BENCHMARKS.md).
///
/// `follows` tracks what the children show (the report and its options). The children read
/// those through [`Turn::with`] and [`Turn::get`], which follow this section's turn instead:
/// when `follows` changes, the section is marked `aria-busy` and redrawn in a task of its own
/// after the browser's turn. Of several changes before that turn, only the last redraws.
#[leptos::component]
pub fn Later(
    children: leptos::children::ChildrenFn,
    /// What the children follow, read here only to know when it changes.
    #[prop(into)]
    follows: leptos::prelude::Signal<()>,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let ready = RwSignal::new(false);
    let busy = RwSignal::new(true);
    let turn = Turn(Some(Trigger::new()));
    // Each change asks for a turn; only the newest one, when it comes, redraws.
    let asked = StoredValue::new(0u64);
    Effect::new(move |seen: Option<()>| {
        follows.track();
        if seen.is_none() {
            return;
        }
        let Some(this) = asked.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let_the_browser_draw().await;
            // The section may be gone by then (the page changed): nothing to redraw.
            if asked.try_get_value() == Some(this) {
                turn.notify();
                let _ = busy.try_set(false);
            }
        });
    });
    leptos::task::spawn_local(async move {
        let_the_browser_draw().await;
        let _ = ready.try_set(true);
        let _ = busy.try_set(false);
    });
    view! {
        <div class="turn" aria-busy=move || busy.get().then_some("true")>
            {move || ready.get().then(|| {
                // Provided here, in this section's own reactive owner: a component has none of
                // its own, and its siblings would read the last one provided.
                provide_context(turn);
                children()
            })}
        </div>
    }
}

/// The turn of a section built by [`Later`]: its children read what the section follows
/// through it, so they redraw in the section's own task. Outside a `Later` (a test, a page
/// without one) reads follow the signal itself.
#[derive(Clone, Copy)]
pub struct Turn(Option<leptos::prelude::Trigger>);

impl Turn {
    /// The turn of the section being built (take it when the component is built, not in a
    /// closure that runs later).
    pub fn here() -> Turn {
        leptos::prelude::use_context::<Turn>().unwrap_or(Turn(None))
    }

    /// `f` of the memo's value, redrawing at this section's turn.
    pub fn with<T, R>(self, memo: leptos::prelude::Memo<T>, f: impl FnOnce(&T) -> R) -> R
    where
        T: Send + Sync + 'static,
    {
        use leptos::prelude::*;
        match self.0 {
            Some(trigger) => {
                trigger.track();
                memo.with_untracked(f)
            }
            None => memo.with(f),
        }
    }

    /// The memo's value, redrawing at this section's turn.
    pub fn get<T>(self, memo: leptos::prelude::Memo<T>) -> T
    where
        T: Clone + Send + Sync + 'static,
    {
        self.with(memo, T::clone)
    }

    fn notify(self) {
        use leptos::prelude::Notify;
        if let Some(trigger) = self.0 {
            trigger.notify();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::AppState;
    use crate::test_support::{mount, until};
    use leptos::prelude::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// A section's text: the value it follows and how many times it was drawn.
    #[leptos::component]
    fn Shows(name: &'static str, value: Memo<u32>, drawn: StoredValue<u32>) -> impl IntoView {
        let turn = Turn::here();
        view! {
            <p data-shows=name>
                {move || {
                    drawn.update_value(|n| *n += 1);
                    turn.get(value).to_string()
                }}
            </p>
        }
    }

    fn text(root: &web_sys::HtmlElement, name: &str) -> String {
        root.query_selector(&format!("[data-shows={name}]"))
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    fn busy(root: &web_sys::HtmlElement) -> bool {
        root.query_selector(".turn[aria-busy]")
            .ok()
            .flatten()
            .is_some()
    }

    #[wasm_bindgen_test(async)]
    async fn each_section_redraws_at_its_own_turn_once_for_the_last_of_several_changes() {
        let (a, b) = (RwSignal::new(1u32), RwSignal::new(10u32));
        let (drawn_a, drawn_b) = (StoredValue::new(0u32), StoredValue::new(0u32));
        let root = mount(AppState::empty(), move || {
            let (ma, mb) = (Memo::new(move |_| a.get()), Memo::new(move |_| b.get()));
            view! {
                <Later follows=Signal::derive(move || ma.track())>
                    <Shows name="a" value=ma drawn=drawn_a />
                </Later>
                <Later follows=Signal::derive(move || mb.track())>
                    <Shows name="b" value=mb drawn=drawn_b />
                </Later>
            }
        });
        // Built a task after the page, each marked busy until then.
        assert!(busy(&root));
        until(|| text(&root, "a") == "1" && text(&root, "b") == "10" && !busy(&root)).await;
        let (a_before, b_before) = (drawn_a.get_value(), drawn_b.get_value());

        // Two changes before the turn: one redraw, of the last, in the section that follows
        // them (siblings each keep their own turn), the other section left alone.
        a.set(2);
        a.set(3);
        until(|| text(&root, "a") == "3" && !busy(&root)).await;
        assert_eq!(drawn_a.get_value(), a_before + 1);
        assert_eq!(drawn_b.get_value(), b_before);
        assert_eq!(text(&root, "b"), "10");

        b.set(11);
        until(|| text(&root, "b") == "11" && !busy(&root)).await;
        assert_eq!(drawn_b.get_value(), b_before + 1);
        assert_eq!(drawn_a.get_value(), a_before + 1);
    }

    #[wasm_bindgen_test(async)]
    async fn a_section_changed_is_busy_until_its_turn_comes() {
        let a = RwSignal::new(1u32);
        let root = mount(AppState::empty(), move || {
            let ma = Memo::new(move |_| a.get());
            view! {
                <Later follows=Signal::derive(move || ma.track())>
                    <Shows name="a" value=ma drawn=StoredValue::new(0) />
                </Later>
            }
        });
        until(|| text(&root, "a") == "1" && !busy(&root)).await;
        a.set(2);
        // The change is seen within this task (effects run in microtasks, and no task can
        // come between them); the redraw waits for a task of its own.
        for _ in 0..20 {
            if busy(&root) {
                break;
            }
            let resolved = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
            wasm_bindgen_futures::JsFuture::from(resolved)
                .await
                .unwrap();
        }
        assert!(busy(&root));
        assert_eq!(text(&root, "a"), "1");
        until(|| text(&root, "a") == "2" && !busy(&root)).await;
    }

    #[wasm_bindgen_test(async)]
    async fn turns_come_in_tasks_of_their_own_in_the_order_they_were_asked_for() {
        use std::rc::Rc;
        let order = Rc::new(RefCell::new(Vec::new()));
        for i in 0..5 {
            let order = order.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let_the_browser_draw().await;
                order.borrow_mut().push(i);
            });
        }
        // Microtasks alone (what a future's wake-ups are) never reach a turn.
        for _ in 0..20 {
            let resolved = js_sys::Promise::resolve(&JsValue::NULL);
            JsFuture::from(resolved).await.unwrap();
        }
        assert!(order.borrow().is_empty());
        until(|| order.borrow().len() == 5).await;
        assert_eq!(*order.borrow(), [0, 1, 2, 3, 4]);
        // A chain of turns, each asked for in the last (a long job's slices), and turns asked
        // for while others wait, all come.
        let chained = Rc::new(RefCell::new(0));
        let counted = chained.clone();
        wasm_bindgen_futures::spawn_local(async move {
            for _ in 0..200 {
                let_the_browser_draw().await;
                *counted.borrow_mut() += 1;
            }
        });
        for _ in 0..50 {
            let_the_browser_draw().await;
        }
        until(|| *chained.borrow() == 200).await;
    }

    #[wasm_bindgen_test(async)]
    async fn outside_a_section_a_turn_follows_the_memo_itself() {
        let a = RwSignal::new(1u32);
        let root = mount(AppState::empty(), move || {
            let ma = Memo::new(move |_| a.get());
            view! { <Shows name="a" value=ma drawn=StoredValue::new(0) /> }
        });
        until(|| text(&root, "a") == "1").await;
        a.set(5);
        until(|| text(&root, "a") == "5").await;
        assert!(!busy(&root));
    }
}
