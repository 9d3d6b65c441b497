//! ISO 8601 dates and date-times to Unix seconds, without a date library.

/// Days from 1970-01-01 to a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn num(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses `YYYY-MM-DD` with an optional time (`THH:MM[:SS[.frac]]`, `T` or a
/// space) and zone (`Z`, `±HH:MM`, `±HHMM`, `±HH`) into Unix seconds (UTC).
/// Returns the seconds and whether a time was given.
pub fn parse_iso(s: &str) -> Option<(i64, bool)> {
    let s = s.trim();
    let date = s.get(..10)?;
    let mut parts = date.split('-');
    let (y, m, d) = (num(parts.next()?)?, num(parts.next()?)?, num(parts.next()?)?);
    if date.len() != 10 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut secs = days_from_civil(y, m, d) * 86_400;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some((secs, false));
    }
    let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
    // Split the zone off.
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (time, zone) = rest.split_at(zone_at);
    let time = time.split('.').next()?;
    let mut hms = time.split(':');
    let h = num(hms.next()?)?;
    let mi = hms.next().map(num).unwrap_or(Some(0))?;
    let se = hms.next().map(num).unwrap_or(Some(0))?;
    if h > 24 || mi > 59 || se > 60 {
        return None;
    }
    secs += h * 3600 + mi * 60 + se;
    if !zone.is_empty() && !zone.eq_ignore_ascii_case("z") {
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let z: String = zone[1..].chars().filter(|c| *c != ':').collect();
        let (zh, zm) = match z.len() {
            2 => (num(&z)?, 0),
            4 => (num(z.get(..2)?)?, num(z.get(2..)?)?),
            _ => return None,
        };
        secs -= sign * (zh * 3600 + zm * 60);
    }
    Some((secs, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_times_and_zones() {
        assert_eq!(parse_iso("1970-01-01"), Some((0, false)));
        assert_eq!(parse_iso("2024-03-01"), Some((1_709_251_200, false)));
        assert_eq!(parse_iso("2018-02-18T19:49:50+00:00"), Some((1_518_983_390, true)));
        assert_eq!(parse_iso("2018-02-18T21:49:50+02:00"), Some((1_518_983_390, true)));
        assert_eq!(parse_iso("2018-02-18 19:49:50.123Z"), Some((1_518_983_390, true)));
        assert_eq!(parse_iso("yesterday"), None);
        assert_eq!(parse_iso("2018-13-01"), None);
        assert_eq!(parse_iso("٢٠١٨-٠٢-١٨"), None);
    }
}
