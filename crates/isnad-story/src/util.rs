//! Dates as ISO strings.

use jiff::civil::Date;

/// The ISO day (`YYYY-MM-DD`) at the start of an ISO date or date-time, if it has one.
pub(crate) fn iso_day(s: &str) -> Option<String> {
    let head = s.trim().get(..10)?;
    head.parse::<Date>().ok().map(|d| d.to_string())
}

/// Days since 1970-01-01 of the ISO day at the start of `s`.
pub(crate) fn day_number(s: &str) -> Option<i64> {
    let head = s.trim().get(..10)?;
    let d: Date = head.parse().ok()?;
    let epoch = Date::constant(1970, 1, 1);
    d.since(epoch).ok().map(|span| i64::from(span.get_days()))
}

/// A sortable date key: the leading ISO date part (`2024`, `2024-01`, `2024-01-29`)
/// of a value, interval start for intervals; `None` for unresolved forms.
pub(crate) fn date_key(s: &str) -> Option<String> {
    let first = s.split('/').next()?.trim();
    let ok = first.len() >= 4 && first.chars().take(4).all(|c| c.is_ascii_digit());
    ok.then(|| first.get(..first.len().min(10)).unwrap_or(first).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_keys() {
        assert_eq!(iso_day("2024-01-29T10:00:00+02:00").as_deref(), Some("2024-01-29"));
        assert_eq!(iso_day("2024-01"), None);
        assert_eq!(day_number("1970-01-03"), Some(2));
        assert_eq!(day_number("2024-03-01").zip(day_number("2024-02-28")).map(|(a, b)| a - b), Some(2));
        assert_eq!(date_key("2024-01-22/2024-01-28").as_deref(), Some("2024-01-22"));
        assert_eq!(date_key("2024-01").as_deref(), Some("2024-01"));
        assert_eq!(date_key("weekday:Sunday"), None);
    }
}
