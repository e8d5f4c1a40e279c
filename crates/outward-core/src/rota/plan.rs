//! Planning a fair rota: one person per week, chosen among those not away that week.
//!
//! Fairness is measured against each person's *share*: every week is split evenly among the
//! people available in it, so someone away for a month is not owed the weeks they missed.
//! Week by week the planner picks, among the available, the person furthest behind their share
//! so far; ties go to whoever was on support longest ago, so turns spread out instead of
//! bunching. Everyone on the team takes turns, whatever their level: seniors, staff and
//! principal engineers support their products too.

use crate::id::Id;
use chrono::{Datelike, Days, NaiveDate};

/// A person the planner may put on support.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: Id,
    /// The last week they were on support before the plan starts, if any.
    pub last_turn: Option<NaiveDate>,
    /// Their absences, first and last day.
    pub away: Vec<(NaiveDate, NaiveDate)>,
}

impl Candidate {
    /// Whether they are away on any working day (Monday to Friday) of the week of `monday`.
    pub fn away_in(&self, monday: NaiveDate) -> bool {
        let friday = monday + Days::new(4);
        self.away
            .iter()
            .any(|&(from, to)| from <= friday && to >= monday)
    }
}

/// A week whose person is already known (a recorded shift): it counts toward their turns.
#[derive(Debug, Clone, Copy)]
pub struct Fixed {
    pub week_of: NaiveDate,
    pub person: Id,
}

/// The Monday of the week holding `day`.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// The `count` Mondays from the week holding `start`.
pub fn weeks_from(start: NaiveDate, count: u32) -> Vec<NaiveDate> {
    let first = monday_of(start);
    (0..count)
        .map(|i| first + Days::new(7 * u64::from(i)))
        .collect()
}

/// Who is on support each of `weeks` (Mondays, in order), from `candidates` (in the order ties
/// fall back to). A week in `fixed` keeps its person. Fails with the first week in which
/// nobody is available.
pub fn assign(
    candidates: &[Candidate],
    weeks: &[NaiveDate],
    fixed: &[Fixed],
) -> Result<Vec<Id>, NaiveDate> {
    let mut share = vec![0.0_f64; candidates.len()];
    let mut turns = vec![0_u32; candidates.len()];
    let mut last: Vec<Option<NaiveDate>> = candidates.iter().map(|c| c.last_turn).collect();
    let mut plan = Vec::with_capacity(weeks.len());
    for &week in weeks {
        let available: Vec<usize> = (0..candidates.len())
            .filter(|&i| !candidates[i].away_in(week))
            .collect();
        let known = fixed
            .iter()
            .find(|f| f.week_of == week)
            .and_then(|f| candidates.iter().position(|c| c.id == f.person));
        if available.is_empty() && known.is_none() {
            return Err(week);
        }
        let portion = 1.0 / available.len().max(1) as f64;
        for &i in &available {
            share[i] += portion;
        }
        let chosen = known.unwrap_or_else(|| {
            let behind = |i: usize| share[i] - f64::from(turns[i]);
            available
                .iter()
                .copied()
                .max_by(|&a, &b| {
                    behind(a)
                        .total_cmp(&behind(b))
                        // Longest since their last turn first: None (never) is the longest.
                        .then_with(|| last[b].cmp(&last[a]))
                        // Then the earlier candidate.
                        .then_with(|| b.cmp(&a))
                })
                .expect("someone is available")
        });
        turns[chosen] += 1;
        last[chosen] = Some(week);
        plan.push(candidates[chosen].id);
    }
    Ok(plan)
}

/// Each candidate's share of `weeks`: every week split evenly among those available in it.
pub fn shares(candidates: &[Candidate], weeks: &[NaiveDate]) -> Vec<f64> {
    let mut share = vec![0.0_f64; candidates.len()];
    for &week in weeks {
        let available: Vec<usize> = (0..candidates.len())
            .filter(|&i| !candidates[i].away_in(week))
            .collect();
        for &i in &available {
            share[i] += 1.0 / available.len() as f64;
        }
    }
    share
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::now;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn people(n: usize) -> Vec<Candidate> {
        (0..n)
            .map(|_| Candidate {
                id: Id::at(now()),
                last_turn: None,
                away: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn a_week_is_named_by_its_monday() {
        assert_eq!(monday_of(day(2027, 1, 7)), day(2027, 1, 4));
        assert_eq!(monday_of(day(2027, 1, 4)), day(2027, 1, 4));
        assert_eq!(monday_of(day(2027, 1, 10)), day(2027, 1, 4));
        assert_eq!(
            weeks_from(day(2027, 1, 6), 2),
            vec![day(2027, 1, 4), day(2027, 1, 11)]
        );
    }

    #[test]
    fn everyone_takes_turns_in_order_when_nobody_is_away() {
        let team = people(3);
        let plan = assign(&team, &weeks_from(day(2027, 1, 4), 6), &[]).expect("plan");
        let ids: Vec<Id> = team.iter().map(|c| c.id).collect();
        assert_eq!(plan, [ids.clone(), ids].concat());
    }

    #[test]
    fn someone_away_is_skipped_and_not_owed_the_week() {
        let mut team = people(2);
        team[0].away.push((day(2027, 1, 5), day(2027, 1, 5)));
        let plan = assign(&team, &weeks_from(day(2027, 1, 4), 3), &[]).expect("plan");
        assert_eq!(plan, vec![team[1].id, team[0].id, team[1].id]);
        // A weekend away leaves the working week free.
        team[0].away = vec![(day(2027, 1, 9), day(2027, 1, 10))];
        assert!(!team[0].away_in(day(2027, 1, 4)));
    }

    #[test]
    fn a_week_with_nobody_available_is_named() {
        let mut team = people(1);
        team[0].away.push((day(2027, 1, 11), day(2027, 1, 15)));
        let weeks = weeks_from(day(2027, 1, 4), 3);
        assert_eq!(assign(&team, &weeks, &[]), Err(day(2027, 1, 11)));
    }
}
