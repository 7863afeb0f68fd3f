//! "Next appointment": a date and a time on the case, shown on the caseload. Saved only when both
//! are real; a mistake is shown at its field and what was saved stays saved.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::caseload::format_appointment;
use super::clock;
use super::components::{DateInput, TextInput};
use super::db::store;
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
                let mut record = case.get_value();
                record.next_appointment = Some(at);
                record.updated_at = clock::timestamp();
                spawn_local(async move {
                    let result = async { store().await?.put_case(&record).await }.await;
                    match result {
                        Ok(()) => {
                            case.set_value(record);
                            let _ = saved.try_set(Some(at));
                        }
                        Err(error) => {
                            let _ = date_error.try_set(Some(error.to_string()));
                        }
                    }
                });
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
