//! Recompute off the UI thread: one worker thread analyses the latest request; a newer request
//! replaces a waiting one (the latest edit wins), and results of superseded requests are
//! dropped by their generation number.
//!
//! Owns: the worker thread, its request slot and result channel. Never touches: what an
//! analysis is ([`crate::analysis::analyse`]), app state (the caller adopts results).

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread::JoinHandle;

use crate::analysis::{Analysis, analyse};
use coolplan_model::Site;

/// Sites with at least this many rack groups recompute in the background; smaller ones at
/// once, inside the frame (at 1,000 groups the engine's recompute takes 1–2 ms in release,
/// BENCHMARKS.md; the margin is for validation, debug builds and slow machines).
pub const BACKGROUND_FROM_GROUPS: usize = 1_000;

/// One analysis to run.
struct Request {
    generation: u64,
    /// The document revision the analysis is of (copied into [`Analysis::revision`]).
    revision: u64,
    site: Site,
    base_dir: Option<PathBuf>,
}

/// The slot the worker takes requests from.
#[derive(Default)]
struct Slot {
    request: Option<Request>,
    shutdown: bool,
}

type Shared = Arc<(Mutex<Slot>, Condvar)>;

/// Results as they come from the worker: the request's generation and its analysis.
type Results = mpsc::Receiver<(u64, Analysis)>;

/// The background recompute: at most one worker, started on first use.
#[derive(Default)]
pub struct Recomputer {
    shared: Shared,
    /// The worker (detached when this is dropped) and its results.
    worker: Option<(JoinHandle<()>, Results)>,
    /// Generation of the newest request.
    generation: u64,
    /// True while the newest request has no result yet.
    busy: bool,
    /// A result computed on the caller's thread (no worker thread could start).
    ready: Option<Analysis>,
}

impl Recomputer {
    /// Asks for an analysis of `site` at document `revision`; replaces any waiting request.
    pub fn request(&mut self, revision: u64, site: Site, base_dir: Option<PathBuf>) {
        self.generation += 1;
        self.busy = true;
        if !self.start_worker() {
            let request = Request {
                generation: self.generation,
                revision,
                site,
                base_dir,
            };
            self.ready = Some(run(request));
            return;
        }
        let (slot, wake) = &*self.shared;
        let mut slot = lock(slot);
        slot.request = Some(Request {
            generation: self.generation,
            revision,
            site,
            base_dir,
        });
        wake.notify_one();
    }

    /// Forgets the newest request (the caller analysed synchronously instead): its result,
    /// if it comes, is dropped.
    pub fn supersede(&mut self) {
        self.generation += 1;
        self.busy = false;
        self.ready = None;
        lock(&self.shared.0).request = None;
    }

    /// True while the newest request has no result yet.
    pub fn is_busy(&self) -> bool {
        self.busy
    }

    /// The newest request's result if it has arrived (older results are dropped).
    pub fn poll(&mut self) -> Option<Analysis> {
        if let Some(ready) = self.ready.take() {
            self.busy = false;
            return Some(ready);
        }
        let (_, results) = self.worker.as_ref()?;
        let mut latest = None;
        while let Ok((generation, analysis)) = results.try_recv() {
            if generation == self.generation {
                latest = Some(analysis);
            }
        }
        if latest.is_some() {
            self.busy = false;
        }
        latest
    }

    /// Blocks until the newest request's result arrives (tests, shutdown); `None` when
    /// nothing is pending.
    pub fn wait(&mut self) -> Option<Analysis> {
        if !self.busy {
            return None;
        }
        if let Some(ready) = self.poll() {
            return Some(ready);
        }
        let (_, results) = self.worker.as_ref()?;
        while let Ok((generation, analysis)) = results.recv() {
            if generation == self.generation {
                self.busy = false;
                return Some(analysis);
            }
        }
        // The worker is gone (it panicked): nothing more will come.
        self.busy = false;
        None
    }

    /// Starts the worker unless it runs; false when no thread could be started.
    fn start_worker(&mut self) -> bool {
        if self.worker.is_some() {
            return true;
        }
        let (send, receive) = mpsc::channel();
        let shared = self.shared.clone();
        let spawned = std::thread::Builder::new()
            .name("coolplan-recompute".into())
            .spawn(move || work(&shared, &send));
        match spawned {
            Ok(handle) => {
                self.worker = Some((handle, receive));
                true
            }
            Err(_) => false,
        }
    }
}

impl Drop for Recomputer {
    fn drop(&mut self) {
        // The worker stops at its next look at the slot; a long analysis in flight is not
        // waited for (closing the window must not hang on it), its result goes nowhere.
        let (slot, wake) = &*self.shared;
        lock(slot).shutdown = true;
        wake.notify_all();
    }
}

/// The worker: takes the latest request, analyses it, sends the result; until shut down.
fn work(shared: &Shared, results: &mpsc::Sender<(u64, Analysis)>) {
    let (slot, wake) = &**shared;
    loop {
        let request = {
            let mut slot = lock(slot);
            loop {
                if slot.shutdown {
                    return;
                }
                if let Some(request) = slot.request.take() {
                    break request;
                }
                slot = wake.wait(slot).unwrap_or_else(|e| e.into_inner());
            }
        };
        let generation = request.generation;
        if results.send((generation, run(request))).is_err() {
            return;
        }
    }
}

fn run(request: Request) -> Analysis {
    let mut analysis = analyse(&request.site, request.base_dir.as_deref());
    analysis.revision = request.revision;
    analysis
}

/// Locks the slot; a poisoned lock (a panic while holding it) still holds valid data, since
/// every write to the slot is a single assignment.
fn lock(slot: &Mutex<Slot>) -> std::sync::MutexGuard<'_, Slot> {
    slot.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::small_site;

    #[test]
    fn the_latest_request_wins_and_older_results_are_dropped() {
        let mut recomputer = Recomputer::default();
        let site = small_site();
        let mut edited = site.clone();
        edited.halls[0].racks[0].count += 3;
        recomputer.request(1, site, None);
        recomputer.request(2, edited.clone(), None);
        assert!(recomputer.is_busy());
        let analysis = recomputer.wait().expect("a result");
        assert_eq!(analysis.revision, 2);
        assert_eq!(
            analysis.results,
            crate::analysis::analyse(&edited, None).results
        );
        assert!(!recomputer.is_busy());
        // Whatever the first request left behind is stale.
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(recomputer.poll().is_none());
    }

    #[test]
    fn a_superseded_request_is_never_adopted() {
        let mut recomputer = Recomputer::default();
        recomputer.request(1, small_site(), None);
        recomputer.supersede();
        assert!(!recomputer.is_busy());
        assert!(recomputer.wait().is_none());
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(recomputer.poll().is_none());
    }
}
