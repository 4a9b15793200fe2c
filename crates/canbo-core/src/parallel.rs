//! Work shared between the two cores of an office laptop, natively; one after the other on
//! wasm32, where the page and its worker have one thread each.

/// Rows or people each half must have for a job to do two halves at once ([`both`]):
/// cleaning a sheet's texts, hashing people for duplicates, coding a roster for the report.
/// Below, starting a thread costs more than it saves.
pub const HALF_AT_LEAST: usize = 20_000;

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

/// A thread of its own doing jobs handed to it one at a time while this one does others
/// ([`with_helper`]): a big sheet's rows parsed a run at a time on two cores.
pub struct Helper<J, R> {
    jobs: std::sync::mpsc::SyncSender<J>,
    done: std::sync::mpsc::Receiver<R>,
}

impl<J, R> Helper<J, R> {
    /// Hands `job` to the helper; it is given back when the helper has stopped.
    pub fn hand(&self, job: J) -> Result<(), J> {
        self.jobs.send(job).map_err(|e| e.0)
    }

    /// The result of the oldest job handed and not yet taken, once done; `None` when the
    /// helper has stopped (its panic is then the caller's, at [`with_helper`]'s end).
    pub fn take(&self) -> Option<R> {
        self.done.recv().ok()
    }
}

/// `f` with a [`Helper`] doing `work` on what `f` hands it, results in the order the jobs
/// were handed: natively on a thread of its own (`work` may keep a state of its own there:
/// say, its own copies of what both threads would otherwise count references to at once).
/// `f` gets `None` on wasm32, with one core, or when no thread can be had, and does the
/// work itself. A panic in `work` is this thread's once `f` is done.
pub fn with_helper<J: Send, R: Send, T>(
    work: impl FnMut(J) -> R + Send,
    f: impl FnOnce(Option<&Helper<J, R>>) -> T,
) -> T {
    #[cfg(not(target_arch = "wasm32"))]
    if threads() > 1 {
        use std::sync::mpsc;
        let mut work = work;
        return std::thread::scope(|scope| {
            let (jobs, handed) = mpsc::sync_channel::<J>(1);
            let (finished, done) = mpsc::channel::<R>();
            let spawned = std::thread::Builder::new().spawn_scoped(scope, move || {
                for job in handed {
                    if finished.send(work(job)).is_err() {
                        return;
                    }
                }
            });
            let Ok(helping) = spawned else {
                return f(None);
            };
            let helper = Helper { jobs, done };
            let out = f(Some(&helper));
            // The helper stops once no more jobs can come.
            drop(helper);
            if let Err(panic) = helping.join() {
                std::panic::resume_unwind(panic);
            }
            out
        });
    }
    #[cfg(target_arch = "wasm32")]
    let _ = work;
    f(None)
}

/// `f` reading `source`, natively with a thread of its own reading ahead of it, `chunk`
/// bytes at a time (up to two chunks ahead): one core inflates a sheet's zip part while the
/// other parses what it gave. With one core, or on wasm32, `f` reads `source` itself. `f`
/// reads the same bytes either way, and an error of `source` where it came; a reading
/// thread that stops before the end (a panic) is an error, never an early end, and its panic
/// is this thread's once `f` is done.
pub fn read_ahead<R: std::io::Read + Send, T>(
    source: R,
    chunk: usize,
    f: impl FnOnce(&mut dyn std::io::Read) -> T,
) -> T {
    #[cfg(not(target_arch = "wasm32"))]
    if threads() > 1 {
        // Spawning takes a closure that takes `source`: should spawning fail, it is still here.
        let kept = std::sync::Mutex::new(Some(source));
        let take = || kept.lock().ok().and_then(|mut s| s.take());
        return std::thread::scope(|scope| {
            let (send, chunks) = std::sync::mpsc::sync_channel(2);
            let spawned = std::thread::Builder::new().spawn_scoped(scope, || {
                if let Some(source) = take() {
                    read_chunks(source, chunk.max(1), send);
                }
            });
            let Ok(reading) = spawned else {
                return match take() {
                    Some(mut source) => f(&mut source),
                    None => unreachable!("the source is taken once, by the thread that reads it"),
                };
            };
            let mut received = Received {
                chunks,
                held: Vec::new(),
                at: 0,
                ended: false,
            };
            let out = f(&mut received);
            // `f` may stop before the end: the reading thread then finds no one to send to,
            // and stops too.
            drop(received);
            if let Err(panic) = reading.join() {
                std::panic::resume_unwind(panic);
            }
            out
        });
    }
    #[cfg(target_arch = "wasm32")]
    let _ = chunk;
    let mut source = source;
    f(&mut source)
}

/// [`read_ahead`]'s reading thread: `source` in chunks, then an empty chunk for its end, or
/// its error; until then, or until no one receives.
#[cfg(not(target_arch = "wasm32"))]
fn read_chunks(
    mut source: impl std::io::Read,
    chunk: usize,
    send: std::sync::mpsc::SyncSender<std::io::Result<Vec<u8>>>,
) {
    loop {
        let mut buf = vec![0; chunk];
        let mut got = 0;
        while got < chunk {
            match source.read(&mut buf[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    // What came before the error first, as a reader of `source` would get it.
                    buf.truncate(got);
                    if got == 0 || send.send(Ok(buf)).is_ok() {
                        let _ = send.send(Err(e));
                    }
                    return;
                }
            }
        }
        buf.truncate(got);
        let end = got < chunk;
        if send.send(Ok(buf)).is_err() || end {
            if end && got > 0 {
                let _ = send.send(Ok(Vec::new()));
            }
            return;
        }
    }
}

/// What [`read_ahead`]'s `f` reads: the chunks the reading thread sends.
#[cfg(not(target_arch = "wasm32"))]
struct Received {
    chunks: std::sync::mpsc::Receiver<std::io::Result<Vec<u8>>>,
    held: Vec<u8>,
    at: usize,
    ended: bool,
}

#[cfg(not(target_arch = "wasm32"))]
impl std::io::Read for Received {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.held.len() {
            if self.ended || out.is_empty() {
                return Ok(0);
            }
            match self.chunks.recv() {
                Ok(Ok(chunk)) if chunk.is_empty() => self.ended = true,
                Ok(Ok(chunk)) => (self.held, self.at) = (chunk, 0),
                Ok(Err(e)) => {
                    self.ended = true;
                    return Err(e);
                }
                Err(_) => {
                    self.ended = true;
                    return Err(std::io::Error::other("the reading thread stopped"));
                }
            }
        }
        let n = out.len().min(self.held.len() - self.at);
        out[..n].copy_from_slice(&self.held[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
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
    fn a_helper_gives_its_results_in_the_order_its_jobs_were_handed() {
        let mut calls = 0;
        let out = super::with_helper(
            |job: u32| {
                calls += 1;
                (job * 10, calls)
            },
            |helper| {
                let helper = helper.expect("a helper natively");
                let mut got = Vec::new();
                for job in 0..5 {
                    helper.hand(job).expect("handed");
                    if job % 2 == 1 {
                        got.push(helper.take().expect("done"));
                        got.push(helper.take().expect("done"));
                    }
                }
                got.push(helper.take().expect("done"));
                got
            },
        );
        // The helper's state is its own and lasts from job to job.
        assert_eq!(out, [(0, 1), (10, 2), (20, 3), (30, 4), (40, 5)]);
    }

    #[test]
    #[should_panic(expected = "a bug in the helper")]
    fn a_panic_in_the_helper_is_this_threads() {
        super::with_helper(
            |_: u8| -> u8 { panic!("a bug in the helper") },
            |helper| {
                let helper = helper.expect("a helper natively");
                let _ = helper.hand(1);
                // Its result never comes: the helper stopped.
                assert_eq!(helper.take(), None);
            },
        );
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

    /// A source that gives at most `step` bytes a read, and fails after `fail_at` bytes.
    struct Uneven {
        bytes: Vec<u8>,
        at: usize,
        step: usize,
        fail_at: Option<usize>,
    }

    impl std::io::Read for Uneven {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            if self.fail_at.is_some_and(|f| self.at >= f) {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "damaged",
                ));
            }
            let until = self.fail_at.unwrap_or(usize::MAX).min(self.bytes.len());
            let n = out.len().min(self.step).min(until - self.at);
            out[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    fn uneven(len: usize, step: usize, fail_at: Option<usize>) -> Uneven {
        let bytes = (0..len).map(|i| (i * 7 % 251) as u8).collect();
        Uneven {
            bytes,
            at: 0,
            step,
            fail_at,
        }
    }

    /// Everything `r` gives, read `step` bytes at most at a time, and how it ended.
    fn drain(r: &mut dyn std::io::Read, step: usize) -> (Vec<u8>, Option<std::io::ErrorKind>) {
        let mut got = Vec::new();
        let mut buf = vec![0; step];
        loop {
            match r.read(&mut buf) {
                Ok(0) => return (got, None),
                Ok(n) => got.extend_from_slice(&buf[..n]),
                Err(e) => return (got, Some(e.kind())),
            }
        }
    }

    #[test]
    fn reading_ahead_gives_the_sources_bytes_and_its_error_where_it_came() {
        for len in [0, 1, 6, 7, 8, 21, 22, 100] {
            for (step, chunk, read) in [(1, 7, 3), (5, 7, 100), (100, 7, 1), (3, 1, 2), (9, 50, 4)]
            {
                let want = uneven(len, 100, None).bytes;
                let got = super::read_ahead(uneven(len, step, None), chunk, |r| drain(r, read));
                assert_eq!(got, (want.clone(), None), "{len} {step} {chunk} {read}");
                if len > 3 {
                    let fail = len / 2;
                    let got =
                        super::read_ahead(uneven(len, step, Some(fail)), chunk, |r| drain(r, read));
                    let kind = Some(std::io::ErrorKind::InvalidData);
                    assert_eq!(got, (want[..fail].to_vec(), kind), "{len} {step} {chunk}");
                }
            }
        }
    }

    #[test]
    fn a_reader_that_stops_early_is_not_kept_waiting() {
        let first = super::read_ahead(uneven(1 << 20, 4096, None), 1024, |r| {
            let mut one = [0u8; 10];
            r.read_exact(&mut one).map(|()| one)
        });
        assert_eq!(first.unwrap().to_vec(), uneven(10, 10, None).bytes);
    }

    struct Panics;

    impl std::io::Read for Panics {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            panic!("a bug in the source")
        }
    }

    #[test]
    #[should_panic(expected = "a bug in the source")]
    fn a_panic_of_the_source_is_this_threads() {
        let _ = super::read_ahead(Panics, 8, |r| drain(r, 8));
    }
}
