//! "Next appointment": a date and a time on the case, shown on the caseload. Saved only when both
//! are real; a mistake is shown at its field and what was saved stays saved.

use leptos::prelude::*;

use super::caseload::format_appointment;
use super::components::{DateInput, TextInput};
use super::loading::use_case_store;
use crate::domain::caseload::parse_appointment;
use crate::domain::dates::DateParts;
use crate::store::CaseRecord;

const DATE_FIELD: &str = "appointment-date";
const TIME_FIELD: &str = "appointment-time";

#[component]
pub fn NextAppointment(case: CaseRecord) -> impl IntoView {
    let saved = RwSignal::new(case.next_appointment);
    let date = RwSignal::new(
        case.next_appointment
            .map(|at| DateParts::from_date(at.date()))
            .unwrap_or_default(),
    );
    let time = RwSignal::new(
        case.next_appointment
            .map(|at| format!("{:02}:{:02}", at.hour(), at.minute()))
            .unwrap_or_default(),
    );
    let date_error = RwSignal::new(None::<String>);
    let time_error = RwSignal::new(None::<String>);
    let case = StoredValue::new(case);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        date_error.set(None);
        time_error.set(None);
        match parse_appointment(&date.get_untracked(), &time.get_untracked()) {
            Err(message) if message.to_lowercase().contains("time") => {
                time_error.set(Some(message))
            }
            Err(message) => date_error.set(Some(message)),
            Ok(at) => {
                let id = case.with_value(|case| case.id.clone());
                match use_case_store().open_case(&id) {
                    // Saved through the open case's live copy, like every other change to it.
                    Some(live) => {
                        live.case
                            .change_now(move |record| record.next_appointment = Some(at));
                        saved.set(Some(at));
                    }
                    None => date_error.set(Some(
                        "This case is not open: go back to the case and try again.".to_string(),
                    )),
                }
            }
        }
    };
    view! {
        <section class="workbook-appointment" aria-labelledby="appointment-heading">
            <h2 class="govuk-heading-m" id="appointment-heading">"Next appointment"</h2>
            <p class="govuk-body" data-testid="next-appointment">
                {move || saved.get().map_or_else(|| "None set".to_string(), format_appointment)}
            </p>
            <form novalidate on:submit=save>
                <DateInput
                    id=DATE_FIELD.to_string()
                    legend="Appointment date"
                    hint="For example, 3 12 2026"
                    value=date
                    on_input=Callback::new(move |parts| date.set(parts))
                    error=date_error
                />
                <TextInput
                    id=TIME_FIELD
                    label="Appointment time"
                    hint="For example, 14:30 or 2:30pm"
                    class="govuk-input--width-5"
                    value=time
                    on_input=Callback::new(move |text| time.set(text))
                    error=time_error
                />
                <button type="submit" class="govuk-button govuk-button--secondary">"Save appointment"</button>
            </form>
        </section>
    }
}
