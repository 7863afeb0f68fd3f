//! The caseload: every case held in this browser with its key facts at a glance, search that forgives
//! typos, filters, sortable columns, and keyboard shortcuts (`/` search, arrows, Enter, `n`, `?`).

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::clock;
use super::components::{focus_field, set_title};
use super::db::store;
use super::loading::{LoadState, LoadedView};
use crate::domain::caseload::{
    by_officer, no_matches, shown_positions, whose, CaseloadRow, Filter, SearchIndex, SortKey,
    UnreadableRecord, Whose,
};
use crate::domain::dates::format_long;
use crate::domain::signing::CaseSigning;
use crate::store::{
    AssessmentRecord, CaseRecord, PlanRecord, SigningRecord, StoreError, Unreadable,
};

use super::shortcuts::SEARCH_ID;

/// What the caseload reads in one go: the rows, the records that could not be read, how many
/// cases are closed, and how many versions wait for this browser's senior (the queue's link).
struct CaseloadData {
    rows: Vec<CaseloadRow>,
    /// Colleagues' cases (`domain::caseload::whose`): those team sync brought, made by someone
    /// else, and those this senior reviews for a colleague; grouped by officer, apart from the
    /// officer's own.
    team: Vec<(String, Vec<CaseloadRow>)>,
    unreadable: Vec<Unreadable>,
    closed: usize,
    waiting: usize,
}

/// Every open case's row, from four reads of the store however many cases there are, every record
/// that could not be read (named by its key; it never hides the others), and how many cases are
/// closed (they are listed on the closed cases page, not here).
async fn load_rows() -> Result<CaseloadData, StoreError> {
    let store = store().await?;
    let me = store.profile().await?.map(|record| record.profile);
    let my_fingerprint = store.my_keys().await?.map(|keys| keys.public.fingerprint());
    let owners = crate::team_sync::case_owners(&store).await?;
    let team_list = super::signed::my_team().await.unwrap_or_default();
    let (cases, mut unreadable) = store.all_records::<CaseRecord>().await?;
    let (closed, mut cases): (Vec<CaseRecord>, Vec<CaseRecord>) =
        cases.into_iter().partition(|case| case.closure.is_some());
    cases.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    fn by_case<R>(
        (records, unreadable): (Vec<R>, Vec<Unreadable>),
        case_id: impl Fn(&R) -> String,
        problems: &mut Vec<Unreadable>,
    ) -> HashMap<String, R> {
        problems.extend(unreadable);
        records
            .into_iter()
            .map(|record| (case_id(&record), record))
            .collect()
    }
    let mut assessments = by_case(
        store.all_records::<AssessmentRecord>().await?,
        |record| record.case_id.clone(),
        &mut unreadable,
    );
    let mut plans = by_case(
        store.all_records::<PlanRecord>().await?,
        |record| record.case_id.clone(),
        &mut unreadable,
    );
    let mut signings = by_case(
        store.all_records::<SigningRecord>().await?,
        |record| record.case_id.clone(),
        &mut unreadable,
    );
    let today = clock::today();
    let mut waiting = 0;
    let mut team = Vec::new();
    let mut rows = Vec::new();
    for case in cases {
        let assessment = assessments.remove(&case.id);
        let plan = plans.remove(&case.id);
        let signing = signings
            .remove(&case.id)
            .map(|record| record.signing)
            .unwrap_or_else(|| CaseSigning::new(&case.created_at, None));
        // The queue's own rule (`domain::caseload::awaiting_me` applies the same one).
        if me
            .as_ref()
            .is_some_and(|me| signing.version_to_review(Some(me)).is_ok())
        {
            waiting += 1;
        }
        let (answers, completed) = assessment
            .map(|record| (record.answers, record.completed_sections))
            .unwrap_or_default();
        let plan = plan.unwrap_or_else(|| crate::store::PlanRecord::new(&case.id));
        let row = CaseloadRow::build(
            &case.id,
            &case.details,
            &answers,
            &completed,
            &plan.plan,
            &plan.review_settings,
            &plan.significant_changes,
            &signing,
            case.next_appointment,
            today,
        );
        let made_by = owners.get(&case.id).map(String::as_str);
        match whose(
            &signing,
            me.as_ref(),
            made_by,
            my_fingerprint.as_ref(),
            &team_list,
        ) {
            Whose::Mine => rows.push(row),
            Whose::Colleague(officer) => team.push((row, officer)),
        }
    }
    Ok(CaseloadData {
        rows,
        team: by_officer(team),
        unreadable,
        closed: closed.len(),
        waiting,
    })
}

/// "The case record “case-7” could not be read", for each record the store could not read.
#[component]
fn UnreadableRecords(records: Vec<Unreadable>) -> impl IntoView {
    (!records.is_empty()).then(|| {
        let items = records
            .into_iter()
            .map(|record| {
                let record = UnreadableRecord::new(record.store, &record.id, record.reason);
                view! { <li>{record.sentence()}</li> }
            })
            .collect_view();
        view! {
            <div class="govuk-warning-text" data-testid="unreadable-records">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <div class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">"Warning"</span>
                    <p class="govuk-body govuk-!-font-weight-bold">"Some saved work could not be read. It has not been changed or deleted, and the rest of your caseload is below."</p>
                    <ul class="govuk-list govuk-list--bullet">{items}</ul>
                </div>
            </div>
        }
    })
}

/// "Tuesday 1 December 2026, 14:30".
pub fn format_appointment(at: jiff::civil::DateTime) -> String {
    format!(
        "{}, {:02}:{:02}",
        format_long(at.date()),
        at.hour(),
        at.minute()
    )
}

/// Moves focus to the case link `step` places from the focused one (or the first, from the search box).
fn move_through_results(step: i32) {
    let links = document().query_selector_all("[data-case-link]");
    let Ok(links) = links else { return };
    let count = links.length() as i32;
    if count == 0 {
        return;
    }
    let active = document().active_element();
    let position = (0..count).find(|index| {
        links
            .item(*index as u32)
            .zip(active.clone())
            .is_some_and(|(link, active)| link.is_same_node(Some(&active)))
    });
    let next = match position {
        Some(position) => (position + step).clamp(0, count - 1),
        None if step > 0 => 0,
        None => return,
    };
    if let Some(link) = links
        .item(next as u32)
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
    }
}

#[component]
pub fn Caseload() -> impl IntoView {
    set_title("Your caseload", false);
    let rows = RwSignal::new(LoadState::<Vec<CaseloadRow>>::Loading);
    let unreadable = RwSignal::new(Vec::<Unreadable>::new());
    let closed = RwSignal::new(0_usize);
    let team = RwSignal::new(Vec::<(String, Vec<CaseloadRow>)>::new());
    // Versions waiting for this browser's senior, if any: the queue is one link away.
    let waiting = RwSignal::new(0_usize);
    let index = StoredValue::new(SearchIndex::new(&[]));
    // Only the latest load may draw: an earlier one finishing later must not put back what it read.
    let latest = StoredValue::new(0_u32);
    let load = move || {
        spawn_local(async move {
            let ticket = latest
                .try_update_value(|n| {
                    *n += 1;
                    *n
                })
                .unwrap_or(0);
            let loaded = load_rows().await;
            if latest.try_get_value() != Some(ticket) {
                return;
            }
            let loaded = loaded.map(|data| {
                let _ = unreadable.try_set(data.unreadable);
                let _ = closed.try_set(data.closed);
                let _ = team.try_set(data.team);
                let _ = waiting.try_set(data.waiting);
                data.rows
            });
            if let Ok(rows) = &loaded {
                if !rows.is_empty() {
                    // Real work is here: ask the browser to keep it.
                    super::storage::request_persistence();
                }
                let entries: Vec<(&str, &str, &str)> = rows
                    .iter()
                    .map(|row| (row.case_id.as_str(), row.name.as_str(), row.crn.as_str()))
                    .collect();
                index.set_value(SearchIndex::new(&entries));
            }
            let next = match loaded {
                Ok(list) => LoadState::Ready(list),
                Err(error) => LoadState::Failed(error.to_string()),
            };
            // The table is drawn once per load (`LoadedView`): a reload that brings other cases
            // draws it again; one with the same cases leaves the screen (and a search being typed)
            // alone.
            let ids = |state: &LoadState<Vec<CaseloadRow>>| match state {
                LoadState::Ready(list) => Some(
                    list.iter()
                        .map(|row| row.case_id.clone())
                        .collect::<Vec<_>>(),
                ),
                _ => None,
            };
            let same =
                rows.try_with_untracked(|shown| ids(shown) == ids(&next) && ids(shown).is_some());
            if same == Some(false) {
                if matches!(rows.get_untracked(), LoadState::Ready(_)) {
                    // Drawn again only when the state changes kind, so "loading" is seen for a frame.
                    let _ = rows.try_set(LoadState::Loading);
                    request_animation_frame(move || {
                        let _ = rows.try_set(next);
                    });
                } else {
                    let _ = rows.try_set(next);
                }
            }
        })
    };
    // Cases that team sync brings in appear without a reload.
    let arrived = super::team_sync_page::sync_state().arrived;
    Effect::new(move |seen: Option<u32>| {
        let now = arrived.get();
        if seen.is_none_or(|seen| seen != now) {
            load();
        }
        now
    });
    let shortcuts_open = RwSignal::new(false);
    let navigate = use_navigate();
    let on_key = window_event_listener(leptos::ev::keydown, move |event| {
        let typing = super::shortcuts::is_typing(&event);
        let in_search = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| element.id() == SEARCH_ID);
        match event.key().as_str() {
            "ArrowDown" if !typing || in_search => {
                event.prevent_default();
                move_through_results(1);
            }
            "ArrowUp" if !typing => {
                event.prevent_default();
                move_through_results(-1);
            }
            "/" if !typing => {
                event.prevent_default();
                focus_field(SEARCH_ID);
            }
            "n" if !typing && !event.ctrl_key() && !event.meta_key() && !event.alt_key() => {
                navigate("/cases/new", Default::default())
            }
            "?" if !typing => shortcuts_open.update(|open| *open = !*open),
            "Escape" if shortcuts_open.get_untracked() => shortcuts_open.set(false),
            _ => {}
        }
    });
    on_cleanup(move || on_key.remove());

    view! {
        <super::storage::PersistenceRefusedBanner />
        <h1 class="govuk-heading-l">"Your caseload"</h1>
        <div class="govuk-button-group">
            <a href="/cases/new" class="govuk-button" role="button" draggable="false">"Create a case"</a>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=|_| super::practice::switch_space(true)>"Practise on sample cases"</button>
            <button type="button" class="govuk-link workbook-link-button" aria-expanded=move || shortcuts_open.get().to_string() aria-controls="shortcuts" on:click=move |_| shortcuts_open.update(|open| *open = !*open)>
                "Keyboard shortcuts"
            </button>
        </div>
        {move || shortcuts_open.get().then(|| view! {
            <div class="govuk-inset-text" id="shortcuts" data-testid="shortcuts">
                <h2 class="govuk-heading-s">"Keyboard shortcuts"</h2>
                <dl class="govuk-summary-list govuk-summary-list--no-border">
                    {[("/", "Search the caseload"), ("↓ and ↑", "Move through the cases found"), ("Enter", "Open the case"), ("n", "Create a case"), ("?", "Show or hide these shortcuts")]
                        .into_iter()
                        .map(|(key, what)| view! { <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key"><kbd>{key}</kbd></dt><dd class="govuk-summary-list__value">{what}</dd></div> })
                        .collect_view()}
                </dl>
                <p class="govuk-body-s">"Shortcuts are off while you type in a field."</p>
            </div>
        })}
        {move || view! { <UnreadableRecords records=unreadable.get() /> }}
        {move || {
            let count = waiting.get();
            (count > 0).then(|| view! {
                <p class="govuk-body" data-testid="queue-link"><a class="govuk-link" href="/queue">{format!("Awaiting my countersignature ({count})")}</a></p>
            })
        }}
        {move || (closed.get() > 0).then(|| view! {
            <p class="govuk-body" data-testid="closed-cases-link"><a class="govuk-link" href="/closed">{format!("Closed cases ({})", closed.get())}</a></p>
        })}
        <LoadedView loaded=rows render={move |rows: Vec<CaseloadRow>| {
            if rows.is_empty() {
                // Team cases arrive without the table being drawn again: the words follow them.
                let words = move || if team.with(Vec::is_empty) {
                    "You have no cases yet. Create a case to start an assessment."
                } else {
                    "You have no cases of your own yet. Create a case to start an assessment."
                };
                return view! { <p class="govuk-body" data-testid="empty-caseload">{words}</p> }.into_any();
            }
            let live_cases = rows.len();
            view! {
                {move || (!team.with(Vec::is_empty)).then(|| view! {
                    <h2 class="govuk-heading-m" data-testid="your-cases-heading">{format!("Your cases ({live_cases})")}</h2>
                })}
                <super::backup::BackupReminderBanner live_cases=live_cases />
                <CaseloadTable rows=rows index=index />
            }.into_any()
        }} />
        {move || view! { <TeamCases cases=team.get() /> }}
    }
}

/// Colleagues' cases, by officer, apart from the officer's own: whose, and where each stands.
#[component]
fn TeamCases(cases: Vec<(String, Vec<CaseloadRow>)>) -> impl IntoView {
    let count: usize = cases.iter().map(|(_, rows)| rows.len()).sum();
    (count > 0).then(|| view! {
        <h2 class="govuk-heading-m" id="team-cases-heading">{format!("Team cases ({count})")}</h2>
        <p class="govuk-body">"Colleagues' cases in this browser: from team sync, and those you countersign. They are not part of your caseload."</p>
        <div data-testid="team-cases">
            {cases.into_iter().enumerate().map(|(n, (officer, rows))| {
                let heading = format!("team-officer-{n}");
                let table = format!("{heading}-table");
                let total = rows.len();
                let limit = RwSignal::new(WINDOW);
                let rows = StoredValue::new(rows);
                let body = move || rows.with_value(|rows| rows.iter().take(limit.get()).map(|row| view! {
                    <tr class="govuk-table__row">
                        <th scope="row" class="govuk-table__header"><a class="govuk-link" href=format!("/cases/{}", row.case_id)>{row.name.clone()}</a></th>
                        <td class="govuk-table__cell">{row.crn.clone()}</td>
                        <td class="govuk-table__cell" data-testid="team-status">{row.status.label()}</td>
                    </tr>
                }).collect_view());
                view! {
                    <h3 class="govuk-heading-s" id=heading.clone()>{format!("{officer} ({total})")}</h3>
                    <table class="govuk-table" aria-labelledby=heading id=table.clone() data-testid="team-officer">
                        <thead class="govuk-table__head"><tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"Name"</th>
                            <th scope="col" class="govuk-table__header">"CRN"</th>
                            <th scope="col" class="govuk-table__header">"Status"</th>
                        </tr></thead>
                        <tbody class="govuk-table__body">{body}</tbody>
                    </table>
                    {move || view! { <ShowMore shown=limit.get().min(total) total=total limit=limit table=table.clone() /> }}
                }
            }).collect_view()}
        </div>
    })
}

#[component]
fn CaseloadTable(rows: Vec<CaseloadRow>, index: StoredValue<SearchIndex>) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let filters = RwSignal::new(Vec::<Filter>::new());
    let sort = RwSignal::new((SortKey::NextReview, true));
    let all = StoredValue::new(rows);
    // Positions in `all`: a keystroke over 10,000 cases copies no row.
    let shown = Memo::new(move |_| {
        let query = query.get();
        let filters = filters.get();
        let (key, ascending) = sort.get();
        all.with_value(|rows| {
            index.with_value(|index| shown_positions(rows, index, &query, &filters, key, ascending))
        })
    });
    let total = all.with_value(Vec::len);
    let header = move |key: SortKey| {
        let aria_sort = move || match sort.get() {
            (current, true) if current == key => "ascending",
            (current, false) if current == key => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" class="govuk-table__header" aria-sort=aria_sort>
                <button type="button" class="workbook-sort-button" on:click=move |_| sort.update(|(current, ascending)| {
                    if *current == key {
                        *ascending = !*ascending;
                    } else {
                        *current = key;
                        *ascending = true;
                    }
                })>{key.label()}</button>
            </th>
        }
    };
    // Windowed: the first rows of what is shown, more on asking; a new search, filter or sort starts
    // from the top again. 10,000 rows drawn at once took seconds.
    let limit = RwSignal::new(WINDOW);
    Effect::new(move |_| {
        query.track();
        filters.track();
        sort.track();
        limit.set(WINDOW);
    });
    let body = move || {
        let limit = limit.get();
        let rows: Vec<CaseloadRow> = shown.with(|positions| {
            all.with_value(|rows| {
                positions
                    .iter()
                    .take(limit)
                    .filter_map(|position| rows.get(*position).cloned())
                    .collect()
            })
        });
        rows.into_iter()
            .map(|row| {
                let review = row.next_review.clone().map(|review| {
                    let overdue = review.overdue;
                    view! {
                        <span>{format_long(review.date)}</span>
                        {overdue.then(|| view! { " " <strong class="govuk-tag govuk-tag--red">"Overdue"</strong> })}
                        <span class="govuk-body-s workbook-row-reason">{review.reason.clone()}</span>
                    }
                });
                let last_review = row.last_review.map(|done| view! {
                    <span class="govuk-body-s workbook-row-reason" data-testid="row-last-review">
                        {format!("Last review done {}", format_long(done.date))}
                    </span>
                });
                let dates = match row.release_or_end {
                    (Some(release), end) => format!("Release {} · ends {}", format_long(release), format_long(end)),
                    (None, end) => format!("Ends {}", format_long(end)),
                };
                let id = row.case_id.clone();
                view! {
                    <tr class="govuk-table__row" class:workbook-row--overdue=row.overdue>
                        <th scope="row" class="govuk-table__header">
                            <a class="govuk-link" href=format!("/cases/{id}") data-case-link="">{row.name.clone()}</a>
                        </th>
                        <td class="govuk-table__cell">{row.crn.clone()}</td>
                        <td class="govuk-table__cell" data-testid="row-review">{review}{last_review}</td>
                        <td class="govuk-table__cell">{dates}</td>
                        <td class="govuk-table__cell" data-testid="row-rosh">{row.rosh_label()}</td>
                        <td class="govuk-table__cell" data-testid="row-status">{row.status.label()}</td>
                        <td class="govuk-table__cell">{row.next_appointment.map(format_appointment).unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for=SEARCH_ID>"Search by name or CRN"</label>
            <div class="govuk-hint" id="caseload-search-hint">"Spelling mistakes are fine. Press / to search from anywhere, then ↓ to the results."</div>
            <input class="govuk-input govuk-!-width-one-half" id=SEARCH_ID type="search" autocomplete="off" spellcheck="false" aria-describedby="caseload-search-hint" aria-controls="caseload-table"
                prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
        </div>
        <div class="govuk-form-group">
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Show only"</legend>
                <div class="govuk-checkboxes govuk-checkboxes--small workbook-filters" data-module="govuk-checkboxes">
                    {Filter::ALL.into_iter().map(|filter| {
                        let id = format!("filter-{}", filter.label().to_lowercase().replace(' ', "-"));
                        view! {
                            <div class="govuk-checkboxes__item">
                                <input class="govuk-checkboxes__input" id=id.clone() type="checkbox"
                                    prop:checked=move || filters.with(|filters| filters.contains(&filter))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        filters.update(|filters| {
                                            filters.retain(|kept| *kept != filter);
                                            if on {
                                                filters.push(filter);
                                            }
                                        });
                                    } />
                                <label class="govuk-label govuk-checkboxes__label" for=id>{filter.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
        <div aria-live="polite">
            {move || shown.with(Vec::is_empty).then(|| {
                let (heading, hint) = no_matches(&query.get(), filters.with(|filters| !filters.is_empty()));
                view! {
                    <div data-testid="no-matches">
                        <h2 class="govuk-heading-m">{heading}</h2>
                        <p class="govuk-body">{hint}</p>
                    </div>
                }
            })}
        </div>
        <table class="govuk-table workbook-caseload" id="caseload-table" data-module="moj-sortable-table" hidden=move || shown.with(Vec::is_empty)>
            <caption class="govuk-table__caption govuk-table__caption--m" aria-live="polite" data-testid="caseload-count">
                {move || {
                    let found = shown.with(Vec::len);
                    if found == total {
                        format!("{total} case{}", if total == 1 { "" } else { "s" })
                    } else {
                        format!("{found} of {total} cases")
                    }
                }}
            </caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    {SortKey::ALL.into_iter().map(header).collect_view()}
                </tr>
            </thead>
            <tbody class="govuk-table__body">{body}</tbody>
        </table>
        {move || view! { <ShowMore shown=limit.get().min(shown.with(Vec::len)) total=shown.with(Vec::len) limit=limit table="caseload-table" /> }}
    }
}

/// How many rows a long table draws at first, and how many more each "Show more" adds.
const WINDOW: usize = 100;

/// "Showing 100 of 10,000 cases" and the button that shows the next ones, focusing the first of
/// them (keyboard users carry on from where they were); nothing when every row is shown.
#[component]
fn ShowMore(
    shown: usize,
    total: usize,
    limit: RwSignal<usize>,
    /// The table's id: the first new row's link there is focused.
    #[prop(into)]
    table: String,
) -> impl IntoView {
    (shown < total).then(|| {
        let more = WINDOW.min(total - shown);
        view! {
            <p class="govuk-body" data-testid="window">{format!("Showing {shown} of {total} cases.")}</p>
            <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button"
                on:click=move |_| {
                    limit.set(shown + WINDOW);
                    let table = table.clone();
                    request_animation_frame(move || {
                        let links = document().query_selector_all(&format!("#{table} tbody a"));
                        if let Some(link) = links.ok().and_then(|links| links.item(shown as u32)).and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok()) {
                            let _ = link.focus();
                        }
                    });
                }>
                {format!("Show {more} more cases")}
            </button>
        }
    })
}
