use super::*;
use proptest::prelude::*;

fn day(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).expect("a real date")
}

fn start(month: u32) -> FiscalYearStart {
    FiscalYearStart::new(month).expect("a month")
}

/// Any date of years 1 to 9999, and any fiscal-year start month.
fn any_day() -> impl Strategy<Value = NaiveDate> {
    let first = day(1, 1, 1).num_days_from_ce();
    let last = day(9999, 12, 31).num_days_from_ce();
    (first..=last).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).expect("in range"))
}

fn any_start() -> impl Strategy<Value = FiscalYearStart> {
    (1u32..=12).prop_map(start)
}

proptest! {
    #[test]
    fn every_date_lies_in_exactly_one_quarter(d in any_day(), s in any_start()) {
        let q = Quarter::containing(d, s);
        prop_assert!(q.contains(d), "{d} is not in {q} ({} to {})", q.first_day(), q.last_day());
        prop_assert!(!q.previous().contains(d), "{d} is also in the quarter before {q}");
        prop_assert!(!q.next().contains(d), "{d} is also in the quarter after {q}");
    }

    #[test]
    fn stepping_back_and_forth_returns_to_the_same_quarter(d in any_day(), s in any_start()) {
        let q = Quarter::containing(d, s);
        prop_assert_eq!(q.previous().next(), q);
        prop_assert_eq!(q.next().previous(), q);
    }

    #[test]
    fn quarters_follow_each_other_with_no_gap(d in any_day(), s in any_start()) {
        let q = Quarter::containing(d, s);
        prop_assert_eq!(q.last_day().succ_opt(), Some(q.next().first_day()));
        prop_assert_eq!(q.first_day().day(), 1, "a quarter starts on the first of a month");
        prop_assert_eq!(Quarter::containing(q.first_day(), s), q);
        prop_assert_eq!(Quarter::containing(q.last_day(), s), q);
    }

    #[test]
    fn four_quarters_make_a_fiscal_year_from_its_start_month(d in any_day(), s in any_start()) {
        let q1 = Quarter::new(Quarter::containing(d, s).fiscal_year(), 1, s).unwrap();
        prop_assert_eq!(q1.first_day().month(), s.month());
        let q4 = q1.next().next().next();
        prop_assert_eq!((q4.fiscal_year(), q4.number()), (q1.fiscal_year(), 4));
        prop_assert_eq!(
            Some(q4.next().first_day()),
            q1.first_day().checked_add_months(chrono::Months::new(12)),
            "the next fiscal year starts twelve months after this one"
        );
    }
}

#[test]
fn the_calendar_year_is_the_default_and_names_calendar_quarters() {
    let q = Quarter::containing(day(2026, 3, 14), FiscalYearStart::default());
    assert_eq!(q.to_string(), "2026 Q1");
    assert_eq!(
        (q.first_day(), q.last_day()),
        (day(2026, 1, 1), day(2026, 3, 31))
    );
    let q4 = Quarter::containing(day(2026, 12, 31), FiscalYearStart::CALENDAR);
    assert_eq!(q4.to_string(), "2026 Q4");
    assert_eq!(q4.next().to_string(), "2027 Q1");
}

#[test]
fn a_fiscal_year_is_named_by_the_calendar_year_it_ends_in() {
    let july = start(7);
    let q = Quarter::containing(day(2025, 7, 1), july);
    assert_eq!(q.to_string(), "2026 Q1", "July 2025 opens fiscal 2026");
    assert_eq!(q.last_day(), day(2025, 9, 30));
    let q = Quarter::containing(day(2026, 6, 30), july);
    assert_eq!(q.to_string(), "2026 Q4", "June 2026 closes fiscal 2026");
    assert_eq!(q.first_day(), day(2026, 4, 1));
    let q = Quarter::containing(day(2026, 1, 15), start(10));
    assert_eq!(
        q.to_string(),
        "2026 Q2",
        "an October year: January is in its second quarter"
    );
    assert_eq!(q.first_day(), day(2026, 1, 1));
}

#[test]
fn a_leap_day_ends_its_quarters_february() {
    let q = Quarter::containing(day(2028, 2, 29), start(12));
    assert_eq!(
        (q.first_day(), q.last_day()),
        (day(2027, 12, 1), day(2028, 2, 29))
    );
    assert_eq!(q.to_string(), "2028 Q1");
}

#[test]
fn a_month_or_quarter_out_of_range_is_refused_naming_the_field() {
    for month in [0, 13] {
        match FiscalYearStart::new(month) {
            Err(Error::Validation { field, .. }) => assert_eq!(field, "fiscalYearStart"),
            other => panic!("month {month} accepted: {other:?}"),
        }
    }
    assert!(serde_json::from_str::<FiscalYearStart>("13").is_err());
    assert_eq!(
        serde_json::from_str::<FiscalYearStart>("4").unwrap(),
        start(4)
    );
    match Quarter::new(2026, 5, FiscalYearStart::CALENDAR) {
        Err(Error::Validation { field, .. }) => assert_eq!(field, "quarter"),
        other => panic!("Q5 accepted: {other:?}"),
    }
}

#[test]
fn a_quarter_reaches_the_interface_with_its_name_and_days() {
    let q = Quarter::new(2026, 1, start(7)).unwrap();
    assert_eq!(
        serde_json::to_value(q).unwrap(),
        serde_json::json!({
            "label": "2026 Q1",
            "key": "2026-Q1",
            "fiscalYear": 2026,
            "number": 1,
            "firstDay": "2025-07-01",
            "lastDay": "2025-09-30",
        })
    );
}

#[test]
fn a_quarter_is_read_from_its_name_and_a_fifth_quarter_is_refused() {
    let q = Quarter::parse("2026-Q3", start(1), "quarter").unwrap();
    assert_eq!((q.fiscal_year(), q.number()), (2026, 3));
    assert_eq!(q.key(), "2026-Q3");
    for same in ["2026 Q3", " 2026q3 ", "2026Q3"] {
        assert_eq!(Quarter::parse(same, start(1), "quarter").unwrap(), q);
    }
    // With a July start, 2026-Q1 is July to September 2025.
    let fiscal = Quarter::parse("2026-Q1", start(7), "quarter").unwrap();
    assert_eq!(fiscal.first_day(), day(2025, 7, 1));
    for (bad, why) in [
        ("2026-Q5", "Q5 does not exist"),
        ("2026-Q0", "Q0 does not exist"),
        ("2026-3", "no Q"),
        ("26-Q3", "four digits"),
        ("2026-Q", "number from 1 to 4"),
        ("2026-Q12", "number from 1 to 4"),
        ("", "no Q"),
    ] {
        let error = Quarter::parse(bad, start(1), "dueQuarter").unwrap_err();
        assert_eq!(error.field(), Some("dueQuarter"), "{bad}");
        assert!(error.to_string().contains(why), "{bad}: {error}");
    }
}
