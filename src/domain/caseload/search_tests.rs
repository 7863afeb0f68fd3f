//! The caseload search: ranking for typos, missing letters, names in either order, accents, partial
//! CRNs, and a caseload of 1,000.

use super::*;

fn index(cases: &[(&str, &str)]) -> SearchIndex {
    let with_ids: Vec<(String, &str, &str)> = cases
        .iter()
        .map(|(name, crn)| (format!("{name} {crn}"), *name, *crn))
        .collect();
    let borrowed: Vec<(&str, &str, &str)> = with_ids
        .iter()
        .map(|(id, name, crn)| (id.as_str(), *name, *crn))
        .collect();
    SearchIndex::new(&borrowed)
}

fn names(index: &SearchIndex, query: &str) -> Vec<String> {
    index
        .search(query)
        .into_iter()
        .map(|(id, _)| id.rsplit_once(' ').unwrap().0.to_string())
        .collect()
}

const SMITHS: [(&str, &str); 5] = [
    ("Jane Smythe", "X100001"),
    ("Jon Stewart", "X100002"),
    ("Sam Smith", "X100003"),
    ("John Smith", "X123456"),
    ("Johanna Smithson", "X123465"),
];

#[test]
fn a_misspelt_name_finds_the_right_person_first() {
    let found = names(&index(&SMITHS), "Jon Smyth");
    assert_eq!(found[0], "John Smith", "{found:?}");
    assert!(found.contains(&"Jane Smythe".to_string()), "{found:?}");
}

#[test]
fn missing_letters_are_forgiven() {
    assert_eq!(names(&index(&SMITHS), "Jhn Smth")[0], "John Smith");
    assert_eq!(
        names(&index(&SMITHS), "jhana smithsn")[0],
        "Johanna Smithson"
    );
}

#[test]
fn surname_first_finds_the_same_person() {
    let index = index(&SMITHS);
    assert_eq!(names(&index, "Smith John")[0], "John Smith");
    assert_eq!(names(&index, "smith, john")[0], "John Smith");
    assert_eq!(names(&index, "Smyth Jon")[0], "John Smith");
}

#[test]
fn accents_match_either_way() {
    let index = index(&[
        ("Zoe Adams", "X200001"),
        ("Zoë Adamson", "X200002"),
        ("Chloé Martin", "X200003"),
        ("Zara Adair", "X200004"),
    ]);
    assert_eq!(names(&index, "zoe adamson")[0], "Zoë Adamson");
    assert_eq!(names(&index, "Zoë Adams")[0], "Zoe Adams");
    assert_eq!(names(&index, "chloe")[0], "Chloé Martin");
    assert_eq!(names(&index, "Zoe\u{0308} Adamson")[0], "Zoë Adamson");
}

#[test]
fn a_partial_crn_in_any_case_finds_the_crn_first() {
    let index = index(&SMITHS);
    let found = index.search("x12345");
    assert_eq!(found[0].0, "John Smith X123456");
    assert!(found[0].1 > found[1].1, "{found:?}");
    assert_eq!(index.search("X123465")[0].0, "Johanna Smithson X123465");
    assert_eq!(
        index.search(" x123456 ")[0],
        ("John Smith X123456".to_string(), 1.0)
    );
}

#[test]
fn an_exact_name_scores_one_and_noise_is_left_out() {
    let index = index(&SMITHS);
    assert_eq!(
        index.search("John Smith")[0],
        ("John Smith X123456".to_string(), 1.0)
    );
    assert!(index.search("Priya Okonkwo").is_empty());
    assert_eq!(
        names(&index, "Jon Smyth"),
        [
            "John Smith",
            "Jane Smythe",
            "Johanna Smithson",
            "Jon Stewart"
        ]
    );
}

#[test]
fn an_empty_query_keeps_every_case_in_order() {
    let index = index(&SMITHS);
    for query in ["", "   ", "-"] {
        let found: Vec<String> = index.search(query).into_iter().map(|(id, _)| id).collect();
        let expected: Vec<String> = SMITHS
            .iter()
            .map(|(name, crn)| format!("{name} {crn}"))
            .collect();
        assert_eq!(found, expected);
    }
    assert_eq!(index.len(), 5);
    assert!(SearchIndex::new(&[]).is_empty());
}

/// 1,000 fictional cases, with the people the tests look for among them.
fn big_caseload() -> Vec<(String, String, String)> {
    const FIRST: [&str; 20] = [
        "Aisha", "Ben", "Chloé", "Dev", "Ella", "Femi", "Grace", "Harry", "Imran", "Jade", "Kai",
        "Leah", "Mo", "Nia", "Owen", "Priya", "Rhys", "Sian", "Tom", "Zoë",
    ];
    const LAST: [&str; 50] = [
        "Adams", "Begum", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal",
        "Jones", "Khan", "Lewis", "Morgan", "Nolan", "Owusu", "Patel", "Quinn", "Roberts", "Shah",
        "Taylor", "Usman", "Vaughan", "Walsh", "Young", "Ahmed", "Baker", "Cole", "Doyle", "Ellis",
        "Foster", "Grant", "Hall", "Irwin", "James", "Kelly", "Lloyd", "Mason", "Nash", "Okafor",
        "Price", "Reid", "Stone", "Turner", "Vance", "Ward", "Yates", "Smythe", "Stewart",
        "Smithers", "Smart",
    ];
    let mut cases: Vec<(String, String, String)> = (0..997)
        .map(|i| {
            let name = format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / 3) % LAST.len()]);
            (format!("case-{i}"), name, format!("X{}", 100_000 + i))
        })
        .collect();
    cases.insert(
        400,
        ("case-js".into(), "John Smith".into(), "X123456".into()),
    );
    cases.insert(
        10,
        ("case-jane".into(), "Jane Smythe".into(), "X123465".into()),
    );
    cases.insert(
        700,
        ("case-zoe".into(), "Zoë Ó Briain".into(), "X555555".into()),
    );
    cases
}

#[test]
fn a_caseload_of_a_thousand_ranks_the_right_case_first() {
    let cases = big_caseload();
    assert_eq!(cases.len(), 1_000);
    let rows: Vec<(&str, &str, &str)> = cases
        .iter()
        .map(|(id, name, crn)| (id.as_str(), name.as_str(), crn.as_str()))
        .collect();
    let index = SearchIndex::new(&rows);
    for (query, expected) in [
        ("Jon Smyth", "case-js"),
        ("Jhn Smth", "case-js"),
        ("smith john", "case-js"),
        ("x12345", "case-js"),
        ("jane smyth", "case-jane"),
        ("zoe o briain", "case-zoe"),
        ("Zoe Obriain", "case-zoe"),
        ("X100123", "case-123"),
    ] {
        let found = index.search(query);
        assert_eq!(
            found[0].0,
            expected,
            "{query}: {:?}",
            &found[..found.len().min(5)]
        );
        assert!(found[0].1 > found[1].1, "{query}: {:?}", &found[..2]);
    }
    assert_eq!(index.search("").len(), 1_000);
}
