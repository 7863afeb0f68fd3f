//! Risk of serious harm: the level grid's overall level (domain.md §3), the MAPPA prompt and the
//! MAPPA category and level recorded in the risk management plan.

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::questionnaire::{find_item, ROSH_GRID};

/// The RoSH grid item in the summary section.
pub const ROSH_GRID_ITEM: &str = "R10.6";
/// 6.7.1: the person's part in the domestic abuse recorded in 6.7, as a perpetrator and/or a victim.
pub const DOMESTIC_ABUSE_ROLE_ITEM: &str = "6.7.1";
/// R2.3: the RoSH screening's "Has the person been a perpetrator of domestic abuse?".
pub const DOMESTIC_ABUSE_PERPETRATOR_ITEM: &str = "R2.3";
/// The MAPPA category, in the risk management plan.
pub const MAPPA_CATEGORY_ITEM: &str = "RM.9";
/// The MAPPA level, asked when the person is managed under MAPPA.
pub const MAPPA_LEVEL_ITEM: &str = "RM.10";

/// A level of risk of serious harm. There is no "no risk": an unrated grid has no level at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoshLevel {
    Low,
    Medium,
    High,
    VeryHigh,
}

impl RoshLevel {
    pub const ALL: [RoshLevel; 4] = [
        RoshLevel::Low,
        RoshLevel::Medium,
        RoshLevel::High,
        RoshLevel::VeryHigh,
    ];

    /// The stored value, as in the questionnaire's `ROSH_LEVELS`.
    pub fn code(self) -> &'static str {
        match self {
            RoshLevel::Low => "low",
            RoshLevel::Medium => "medium",
            RoshLevel::High => "high",
            RoshLevel::VeryHigh => "very_high",
        }
    }

    pub fn from_code(code: &str) -> Option<RoshLevel> {
        RoshLevel::ALL
            .into_iter()
            .find(|level| level.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            RoshLevel::Low => "Low",
            RoshLevel::Medium => "Medium",
            RoshLevel::High => "High",
            RoshLevel::VeryHigh => "Very high",
        }
    }
}

/// The overall RoSH: the highest level rated in the grid, and how much of the grid is rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoshRating {
    /// `None` while no cell is rated: "RoSH not yet assessed", never Low.
    pub overall: Option<RoshLevel>,
    pub rated: usize,
    pub cells: usize,
}

impl RoshRating {
    pub fn is_complete(&self) -> bool {
        self.rated == self.cells
    }

    /// What the officer reads: "High", "High (4 of 9 groups rated)" or "RoSH not yet assessed".
    pub fn describe(&self) -> String {
        match self.overall {
            None => "RoSH not yet assessed".to_string(),
            Some(level) if self.is_complete() => level.label().to_string(),
            Some(level) => format!(
                "{} ({} of {} groups rated)",
                level.label(),
                self.rated,
                self.cells
            ),
        }
    }
}

/// Reads the grid in the RoSH summary.
pub fn rosh_rating(answers: &Answers) -> RoshRating {
    let levels: Vec<RoshLevel> = ROSH_GRID
        .cells()
        .filter_map(|(row, column)| answers.cell(ROSH_GRID_ITEM, row.key, column.key))
        .filter_map(RoshLevel::from_code)
        .collect();
    RoshRating {
        overall: levels.iter().copied().max(),
        rated: levels.len(),
        cells: ROSH_GRID.cells().count(),
    }
}

/// Whether the answers record the person as a *perpetrator* of domestic abuse: 6.7.1 "as a
/// perpetrator" (asked when 6.7 records domestic abuse), or "yes" to the screening's R2.3. Being a
/// victim of domestic abuse is not enough.
pub fn domestic_abuse_perpetrator(answers: &Answers) -> bool {
    let role_applies =
        find_item(DOMESTIC_ABUSE_ROLE_ITEM).is_some_and(|(_, item)| item.applies(answers));
    let as_perpetrator = role_applies
        && answers
            .choices(DOMESTIC_ABUSE_ROLE_ITEM)
            .iter()
            .any(|role| role == "perpetrator");
    as_perpetrator || answers.choice(DOMESTIC_ABUSE_PERPETRATOR_ITEM) == Some("yes")
}

/// A MAPPA referral should be considered for High or Very high RoSH where the person is a
/// perpetrator of domestic abuse (domain.md §3).
pub fn mappa_referral_prompt(answers: &Answers) -> bool {
    let high = rosh_rating(answers).overall >= Some(RoshLevel::High);
    high && domestic_abuse_perpetrator(answers)
}

/// A MAPPA category: who is managed under MAPPA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MappaCategory {
    /// Registered sexual offenders.
    One,
    /// Violent offenders.
    Two,
    /// Other dangerous offenders.
    Three,
}

/// A MAPPA level: how the person is managed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MappaLevel {
    /// Ordinary agency management.
    One,
    /// Active multi-agency management.
    Two,
    /// Active multi-agency management with senior oversight.
    Three,
}

/// What the risk management plan records about MAPPA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mappa {
    /// The MAPPA category is not answered yet.
    NotRecorded,
    /// Recorded: the person is not managed under MAPPA.
    NotManaged,
    /// Managed under MAPPA in this category, at this level (`None` until the level is answered).
    Managed {
        category: MappaCategory,
        level: Option<MappaLevel>,
    },
}

impl Mappa {
    /// Whether the person is managed under MAPPA (what countersigning calls "a MAPPA referral").
    pub fn is_managed(self) -> bool {
        matches!(self, Mappa::Managed { .. })
    }

    /// "MAPPA category 2, level 1", "Not managed under MAPPA" or "MAPPA not recorded".
    pub fn describe(self) -> String {
        match self {
            Mappa::NotRecorded => "MAPPA not recorded".to_string(),
            Mappa::NotManaged => "Not managed under MAPPA".to_string(),
            Mappa::Managed {
                category,
                level: None,
            } => format!("MAPPA category {}, level not recorded", category.number()),
            Mappa::Managed {
                category,
                level: Some(level),
            } => format!(
                "MAPPA category {}, level {}",
                category.number(),
                level.number()
            ),
        }
    }
}

impl MappaCategory {
    pub fn number(self) -> u8 {
        match self {
            MappaCategory::One => 1,
            MappaCategory::Two => 2,
            MappaCategory::Three => 3,
        }
    }
}

impl MappaLevel {
    pub fn number(self) -> u8 {
        match self {
            MappaLevel::One => 1,
            MappaLevel::Two => 2,
            MappaLevel::Three => 3,
        }
    }
}

/// The MAPPA category and level recorded in the risk management plan (RM.9, RM.10). An answer the
/// questionnaire does not offer reads as not recorded.
pub fn mappa(answers: &Answers) -> Mappa {
    let category = match answers.choice(MAPPA_CATEGORY_ITEM) {
        Some("none") => return Mappa::NotManaged,
        Some("1") => MappaCategory::One,
        Some("2") => MappaCategory::Two,
        Some("3") => MappaCategory::Three,
        _ => return Mappa::NotRecorded,
    };
    let level = match answers.choice(MAPPA_LEVEL_ITEM) {
        Some("1") => Some(MappaLevel::One),
        Some("2") => Some(MappaLevel::Two),
        Some("3") => Some(MappaLevel::Three),
        _ => None,
    };
    Mappa::Managed { category, level }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Answer;
    use crate::domain::questionnaire::ROSH_SUMMARY;

    fn rate(answers: &mut Answers, row: &str, column: &str, level: &str) {
        answers.set_cell(ROSH_GRID_ITEM, row, column, Some(level.into()));
    }

    #[test]
    fn the_grid_item_is_the_summary_grid() {
        let item = ROSH_SUMMARY.item(ROSH_GRID_ITEM).unwrap();
        assert!(
            matches!(item.kind, crate::domain::questionnaire::ItemKind::Grid(grid) if *grid == ROSH_GRID)
        );
    }

    #[test]
    fn an_unrated_grid_is_not_yet_assessed_never_low() {
        let rating = rosh_rating(&Answers::default());
        assert_eq!(rating.overall, None);
        assert_eq!(rating.describe(), "RoSH not yet assessed");
        assert_eq!(
            rating.cells, 9,
            "4 groups in 2 settings, and prisoners in custody only"
        );
    }

    #[test]
    fn the_overall_level_is_the_highest_in_the_grid() {
        let mut answers = Answers::default();
        for (row, column) in ROSH_GRID.cells().map(|(r, c)| (r.key, c.key)) {
            rate(&mut answers, row, column, "low");
        }
        assert_eq!(rosh_rating(&answers).describe(), "Low");
        rate(&mut answers, "known_adult", "community", "high");
        rate(&mut answers, "public", "custody", "medium");
        assert_eq!(rosh_rating(&answers).overall, Some(RoshLevel::High));
        rate(&mut answers, "prisoners", "custody", "very_high");
        assert_eq!(rosh_rating(&answers).describe(), "Very high");
    }

    #[test]
    fn a_partly_rated_grid_says_how_much_is_rated() {
        let mut answers = Answers::default();
        rate(&mut answers, "children", "community", "medium");
        let rating = rosh_rating(&answers);
        assert!(!rating.is_complete());
        assert_eq!(rating.describe(), "Medium (1 of 9 groups rated)");
    }

    #[test]
    fn a_cell_that_does_not_exist_is_ignored() {
        let mut answers = Answers::default();
        rate(&mut answers, "prisoners", "community", "very_high");
        assert_eq!(rosh_rating(&answers).overall, None);
    }

    fn choose(answers: &mut Answers, code: &str, value: &str) {
        answers.set(code, Answer::Choice(value.into()));
    }

    fn roles(answers: &mut Answers, roles: &[&str]) {
        choose(answers, "6.7", "yes");
        answers.set(
            DOMESTIC_ABUSE_ROLE_ITEM,
            Answer::Choices(roles.iter().map(|role| role.to_string()).collect()),
        );
    }

    #[test]
    fn the_named_items_exist() {
        for code in [
            DOMESTIC_ABUSE_ROLE_ITEM,
            DOMESTIC_ABUSE_PERPETRATOR_ITEM,
            MAPPA_CATEGORY_ITEM,
            MAPPA_LEVEL_ITEM,
        ] {
            assert!(find_item(code).is_some(), "{code}");
        }
        let (_, role) = find_item(DOMESTIC_ABUSE_ROLE_ITEM).unwrap();
        assert!(role.choice("perpetrator").is_some() && role.choice("victim").is_some());
        let (section, _) = find_item(MAPPA_CATEGORY_ITEM).unwrap();
        assert_eq!(section.id, "rmp");
    }

    #[test]
    fn mappa_is_prompted_for_high_risk_with_a_perpetrator_of_domestic_abuse_only() {
        let mut answers = Answers::default();
        rate(&mut answers, "known_adult", "community", "high");
        assert!(!mappa_referral_prompt(&answers));
        choose(&mut answers, "R2.3", "yes");
        assert!(
            mappa_referral_prompt(&answers),
            "the screening's perpetrator answer"
        );
        rate(&mut answers, "known_adult", "community", "medium");
        assert!(!mappa_referral_prompt(&answers), "Medium is not enough");
        rate(&mut answers, "known_adult", "community", "very_high");
        assert!(mappa_referral_prompt(&answers));
        choose(&mut answers, "R2.3", "dont_know");
        assert!(!mappa_referral_prompt(&answers));
    }

    #[test]
    fn a_victim_of_domestic_abuse_is_never_prompted_for() {
        let mut answers = Answers::default();
        rate(&mut answers, "public", "community", "very_high");
        choose(&mut answers, "6.7", "yes");
        assert!(
            !mappa_referral_prompt(&answers),
            "6.7 alone says nothing of the role"
        );
        roles(&mut answers, &["victim"]);
        assert!(!domestic_abuse_perpetrator(&answers));
        assert!(
            !mappa_referral_prompt(&answers),
            "a victim, not a perpetrator"
        );
        choose(&mut answers, "R2.3", "no");
        assert!(!mappa_referral_prompt(&answers));
        roles(&mut answers, &["perpetrator", "victim"]);
        assert!(mappa_referral_prompt(&answers), "6.7.1 as a perpetrator");
        roles(&mut answers, &["perpetrator"]);
        assert!(mappa_referral_prompt(&answers));
        choose(&mut answers, "6.7", "no");
        assert!(
            !mappa_referral_prompt(&answers),
            "6.7.1 hidden by 6.7 = no does not count"
        );
    }

    #[test]
    fn mappa_is_read_from_the_risk_management_plan() {
        let mut answers = Answers::default();
        assert_eq!(mappa(&answers), Mappa::NotRecorded);
        assert_eq!(mappa(&answers).describe(), "MAPPA not recorded");
        choose(&mut answers, MAPPA_CATEGORY_ITEM, "none");
        assert_eq!(mappa(&answers), Mappa::NotManaged);
        assert!(!mappa(&answers).is_managed());
        choose(&mut answers, MAPPA_CATEGORY_ITEM, "2");
        assert_eq!(
            mappa(&answers),
            Mappa::Managed {
                category: MappaCategory::Two,
                level: None
            }
        );
        assert!(mappa(&answers).is_managed());
        assert_eq!(
            mappa(&answers).describe(),
            "MAPPA category 2, level not recorded"
        );
        choose(&mut answers, MAPPA_LEVEL_ITEM, "3");
        assert_eq!(mappa(&answers).describe(), "MAPPA category 2, level 3");
        choose(&mut answers, MAPPA_CATEGORY_ITEM, "4");
        assert_eq!(mappa(&answers), Mappa::NotRecorded, "not a category");
    }

    #[test]
    fn the_mappa_level_is_asked_only_for_a_mappa_category() {
        let (_, level) = find_item(MAPPA_LEVEL_ITEM).unwrap();
        let mut answers = Answers::default();
        assert!(!level.applies(&answers));
        choose(&mut answers, MAPPA_CATEGORY_ITEM, "none");
        assert!(!level.applies(&answers));
        for category in ["1", "2", "3"] {
            choose(&mut answers, MAPPA_CATEGORY_ITEM, category);
            assert!(level.applies(&answers), "category {category}");
        }
    }
}
