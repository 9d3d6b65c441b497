//! Publication dates: parsed once at input, typed for every consumer.

use jiff::civil::{Date, DateTime, Time};
use jiff::fmt::temporal::Pieces;
use jiff::tz::Offset;
use jiff::Timestamp;

use crate::Metadata;

/// The years a publication date may fall in; others are refused (a year 2999
/// or 0201 is a typo or a placeholder, not a date to sort or index by).
pub const PUBLISHED_YEARS: std::ops::RangeInclusive<i16> = 1800..=2200;

/// A validated publication date: a day, with the time and UTC offset when
/// the input gave them.
///
/// [`Published::parse`] reads the shapes inputs come in; [`Published::to_iso`]
/// gives the normalized form stored in [`Metadata::published`];
/// [`Metadata::published_at`] reads it back without re-guessing the shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// The day, as published (in the publisher's time zone).
    pub date: Date,
    /// The time of day, when given (seconds precision).
    pub time: Option<Time>,
    /// The UTC offset, when given (`Z` is `+00:00`).
    pub offset: Option<Offset>,
}

impl Published {
    /// Parses a publication date given as:
    ///
    /// * an ISO 8601 / RFC 3339 date (`2015-07-21`) or date-time, with `T` or a
    ///   space, with or without seconds, fraction, offset (`Z`, `+03:00`,
    ///   `+0300`) or a bracketed time zone (`2015-07-21 02:51:32`,
    ///   `2015-07-21T02:51:32+03:00`);
    /// * RFC 2822 (`Tue, 21 Jul 2015 02:51:32 +0000`), as in RSS.
    ///
    /// # Errors
    ///
    /// A message naming the value when it is none of these, or its year is
    /// outside [`PUBLISHED_YEARS`].
    pub fn parse(value: &str) -> Result<Published, String> {
        let s = value.trim();
        let parsed = match Pieces::parse(s) {
            Ok(p) => Some(Published {
                date: p.date(),
                time: p.time().map(|t| t.with().subsec_nanosecond(0).build().unwrap_or(t)),
                offset: p.to_numeric_offset(),
            }),
            Err(_) => jiff::fmt::rfc2822::parse(s).ok().map(|z| Published {
                date: z.date(),
                time: Some(z.time().with().subsec_nanosecond(0).build().unwrap_or(z.time())),
                offset: Some(z.offset()),
            }),
        };
        let Some(p) = parsed else {
            return Err(format!("published date {value:?} is not a date (ISO 8601 or RFC 2822)"));
        };
        if !PUBLISHED_YEARS.contains(&p.date.year()) {
            return Err(format!(
                "published date {value:?} is outside the years {}–{}",
                PUBLISHED_YEARS.start(),
                PUBLISHED_YEARS.end()
            ));
        }
        Ok(p)
    }

    /// The normalized ISO 8601 form: `2015-07-21`, `2015-07-21T02:51:32`
    /// (no offset given) or `2015-07-21T02:51:32+03:00`.
    pub fn to_iso(&self) -> String {
        match (self.time, self.offset) {
            (None, _) => self.date.to_string(),
            (Some(t), None) => DateTime::from_parts(self.date, t).strftime("%Y-%m-%dT%H:%M:%S").to_string(),
            (Some(t), Some(o)) => {
                let dt = DateTime::from_parts(self.date, t).strftime("%Y-%m-%dT%H:%M:%S").to_string();
                let secs = o.seconds();
                let (sign, abs) = if secs < 0 { ('-', -secs) } else { ('+', secs) };
                format!("{dt}{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60)
            }
        }
    }

    /// The instant: the given offset, else UTC; a date alone is its midnight.
    pub fn timestamp(&self) -> Timestamp {
        let dt = DateTime::from_parts(self.date, self.time.unwrap_or(Time::midnight()));
        let offset = self.offset.unwrap_or(Offset::UTC);
        offset.to_timestamp(dt).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    /// Days since 1970-01-01 of the published day (in the publisher's time zone).
    pub fn day_number(&self) -> i64 {
        self.date.since(Date::constant(1970, 1, 1)).map_or(0, |span| i64::from(span.get_days()))
    }
}

impl Metadata {
    /// The publication date, typed. `published` holds the normalized form
    /// written at input ([`Published::to_iso`]); this reads it back (and, for
    /// records written by older versions, any shape [`Published::parse`]
    /// reads). `None` when absent or not a date.
    pub fn published_at(&self) -> Option<Published> {
        self.published.as_deref().and_then(|s| Published::parse(s).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Result<String, String> {
        Published::parse(s).map(|p| p.to_iso())
    }

    #[test]
    fn the_input_shapes_normalize_to_iso() {
        assert_eq!(iso("2015-07-21").as_deref(), Ok("2015-07-21"));
        assert_eq!(iso(" 2015-07-21 02:51:32 ").as_deref(), Ok("2015-07-21T02:51:32"));
        assert_eq!(iso("2015-07-21T02:51").as_deref(), Ok("2015-07-21T02:51:00"));
        assert_eq!(iso("2018-02-19T00:16:11+04:00").as_deref(), Ok("2018-02-19T00:16:11+04:00"));
        assert_eq!(iso("2018-02-18T19:49:50.123Z").as_deref(), Ok("2018-02-18T19:49:50+00:00"));
        assert_eq!(iso("2018-02-18T19:49:50-0530").as_deref(), Ok("2018-02-18T19:49:50-05:30"));
        assert_eq!(iso("Tue, 21 Jul 2015 02:51:32 +0000").as_deref(), Ok("2015-07-21T02:51:32+00:00"));
        assert_eq!(iso("Tue, 21 Jul 2015 05:51:32 +0300").as_deref(), Ok("2015-07-21T05:51:32+03:00"));
        // Normalized forms read back to themselves.
        for s in ["2015-07-21", "2015-07-21T02:51:32", "2018-02-19T00:16:11+04:00"] {
            assert_eq!(iso(s).as_deref(), Ok(s));
        }
    }

    #[test]
    fn non_dates_and_out_of_range_years_are_refused_with_the_value() {
        for bad in ["yesterday", "2018-13-01", "21/07/2015", "", "٢٠١٨-٠٢-١٨"] {
            let e = Published::parse(bad).unwrap_err();
            assert!(e.contains(&format!("{bad:?}")), "{e}");
        }
        let e = Published::parse("2999-01-01").unwrap_err();
        assert!(e.contains("outside the years 1800–2200"), "{e}");
        assert!(Published::parse("1799-12-31").is_err());
        assert!(Published::parse("1800-01-01").is_ok() && Published::parse("2200-12-31T23:59:59Z").is_ok());
    }

    #[test]
    fn instants_and_days() {
        let p = Published::parse("2018-02-18T21:49:50+02:00").unwrap();
        assert_eq!(p.timestamp().as_second(), 1_518_983_390);
        assert_eq!(p.date.to_string(), "2018-02-18", "the day as published, not the UTC day");
        assert_eq!(Published::parse("1970-01-03").unwrap().day_number(), 2);
        assert_eq!(Published::parse("1970-01-01T23:00:00-05:00").unwrap().day_number(), 0);
        assert_eq!(Published::parse("2015-07-21 00:00:00").unwrap().timestamp().as_second(), 1_437_436_800);
        let m = Metadata { published: Some("2024-03-01".into()), ..Default::default() };
        assert_eq!(m.published_at().map(|p| p.date.to_string()).as_deref(), Some("2024-03-01"));
        assert_eq!(Metadata::default().published_at(), None);
    }
}
