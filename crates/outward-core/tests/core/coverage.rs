//! Coverage: who has not been heard from, counted in the workspace's quarters.

use crate::fixtures::{day, interview, now, world};
use outward_core::coverage;
use outward_core::customers::{self, CustomerInput};
use outward_core::id::Id;
use outward_core::settings;

#[test]
fn coverage_puts_the_longest_silence_first_and_flags_it() {
    let w = world();
    interview(&w, w.payments, day(2026, 11, 2), "Recent");
    interview(&w, w.checkout, day(2026, 6, 1), "Long ago");
    let silent =
        w.db.write(|tx| {
            customers::create(
                tx,
                &CustomerInput {
                    name: "Data".into(),
                    ..Default::default()
                },
                now(),
            )
        })
        .unwrap()
        .id;
    let c =
        w.db.read(|c| coverage::coverage(c, now().date_naive()))
            .unwrap();
    assert_eq!(c.quarter, "2026 Q4");
    let order: Vec<Id> = c.customers.iter().map(|x| x.customer_id).collect();
    assert_eq!(
        order,
        vec![silent, w.checkout, w.payments],
        "never, then oldest, then recent"
    );
    let flags: Vec<bool> = c.customers.iter().map(|x| x.unheard).collect();
    assert_eq!(flags, vec![true, true, false], "past 12 weeks is flagged");
    assert_eq!(c.customers[2].conversations_this_quarter, 1);
    assert_eq!(
        c.people[0].conversations_this_quarter, 1,
        "Ada held one this quarter"
    );

    w.db.write(|tx| settings::set_unheard_after_weeks(tx, 30))
        .unwrap();
    let relaxed =
        w.db.read(|c| coverage::coverage(c, now().date_naive()))
            .unwrap();
    assert!(
        !relaxed.customers[1].unheard,
        "24 weeks is fine with a 30-week threshold"
    );
    let _ = w.team;
}

#[test]
fn coverage_counts_the_quarter_of_the_workspace_fiscal_year() {
    let w = world();
    interview(&w, w.payments, day(2026, 9, 15), "September");
    interview(&w, w.payments, day(2026, 11, 2), "November");
    let calendar =
        w.db.read(|c| coverage::coverage(c, now().date_naive()))
            .unwrap();
    assert_eq!(
        (calendar.quarter.as_str(), calendar.quarter_start),
        ("2026 Q4", day(2026, 10, 1))
    );
    let payments = |c: &coverage::Coverage| {
        c.customers
            .iter()
            .find(|x| x.customer_id == w.payments)
            .map(|x| x.conversations_this_quarter)
    };
    assert_eq!(payments(&calendar), Some(1));

    w.db.write(|tx| settings::set_fiscal_year_start(tx, 9))
        .unwrap();
    let fiscal =
        w.db.read(|c| coverage::coverage(c, now().date_naive()))
            .unwrap();
    assert_eq!(
        (fiscal.quarter.as_str(), fiscal.quarter_start),
        ("2027 Q1", day(2026, 9, 1)),
        "a year starting in September 2026 is fiscal 2027, and November is in its first quarter"
    );
    assert_eq!(
        payments(&fiscal),
        Some(2),
        "September's conversation is in this fiscal quarter"
    );
}
