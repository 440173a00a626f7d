//! Work that grows with the corpus, cut into slices between which the
//! browser paints and handles input: no task long enough to delay a
//! keystroke. Every job of the engine (a [`Steps`]) runs through
//! [`run_sliced`]: the index build at start, and the views' statistics
//! through [`sliced`], which restarts a job when its inputs change.

use std::cell::Cell;
use std::rc::Rc;

use lens_engine::steps::Steps;
use leptos::prelude::*;

thread_local! {
    /// Jobs and deferred draws under way (see [`Working`]).
    static UNDER_WAY: Cell<u32> = const { Cell::new(0) };
}

/// Work under way while it lives: the page says so on its root element
/// (`data-working`, absent once everything is settled), so that a test or
/// a benchmark can wait until the page has answered rather than for a time.
pub(crate) struct Working;

impl Working {
    /// Marks work under way until the value is dropped.
    pub(crate) fn start() -> Working {
        Working::set(UNDER_WAY.with(|n| {
            n.set(n.get() + 1);
            n.get()
        }));
        Working
    }

    fn set(n: u32) {
        if let Some(root) = document().document_element() {
            let _ = if n == 0 {
                root.remove_attribute("data-working")
            } else {
                root.set_attribute("data-working", &n.to_string())
            };
        }
    }
}

impl Drop for Working {
    fn drop(&mut self) {
        Working::set(UNDER_WAY.with(|n| {
            n.set(n.get().saturating_sub(1));
            n.get()
        }));
    }
}

/// Work per slice, timed on the device itself: well under the 50 ms at
/// which a task delays input. A quarter of those 50 because a job checks
/// its time between pieces of work whose length grows with a slower CPU,
/// and because Lighthouse's mobile score scales a fast machine's tasks by
/// its 4× slowdown (25 ms slices were 100 ms tasks to it).
pub const SLICE_MS: f64 = 10.0;

/// The first slices of the jobs one change starts, run at once in the task
/// where their inputs changed, share this much time: enough for a small
/// corpus to answer in the same frame, short enough to leave room in that
/// task for whatever else the change costs (a change in the Words view
/// starts four jobs).
const FIRST_SLICES_MS: f64 = 8.0;

thread_local! {
    /// When the current burst of first slices began, and how long they have run.
    static BURST: Cell<(f64, f64)> = const { Cell::new((f64::NEG_INFINITY, 0.0)) };
}

/// How long a first slice may run now: what is left of the burst's budget.
/// Jobs started more than a frame apart belong to different bursts.
fn first_slice_budget(at: f64) -> f64 {
    BURST.with(|b| {
        let (start, used) = b.get();
        if at - start > 16.0 {
            b.set((at, 0.0));
            FIRST_SLICES_MS
        } else {
            (FIRST_SLICES_MS - used).max(0.0)
        }
    })
}

/// Counts `ms` against the current burst.
fn spend(ms: f64) {
    BURST.with(|b| {
        let (start, used) = b.get();
        b.set((start, used + ms));
    });
}

/// A performance mark, for the benchmarks.
pub fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// `f()`, timed as a User Timing measure named `name` (the benchmarks read
/// them to tell which step of a change costs what).
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let perf = window().performance();
    let start = format!("{name}:start");
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let v = f();
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark(name, &start);
    }
    v
}

thread_local! {
    /// The page's clock, found once: a job asks it between small pieces of work.
    static CLOCK: Option<web_sys::Performance> = window().performance();
}

/// Milliseconds since the page started.
pub fn now() -> f64 {
    CLOCK.with(|p| p.as_ref().map_or(0.0, |p| p.now()))
}

/// A job's "more?" until `deadline` (jobs ask between pieces of work of
/// similar size: articles, or some thousands of words of small ones).
fn until(deadline: f64) -> impl FnMut() -> bool {
    move || now() < deadline
}

/// Resolves in a new task, after the browser has had its turn (rendering,
/// input). A message to oneself, not `setTimeout(0)`: browsers clamp nested
/// timeouts to 4 ms, which over dozens of slices would add a tenth of a second.
pub async fn next_task() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return gloo_timers::future::TimeoutFuture::new(0).await;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
    });
    // `channel` lives until the message has arrived.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    channel.port1().set_onmessage(None);
}

/// Resolves in a task after the browser's next frame: work started then
/// comes after what is drawn now is on screen.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    next_task().await;
}

/// What a sliced computation shows: its last answer (kept on screen while a
/// new one is computed, so nothing flickers) and whether a newer one is on its way.
#[derive(Clone, Debug, PartialEq)]
pub struct Sliced<T> {
    /// The last answer, if any yet.
    pub value: Option<T>,
    /// A newer answer is being computed.
    pub busy: bool,
}

/// Runs the job `make` builds (reading signals: when they change, a new job
/// replaces the running one) in slices of [`SLICE_MS`]: at once when one
/// slice is enough, else between frames. The answer arrives in the signal.
/// `make` gives `None` while its inputs are not ready (another sliced job
/// is still at work): the last answer stays, marked busy, and no work is
/// done on inputs about to change.
pub fn sliced<J, F>(name: &'static str, make: F) -> ReadSignal<Sliced<J::Output>>
where
    J: Steps + 'static,
    J::Output: Send + Sync + 'static,
    F: Fn() -> Option<J> + 'static,
{
    let out = RwSignal::new(Sliced {
        value: None,
        busy: true,
    });
    // The newest job's number: an older one still running stops at its next slice.
    let newest = Rc::new(Cell::new(0u64));
    let make = StoredValue::new_local(make);
    Effect::new(move |_| {
        let job = measured(name, || make.with_value(|m| m()));
        let me = newest.get() + 1;
        newest.set(me);
        let Some(job) = job else {
            out.update(|o| o.busy = true);
            return;
        };
        let t0 = now();
        let newest = newest.clone();
        let done_at_once = run_sliced(
            name,
            job,
            first_slice_budget(t0),
            move || newest.get() == me,
            |_| {},
            move |v| {
                out.set(Sliced {
                    value: Some(v),
                    busy: false,
                })
            },
        );
        spend(now() - t0);
        if !done_at_once && !out.with_untracked(|o| o.busy) {
            out.update(|o| o.busy = true);
        }
    });
    out.read_only()
}

/// The one runner of [`Steps`] jobs in the page: a first slice of
/// `first_ms` at once, in this task (none when 0), then slices of
/// [`SLICE_MS`], each in a task of its own, while `live()` holds (a newer
/// job makes an older one stop at its next slice). `on_slice` sees the job
/// after each slice (for progress); `done` gets the answer, made at once
/// when the first slice finishes the work (then this returns true), else in
/// a task of its own after the last slice, so that what is drawn from it
/// is drawn in a task of its own too.
pub fn run_sliced<J: Steps + 'static>(
    name: &'static str,
    mut job: J,
    first_ms: f64,
    live: impl Fn() -> bool + 'static,
    on_slice: impl Fn(&J) + 'static,
    done: impl FnOnce(J::Output) + 'static,
) -> bool {
    if first_ms > 0.0 {
        if job.step(&mut until(now() + first_ms)) {
            done(measured(name, || job.finish()));
            return true;
        }
        on_slice(&job);
    }
    let working = Working::start();
    leptos::task::spawn_local(async move {
        let _working = working;
        loop {
            next_task().await;
            if !live() {
                return;
            }
            let finished = job.step(&mut until(now() + SLICE_MS));
            on_slice(&job);
            if finished {
                break;
            }
        }
        next_task().await;
        if live() {
            done(measured(name, || job.finish()));
        }
    });
    false
}

/// Indexes `corpus` in slices of [`SLICE_MS`], each in a task of its own,
/// as [`run_sliced`] runs a job (the builder borrows the corpus across the
/// waits: this future holds both); `None` once `live()` fails.
pub async fn index_in_slices(
    corpus: &lens_engine::Corpus,
    live: impl Fn() -> bool,
) -> Option<lens_engine::index::Index> {
    let _working = Working::start();
    let mut builder = lens_engine::index::builder::IndexBuilder::new(corpus);
    loop {
        if builder.step(&mut until(now() + SLICE_MS)) {
            return Some(measured("index:sample", || builder.finish()));
        }
        next_task().await;
        if !live() {
            return None;
        }
    }
}

/// `source`, a frame later (`frames` frames later): what is drawn from it
/// is drawn in a task of its own once what is drawn from `source` itself is
/// on screen (a new answer's blocks appear one after another, the first at
/// once, and no task draws them all). Each change is passed on once, the newest.
pub fn deferred<T, S>(source: S, frames: u32) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    S: Get<Value = T> + GetUntracked<Value = T> + Send + Sync + 'static,
{
    let out = RwSignal::new(source.get_untracked());
    let newest = Rc::new(Cell::new(0u64));
    Effect::new(move |first: Option<()>| {
        let v = source.get();
        // The first run passes on only a change made since `out` was made
        // (a job that finished in its first slice), a frame later too.
        if first.is_none() && out.with_untracked(|o| *o == v) {
            return;
        }
        let me = newest.get() + 1;
        newest.set(me);
        let newest = newest.clone();
        let working = Working::start();
        leptos::task::spawn_local(async move {
            let _working = working;
            for _ in 0..frames {
                after_paint().await;
            }
            // (A value that came back to the one passed on last is not
            // passed on again: nothing drawn from it is drawn twice.)
            if newest.get() == me && out.with_untracked(|o| *o != v) {
                out.set(v);
            }
        });
    });
    out.read_only()
}
