//! Rack groups as tab-separated text, to and from spreadsheets: copy writes the chosen rows
//! with a header (hall, rack group, row, slot, count, servers, status, cooling rule); paste
//! reads such rows (with or without the header, English or Chinese, in this column order when
//! there is none) into the groups to update and the groups to add, or says which line it
//! could not read and why.
//!
//! Owns: the text form of a row and its parsing. Never touches: the site (the caller turns
//! [`Pasted`] into one edit), the clipboard, wording beyond [`PasteError::text`].

use coolplan_engine::CoolingOption;
use coolplan_model::{Cooling, CoolingRule, Position, Rack, ServerGroup, Site, Status};
use coolplan_words::gui::Gui;
use coolplan_words::inventory::Inv;
use coolplan_words::{Lang, Text};

/// Columns of a row, in the order copy writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Hall,
    Rack,
    Row,
    Slot,
    Count,
    Servers,
    Status,
    Cooling,
}

impl Column {
    const ALL: [Column; 8] = [
        Column::Hall,
        Column::Rack,
        Column::Row,
        Column::Slot,
        Column::Count,
        Column::Servers,
        Column::Status,
        Column::Cooling,
    ];
    /// The header copy writes (the file's words, so a paste reads it in any language).
    fn key(self) -> &'static str {
        match self {
            Column::Hall => "hall",
            Column::Rack => "rack group",
            Column::Row => "row",
            Column::Slot => "slot",
            Column::Count => "count",
            Column::Servers => "servers",
            Column::Status => "status",
            Column::Cooling => "cooling",
        }
    }
    /// The inventory table's heading of this column, in `lang` (the words crate's).
    fn heading(self, lang: Lang) -> &'static str {
        match self {
            Column::Hall => Gui::ColHall.tr(lang),
            Column::Rack => Gui::ColRack.tr(lang),
            Column::Row => Gui::Row.tr(lang),
            Column::Slot => Gui::Slot.tr(lang),
            Column::Count => Gui::ColCount.tr(lang),
            Column::Servers => Gui::ColServers.tr(lang),
            Column::Status => Gui::ColStatus.tr(lang),
            Column::Cooling => Inv::ColCooling.tr(lang),
        }
    }
    /// The column a header cell names: its file key or its heading in either language.
    fn named(cell: &str) -> Option<Column> {
        let cell = cell.trim().to_lowercase();
        Column::ALL.into_iter().find(|c| {
            cell == c.key()
                || [Lang::En, Lang::Zh]
                    .into_iter()
                    .any(|lang| cell == c.heading(lang).to_lowercase())
                || (*c == Column::Rack && (cell == "rack" || cell == "name"))
        })
    }
}

/// The rows at `at` (hall, rack group) as tab-separated text with a header line.
pub fn copy(site: &Site, at: &[(usize, usize)]) -> String {
    let mut out = Column::ALL.map(Column::key).join("\t");
    out.push('\n');
    for &(h, r) in at {
        let Some(rack) = site.halls.get(h).and_then(|hall| hall.racks.get(r)) else {
            continue;
        };
        let (row, slot) = rack
            .position
            .as_ref()
            .map_or((String::new(), String::new()), |p| {
                (p.row.clone(), p.slot.to_string())
            });
        let cells = [
            clean(&site.halls[h].name),
            clean(&rack.name),
            row,
            slot,
            rack.count.to_string(),
            servers_text(rack),
            status_text(rack),
            rule_text(rack.cooling.as_ref()),
        ];
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// A cell without tabs or line breaks (they would split it).
fn clean(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn servers_text(rack: &Rack) -> String {
    rack.servers
        .iter()
        .map(|g| format!("{} × {}", g.count, g.model))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// `Stock`, `New 2027`, or empty when the groups differ.
fn status_text(rack: &Rack) -> String {
    let mut statuses = rack.servers.iter().map(|g| g.status);
    let Some(first) = statuses.next() else {
        return String::new();
    };
    if statuses.any(|s| s != first) {
        return String::new();
    }
    match first {
        Status::Stock => "Stock".into(),
        Status::New(year) => format!("New {year}"),
    }
}

/// `only cold_plate`, `not immersion, air`, or empty for any option.
pub fn rule_text(rule: Option<&CoolingRule>) -> String {
    let key = |c: &Cooling| CoolingOption::of_cooling(*c).key();
    match rule {
        None => String::new(),
        Some(CoolingRule::Force(only)) => format!("only {}", key(only)),
        Some(CoolingRule::Exclude(list)) => {
            let keys: Vec<&str> = list.iter().map(key).collect();
            format!("not {}", keys.join(", "))
        }
    }
}

/// What a paste changes: groups to replace at (hall, rack group), groups to add to a hall.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pasted {
    pub replace: Vec<((usize, usize), Rack)>,
    pub add: Vec<(usize, Rack)>,
}

impl Pasted {
    pub fn rows(&self) -> usize {
        self.replace.len() + self.add.len()
    }
}

/// Why a paste could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteProblem {
    /// No rows at all.
    Empty,
    MissingName,
    UnknownHall(String),
    BadCount(String),
    BadServers(String),
    BadStatus(String),
    BadCooling(String),
}

/// The first line a paste could not read (1 = the first line of the text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasteError {
    pub line: usize,
    pub problem: PasteProblem,
}

impl PasteError {
    /// The error in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let why = match &self.problem {
            PasteProblem::Empty => return Inv::PasteEmpty.tr(lang).to_string(),
            PasteProblem::MissingName => Inv::MissingName.tr(lang).to_string(),
            PasteProblem::UnknownHall(name) => Inv::UnknownHall.fmt(lang, &[name]),
            PasteProblem::BadCount(cell) => Inv::BadCount.fmt(lang, &[cell]),
            PasteProblem::BadServers(cell) => Inv::BadServers.fmt(lang, &[cell]),
            PasteProblem::BadStatus(cell) => Inv::BadStatus.fmt(lang, &[cell]),
            PasteProblem::BadCooling(cell) => Inv::BadCooling.fmt(lang, &[cell]),
        };
        Inv::PasteFailed.fmt(lang, &[&self.line, &why])
    }
}

/// Reads pasted rows against `site`: a row naming a group of its hall updates that group
/// (each non-empty cell replaces its field), another name adds a group (42U, count 1 unless
/// given). All or nothing: the first line that cannot be read is the error.
pub fn paste(site: &Site, text: &str) -> Result<Pasted, PasteError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .peekable();
    let mut columns: Vec<Column> = Column::ALL.to_vec();
    if let Some((_, first)) = lines.peek() {
        let cells: Vec<&str> = first.split('\t').collect();
        if cells.first().and_then(|c| Column::named(c)) == Some(Column::Hall) {
            columns = cells.iter().filter_map(|c| Column::named(c)).collect();
            lines.next();
        }
    }
    let mut pasted = Pasted::default();
    for (index, line) in lines {
        let at = |problem| PasteError {
            line: index + 1,
            problem,
        };
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let cell = |column: Column| {
            columns
                .iter()
                .position(|c| *c == column)
                .and_then(|i| cells.get(i))
                .copied()
                .filter(|c| !c.is_empty())
        };
        let (Some(hall_name), Some(name)) = (cell(Column::Hall), cell(Column::Rack)) else {
            return Err(at(PasteProblem::MissingName));
        };
        let h = site
            .halls
            .iter()
            .position(|hall| hall.name == hall_name)
            .ok_or_else(|| at(PasteProblem::UnknownHall(hall_name.to_string())))?;
        let existing = site.halls[h].racks.iter().position(|r| r.name == name);
        let added = pasted
            .add
            .iter()
            .position(|(ah, r)| *ah == h && r.name == name);
        let mut rack = match (added, existing) {
            (Some(i), _) => pasted.add[i].1.clone(),
            (None, Some(r)) => site.halls[h].racks[r].clone(),
            (None, None) => empty_rack(name),
        };
        apply_cells(&mut rack, &cell).map_err(at)?;
        match (added, existing) {
            (Some(i), _) => pasted.add[i].1 = rack,
            (None, Some(r)) => {
                pasted.replace.retain(|(place, _)| *place != (h, r));
                pasted.replace.push(((h, r), rack));
            }
            (None, None) => pasted.add.push((h, rack)),
        }
    }
    if pasted.rows() == 0 {
        return Err(PasteError {
            line: 1,
            problem: PasteProblem::Empty,
        });
    }
    Ok(pasted)
}

fn empty_rack(name: &str) -> Rack {
    Rack {
        name: name.to_string(),
        notes: String::new(),
        count: 1,
        height: coolplan_units::build::rack_units(42.0),
        position: None,
        retrofit_share: None,
        servers: Vec::new(),
        measured: None,
        cooling: None,
    }
}

/// Each non-empty cell of a row onto `rack`.
fn apply_cells<'a>(
    rack: &mut Rack,
    cell: &impl Fn(Column) -> Option<&'a str>,
) -> Result<(), PasteProblem> {
    if let Some(count) = cell(Column::Count) {
        rack.count = whole(count).ok_or_else(|| PasteProblem::BadCount(count.into()))?;
    }
    match (cell(Column::Row), cell(Column::Slot)) {
        (Some(row), slot) => {
            let slot = match slot {
                Some(s) => whole(s).ok_or_else(|| PasteProblem::BadCount(s.into()))?,
                None => 1,
            };
            rack.position = Some(Position {
                row: row.to_string(),
                slot: u32::try_from(slot.max(1)).unwrap_or(u32::MAX),
            });
        }
        (None, Some(slot)) => {
            let slot = whole(slot).ok_or_else(|| PasteProblem::BadCount(slot.into()))?;
            if let Some(position) = &mut rack.position {
                position.slot = u32::try_from(slot.max(1)).unwrap_or(u32::MAX);
            }
        }
        (None, None) => {}
    }
    if let Some(servers) = cell(Column::Servers) {
        let status = rack.servers.first().map_or(Status::Stock, |g| g.status);
        let mut pasted = server_groups(servers, status)
            .ok_or_else(|| PasteProblem::BadServers(servers.into()))?;
        // the table has no life columns: a model the group already held keeps its own
        for group in &mut pasted {
            if let Some(old) = rack.servers.iter().find(|g| g.model == group.model) {
                group.installed = old.installed;
                group.service_life = old.service_life;
                group.refresh = old.refresh.clone();
            }
        }
        rack.servers = pasted;
    }
    if let Some(status) = cell(Column::Status) {
        let status = parse_status(status).ok_or_else(|| PasteProblem::BadStatus(status.into()))?;
        for group in &mut rack.servers {
            group.status = status;
        }
    }
    if let Some(rule) = cell(Column::Cooling) {
        rack.cooling = parse_rule(rule).ok_or_else(|| PasteProblem::BadCooling(rule.into()))?;
    }
    Ok(())
}

/// A whole number, thousands separators allowed: `2,000`, `2 000`.
fn whole(text: &str) -> Option<u64> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_'))
        .collect();
    digits.parse().ok()
}

/// `4 × hgx-h100 + 2 × cpu-2u` (also `x`, `*`; a model alone counts one).
fn server_groups(text: &str, status: Status) -> Option<Vec<ServerGroup>> {
    text.split('+')
        .map(|part| {
            let part = part.trim();
            let (count, model) = match part.split_once(['×', '*']).or_else(|| {
                part.split_once(" x ").or_else(|| {
                    part.split_once(['x', 'X']).filter(|(n, _)| {
                        !n.trim().is_empty() && n.trim().chars().all(|c| c.is_ascii_digit())
                    })
                })
            }) {
                Some((n, m)) => (u32::try_from(whole(n.trim())?).ok()?, m.trim()),
                None => (1, part),
            };
            (!model.is_empty() && !model.contains(char::is_whitespace))
                .then(|| ServerGroup::new(model, count, status))
        })
        .collect()
}

/// `Stock` / `存量`, `New 2027` / `新增 2027`, or a bare year.
fn parse_status(text: &str) -> Option<Status> {
    let lower = text.trim().to_lowercase();
    if lower == "stock" || lower == "存量" {
        return Some(Status::Stock);
    }
    let year = lower
        .trim_start_matches("new")
        .trim_start_matches("新增")
        .trim();
    year.parse().ok().map(Status::New)
}

/// An option named by its key (`cold_plate`) or its name in either language.
fn parse_option(text: &str) -> Option<Cooling> {
    let text = text.trim().to_lowercase();
    CoolingOption::ALL.into_iter().find_map(|o| {
        let names = [
            o.key().to_string(),
            o.key().replace('_', " "),
            coolplan_words::results::option_name(o, Lang::En).to_lowercase(),
            coolplan_words::results::option_name(o, Lang::Zh).to_string(),
        ];
        names.contains(&text).then(|| o.cooling())
    })
}

/// `any` (or empty), `only X`, `not X, Y` (also `仅X`, `排除X`).
fn parse_rule(text: &str) -> Option<Option<CoolingRule>> {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() || lower == "any" || lower == "不限" {
        return Some(None);
    }
    let list = |rest: &str| -> Option<Vec<Cooling>> {
        rest.split([',', '、', '，']).map(parse_option).collect()
    };
    if let Some(rest) = lower
        .strip_prefix("only")
        .or_else(|| lower.strip_prefix("仅"))
    {
        return parse_option(rest).map(|o| Some(CoolingRule::Force(o)));
    }
    if let Some(rest) = lower
        .strip_prefix("not")
        .or_else(|| lower.strip_prefix("排除"))
    {
        return list(rest).map(|l| Some(CoolingRule::Exclude(l)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::small_site;

    #[test]
    fn copied_rows_paste_back_unchanged() {
        let mut site = small_site();
        site.halls[0].racks[3].cooling = Some(CoolingRule::Exclude(vec![Cooling::Immersion]));
        let rows = [(0, 0), (0, 3), (1, 4)];
        let text = copy(&site, &rows);
        assert_eq!(text.lines().count(), 4);
        assert!(text.starts_with("hall\track group\trow\tslot\tcount\tservers\tstatus\tcooling\n"));
        let pasted = paste(&site, &text).expect("its own copy reads");
        assert!(pasted.add.is_empty());
        let expected: Vec<((usize, usize), Rack)> = rows
            .iter()
            .map(|&(h, r)| ((h, r), site.halls[h].racks[r].clone()))
            .collect();
        assert_eq!(pasted.replace, expected);
    }

    #[test]
    fn a_spreadsheet_paste_updates_by_name_and_adds_new_groups() {
        let site = small_site();
        let hall = site.halls[0].name.clone();
        let text = format!(
            "{hall}\tCPU-A01\tA\t1\t2,000\t\t\n{hall}\tNEW-01\tD\t3\t4\t4 x hgx-h100 + 2 × cpu-2u\tNew 2027\tonly cold plate\n"
        );
        let pasted = paste(&site, &text).expect("rows read");
        assert_eq!(pasted.replace.len(), 1);
        let ((h, r), updated) = &pasted.replace[0];
        assert_eq!((*h, *r), (0, 0));
        assert_eq!(updated.count, 2000);
        // empty cells leave the group's servers as they were
        assert_eq!(updated.servers, site.halls[0].racks[0].servers);
        let (h, added) = &pasted.add[0];
        assert_eq!(*h, 0);
        assert_eq!(added.name, "NEW-01");
        assert_eq!(added.count, 4);
        assert_eq!(
            added.position,
            Some(Position {
                row: "D".into(),
                slot: 3
            })
        );
        let groups: Vec<(u32, &str, Status)> = added
            .servers
            .iter()
            .map(|g| (g.count, g.model.as_str(), g.status))
            .collect();
        assert_eq!(
            groups,
            [
                (4, "hgx-h100", Status::New(2027)),
                (2, "cpu-2u", Status::New(2027))
            ]
        );
        assert_eq!(added.cooling, Some(CoolingRule::Force(Cooling::ColdPlate)));
    }

    #[test]
    fn a_chinese_header_picks_the_columns_and_bad_cells_name_their_line() {
        let site = small_site();
        let hall = site.halls[1].name.clone();
        let text = format!("机柜组\t机房\t数量\nCPU-E01\t{hall}\t12\n");
        // a header whose first cell is not the hall is read as data: the hall is missing
        assert!(paste(&site, &text).is_err());
        let text = format!("机房\t机柜组\t数量\t状态\n{hall}\tCPU-E01\t12\t新增 2028\n");
        let pasted = paste(&site, &text).expect("Chinese header");
        assert_eq!(pasted.replace[0].1.count, 12);
        assert_eq!(pasted.replace[0].1.servers[0].status, Status::New(2028));
        let bad = format!("{hall}\tCPU-E01\t\t\ttwelve\n");
        assert_eq!(
            paste(&site, &bad),
            Err(PasteError {
                line: 1,
                problem: PasteProblem::BadCount("twelve".into())
            })
        );
        let unknown = "Nowhere\tR1\n";
        let error = paste(&site, unknown).unwrap_err();
        assert_eq!(error.problem, PasteProblem::UnknownHall("Nowhere".into()));
        assert_eq!(
            error.text(Lang::En),
            "Nothing pasted: line 1: no hall is named \"Nowhere\""
        );
        assert_eq!(
            paste(&site, "\n\n").unwrap_err().problem,
            PasteProblem::Empty
        );
    }

    #[test]
    fn rules_read_in_either_language() {
        assert_eq!(parse_rule("any"), Some(None));
        assert_eq!(
            parse_rule("仅冷板式液冷"),
            Some(Some(CoolingRule::Force(Cooling::ColdPlate)))
        );
        assert_eq!(
            parse_rule("not immersion, air"),
            Some(Some(CoolingRule::Exclude(vec![
                Cooling::Immersion,
                Cooling::Air
            ])))
        );
        assert_eq!(parse_rule("sometimes"), None);
        let rule = CoolingRule::Exclude(vec![Cooling::Immersion, Cooling::Air]);
        assert_eq!(parse_rule(&rule_text(Some(&rule))), Some(Some(rule)));
    }
}
