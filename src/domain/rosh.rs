//! Risk of serious harm: the level grid's overall level (domain.md §3) and the MAPPA prompt.

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::questionnaire::ROSH_GRID;

/// The RoSH grid item in the summary section.
pub const ROSH_GRID_ITEM: &str = "R10.6";

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

/// A MAPPA referral should be considered for High or Very high RoSH with domestic abuse
/// (domain.md §3), recorded in 6.7 or in the screening (R2.3).
pub fn mappa_referral_prompt(answers: &Answers) -> bool {
    let high = rosh_rating(answers).overall >= Some(RoshLevel::High);
    let domestic_abuse =
        answers.choice("6.7") == Some("yes") || answers.choice("R2.3") == Some("yes");
    high && domestic_abuse
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn mappa_is_prompted_for_high_risk_with_domestic_abuse_only() {
        let mut answers = Answers::default();
        rate(&mut answers, "known_adult", "community", "high");
        assert!(!mappa_referral_prompt(&answers));
        answers.set("R2.3", crate::domain::answers::Answer::Choice("yes".into()));
        assert!(mappa_referral_prompt(&answers));
        rate(&mut answers, "known_adult", "community", "medium");
        assert!(!mappa_referral_prompt(&answers));
    }
}
