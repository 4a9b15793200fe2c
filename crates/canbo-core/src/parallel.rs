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
}
