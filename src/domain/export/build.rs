//! Builds the export from the case, the answers, the plan and its review dates.

use super::*;
use crate::domain::answers::Answers;
use crate::domain::case::CaseDetails;
use crate::domain::predictors::{Predictions, PredictorError};
use crate::domain::questionnaire::{LinkedTo, Section, ROSH_GRID, SECTIONS};
use crate::domain::rosh::{rosh_rating, ROSH_GRID_ITEM};
use crate::domain::scoring::{score_section, NeedLevel};
use crate::domain::signing::CaseSigning;

/// Everything in one value, ready for `serde_json::to_string_pretty`. `exported_at` is the moment of
/// export in RFC 3339, from the caller's clock; `predictions` are left out when `None`; the signing
/// block says what the case's signing record says of the exported version (`export_signing`).
pub fn build_export(
    case: &CaseDetails,
    answers: &Answers,
    plan: &SentencePlan,
    reviews: &[ReviewDate],
    predictions: Option<&Predictions>,
    signing: &CaseSigning,
    exported_at: &str,
) -> SentencePlanExport {
    SentencePlanExport {
        schema_version: SCHEMA_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        exported_at: exported_at.to_string(),
        case: ExportedCase {
            name: case.name.clone(),
            crn: case.crn.clone(),
            date_of_birth: case.date_of_birth,
            sex: case.sex,
            sentence_type: case.sentence_type,
            sentence_date: case.sentence_date,
            sentence_or_release_date: case.sentence_or_release_date,
            sentence_end_date: case.sentence_end_date,
            photo: None,
        },
        assessment_summary: summarise(answers, predictions),
        plan: plan.clone(),
        review_dates: reviews.to_vec(),
        signing: export_signing(signing),
    }
}

fn summarise(answers: &Answers, predictions: Option<&Predictions>) -> AssessmentSummary {
    let available: Vec<&Section> = SECTIONS
        .iter()
        .filter(|section| section.is_available(answers))
        .collect();
    let scored: Vec<(&Section, _)> = available
        .iter()
        .filter(|section| section.is_scored())
        .map(|section| (*section, score_section(section, answers)))
        .collect();
    AssessmentSummary {
        sections: scored
            .iter()
            .map(|(section, score)| SectionSummary {
                id: section.id.to_string(),
                title: section.title.to_string(),
                score: score.score,
                max: score.max,
                need: score.need.map(NeedFlag::from),
                complete: score.is_complete(),
            })
            .collect(),
        identified_needs: scored
            .iter()
            .filter(|(_, score)| score.is_need())
            .filter_map(|(section, _)| AreaOfNeed::for_section(section.id))
            .collect(),
        linked_to_harm: judged_yes(&available, answers, LinkedTo::RiskOfSeriousHarm),
        linked_to_offending: judged_yes(&available, answers, LinkedTo::Offending),
        rosh: rosh_summary(answers),
        risk_management_plan: risk_management_plan(answers),
        predictors: predictions.map(|predictions| PredictorsSummary {
            ogrs3: outcome(&predictions.ogrs3, |r| {
                (r.one_year, r.two_year, r.band, None)
            }),
            ogp: outcome(&predictions.ogp, |r| {
                (r.one_year, r.two_year, r.band, Some(r.points))
            }),
            ovp: outcome(&predictions.ovp, |r| {
                (r.one_year, r.two_year, r.band, Some(r.points))
            }),
        }),
    }
}

impl From<NeedLevel> for NeedFlag {
    fn from(level: NeedLevel) -> Self {
        match level {
            NeedLevel::NoNeed => NeedFlag::NoNeed,
            NeedLevel::Need => NeedFlag::Need,
            NeedLevel::Severe => NeedFlag::Severe,
        }
    }
}

/// Ids of the sections whose closing judgement "linked to …" applies and is answered yes.
fn judged_yes(sections: &[&Section], answers: &Answers, to: LinkedTo) -> Vec<String> {
    sections
        .iter()
        .filter(|section| {
            section.linked_item(to).is_some_and(|item| {
                item.applies(answers) && answers.choice(item.code) == Some("yes")
            })
        })
        .map(|section| section.id.to_string())
        .collect()
}

fn rosh_summary(answers: &Answers) -> RoshSummary {
    let rating = rosh_rating(answers);
    RoshSummary {
        rosh_assessed: rating.overall.is_some(),
        overall: rating.overall,
        grid: ROSH_GRID
            .cells()
            .map(|(row, column)| RoshCell {
                group: row.key.to_string(),
                setting: column.key.to_string(),
                level: answers
                    .cell(ROSH_GRID_ITEM, row.key, column.key)
                    .and_then(RoshLevel::from_code),
            })
            .collect(),
        narratives: narratives("rosh-summary", answers),
    }
}

/// Every free-text item of a section that applies and is answered, as written.
fn narratives(section_id: &str, answers: &Answers) -> Vec<Narrative> {
    let Some(section) = crate::domain::questionnaire::section(section_id) else {
        return Vec::new();
    };
    section
        .items
        .iter()
        .filter(|item| {
            matches!(
                item.kind,
                crate::domain::questionnaire::ItemKind::FreeText { .. }
            )
        })
        .filter(|item| item.applies(answers) && !answers.text(item.code).trim().is_empty())
        .map(|item| Narrative {
            code: item.code.to_string(),
            question: item.question.to_string(),
            text: answers.text(item.code).to_string(),
        })
        .collect()
}

fn risk_management_plan(answers: &Answers) -> RiskManagementPlan {
    let required = crate::domain::questionnaire::section("rmp")
        .is_some_and(|section| section.is_required(answers));
    RiskManagementPlan {
        required,
        headings: narratives("rmp", answers),
        mappa: crate::domain::rosh::mappa(answers).describe(),
    }
}

fn outcome<T>(
    result: &Result<T, PredictorError>,
    summary: impl Fn(&T) -> (u8, u8, Band, Option<u32>),
) -> PredictorOutcome {
    match result {
        Ok(result) => {
            let (one_year, two_year, band, points) = summary(result);
            PredictorOutcome::Calculated(CalculatedPredictor {
                one_year,
                two_year,
                band,
                points,
            })
        }
        Err(error) => PredictorOutcome::NotCalculated(PredictorNotCalculated {
            error: error.to_string(),
            missing: match error {
                PredictorError::Missing(names) => {
                    names.iter().map(|name| name.to_string()).collect()
                }
                _ => Vec::new(),
            },
        }),
    }
}
