//! A grid question as a table: tick boxes (drug misuse) or a list of levels (RoSH) per cell.
//! Each cell has its own hidden label ("Heroin: Injected"), so it reads well without the table.

use leptos::prelude::*;

use super::Slot;
use crate::domain::questionnaire::{Grid, GridCell, GridColumn, GridRow};
use crate::ui::components::{described_by, ErrorMessage};

#[component]
pub fn GridField(field: Slot, grid: &'static Grid, error: Signal<Option<String>>) -> impl IntoView {
    let id = field.field_id();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = field.item.hint.is_some();
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            described_by(
                has_hint.then_some(&hint_id),
                error.get().is_some().then_some(&error_id),
            )
        }
    };
    let mut first = true;
    let rows = grid
        .rows
        .iter()
        .map(|row| {
            let cells = grid
                .columns
                .iter()
                .map(|column| {
                    if !grid.has_cell(row.key, column.key) {
                        return view! { <td class="govuk-table__cell workbook-grid__none">"Not applicable"</td> }.into_any();
                    }
                    // The first cell carries the grid's own id, so error links land in the grid.
                    let cell_id = if first { id.clone() } else { format!("{id}-{}-{}", row.key, column.key) };
                    first = false;
                    view! { <td class="govuk-table__cell"><Cell field=field.clone() row=row column=column id=cell_id /></td> }.into_any()
                })
                .collect_view();
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">{row.label}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=move || error.get().is_some()>
            <fieldset class="govuk-fieldset" aria-describedby=described>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{field.question()}</legend>
                {field.item.hint.map(|hint| view! { <div class="govuk-hint" id=hint_id.clone()>{hint}</div> })}
                <ErrorMessage id=error_id message=error />
                <table class="govuk-table workbook-grid">
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <td class="govuk-table__header"></td>
                            {grid.columns.iter().map(|column| view! { <th scope="col" class="govuk-table__header">{column.label}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">{rows}</tbody>
                </table>
            </fieldset>
        </div>
    }
}

#[component]
fn Cell(
    field: Slot,
    row: &'static GridRow,
    column: &'static GridColumn,
    id: String,
) -> impl IntoView {
    let code = field.item.code;
    let label = format!("{}: {}", row.label, column.label);
    let value = {
        let field = field.clone();
        Memo::new(move |_| {
            field.read(|answers| answers.cell(code, row.key, column.key).map(str::to_string))
        })
    };
    match column.cell {
        GridCell::Check => view! {
            <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div class="govuk-checkboxes__item">
                    <input
                        class="govuk-checkboxes__input"
                        id=id.clone()
                        type="checkbox"
                        prop:checked=move || value.get().as_deref() == Some("yes")
                        on:change=move |ev| {
                            let ticked = event_target_checked(&ev).then(|| "yes".to_string());
                            field.write_now(move |answers| answers.set_cell(code, row.key, column.key, ticked.clone()));
                        }
                    />
                    <label class="govuk-label govuk-checkboxes__label" for=id>
                        <span class="govuk-visually-hidden">{label}</span>
                    </label>
                </div>
            </div>
        }
        .into_any(),
        GridCell::Choice(choices) => view! {
            <label class="govuk-visually-hidden" for=id.clone()>{label}</label>
            <select
                class="govuk-select"
                id=id
                on:change=move |ev| {
                    let chosen = Some(event_target_value(&ev));
                    field.write_now(move |answers| answers.set_cell(code, row.key, column.key, chosen.clone()));
                }
            >
                <option value="" prop:selected=move || value.with(Option::is_none)>"Not rated"</option>
                {choices
                    .iter()
                    .map(|choice| {
                        view! {
                            <option value=choice.value prop:selected=move || value.with(|v| v.as_deref() == Some(choice.value))>
                                {choice.label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
    }
}
