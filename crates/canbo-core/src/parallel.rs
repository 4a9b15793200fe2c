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

/// Runs `f` on every item and gives the results in the items' order, as
/// `items.iter().map(f)` would: natively on as many threads as there are cores (no more
/// than items), each taking the next item not yet taken, so several files are read at once;
/// on wasm32, or with one core or item, one after the other here. What a run tells
/// (`f`'s second argument: say, how far it has come) reaches `told` on this thread, in the
/// order it was told, while the runs go on. A panic in a run is this thread's panic.
pub fn in_order<'a, T: Sync, R: Send, M: Send>(
    items: &'a [T],
    f: impl Fn(&'a T, &dyn Fn(M)) -> R + Sync,
    mut told: impl FnMut(M),
) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::mpsc;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if cores > 1 && items.len() > 1 {
            enum Heard<M, R> {
                Told(M),
                Done(usize, R),
            }
            let next = AtomicUsize::new(0);
            let mut done: Vec<Option<R>> =
                std::iter::repeat_with(|| None).take(items.len()).collect();
            let ran_here = std::thread::scope(|scope| {
                let (tx, rx) = mpsc::channel::<Heard<M, R>>();
                let mut spawned = Vec::new();
                for _ in 0..cores.min(items.len()) {
                    let tx = tx.clone();
                    let (next, f) = (&next, &f);
                    let run = move || loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        let tell = |m| {
                            let _ = tx.send(Heard::Told(m));
                        };
                        let r = f(item, &tell);
                        let _ = tx.send(Heard::Done(i, r));
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
        }
    }
    let told = std::cell::RefCell::new(&mut told);
    items
        .iter()
        .map(|item| f(item, &|m| (told.borrow_mut())(m)))
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
            &items,
            |&n, tell| {
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
        let none: Vec<u8> = super::in_order(&[] as &[u8], |&b, _: &dyn Fn(())| b, |_| {});
        assert!(none.is_empty());
    }

    #[test]
    #[should_panic(expected = "item 3")]
    fn a_panic_in_any_run_is_this_threads() {
        let _ = super::in_order(
            &[1, 2, 3, 4],
            |&n, _: &dyn Fn(())| {
                if n == 3 {
                    panic!("item 3")
                }
                n
            },
            |_| {},
        );
    }
}
