//! The offence list: the bundled file, look-ups, search and malformed lines.

use super::*;

#[test]
fn the_bundled_list_holds_every_code() {
    let table = OffenceTable::parse(BUNDLED_TSV).unwrap();
    assert!(table.len() >= 3_000, "only {} offences", table.len());
    assert_eq!(OffenceTable::bundled().len(), table.len());
}

#[test]
fn looks_up_a_code() {
    let offence = OffenceTable::bundled().get("02800").unwrap();
    assert_eq!(offence.group, "Burglary");
    assert_eq!(offence.category, "Burglary in a dwelling");
    assert_eq!(offence.ogrs3_weight, Ogrs3Weight::Weight(-0.1239));
    assert!(!offence.violent);
    assert!(offence
        .description()
        .starts_with("Burglary in a dwelling – Burglary in a dwelling [Use"));
    assert!(OffenceTable::bundled().get("2800").is_none());
    assert!(OffenceTable::bundled().get("99999").is_none());
}

#[test]
fn a_sub_category_that_repeats_the_category_is_dropped() {
    let offence = OffenceTable::bundled().get("02900").unwrap();
    assert_eq!(offence.sub_category, None);
    assert_eq!(offence.description(), "Aggravated burglary in a dwelling");
}

#[test]
fn violent_offences_are_marked() {
    assert!(OffenceTable::bundled().get("00101").unwrap().violent);
}

#[test]
fn words_find_offences_whose_category_matches_first() {
    let found = OffenceTable::bundled().search("Burglary  DWELLING", 50);
    let codes: Vec<&str> = found.iter().map(|offence| offence.code.as_str()).collect();
    assert_eq!(&codes[..4], ["02800", "02801", "02802", "02803"]);
    assert!(codes.contains(&"02900"));
    let first_elsewhere = found
        .iter()
        .position(|offence| !offence.category.to_lowercase().contains("dwelling"))
        .unwrap_or(found.len());
    assert!(found[..first_elsewhere]
        .iter()
        .all(|offence| offence.category.to_lowercase().contains("burglary")));
}

#[test]
fn every_word_must_match_and_single_letters_are_ignored() {
    let table = OffenceTable::bundled();
    assert!(table.search("burglary a zzzz", 10).is_empty());
    assert_eq!(table.search("a", 10), Vec::<&Offence>::new());
    assert_eq!(
        table.search("burglary a dwelling", 10),
        table.search("burglary dwelling", 10)
    );
    assert_eq!(table.search("burglary dwelling", 3).len(), 3);
}

#[test]
fn digits_find_codes_by_prefix_in_code_order() {
    let codes: Vec<&str> = OffenceTable::bundled()
        .search(" 0280 ", 10)
        .iter()
        .map(|offence| offence.code.as_str())
        .collect();
    assert_eq!(codes, ["02800", "02801", "02802", "02803"]);
    assert_eq!(OffenceTable::bundled().search("0", 7).len(), 7);
    assert!(OffenceTable::bundled().search("", 7).is_empty());
}

#[test]
fn reads_blank_and_999_weights() {
    let table = OffenceTable::parse(
        "# header\n\n12345\t\t0\tGroup\tCategory\t\n12346\t999\t1\tGroup\tCategory\tExact\n",
    )
    .unwrap();
    assert_eq!(table.len(), 2);
    assert_eq!(
        table.get("12345").unwrap().ogrs3_weight,
        Ogrs3Weight::TooCoarse
    );
    assert_eq!(
        table.get("12346").unwrap().ogrs3_weight,
        Ogrs3Weight::NotUsable
    );
    assert_eq!(
        table.get("12346").unwrap().description(),
        "Category – Exact"
    );
}

#[test]
fn a_malformed_line_is_named_by_its_number() {
    let good = "12345\t0.1\t0\tGroup\tCategory\t";
    let cases = [
        (
            format!("# header\n{good}\n12346\t0.1\t0\tGroup\n"),
            OffenceTableError::WrongColumnCount {
                line: 3,
                found: 4,
                needed: 6,
            },
        ),
        (
            format!("{good}\n1234\t0.1\t0\tGroup\tCategory\t\n"),
            OffenceTableError::BadCode {
                line: 2,
                code: "1234".into(),
            },
        ),
        (
            format!("{good}\n12346\tabc\t0\tGroup\tCategory\t\n"),
            OffenceTableError::BadWeight {
                line: 2,
                weight: "abc".into(),
            },
        ),
        (
            format!("{good}\n12346\t0.1\tyes\tGroup\tCategory\t\n"),
            OffenceTableError::BadViolentFlag {
                line: 2,
                value: "yes".into(),
            },
        ),
        (
            format!("{good}\n\n{good}\n"),
            OffenceTableError::RepeatedCode {
                line: 3,
                code: "12345".into(),
            },
        ),
    ];
    for (tsv, expected) in cases {
        assert_eq!(OffenceTable::parse(&tsv), Err(expected));
    }
    let message = OffenceTable::parse("# header\n12346\t0.1\n")
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        "Line 2 of the offence list has 2 columns; it needs 6."
    );
}

/// The shipped list agrees with the Ministry of Justice CSV it was derived from, when that file is at hand.
#[test]
fn every_code_in_the_source_csv_has_its_weight() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/offences/offence-code-mapping.csv"
    );
    let Ok(csv) = std::fs::read_to_string(path) else {
        return;
    };
    let table = OffenceTable::bundled();
    for line in csv.lines().skip(1).filter(|line| !line.trim().is_empty()) {
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let code = format!("{}{}", cells[0], cells[1]);
        let offence = table
            .get(&code)
            .unwrap_or_else(|| panic!("{code} is missing"));
        let expected = match cells[2] {
            "" => Ogrs3Weight::TooCoarse,
            "999" => Ogrs3Weight::NotUsable,
            weight => Ogrs3Weight::Weight(weight.parse().unwrap()),
        };
        assert_eq!(offence.ogrs3_weight, expected, "weight of {code}");
    }
}

const WEIGHTS_TSV: &str = include_str!("../../../assets/offences/offence-weights.tsv");

#[test]
fn the_predictors_list_is_the_first_three_columns_of_the_full_list() {
    let rows = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .map(str::to_string)
            .collect()
    };
    let full: Vec<String> = rows(BUNDLED_TSV)
        .iter()
        .map(|row| row.split('\t').take(3).collect::<Vec<_>>().join("\t"))
        .collect();
    assert_eq!(
        rows(WEIGHTS_TSV),
        full,
        "run node scripts/derive-offences.mjs"
    );
    let weights = OffenceTable::parse_weights(WEIGHTS_TSV).unwrap();
    let bundled = OffenceTable::bundled();
    assert_eq!(weights.len(), bundled.len());
    for (light, offence) in weights.iter().zip(bundled.iter()) {
        assert_eq!(
            (&light.code, &light.ogrs3_weight, light.violent),
            (&offence.code, &offence.ogrs3_weight, offence.violent)
        );
        assert!(light.category.is_empty() && light.sub_category.is_none());
    }
    assert!(WEIGHTS_TSV.lines().next().unwrap().contains("MIT licence"));
}

#[test]
fn each_list_is_read_only_with_its_own_columns() {
    assert_eq!(
        OffenceTable::parse("02801\t0.1\t0\n"),
        Err(OffenceTableError::WrongColumnCount {
            line: 1,
            found: 3,
            needed: 6
        })
    );
    assert_eq!(
        OffenceTable::parse_weights("02801\t0.1\t0\tBurglary\tBurglary\t\n")
            .unwrap_err()
            .to_string(),
        "Line 1 of the offence list has 6 columns; it needs 3."
    );
    let table = OffenceTable::parse_weights("# header\n02801\t0.1\t1\n").unwrap();
    assert!(table.get("02801").unwrap().violent);
}

/// Issue 19: "GBH", "s20" or "TWOC" found nothing.
#[test]
fn common_shorthand_finds_the_offence() {
    let table = OffenceTable::bundled();
    let first = |query: &str| {
        table
            .search(query, 10)
            .first()
            .map(|offence| offence.code.clone())
            .unwrap_or_default()
    };
    let codes = |query: &str| -> Vec<String> {
        table
            .search(query, 10)
            .iter()
            .map(|offence| offence.code.clone())
            .collect()
    };
    assert_eq!(codes("GBH")[..2], ["00501", "00801"]);
    assert_eq!(first("s18"), "00501");
    assert_eq!(first("s20"), "00801");
    assert_eq!(first("section 20"), "00801");
    assert_eq!(first("S.20"), "00801");
    assert_eq!(first("Section  47"), "00806");
    assert_eq!(first("abh"), "00806");
    assert_eq!(first("s47"), "00806");
    assert_eq!(first("twoc"), "13001");
    assert_eq!(first("drink driving"), "80301");
    assert_eq!(first("Drink Drive"), "80301");
    // "wounding" puts s18 and s20 first, then every other offence with the word.
    let wounding = codes("wounding");
    assert_eq!(wounding[..2], ["00501", "00801"]);
    assert!(wounding.len() > 2);
    assert_eq!(
        wounding.iter().filter(|code| *code == "00801").count(),
        1,
        "no offence twice"
    );
    // Words still work as before, and unknown shorthand finds nothing extra.
    assert_eq!(shorthand_codes("burglary dwelling"), Vec::<&str>::new());
    assert_eq!(normalise_shorthand(" Section 20 "), "s20");
    assert_eq!(normalise_shorthand("s 18"), "s18");
    assert_eq!(normalise_shorthand("s"), "s");
}

#[test]
fn every_shorthand_code_is_an_offence_in_the_list() {
    let table = OffenceTable::bundled();
    let mut count = 0;
    for line in SHORTHAND.lines().filter(|line| !line.starts_with('#')) {
        let columns: Vec<&str> = line.split('\t').collect();
        assert_eq!(columns.len(), 3, "{line}");
        assert_eq!(
            columns[0],
            normalise_shorthand(columns[0]),
            "{line}: written as it is read"
        );
        for code in columns[1].split(',') {
            assert!(
                table.get(code).is_some(),
                "{line}: {code} is not in the offence list"
            );
        }
        count += 1;
    }
    assert!(count >= 10);
}

proptest::proptest! {
    /// Whatever is typed, the search never panics, never repeats an offence and keeps to the limit.
    #[test]
    fn search_never_panics_or_repeats(query in "[ a-zA-Z0-9.§]{0,24}", limit in 0usize..12) {
        let found = OffenceTable::bundled().search(&query, limit);
        proptest::prop_assert!(found.len() <= limit);
        let mut codes: Vec<&str> = found.iter().map(|offence| offence.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        proptest::prop_assert_eq!(codes.len(), found.len());
    }
}
