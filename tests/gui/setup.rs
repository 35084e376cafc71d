//! How many actions a user needs to set up a three-hall site from a blank start (issue 20):
//! File › New, then halls, rows, rack groups and server groups, done through the widgets a
//! user clicks and types into (the accessibility tree), each counted.
//!
//! The site set up: three halls, each with a row A of 10 racks × 20 cpu-1u servers and a row
//! B of 6 racks × 4 hgx-h100. Run with `--nocapture` to see every step.

use coolplan::app::CoolplanApp;
use coolplan::model::Position;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::support::harness;

/// The actions taken so far: clicks, fields typed into, keystrokes, and each step in words.
#[derive(Default)]
struct Actions {
    clicks: usize,
    fields: usize,
    keys: usize,
    steps: Vec<String>,
}

impl Actions {
    /// Clicks the widget labelled `label` whose role is not a plain label.
    fn click(&mut self, harness: &mut Harness<'static, CoolplanApp>, label: &str) {
        let exact =
            harness.query_by(|n| n.role() != Role::Label && n.label().as_deref() == Some(label));
        match exact {
            Some(node) => node.click(),
            // A menu item's name ends with its shortcut ("New Ctrl+N").
            None => {
                let prefix = format!("{label} ");
                harness
                    .get_by(|n| {
                        n.role() != Role::Label && n.label().is_some_and(|l| l.starts_with(&prefix))
                    })
                    .click()
            }
        }
        harness.run();
        self.clicks += 1;
        self.steps.push(format!("click {label}"));
    }

    /// Clicks the `nth` (from the top) widget of `role` labelled `label`, selects what it
    /// holds and types `text`, then Enter: one field, its characters plus Ctrl+A and Enter.
    fn type_into(
        &mut self,
        harness: &mut Harness<'static, CoolplanApp>,
        role: Role,
        label: &str,
        nth: usize,
        text: &str,
    ) {
        let mut nodes: Vec<_> = harness.get_all_by_role_and_label(role, label).collect();
        nodes.sort_by(|a, b| a.rect().top().total_cmp(&b.rect().top()));
        let node = nodes
            .get(nth)
            .unwrap_or_else(|| panic!("no {role:?} #{nth} labelled {label:?}"));
        node.click();
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.event(egui::Event::Text(text.into()));
        harness.run();
        harness.key_press(egui::Key::Enter);
        harness.run();
        self.fields += 1;
        self.keys += text.chars().count() + 2;
        self.steps
            .push(format!("type {text} into {label} #{}", nth + 1));
    }

    /// Opens the model picker showing `current`, searches `search` and picks `model`.
    fn pick_model(
        &mut self,
        harness: &mut Harness<'static, CoolplanApp>,
        current: &str,
        search: &str,
        model: &str,
    ) {
        harness
            .get_by(|n| n.role() == Role::ComboBox && n.value().as_deref() == Some(current))
            .click();
        harness.run();
        // The popup's search field has the focus: the user just types.
        harness.event(egui::Event::Text(search.into()));
        harness.run();
        harness
            .get_by(|n| n.label().as_deref() == Some(model) && n.role() != Role::Label)
            .click();
        harness.run();
        self.clicks += 2;
        self.fields += 1;
        self.keys += search.chars().count();
        self.steps.push(format!(
            "click the model picker, type {search}, click {model}"
        ));
    }

    fn total(&self) -> usize {
        self.clicks + self.fields
    }
}

/// Row A: 10 racks of 20 cpu-1u (the blank site's default model); row B at slot 1: 6 racks of
/// 4 hgx-h100. The selected hall gets both; the Rack view is showing.
fn two_rows(actions: &mut Actions, harness: &mut Harness<'static, CoolplanApp>) {
    actions.click(harness, "Add rack group");
    actions.type_into(harness, Role::SpinButton, "Count", 0, "10");
    actions.type_into(harness, Role::SpinButton, "Count", 1, "20");
    actions.click(harness, "Add rack group");
    actions.type_into(harness, Role::TextInput, "Row", 0, "B");
    actions.type_into(harness, Role::SpinButton, "Slot", 0, "1");
    actions.type_into(harness, Role::SpinButton, "Count", 0, "6");
    actions.pick_model(harness, "cpu-1u", "h100", "hgx-h100");
    actions.type_into(harness, Role::SpinButton, "Count", 1, "4");
}

/// Every hall holds the two rows asked for, and the site has no problem.
fn assert_three_halls_set_up(harness: &Harness<'static, CoolplanApp>) {
    let state = &harness.state().state;
    let site = &state.doc.site;
    assert_eq!(site.halls.len(), 3);
    for hall in &site.halls {
        let rows: Vec<_> = hall
            .racks
            .iter()
            .map(|r| {
                let p = r.position.clone().expect("placed");
                let s = &r.servers[0];
                (p, r.count, s.count, s.model.as_str(), r.servers.len())
            })
            .collect();
        let at = |row: &str, slot| Position {
            row: row.into(),
            slot,
        };
        assert_eq!(
            rows,
            vec![
                (at("A", 1), 10, 20, "cpu-1u", 1),
                (at("B", 1), 6, 4, "hgx-h100", 1)
            ],
            "{}",
            hall.name
        );
    }
    assert!(
        state.analysis.problems.is_empty(),
        "{:?}",
        state.analysis.problems
    );
}

/// Each hall set up on its own: 39 actions.
#[test]
fn three_halls_set_up_one_by_one_take_39_actions() {
    let mut harness = harness(None);
    let mut actions = Actions::default();
    actions.click(&mut harness, "File");
    actions.click(&mut harness, "New");
    actions.click(&mut harness, "Rack");
    actions.click(&mut harness, "Hall 1");
    two_rows(&mut actions, &mut harness);
    for _ in 0..2 {
        actions.click(&mut harness, "Add hall");
        two_rows(&mut actions, &mut harness);
    }
    assert_three_halls_set_up(&harness);
    eprintln!(
        "one by one: {} actions = {} clicks + {} fields ({} keystrokes)\n  {}",
        actions.total(),
        actions.clicks,
        actions.fields,
        actions.keys,
        actions.steps.join("\n  ")
    );
    assert_eq!(actions.total(), 39);
}

/// The first hall set up, then duplicated twice: 19 actions.
#[test]
fn three_alike_halls_by_duplicating_the_first_take_19_actions() {
    let mut harness = harness(None);
    let mut actions = Actions::default();
    actions.click(&mut harness, "File");
    actions.click(&mut harness, "New");
    actions.click(&mut harness, "Rack");
    actions.click(&mut harness, "Hall 1");
    two_rows(&mut actions, &mut harness);
    // The rack view always shows (and selects) a rack group, which Duplicate would copy: the
    // Site view leaves the hall selected.
    actions.click(&mut harness, "Site");
    actions.click(&mut harness, "Hall 1");
    actions.click(&mut harness, "Duplicate");
    actions.click(&mut harness, "Duplicate");
    assert_three_halls_set_up(&harness);
    eprintln!(
        "duplicating: {} actions = {} clicks + {} fields ({} keystrokes)\n  {}",
        actions.total(),
        actions.clicks,
        actions.fields,
        actions.keys,
        actions.steps.join("\n  ")
    );
    assert_eq!(actions.total(), 19);
}
