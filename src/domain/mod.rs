//! Pure rules of the workbook: no browser types, tested natively with `cargo test`.
//!
//! The UI renders what these modules say and sends answers back; persistence lives in `crate::store`.

pub mod answers;
pub mod backup;
pub mod case;
pub mod case_facts;
pub mod caseload;
pub mod check_answers;
pub mod closure;
pub mod dates;
pub mod errors;
pub mod export;
pub mod keys;
pub mod offences;
pub mod package;
pub mod photo;
pub mod plan;
pub mod practice;
pub mod predictors;
pub mod progress;
pub mod questionnaire;
pub mod records;
pub mod review_changes;
pub mod reviews;
pub mod rosh;
pub mod scoring;
pub mod screening;
pub mod signing;
pub mod storage;
pub mod sync;
pub mod validation;
pub mod version_summary;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod strategies;
