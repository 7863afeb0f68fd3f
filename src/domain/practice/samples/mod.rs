//! The sample cases, one file each: the person, the case file and the reference assessment.
//! All are fictional; none describes a real person.

mod acquisitive;
mod alcohol;
mod domestic_abuse;
mod young_adult;

use super::SampleCase;

pub(super) const SAMPLE_CASES: &[SampleCase] = &[
    acquisitive::CASE,
    domestic_abuse::CASE,
    young_adult::CASE,
    alcohol::CASE,
];
