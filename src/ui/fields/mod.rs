//! One widget per kind of question, all rendered from the questionnaire definition and all
//! writing through `Autosave`, so every field of every kind is saved the same way.

mod grid;
pub mod offence_picker;
mod repeat;
mod text;

use leptos::prelude::*;

use super::autosave::Autosave;
use super::components::{error_at, Checkboxes, DateInput, Radios};
use crate::domain::answers::{Answer, Answers};
use crate::domain::case_facts::{case_fact, CASE_FACT_ITEMS};
use crate::domain::dates::format_long;
use crate::domain::errors::FieldErrors;
use crate::domain::questionnaire::{find_item, Item, ItemKind};
use crate::domain::review_changes;
use crate::domain::screening;
use crate::domain::validation::entry_key;
use leptos_router::hooks::use_params_map;

/// The id of an answer's first input, used by error links: "item-3-4", "item-1-1-e1-offence".
pub fn item_field_id(key: &str) -> String {
    format!("item-{}", key.replace(['.', '/'], "-"))
}

/// Where one item's answer lives: at the top of the draft, or inside an entry of a repeating group.
#[derive(Clone)]
pub struct Slot {
    pub autosave: Autosave,
    pub item: &'static Item,
    /// The repeating group and entry id, for items inside an entry.
    pub entry: Option<(&'static str, String)>,
    /// The answer key validation files problems under.
    pub key: String,
}

impl Slot {
    pub fn top(autosave: Autosave, item: &'static Item) -> Self {
        Slot {
            autosave,
            item,
            entry: None,
            key: item.code.to_string(),
        }
    }

    pub fn in_entry(
        autosave: Autosave,
        group: &'static str,
        entry: String,
        item: &'static Item,
    ) -> Self {
        Slot {
            key: entry_key(group, &entry, item.code),
            autosave,
            item,
            entry: Some((group, entry)),
        }
    }

    pub fn field_id(&self) -> String {
        item_field_id(&self.key)
    }

    /// Reads the answers this item lives among (tracked: re-runs when the draft changes).
    pub fn read<R>(&self, read: impl FnOnce(&Answers) -> R) -> R {
        let empty = Answers::default();
        self.autosave.draft.with(|draft| match &self.entry {
            None => read(&draft.answers),
            Some((group, id)) => read(draft.answers.entry(group, id).unwrap_or(&empty)),
        })
    }

    fn change(&self, answers: &mut Answers, change: &dyn Fn(&mut Answers)) {
        match &self.entry {
            None => change(answers),
            Some((group, id)) => {
                if let Some(entry) = answers.entry_mut(group, id) {
                    change(entry);
                }
            }
        }
    }

    /// The top-level item the answer belongs to: the repeating group's for an entry's parts.
    fn top_code(&self) -> &'static str {
        self.entry
            .as_ref()
            .map_or(self.item.code, |(group, _)| group)
    }

    /// A change saved straight away.
    pub fn write_now(&self, change: impl Fn(&mut Answers) + Send + Sync + 'static) {
        let slot = self.clone();
        self.autosave.answer_now(self.top_code(), move |answers| {
            slot.change(answers, &change)
        });
    }

    /// A keystroke, saved within the autosave delay.
    pub fn write_typing(&self, change: impl Fn(&mut Answers) + Send + Sync + 'static) {
        let slot = self.clone();
        self.autosave
            .answer_typing(self.top_code(), move |answers| {
                slot.change(answers, &change)
            });
    }

    pub fn question(&self) -> String {
        match self.entry {
            None => self.item.title(),
            Some(_) => self.item.question.to_string(),
        }
    }

    pub fn hint(&self) -> Option<String> {
        self.item.hint.map(str::to_string)
    }
}

/// One question of any kind, shown only while its condition holds (its answer is kept when hidden).
#[component]
pub fn ItemField(field: Slot, #[prop(into)] errors: Signal<FieldErrors>) -> impl IntoView {
    let applies = Memo::new({
        let field = field.clone();
        move |_| field.read(|answers| field.item.applies(answers))
    });
    move || {
        applies.get().then(|| {
            view! {
                {contradiction_notice(&field)}
                {stale_narrative_notice(&field)}
                {render_field(field.clone(), errors)}
                {before_note(&field)}
            }
        })
    }
}

/// The open case's signing record and the version a review draft is compared with, if any (a
/// top-level item of an open case only).
fn review_context(field: &Slot) -> Option<(super::loading::LiveCase, ReviewBase)> {
    if field.entry.is_some() {
        return None;
    }
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .unwrap_or_default();
    let live = super::loading::use_case_store().open_case(&id)?;
    // Worked out when the signing record changes, never per keystroke.
    let base = Memo::new(move |_| {
        live.signing.draft.with(|record| {
            review_changes::review_base(&record.signing).map(|base| (base.number, base.day))
        })
    });
    Some((live, base))
}

/// The number and day of the version a review draft is compared with (`review_changes::review_base`).
type ReviewBase = Memo<Option<(u32, jiff::civil::Date)>>;

/// Runs `with` on the version compared with, and the draft's answers (tracked).
fn with_base<R>(
    live: super::loading::LiveCase,
    base: ReviewBase,
    autosave: Autosave,
    with: impl FnOnce(&review_changes::Base, &Answers) -> Option<R>,
) -> Option<R> {
    let (number, day) = base.get()?;
    live.signing.draft.with(|record| {
        let latest = record.signing.latest()?;
        let base = review_changes::Base {
            number,
            day,
            answers: &latest.snapshot.answers,
        };
        autosave.draft.with(|draft| with(&base, &draft.answers))
    })
}

/// Under an answer a review changed: what it was in the version reviewed, and when
/// (`domain::review_changes`).
fn before_note(field: &Slot) -> Option<AnyView> {
    let (live, base) = review_context(field)?;
    let item = field.item;
    let autosave = field.autosave;
    // Offences are named once the list is in; other answers need no list.
    let table = matches!(item.kind, ItemKind::Repeat(_) | ItemKind::Offence)
        .then(super::offences::use_offence_table);
    let before = Memo::new(move |_| {
        let describe_offence =
            |code: &str| table.and_then(|table| super::offences::describe_offence(table, code));
        with_base(live, base, autosave, |base, answers| {
            review_changes::before_line(item, base, answers, &describe_offence)
        })
    });
    let testid = format!("before-{}", item.code);
    Some(
        (move || {
            before.get().map(|line| {
                view! { <p class="govuk-body-s workbook-before" data-testid=testid.clone()>{line}</p> }
            })
        })
        .into_any(),
    )
}

/// Above a section's narrative that a review left as it was while the scored answers changed.
fn stale_narrative_notice(field: &Slot) -> Option<AnyView> {
    if !matches!(field.item.kind, ItemKind::FreeText { .. }) {
        return None;
    }
    let (live, base) = review_context(field)?;
    let (section, _) = find_item(field.item.code)?;
    let code = field.item.code;
    let autosave = field.autosave;
    let message = Memo::new(move |_| {
        with_base(live, base, autosave, |base, answers| {
            review_changes::stale_narratives(section, base, answers)
                .into_iter()
                .find(|stale| stale.narrative.code == code)
                .map(|stale| stale.message(base))
        })
    });
    Some(
        (move || {
            message.get().map(|message| {
                view! {
                    <div class="govuk-warning-text" data-testid=format!("stale-{code}")>
                        <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                        <strong class="govuk-warning-text__text">
                            <span class="govuk-visually-hidden">"Warning"</span>
                            {message}
                        </strong>
                    </div>
                }
            })
        })
        .into_any(),
    )
}

/// Above a screening question whose answer contradicts an earlier one: what, and a link to the
/// earlier answer (its reason box follows the question, from the questionnaire).
fn contradiction_notice(field: &Slot) -> Option<AnyView> {
    let item = field.item;
    screening::reason_item(item.code)?;
    let found = {
        let field = field.clone();
        Memo::new(move |_| field.read(|answers| screening::contradiction(answers, item.code)))
    };
    let case_id = use_params_map()
        .read_untracked()
        .get("id")
        .unwrap_or_default();
    Some(
        (move || {
            found.get().map(|found| {
                let earlier = find_item(found.earlier);
                let href = earlier.map_or_else(String::new, |(section, _)| {
                    format!("/cases/{case_id}/assessment/{}?change={}", section.id, found.earlier)
                });
                let earlier_title = earlier.map_or_else(|| found.earlier.to_string(), |(_, item)| item.title());
                view! {
                    <div class="govuk-warning-text workbook-contradiction" data-testid="contradiction">
                        <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                        <strong class="govuk-warning-text__text">
                            <span class="govuk-visually-hidden">"Warning"</span>
                            {format!("{}. Change the answer below, or say why in the box after it. ", found.message)}
                            <a class="govuk-link" href=href>{format!("See the earlier answer: {earlier_title}")}</a>
                        </strong>
                    </div>
                }
            })
        })
        .into_any(),
    )
}

/// An answer the case record gives (`domain::case_facts`): shown from the case, read-only, with the
/// way to change it where it is kept. The open case writes it into the draft.
fn case_fact_field(field: Slot, error: Signal<Option<String>>) -> AnyView {
    let params = use_params_map();
    let id = params.with_untracked(|params| params.get("id").unwrap_or_default());
    let Some(live) = super::loading::use_case_store().open_case(&id) else {
        return ().into_any();
    };
    let item = field.item;
    let field_id = field.field_id();
    let error_id = format!("{field_id}-error");
    let fact = move || {
        live.case
            .draft
            .with(|case| case_fact(item.code, &case.details))
    };
    // Asked here while the case does not give it (1.29 without a conviction date in the case).
    let given = Memo::new(move |_| fact().is_some());
    let id = StoredValue::new(id);
    // Rebuilt only when the case starts or stops giving it, never while typing (untracked inside).
    (move || {
        if !given.get() {
            return untrack(|| date_field(field.clone(), error));
        }
        let (field_id, error_id, id) = (field_id.clone(), error_id.clone(), id.get_value());
        view! {
        <div class="govuk-form-group" class:govuk-form-group--error=move || error.get().is_some() data-testid=format!("case-fact-{}", item.code)>
            <p class="govuk-label govuk-label--s">{field.question()}</p>
            <super::components::ErrorMessage id=error_id message=error />
            <p class="govuk-body" id=field_id tabindex="-1">
                {move || fact().map(|(label, date)| format!("{} (the {} in the case details)", format_long(date), label.to_lowercase()))}
                " "
                <a class="govuk-link" href=format!("/cases/{id}/edit")>"Change"<span class="govuk-visually-hidden">" it in the case details"</span></a>
            </p>
        </div>
        }
        .into_any()
    })
    .into_any()
}

/// The entry of repeating group `group` whose offence the open case gives
/// (`case_facts::entry_held_by_case`): tracked, `None` outside an open case.
pub(super) fn entry_held_by_case(autosave: Autosave, group: &'static str) -> Memo<Option<String>> {
    let params = use_params_map();
    let id = params.with_untracked(|params| params.get("id").unwrap_or_default());
    let live = super::loading::use_case_store().open_case(&id);
    Memo::new(move |_| {
        let live = live?;
        live.case.draft.with(|case| {
            autosave.draft.with(|draft| {
                crate::domain::case_facts::entry_held_by_case(group, &draft.answers, &case.details)
                    .map(str::to_string)
            })
        })
    })
}

/// An offence in a repeating group: the picker, or, for the main offence the case details give,
/// that offence read-only with the way to change it there.
fn case_offence_field(field: Slot, error: Signal<Option<String>>) -> AnyView {
    let Some((group, entry)) = field.entry.clone() else {
        return ().into_any();
    };
    let held = entry_held_by_case(field.autosave, group);
    let given = Memo::new(move |_| held.with(|held| held.as_deref() == Some(entry.as_str())));
    let table = super::offences::use_offence_table();
    let params = use_params_map();
    let case_id = params.with_untracked(|params| params.get("id").unwrap_or_default());
    let code = field.item.code;
    // Rebuilt only when the case starts or stops giving it, never while choosing.
    (move || {
        if !given.get() {
            let field = field.clone();
            return untrack(move || {
                view! { <offence_picker::OffencePicker field=field error=error /> }.into_any()
            });
        }
        let chosen = {
            let field = field.clone();
            move || {
                let code = field.read(|answers| answers.text(code).trim().to_string());
                let words = super::offences::describe_offence(table, &code);
                format!(
                    "{code} {} (the main offence in the case details)",
                    words.unwrap_or_default()
                )
                .replace("  ", " ")
            }
        };
        view! {
            <div class="govuk-form-group" data-testid="case-main-offence">
                <p class="govuk-label govuk-label--s">{field.question()}</p>
                <p class="govuk-body" id=field.field_id() tabindex="-1">
                    {chosen}
                    " "
                    <a class="govuk-link" href=format!("/cases/{case_id}/edit")>"Change"<span class="govuk-visually-hidden">" the main offence in the case details"</span></a>
                </p>
            </div>
        }
        .into_any()
    })
    .into_any()
}

/// The GOV.UK date input of a date item, saved as typed.
fn date_field(field: Slot, error: Signal<Option<String>>) -> AnyView {
    let item = field.item;
    let value = {
        let field = field.clone();
        Memo::new(move |_| {
            field.read(|answers| answers.date(item.code).cloned().unwrap_or_default())
        })
    };
    let on_input = {
        let field = field.clone();
        Callback::new(move |parts: crate::domain::dates::DateParts| {
            field.write_typing(move |answers| answers.set(item.code, Answer::Date(parts.clone())))
        })
    };
    let autosave = field.autosave;
    view! {
        <DateInput
            id=field.field_id()
            legend=field.question()
            hint=field.hint().unwrap_or_else(|| "For example, 27 3 2026".to_string())
            value=value
            on_input=on_input
            on_blur=autosave.flusher()
            error=error
        />
    }
    .into_any()
}

fn render_field(field: Slot, errors: Signal<FieldErrors>) -> AnyView {
    let item = field.item;
    let error = error_at(errors, field.key.clone());
    match item.kind {
        ItemKind::Choice(choices) => {
            let options = choices
                .iter()
                .map(|choice| (choice.value.to_string(), choice.label.to_string()))
                .collect();
            let selected = {
                let field = field.clone();
                Memo::new(move |_| {
                    field.read(|answers| answers.choice(item.code).map(str::to_string))
                })
            };
            let on_select = {
                let field = field.clone();
                Callback::new(move |value: String| {
                    field.write_now(move |answers| {
                        answers.set(item.code, Answer::Choice(value.clone()))
                    })
                })
            };
            view! {
                <Radios
                    id=field.field_id()
                    legend=field.question()
                    hint=field.hint()
                    inline=choices.len() == 2
                    options=options
                    selected=selected
                    on_select=on_select
                    error=error
                />
            }
            .into_any()
        }
        ItemKind::MultipleChoice(choices) => {
            let options = choices
                .iter()
                .map(|choice| (choice.value.to_string(), choice.label.to_string()))
                .collect();
            let ticked = {
                let field = field.clone();
                Memo::new(move |_| field.read(|answers| answers.choices(item.code).to_vec()))
            };
            let on_toggle = {
                let field = field.clone();
                Callback::new(move |(value, on): (String, bool)| {
                    field.write_now(move |answers| answers.toggle_choice(item, &value, on))
                })
            };
            view! {
                <Checkboxes
                    id=field.field_id()
                    legend=field.question()
                    hint=field.hint()
                    options=options
                    ticked=ticked
                    on_toggle=on_toggle
                    error=error
                    exclusive=choices.iter().filter(|choice| choice.exclusive).map(|choice| choice.value.to_string()).collect()
                />
            }
            .into_any()
        }
        ItemKind::ShortText { .. } | ItemKind::Number { .. } => {
            view! { <text::LineField field=field error=error /> }.into_any()
        }
        ItemKind::FreeText { max_chars } => {
            view! { <text::TextAreaField field=field max_chars=max_chars error=error /> }.into_any()
        }
        ItemKind::Date if field.entry.is_none() && CASE_FACT_ITEMS.contains(&item.code) => {
            case_fact_field(field, error)
        }
        ItemKind::Date => date_field(field, error),
        ItemKind::Offence if field.entry.is_some() => case_offence_field(field, error),
        ItemKind::Offence => {
            view! { <offence_picker::OffencePicker field=field error=error /> }.into_any()
        }
        ItemKind::Grid(grid) => {
            view! { <grid::GridField field=field grid=grid error=error /> }.into_any()
        }
        ItemKind::Repeat(repeat) => {
            view! { <repeat::RepeatField field=field repeat=repeat errors=errors /> }.into_any()
        }
    }
}
