//! `workbook assess` on the domain side: the need sections, the forms of an answer, refusals, the RoSH
//! grid, custody, reviews done and changes.

use serde_json::json;

use super::*;

/// Runs the input through the text, as a script would, and reads the printed output back.
fn input(value: Value) -> Result<AssessOutput, String> {
    assess_json(&value.to_string()).map(|text| serde_json::from_str(&text).unwrap())
}

fn community() -> Value {
    json!({
        "sex": "male", "date_of_birth": "1990-01-01", "sentence_type": "community_order",
        "sentence_or_release_date": "2026-11-02", "sentence_end_date": "2028-11-01"
    })
}

fn with(answers: Value) -> Value {
    json!({"today": "2026-12-01", "case": community(), "answers": answers})
}

#[test]
fn the_need_sections_are_listed_in_order_with_their_scores() {
    let output = input(with(json!({}))).unwrap();
    let ids: Vec<&str> = output.sections.iter().map(|s| s.section.as_str()).collect();
    assert_eq!(ids, ["3", "4", "6", "7", "8", "9", "11", "12"]);
    assert!(output
        .sections
        .iter()
        .all(|s| s.score == 0 && !s.need && !s.severe));
    assert!(output.identified_needs.is_empty());
    assert_eq!(output.overall_rosh, "not_yet_assessed");
}

#[test]
fn a_scored_answer_may_be_its_score_yes_or_no_or_the_stored_value() {
    let by_score = input(with(json!({"3.3": 2, "3.4": 2}))).unwrap();
    let by_value = input(with(json!({"3.3": "yes", "3.4": "2"}))).unwrap();
    let by_bool = input(with(json!({"3.3": true, "3.4": 2}))).unwrap();
    assert_eq!(by_score, by_value);
    assert_eq!(by_score, by_bool);
    let accommodation = &by_score.sections[0];
    assert_eq!(accommodation.section, "3");
    assert!(accommodation.need);
    assert_eq!(by_score.identified_needs, ["3"]);
    // The same answers in the app's own form give the same scores.
    let mut answers = Answers::default();
    answers.set("3.3", Answer::Choice("yes".into()));
    answers.set("3.4", Answer::Choice("2".into()));
    let section = crate::domain::questionnaire::section("3").unwrap();
    let score = score_section(section, &answers);
    assert_eq!(
        (accommodation.score, accommodation.max),
        (score.score, score.max)
    );
}

#[test]
fn answers_the_questionnaire_does_not_offer_are_refused() {
    for (answers, expected) in [
        (
            json!({"9.99.9": 1}),
            "answers.9.99.9: there is no item 9.99.9 in the assessment",
        ),
        (json!({"3.4": 3}), "answers.3.4: 3 is not an answer"),
        (
            json!({"3.3": "maybe"}),
            "answers.3.3: \"maybe\" is not an answer",
        ),
        (json!({"2.1": 5}), "answers.2.1: give text, not 5"),
    ] {
        let error = input(with(answers)).unwrap_err();
        assert!(error.starts_with(expected), "{error}");
    }
    assert!(
        input(with(json!({"3.4": null}))).is_ok(),
        "null is unanswered"
    );
    assert!(input(with(json!({"2.1": "free text"}))).is_ok());
}

#[test]
fn the_rosh_grid_gives_the_overall_rosh() {
    let (row, column) = crate::domain::questionnaire::ROSH_GRID
        .cells()
        .next()
        .unwrap();
    let key = format!("{}/{}", row.key, column.key);
    let output = input(with(json!({
        crate::domain::rosh::ROSH_GRID_ITEM: {key.clone(): "high"}
    })))
    .unwrap();
    assert_eq!(output.overall_rosh, "high");
    let error = input(with(json!({
        crate::domain::rosh::ROSH_GRID_ITEM: {key: "extreme"}
    })))
    .unwrap_err();
    assert!(error.contains("is not an answer for the cell"), "{error}");
}

#[test]
fn custody_needs_its_sentence_date() {
    let mut case = community();
    case["sentence_type"] = json!("custody");
    case["sentence_or_release_date"] = json!("2027-09-01");
    case["sentence_end_date"] = json!("2029-03-01");
    let missing = json!({"today": "2026-12-01", "case": case.clone()});
    assert_eq!(
        input(missing).unwrap_err(),
        "case.sentence_date: Enter the sentence date"
    );
    case["sentence_date"] = json!("2026-03-02");
    let output = input(json!({"today": "2026-12-01", "case": case})).unwrap();
    let initial = &output.review_dates[0];
    assert_eq!(
        initial.date,
        jiff::civil::date(2026, 4, 27),
        "8 weeks from 2 March"
    );
    assert!(initial.overdue);
}

#[test]
fn reviews_done_and_changes_move_the_dates() {
    let base = json!({
        "today": "2027-06-01", "case": community(), "plan_agreed_on": "2026-11-20",
        "reviews_done": [{"date": "2027-05-20", "purpose": "review"}],
        "significant_changes": [{"date": "2027-05-30", "kind": "change_of_address"}]
    });
    let output = input(base).unwrap();
    let kinds: Vec<(String, bool)> = output
        .review_dates
        .iter()
        .map(|review| (review.date.to_string(), review.overdue))
        .collect();
    assert_eq!(kinds[0], ("2026-11-23".to_string(), false), "agreed");
    assert!(output
        .review_dates
        .iter()
        .any(|review| review.date.to_string() == "2027-11-20"));
    let change = output
        .review_dates
        .iter()
        .find(|review| review.kind == crate::domain::reviews::ReviewKind::SignificantChange)
        .unwrap();
    assert!(change.overdue, "due on 30 May, nothing signed since");
    assert_eq!(change.reason, "Significant change: change of address");
}

#[test]
fn impossible_dates_are_refused_with_a_sentence() {
    let mut case = community();
    case["sentence_end_date"] = json!("2026-01-01");
    let error = input(json!({"today": "2026-12-01", "case": case})).unwrap_err();
    assert_eq!(
        error,
        "case.sentence_end_date: Sentence end date must be after the sentence or release date"
    );
    let error = input(json!({"today": "9999-12-31", "case": community()})).unwrap_err();
    assert_eq!(
        error,
        "today must be between 1900 and 2100 (it is 9999-12-31)"
    );
    let future_review = json!({
        "today": "2026-12-01", "case": community(),
        "reviews_done": [{"date": "2026-12-02", "purpose": "review"}]
    });
    assert_eq!(
        input(future_review).unwrap_err(),
        "reviews_done[0].date must be today or in the past"
    );
    let early_change = json!({
        "today": "2026-12-01", "case": community(),
        "significant_changes": [{"date": "2026-10-01", "kind": "recall"}]
    });
    assert_eq!(
        input(early_change).unwrap_err(),
        "significant_changes[0]: Date of the change must be on or after the sentence date 2 November 2026"
    );
}

#[test]
fn unknown_fields_are_refused() {
    let mut value = with(json!({}));
    value["todya"] = json!("2026-12-01");
    assert!(input(value).unwrap_err().contains("unknown field `todya`"));
    let mut case = community();
    case["name"] = json!("Alex");
    assert!(input(json!({"today": "2026-12-01", "case": case}))
        .unwrap_err()
        .contains("unknown field `name`"));
}
