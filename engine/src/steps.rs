//! The job protocol: work that grows with the corpus is done in steps, so
//! the page can run it between frames (no task long enough to delay input)
//! and tests, benchmarks and `build.rs` can run it in one go. Every job of
//! the engine (the index build, counting, phrases, trends of words, the
//! concordance and its sorts, collocates) is a [`Steps`].

/// Work that goes article by article and can stop between two: the page
/// runs it in slices between frames (no task long enough to delay input),
/// tests and `build.rs` in one go ([`Steps::run`]).
pub trait Steps {
    /// What it gives when done.
    type Output;
    /// Works on while `more()` says so (asked between articles); true when done.
    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool;
    /// The answer (call once [`Steps::step`] has returned true).
    fn finish(self) -> Self::Output;
    /// Does it all at once.
    fn run(mut self) -> Self::Output
    where
        Self: Sized,
    {
        while !self.step(&mut || true) {}
        self.finish()
    }

    /// The same job, its answer passed through `f` (paired with what it
    /// was computed from, say, or shared).
    fn map_output<U, F: FnOnce(Self::Output) -> U>(self, f: F) -> MapOutput<Self, F>
    where
        Self: Sized,
    {
        MapOutput(self, f)
    }
}

/// A job whose answer is passed through a function ([`Steps::map_output`]).
pub struct MapOutput<J, F>(J, F);

impl<J: Steps, U, F: FnOnce(J::Output) -> U> Steps for MapOutput<J, F> {
    type Output = U;

    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        self.0.step(more)
    }

    fn finish(self) -> U {
        (self.1)(self.0.finish())
    }
}

/// No job (nothing to do: done at once, no answer), or a job.
impl<J: Steps> Steps for Option<J> {
    type Output = Option<J::Output>;

    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        self.as_mut().is_none_or(|j| j.step(more))
    }

    fn finish(self) -> Self::Output {
        self.map(Steps::finish)
    }
}

/// A job already done: an answer computed elsewhere, given where a job is
/// asked for (one way of two, [`Either`]).
pub struct Ready<T>(Option<T>);

impl<T> Ready<T> {
    /// The answer `value`.
    pub fn new(value: T) -> Ready<T> {
        Ready(Some(value))
    }
}

impl<T> Steps for Ready<T> {
    type Output = T;

    fn step(&mut self, _: &mut dyn FnMut() -> bool) -> bool {
        true
    }

    fn finish(self) -> T {
        self.0.expect("finished once")
    }
}

/// One of two jobs with the same answer.
pub enum Either<A, B> {
    /// The first.
    A(A),
    /// The second.
    B(B),
}

impl<A: Steps, B: Steps<Output = A::Output>> Steps for Either<A, B> {
    type Output = A::Output;

    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        match self {
            Either::A(a) => a.step(more),
            Either::B(b) => b.step(more),
        }
    }

    fn finish(self) -> A::Output {
        match self {
            Either::A(a) => a.finish(),
            Either::B(b) => b.finish(),
        }
    }
}

/// Words a job works through between two questions to its `more()`, at
/// least: asking costs a clock reading, and a corpus of tens of thousands of
/// short articles would spend more time asking than counting.
pub const ASK_EVERY_WORDS: usize = 4096;
