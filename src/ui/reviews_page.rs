//! Review dates (domain.md §5): every date the plan is due or reviewed with its reason, the last
//! review done and the next one due, the done and overdue ones marked; how often the case is
//! reviewed; and "record a significant change", which makes a review due on the day it is recorded.
//! Changes are saved as they are made.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::autosave::{Autosave, SaveStatusLine};
use super::clock;
use super::components::{
    error_at, focus_error_summary, set_title, DateInput, ErrorSummary, Radios, TextInput,
    WarningText,
};
use super::export::ExportPlanButton;
use super::loading::{LiveCase, LiveCaseView};
use crate::domain::answers::Answers;
use crate::domain::dates::format_long;
use crate::domain::errors::FieldErrors;
use crate::domain::reviews::{
    change_fields, last_review_done, next_review_due, review_schedule, reviews_done,
    sentence_start, ChangeKind, ReviewDate, ReviewDone, SignificantChange, SignificantChangeForm,
    CHANGE_REASON_MAX_CHARS,
};
use crate::domain::signing::CaseSigning;
use crate::store::{CaseRecord, PlanRecord};

/// The intervals offered, in months. Six is the usual minimum (National Standards).
const INTERVALS: [u8; 3] = [3, 6, 12];
/// The id of the "how often" radios.
const INTERVAL_FIELD: &str = "review-interval";

/// The reviews done in the open case's signed versions, as they change.
pub fn reviews_done_of(live: &LiveCase) -> Signal<Vec<ReviewDone>> {
    let signing = live.signing.draft;
    Signal::derive(move || signing.with(|record| reviews_done(&record.signing)))
}

/// "1 September 2026 (significant change review)", or that none is signed yet.
pub fn describe_last_review(done: &[ReviewDone]) -> String {
    match last_review_done(done) {
        Some(review) => format!(
            "{} ({})",
            format_long(review.date),
            review.purpose.label().to_lowercase()
        ),
        None => "No review assessment signed yet".to_string(),
    }
}

/// `/cases/:id/reviews`
#[component]
pub fn ReviewsPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <LiveCaseView case_id=case_id render={|live: LiveCase| {
            let case = live.case.draft.get_untracked();
            let answers = live.assessment.draft.with_untracked(|record| record.answers.clone());
            let done = reviews_done_of(&live);
            let locked = Memo::new(move |_| live.is_locked());
            view! { <ReviewDates case=case answers=answers autosave=live.plan reviews_done=done locked=locked signing=Signal::derive(move || live.signing.draft.with(|record| record.signing.clone())) /> }.into_any()
        }} />
    }
}

#[component]
fn ReviewDates(
    case: CaseRecord,
    answers: Answers,
    autosave: Autosave<PlanRecord>,
    reviews_done: Signal<Vec<ReviewDone>>,
    /// While the version is signed, its review settings are read-only (significant changes are not).
    locked: Memo<bool>,
    /// The case's signing record, for the export.
    signing: Signal<CaseSigning>,
) -> impl IntoView {
    let draft = autosave.draft;
    let today = clock::today();
    let details = StoredValue::new(case.details.clone());
    let case_id = StoredValue::new(case.id.clone());
    let schedule = Memo::new(move |_| {
        draft.with(|record| {
            details.with_value(|details| {
                reviews_done.with(|done| {
                    review_schedule(
                        details,
                        &record.review_settings,
                        &record.plan,
                        &record.significant_changes,
                        done,
                        today,
                    )
                })
            })
        })
    });
    let errors = RwSignal::new(FieldErrors::default());
    let change_form = RwSignal::new(SignificantChangeForm::dated(today));
    // The change just recorded, and its place in the case's list (its review is started by it).
    let recorded = RwSignal::new(None::<(SignificantChange, usize)>);
    Effect::new(move |_| set_title("Review dates", !errors.with(FieldErrors::is_empty)));
    let error_for = move |field: &'static str| error_at(errors, field);

    let record_change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = change_form.with_untracked(|form| {
            details.with_value(|details| form.to_change(details, clock::today()))
        });
        match change {
            Ok(change) => {
                errors.set(FieldErrors::default());
                let index = draft.with_untracked(|record| record.significant_changes.len());
                recorded.set(Some((change.clone(), index)));
                autosave.change_now(move |record| record.significant_changes.push(change.clone()));
                change_form.set(SignificantChangeForm::dated(clock::today()));
            }
            Err(problems) => {
                recorded.set(None);
                errors.set(problems);
                focus_error_summary();
            }
        }
    };

    let start_label = case.details.sentence_type.start_date_label().to_lowercase();
    let earliest_change = match sentence_start(&case.details) {
        Some((label, _)) => format!(
            "Today or earlier, and not before the {}.",
            label.to_lowercase()
        ),
        None => "Today or earlier.".to_string(),
    };
    let needs_sentence_date = case.details.needs_sentence_date();
    let edit_href = format!("/cases/{}/edit", case.id);
    let kind_options = ChangeKind::ALL
        .iter()
        .map(|kind| (kind.code().to_string(), kind.label().to_string()))
        .collect();
    let interval_options = INTERVALS
        .iter()
        .map(|months| (months.to_string(), format!("Every {months} months")))
        .collect();
    let interval_hint = format!(
        "Reviews are counted from the {start_label} {}, and from each review done (a signed review assessment). At least every 6 months is usual.",
        format_long(case.details.sentence_or_release_date)
    );
    let caption = format!("{} ({})", case.details.name, case.details.crn);
    let print_href = format!("/cases/{}/plan/print", case.id);

    view! {
        <a href=format!("/cases/{}", case.id) class="govuk-back-link">"Back to case"</a>
        <ErrorSummary errors=errors />
        {move || recorded.get().map(|(change, index)| view! {
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="change-recorded-title" data-module="govuk-notification-banner">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="change-recorded-title">"Success"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">
                        {format!("Significant change recorded: a review is due on {}", format_long(change.review_due()))}
                    </p>
                    {if signing.with(CaseSigning::needs_new_draft) {
                        view! {
                            <p class="govuk-body">
                                <a class="govuk-notification-banner__link" href=format!("/cases/{}/signing?change={index}", case_id.get_value())>"Start a review for this change"</a>
                            </p>
                        }.into_any()
                    } else if signing.with(|signing| signing.latest().is_none()) {
                        view! { <p class="govuk-body">"Once the first assessment is signed, start a review for this change from the signing page."</p> }.into_any()
                    } else {
                        view! { <p class="govuk-body">"A new version of the assessment is open or with a senior: start a review for this change once it is signed."</p> }.into_any()
                    }}
                </div>
            </div>
        })}
        <span class="govuk-caption-l">{caption}</span>
        <h1 class="govuk-heading-l">"Review dates"</h1>
        <SaveStatusLine status=autosave.status />
        {needs_sentence_date.then(|| view! {
            <div class="govuk-inset-text" data-testid="needs-sentence-date">
                "The initial sentence plan date counts from the sentence date, which this case does not have yet. "
                <a class="govuk-link" href=edit_href>"Add the sentence date"</a>
            </div>
        })}
        <NextReview schedule=schedule today=today reviews_done=reviews_done />
        <ScheduleTable schedule=schedule today=today />

        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h2 class="govuk-heading-m">"Regular reviews"</h2>
                {move || locked.get().then(|| view! {
                    <p class="govuk-body" data-testid="interval-locked">"The version is signed: start a new draft on the signing page to change how often the case is reviewed."</p>
                })}
                <fieldset class="workbook-lockable" disabled=move || locked.get()>
                <Radios
                    id=INTERVAL_FIELD.to_string()
                    legend="How often should this case be reviewed?".to_string()
                    hint=Some(interval_hint)
                    options=interval_options
                    selected=Signal::derive(move || Some(draft.with(|record| record.review_settings.interval_months.to_string())))
                    on_select=Callback::new(move |value: String| {
                        if let Ok(months) = value.parse::<u8>() {
                            autosave.change_now(move |record| record.review_settings.interval_months = months);
                        }
                    })
                    error=Signal::stored(None::<String>)
                />
                </fieldset>

                <h2 class="govuk-heading-m">"Record a significant change"</h2>
                <p class="govuk-body">
                    "A new offence, a recall, a change of address, job or relationship, or a change in risk of serious harm, at any time during the sentence, in custody too. The plan is reviewed straight away: a review is due on the day the change is recorded, and is done once a review assessment is signed on or after the day of the change."
                </p>
                <form novalidate on:submit=record_change>
                    <Radios
                        id=change_fields::KIND.to_string()
                        legend="What kind of change is it?".to_string()
                        options=kind_options
                        selected=Signal::derive(move || change_form.with(|form| (!form.kind.is_empty()).then(|| form.kind.clone())))
                        on_select=Callback::new(move |value: String| change_form.update(|form| form.kind = value))
                        error=error_for(change_fields::KIND)
                    />
                    <TextInput
                        id=change_fields::REASON
                        label="What changed"
                        hint=format!("For example, moved to a new address. Up to {CHANGE_REASON_MAX_CHARS} characters.")
                        value=Signal::derive(move || change_form.with(|form| form.reason.clone()))
                        on_input=Callback::new(move |text| change_form.update(|form| form.reason = text))
                        error=error_for(change_fields::REASON)
                    />
                    <DateInput
                        id=change_fields::DATE.to_string()
                        legend=Signal::stored("When did it change?".to_string())
                        hint=format!("{earliest_change} For example, {}", date_example(today))
                        value=Signal::derive(move || change_form.with(|form| form.date.clone()))
                        on_input=Callback::new(move |parts| change_form.update(|form| form.date = parts))
                        error=error_for(change_fields::DATE)
                    />
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Record significant change"</button>
                </form>

                <h2 class="govuk-heading-m">"Share the plan"</h2>
                <p class="govuk-body">"The export is one JSON file with the case, a summary of the assessment, the sentence plan and these review dates."</p>
                <div class="govuk-button-group">
                    <ExportPlanButton case=case answers=Signal::stored(answers) plan=draft reviews_done=reviews_done signing=signing />
                    <a class="govuk-link" href=print_href>"Print the sentence plan"</a>
                </div>
            </div>
        </div>
    }
}

/// "For example, 25 11 2026": the GOV.UK hint, from today.
fn date_example(today: jiff::civil::Date) -> String {
    format!("{} {} {}", today.day(), today.month(), today.year())
}

/// The last review done, the next date due (today or later, not done) with its reason, and how many
/// have passed without a review.
#[component]
fn NextReview(
    schedule: Memo<Vec<ReviewDate>>,
    today: jiff::civil::Date,
    reviews_done: Signal<Vec<ReviewDone>>,
) -> impl IntoView {
    let next = move || schedule.with(|dates| next_review_due(dates, today).cloned());
    let overdue =
        move || schedule.with(|dates| dates.iter().filter(|review| review.overdue).count());
    view! {
        <div class="govuk-inset-text workbook-next-review">
            <p class="govuk-body" data-testid="last-review">
                {move || format!("Last review done: {}", reviews_done.with(|done| describe_last_review(done)))}
            </p>
            <div data-testid="next-review">
                {move || match next() {
                    Some(review) => view! {
                        <p class="govuk-body govuk-!-margin-bottom-0">
                            <strong>{format!("Next review: {}", format_long(review.date))}</strong>
                            {format!(" — {}", review.reason)}
                        </p>
                    }.into_any(),
                    None => view! {
                        <p class="govuk-body govuk-!-margin-bottom-0">"No more reviews are due: the sentence has ended."</p>
                    }.into_any(),
                }}
            </div>
        </div>
        {move || match overdue() {
            0 => None,
            count => Some(view! {
                <WarningText testid="overdue-count">{if count == 1 {
                            "1 review date has passed without a review and is overdue.".to_string()
                        } else {
                            format!("{count} review dates have passed without a review and are overdue.")
                        }}</WarningText>
            }),
        }}
    }
}

/// Every date in a GOV.UK table. Each date cell holds the ISO date in `data-date`, for tests.
#[component]
fn ScheduleTable(schedule: Memo<Vec<ReviewDate>>, today: jiff::civil::Date) -> impl IntoView {
    let rows = move || {
        let dates = schedule.get();
        let next = dates
            .iter()
            .position(|review| !review.is_done() && review.date >= today);
        dates
            .into_iter()
            .enumerate()
            .map(|(index, review)| {
                let is_next = Some(index) == next;
                let status = if review.overdue {
                    Some(view! { <strong class="govuk-tag govuk-tag--red">"Overdue"</strong> }.into_any())
                } else if let Some(done) = review.done_on {
                    Some(view! { <strong class="govuk-tag govuk-tag--green">"Done"</strong> " " {format_long(done)} }.into_any())
                } else if is_next {
                    Some(view! { <strong class="govuk-tag govuk-tag--blue">"Next"</strong> }.into_any())
                } else {
                    None
                };
                view! {
                    <tr class="govuk-table__row" class:workbook-review--overdue=review.overdue class:workbook-review--next=is_next>
                        <td class="govuk-table__cell workbook-review__date" data-testid="review-date" data-date=review.date.to_string()>
                            {format_long(review.date)}
                        </td>
                        <td class="govuk-table__cell">{review.kind.label()}</td>
                        <td class="govuk-table__cell">{review.reason}</td>
                        <td class="govuk-table__cell">{status}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <table class="govuk-table workbook-reviews" data-testid="review-dates">
            <caption class="govuk-table__caption govuk-table__caption--m">"All review dates"</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"Date"</th>
                    <th scope="col" class="govuk-table__header">"What"</th>
                    <th scope="col" class="govuk-table__header">"Reason"</th>
                    <th scope="col" class="govuk-table__header">"Status"</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
}
