//! Undo and redo over snapshots of the site. A continuous gesture (a drag, typing in one field)
//! is one step: a point is recorded when the gesture starts, not on each frame of it.

use egui::Id;

use coolplan_model::Site;

/// Most steps kept; older ones are dropped first.
pub const MAX_UNDO_STEPS: usize = 200;

/// How an edit joins the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gesture {
    /// A discrete edit: always its own undo step.
    Step,
    /// One frame of a continuous gesture by the widget `Id`: only its first frame records a step.
    Continuous(Id),
}

/// Past and future snapshots of the site.
#[derive(Clone, Debug, Default)]
pub struct UndoStack {
    past: Vec<Site>,
    future: Vec<Site>,
    open_gesture: Option<Id>,
}

impl UndoStack {
    /// Records `before` (the site as it is before an edit) unless it continues an open gesture.
    pub fn record(&mut self, before: &Site, gesture: Gesture) {
        let continues = matches!(gesture, Gesture::Continuous(id) if self.open_gesture == Some(id));
        self.open_gesture = match gesture {
            Gesture::Step => None,
            Gesture::Continuous(id) => Some(id),
        };
        if continues {
            return;
        }
        self.past.push(before.clone());
        if self.past.len() > MAX_UNDO_STEPS {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// Ends any open gesture (drag stopped, focus left), so the next edit is a new step.
    pub fn close_gesture(&mut self) {
        self.open_gesture = None;
    }

    /// The site to go back to, given the current one (which becomes redoable).
    pub fn undo(&mut self, current: &Site) -> Option<Site> {
        self.open_gesture = None;
        let previous = self.past.pop()?;
        self.future.push(current.clone());
        Some(previous)
    }

    /// The site to go forward to, given the current one.
    pub fn redo(&mut self, current: &Site) -> Option<Site> {
        self.open_gesture = None;
        let next = self.future.pop()?;
        self.past.push(current.clone());
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
    /// Forgets all history (a new document).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::small_site;

    fn named(name: &str) -> Site {
        let mut site = small_site();
        site.name = name.into();
        site
    }

    #[test]
    fn a_gesture_is_one_step_and_undo_redo_walk_the_history() {
        let mut undo = UndoStack::default();
        let drag = Gesture::Continuous(Id::unique("drag"));
        undo.record(&named("a"), drag);
        undo.record(&named("b"), drag); // same drag: no new step
        undo.close_gesture();
        undo.record(&named("c"), Gesture::Step);
        let back = undo.undo(&named("d")).unwrap();
        assert_eq!(back.name, "c");
        let back = undo.undo(&back).unwrap();
        assert_eq!(back.name, "a");
        assert!(!undo.can_undo());
        let forward = undo.redo(&back).unwrap();
        assert_eq!(forward.name, "c");
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut undo = UndoStack::default();
        undo.record(&named("a"), Gesture::Step);
        let _ = undo.undo(&named("b"));
        assert!(undo.can_redo());
        undo.record(&named("a"), Gesture::Step);
        assert!(!undo.can_redo());
    }
}
