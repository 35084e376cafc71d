//! Texts of the desktop GUI.

crate::texts! {
    /// GUI labels.
    Gui {
        AppTitle => "coolplan — liquid-cooling retrofit planner", "coolplan — 液冷改造规划";
    }
}
