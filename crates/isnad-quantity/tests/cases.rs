//! Runs the phrase table `tests/cases.tsv`.
//!
//! Each line: `check<TAB>phrase<TAB>expected`. Checks:
//! - `num`: some number has the value; `expected` is `value [hedge] [kind]`;
//! - `nonum`: no number at all (for `nonum:cardinal`, no cardinal);
//! - `date` / `date@YYYY-MM-DD` (with that publication date): some date has
//!   `expected` as its value or literal; `expected` may add `grain=<g>`;
//! - `nodate`: no date;
//! - `dur`: some duration is `value unit [hedge]`;
//! - `nodur`: no duration;
//! - `ref`: the reference inferred from the text is `expected`.

use isnad_quantity::extract;

fn hedge_name(h: isnad_model::Hedge) -> String {
    serde_json::to_value(h).unwrap().as_str().unwrap().to_string()
}
fn kind_name<T: serde::Serialize>(k: T) -> String {
    serde_json::to_value(k).unwrap().as_str().unwrap().to_string()
}

fn check(check: &str, phrase: &str, expected: &str) -> Result<(), String> {
    let (check, published) = match check.split_once('@') {
        Some((c, p)) => (c, Some(p)),
        None => (check, None),
    };
    let q = extract(phrase, &[], published);
    let dump = || {
        format!(
            "numbers={:?}\n  dates={:?}\n  durations={:?}",
            q.numbers.iter().map(|n| (n.value, hedge_name(n.hedge), kind_name(n.kind), &n.surface)).collect::<Vec<_>>(),
            q.dates.iter().map(|d| (&d.value, &d.literal, kind_name(d.grain), &d.surface)).collect::<Vec<_>>(),
            q.durations
                .iter()
                .map(|d| (d.value, kind_name(d.unit), hedge_name(d.hedge), &d.surface))
                .collect::<Vec<_>>()
        )
    };
    let ok = match check {
        "num" => {
            let mut it = expected.split_whitespace();
            let v: f64 = it.next().unwrap().parse().map_err(|e| format!("bad value: {e}"))?;
            let rest: Vec<&str> = it.collect();
            q.numbers.iter().any(|n| {
                (n.value - v).abs() <= 1e-6 * v.abs().max(1.0)
                    && rest.iter().all(|r| *r == hedge_name(n.hedge) || *r == kind_name(n.kind))
            })
        }
        "nonum" => q.numbers.is_empty(),
        "nonum:cardinal" => !q.numbers.iter().any(|n| n.kind == isnad_model::NumberKind::Cardinal),
        "date" => {
            let (v, grain) = match expected.rsplit_once(' ') {
                Some((v, g)) if g.starts_with("grain=") => (v, g.strip_prefix("grain=")),
                _ => (expected, None),
            };
            q.dates.iter().any(|d| (d.value == v || d.literal == v) && grain.is_none_or(|g| g == kind_name(d.grain)))
        }
        "nodate" => q.dates.is_empty(),
        "dur" => {
            let mut it = expected.split_whitespace();
            let v: f64 = it.next().unwrap().parse().map_err(|e| format!("bad value: {e}"))?;
            let unit = it.next().unwrap_or("");
            let hedge = it.next();
            q.durations.iter().any(|d| {
                (d.value - v).abs() < 1e-9
                    && kind_name(d.unit) == unit
                    && hedge.is_none_or(|h| h == hedge_name(d.hedge))
            })
        }
        "nodur" => q.durations.is_empty(),
        "ref" => q.reference.as_ref().is_some_and(|r| r.value == expected && r.inferred),
        other => return Err(format!("unknown check {other}")),
    };
    if ok {
        Ok(())
    } else {
        Err(dump())
    }
}

#[test]
fn phrase_table() {
    let table = include_str!("cases.tsv");
    let mut n = 0;
    let mut failures = Vec::new();
    for (ln, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            failures.push(format!("line {}: malformed", ln + 1));
            continue;
        }
        n += 1;
        let expected = cols.get(2).copied().unwrap_or("");
        if let Err(e) = check(cols[0], cols[1], expected) {
            failures.push(format!("line {}: {} «{}» expected {}\n  {}", ln + 1, cols[0], cols[1], expected, e));
        }
    }
    println!("{n} cases, {} failed", failures.len());
    assert!(failures.is_empty(), "{} of {n} cases failed:\n{}", failures.len(), failures.join("\n"));
}
