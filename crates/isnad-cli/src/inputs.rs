//! The input options shared by `isnad extract` and `isnad ingest`.

use clap::Args as ClapArgs;
use isnad_input::{FieldNames, ReadOptions};

/// How inputs are read (both commands read through `isnad_sources::read_inputs`).
#[derive(ClapArgs, Debug, Clone)]
pub struct InputArgs {
    /// Publication date to assume when an input gives none (YYYY-MM-DD, an ISO 8601 date-time or
    /// RFC 2822; years 1800–2200).
    #[arg(long, value_parser = isnad_input::parse_published_option)]
    pub published: Option<String>,
    /// Outlet to assume when an input gives none.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Largest input file (or record) accepted, in bytes.
    #[arg(long, default_value_t = isnad_input::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Record field holding the article text (default: text, content, body, article, story).
    #[arg(long, value_name = "NAME")]
    pub text_field: Option<String>,
    /// Record field holding the headline (default: title, headline).
    #[arg(long, value_name = "NAME")]
    pub title_field: Option<String>,
    /// Record field holding the publication date (default: published, date, pubDate, date_extracted, datetime).
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,
    /// Record field holding the article URL (default: url, link).
    #[arg(long, value_name = "NAME")]
    pub url_field: Option<String>,
    /// Record field holding the outlet (default: source, outlet, site, publisher).
    #[arg(long, value_name = "NAME")]
    pub source_field: Option<String>,
}

impl InputArgs {
    /// The reading options these arguments give.
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            max_bytes: self.max_bytes,
            published: self.published.clone(),
            outlet: self.outlet.clone(),
            fields: FieldNames {
                text: self.text_field.clone(),
                title: self.title_field.clone(),
                date: self.date_field.clone(),
                url: self.url_field.clone(),
                source: self.source_field.clone(),
            },
        }
    }
}
