//! Work shared between the two cores of an office laptop, natively; one after the other on
//! wasm32, where the page and its worker have one thread each.

/// Runs `a` and `b` and gives both results, as `(a(), b())` would: natively `a` on a thread
/// of its own while `b` runs on this one (or both here, when no thread can be had), and a
/// panic in `a` is this thread's panic once `b` is done.
pub fn both<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        // Spawning takes a closure that takes `a`: should spawning fail, `a` is still here.
        let kept = std::sync::Mutex::new(Some(a));
        let take = || kept.lock().ok().and_then(|mut a| a.take());
        std::thread::scope(|scope| {
            let spawned = std::thread::Builder::new()
                .spawn_scoped(scope, || take().map(|a| a()))
                .ok();
            let b = b();
            let a = match spawned.map(|h| h.join()) {
                Some(Ok(Some(a))) => a,
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                _ => match take() {
                    Some(a) => a(),
                    None => unreachable!("`a` is taken once, by the thread that runs it"),
                },
            };
            (a, b)
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        (a(), b())
    }
}

/// The threads [`in_order`] runs on: the cores there are, natively; one on wasm32.
pub fn threads() -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
    #[cfg(target_arch = "wasm32")]
    {
        1
    }
}

/// Runs `f` on every item and gives the results in the items' order, as
/// `items.into_iter().map(f)` would (items may be references: files read at once, or owned:
/// sheets cleaned at once): natively on as many threads as there are cores (no more
/// than items), each taking the next item not yet taken, so several files are read at once;
/// on wasm32, or with one core or item, one after the other here. What a run tells
/// (`f`'s second argument: say, how far it has come) reaches `told` on this thread, in the
/// order it was told, while the runs go on. A panic in a run is this thread's panic.
pub fn in_order<T: Send, R: Send, M: Send>(
    items: Vec<T>,
    f: impl Fn(T, &dyn Fn(M)) -> R + Sync,
    told: impl FnMut(M),
) -> Vec<R> {
    in_order_with(items, || (), |(), item, tell| f(item, tell), told)
}

/// [`in_order`], each thread with a state of its own, made by `start` before its first item
/// and handed to `f` with every item it takes (a workbook opened once per thread, whose
/// sheets the threads read at once).
pub fn in_order_with<T: Send, S, R: Send, M: Send>(
    items: Vec<T>,
    start: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, T, &dyn Fn(M)) -> R + Sync,
    told: impl FnMut(M),
) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::mpsc;
        let cores = threads();
        if cores > 1 && items.len() > 1 {
            use std::sync::Mutex;
            let mut told = told;
            enum Heard<M, R> {
                Told(M),
                Done(usize, R),
            }
            let next = AtomicUsize::new(0);
            let mut done: Vec<Option<R>> =
                std::iter::repeat_with(|| None).take(items.len()).collect();
            // Each item is taken once, by the thread whose turn it is.
            let items: Vec<Mutex<Option<T>>> =
                items.into_iter().map(|i| Mutex::new(Some(i))).collect();
            let taken = |i: usize| items.get(i)?.lock().ok()?.take();
            let ran_here = std::thread::scope(|scope| {
                let (tx, rx) = mpsc::channel::<Heard<M, R>>();
                let mut spawned = Vec::new();
                for _ in 0..cores.min(items.len()) {
                    let tx = tx.clone();
                    let (next, start, f, taken) = (&next, &start, &f, &taken);
                    let run = move || {
                        let mut state = None;
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(item) = taken(i) else { break };
                            let tell = |m| {
                                let _ = tx.send(Heard::Told(m));
                            };
                            let state = state.get_or_insert_with(start);
                            let r = f(state, item, &tell);
                            let _ = tx.send(Heard::Done(i, r));
                        }
                    };
                    if let Ok(handle) = std::thread::Builder::new().spawn_scoped(scope, run) {
                        spawned.push(handle);
                    }
                }
                // Every sender is then a running thread's: the messages end when they do,
                // a panicking one's too.
                drop(tx);
                for heard in rx {
                    match heard {
                        Heard::Told(m) => told(m),
                        Heard::Done(i, r) => done[i] = Some(r),
                    }
                }
                let ran = !spawned.is_empty();
                for handle in spawned {
                    if let Err(panic) = handle.join() {
                        std::panic::resume_unwind(panic);
                    }
                }
                ran
            });
            if ran_here {
                return done.into_iter().flatten().collect();
            }
            // No thread could be had: every item is still here.
            let items = items.into_iter().filter_map(|i| i.into_inner().ok()?);
            return in_order_here(items, start, f, told);
        }
    }
    in_order_here(items.into_iter(), start, f, told)
}

/// [`in_order_with`] on this thread alone.
fn in_order_here<T, S, R, M>(
    items: impl Iterator<Item = T>,
    start: impl Fn() -> S,
    f: impl Fn(&mut S, T, &dyn Fn(M)) -> R,
    mut told: impl FnMut(M),
) -> Vec<R> {
    let told = std::cell::RefCell::new(&mut told);
    let mut state = None;
    items
        .map(|item| {
            let state = state.get_or_insert_with(&start);
            f(state, item, &|m| (told.borrow_mut())(m))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_results_come_back() {
        assert_eq!(super::both(|| 2 + 2, || "b"), (4, "b"));
        let mut here = 0;
        let (a, ()) = super::both(|| vec![1u8; 3], || here += 1);
        assert_eq!((a, here), (vec![1, 1, 1], 1));
    }

    #[test]
    #[should_panic(expected = "a bug")]
    fn a_panic_on_the_other_thread_is_this_threads() {
        let _ = super::both(|| -> u8 { panic!("a bug") }, || 7);
    }
    #[test]
    fn in_order_keeps_the_items_order_and_hears_every_run() {
        let items: Vec<u64> = (0..40).collect();
        let mut heard = Vec::new();
        let out = super::in_order(
            items,
            |n, tell| {
                tell((n, 0));
                // Uneven work, so the runs finish out of order.
                let spun =
                    (0..(40 - n) * 20_000).fold(n, |a, b| a.wrapping_mul(31).wrapping_add(b));
                tell((n, 1));
                (n * 2, spun)
            },
            |m| heard.push(m),
        );
        assert_eq!(
            out.iter().map(|r| r.0).collect::<Vec<_>>(),
            (0..40).map(|n| n * 2).collect::<Vec<_>>()
        );
        assert_eq!(heard.len(), 80);
        for n in 0..40 {
            let first = heard.iter().position(|&m| m == (n, 0));
            let then = heard.iter().position(|&m| m == (n, 1));
            assert!(first.is_some() && first < then, "item {n}: {heard:?}");
        }
        let none: Vec<u8> = super::in_order(Vec::new(), |b, _: &dyn Fn(())| b, |_| {});
        assert!(none.is_empty());
    }

    /// Each thread makes its state once, whatever the number of items it takes.
    #[test]
    fn in_order_with_makes_a_state_per_thread_not_per_item() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let made = AtomicUsize::new(0);
        let items: Vec<usize> = (0..100).collect();
        let out = super::in_order_with(
            items.clone(),
            || {
                made.fetch_add(1, Ordering::Relaxed);
                Vec::new()
            },
            |seen: &mut Vec<usize>, n, _: &dyn Fn(())| {
                seen.push(n);
                n
            },
            |_| {},
        );
        assert_eq!(out, items);
        let cores = super::threads();
        let made = made.load(Ordering::Relaxed);
        assert!(
            made >= 1 && made <= cores,
            "{made} states for {cores} cores"
        );
    }

    #[test]
    #[should_panic(expected = "item 3")]
    fn a_panic_in_any_run_is_this_threads() {
        let _ = super::in_order(
            vec![1, 2, 3, 4],
            |n, _: &dyn Fn(())| {
                if n == 3 {
                    panic!("item 3")
                }
                n
            },
            |_| {},
        );
    }
}
