//! The claims cue word lists, from `data/cues/claims/*.tsv`.
//!
//! The files are compiled in ([`include_str!`]) and parsed once, on first use
//! ([`LazyLock`]). Every file is `<list> TAB <entry>` lines (`<kind>` or
//! `<lemma>` for the keyed files), `#` comment lines and blank lines; a list's
//! lines are contiguous and its entries keep their file order. Entries are
//! written in their [`Fold::Letters`](isnad_text::fold::Fold::Letters) form,
//! the fold contract of [`isnad_text::analysis`]. A malformed line, a missing
//! or unknown list makes the loader panic (the tests here load every file).

use std::sync::LazyLock;

use isnad_model::EventKind;

/// The cue lists of one file: `(name, entries)`, both in file order.
type Lists = Vec<(&'static str, Vec<&'static str>)>;

/// Parses a cue file: `<name> TAB <entry>` lines, `#` comments and blank lines.
/// An entry is words separated by single spaces; a name is one word. Every
/// other line, a name whose lines are not contiguous and a repeated entry in
/// a list are errors.
pub(crate) fn parse(text: &'static str) -> Result<Lists, String> {
    let mut lists: Lists = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, entry) =
            line.split_once('\t').ok_or_else(|| format!("line {n}: not <list> TAB <entry>: {line:?}"))?;
        if entry.contains('\t') {
            return Err(format!("line {n}: more than two columns: {line:?}"));
        }
        if name.is_empty() || name.chars().any(char::is_whitespace) {
            return Err(format!("line {n}: the list name is empty or has whitespace: {line:?}"));
        }
        if entry.split(' ').any(str::is_empty) || entry.chars().any(|c| c.is_whitespace() && c != ' ') {
            return Err(format!("line {n}: the entry is empty or not words separated by single spaces: {line:?}"));
        }
        match lists.last_mut() {
            Some((last, entries)) if *last == name => {
                if entries.contains(&entry) {
                    return Err(format!("line {n}: {entry:?} is already in list {name:?}"));
                }
                entries.push(entry);
            }
            _ => {
                if lists.iter().any(|(l, _)| *l == name) {
                    return Err(format!("line {n}: the lines of list {name:?} are not contiguous"));
                }
                lists.push((name, vec![entry]));
            }
        }
    }
    Ok(lists)
}

/// The path of a cue file, for messages.
fn path(file: &str) -> String {
    format!("data/cues/claims/{file}")
}

/// Parses a cue file or panics, naming it.
fn load(file: &str, text: &'static str) -> Lists {
    parse(text).unwrap_or_else(|e| panic!("{}: {e}", path(file)))
}

/// A cue file whose lists the code reads by name.
struct Named {
    file: &'static str,
    lists: Lists,
}

impl Named {
    fn new(file: &'static str, text: &'static str) -> Self {
        Named { file, lists: load(file, text) }
    }

    /// Takes the list `name` out; panics when the file has none.
    fn take(&mut self, name: &str) -> Vec<&'static str> {
        let k = self
            .lists
            .iter()
            .position(|(l, _)| *l == name)
            .unwrap_or_else(|| panic!("{}: no list {name:?}", path(self.file)));
        self.lists.remove(k).1
    }

    /// Panics when a list was not taken (a name the code does not read).
    fn done(self) {
        if let Some((name, _)) = self.lists.first() {
            panic!("{}: unknown list {name:?}", path(self.file));
        }
    }
}

/// Declares a file's struct of named lists (one field per list, the field
/// name being the list name) and its static.
macro_rules! named_file {
    ($(#[$doc:meta])* $ty:ident, $stat:ident, $file:literal { $($(#[$fdoc:meta])* $field:ident),+ $(,)? }) => {
        $(#[$doc])*
        pub(crate) struct $ty {
            $($(#[$fdoc])* pub $field: Vec<&'static str>,)+
        }

        #[doc = concat!("The lists of `data/cues/claims/", $file, "`.")]
        pub(crate) static $stat: LazyLock<$ty> = LazyLock::new(|| {
            let mut f = Named::new($file, include_str!(concat!("../../../data/cues/claims/", $file)));
            let lists = $ty { $($field: f.take(stringify!($field)),)+ };
            f.done();
            lists
        });
    };
}

named_file! {
    /// What a figure counts, by kind (figures.rs tries the kinds in its own order).
    FigureCounted, FIGURE_COUNTED, "figure_counted.tsv" {
        killed, wounded, hostage, captive, displaced, missing, arrested, aid, population, money,
    }
}

named_file! {
    /// Words around a figure: release, truce, modality, place and date cues.
    FigureWords, FIGURE_WORDS, "figure_words.tsv" {
        release, truce, proposed, demanded, discussed, at_once, locative, result, period_start,
    }
}

named_file! {
    /// The attribution cues of figures and the words that end a source phrase.
    FigureAttribution, FIGURE_ATTRIBUTION, "figure_attribution.tsv" { phrase, verb, stop }
}

named_file! {
    /// The hostage / prisoner policy for counted captives.
    Captives, CAPTIVES, "captives.tsv" {
        /// Country codes of a nationality that makes captives hostages (checked first).
        nationality_hostage,
        /// Country codes of a nationality that makes captives prisoners.
        nationality_prisoner,
        /// Captive words that make captives hostages by default.
        hostage_word,
        /// Substrings of the words after the number that make captives hostages.
        hostage_place,
        /// Substrings of the words around the number that make captives prisoners.
        prison,
    }
}

named_file! {
    /// Quotes: words that end a speaker phrase, complementizers, venue words.
    QuoteWords, QUOTE_WORDS, "quote_words.tsv" { speaker_stop, that, venue, writer_voice }
}

named_file! {
    /// Citations: cues, outlet nouns, anaphors and the words that end a source phrase.
    CitationCues, CITATION_CUES, "citation_cues.tsv" { phrase, verb, outlet_noun, anaphor, via_stop }
}

named_file! {
    /// Events: agreement verbs, conclusion words, negations and weak meeting triggers.
    EventWords, EVENT_WORDS, "event_words.tsv" { agreed, concluded, negation, weak_meeting }
}

named_file! {
    /// Words that start an anonymous source.
    AnonymousSources, ANONYMOUS_SOURCES, "anonymous_sources.tsv" { anonymous }
}

/// The verbs of saying that open a quote: `(lemma, forms)`, in file order.
pub(crate) static QUOTE_CUES: LazyLock<Lists> =
    LazyLock::new(|| load("quote_cues.tsv", include_str!("../../../data/cues/claims/quote_cues.tsv")));

/// The event triggers: `(kind, triggers)`, kinds in file order (the priority
/// within a sentence); a trigger is one word or several separated by spaces.
pub(crate) static EVENT_TRIGGERS: LazyLock<Vec<(EventKind, Vec<&'static str>)>> = LazyLock::new(|| {
    let file = "event_triggers.tsv";
    load(file, include_str!("../../../data/cues/claims/event_triggers.tsv"))
        .into_iter()
        .map(|(name, triggers)| {
            let kind = serde_json::from_value(serde_json::Value::String(name.to_string()))
                .unwrap_or_else(|_| panic!("{}: {name:?} is not an event kind", path(file)));
            (kind, triggers)
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_text::analysis::is_folded_entry;

    /// Every cue file: its name, its text, and whether its first column is
    /// matched too (quote cue lemmas are written in full orthography).
    const FILES: [(&str, &str, bool); 10] = [
        ("figure_counted.tsv", include_str!("../../../data/cues/claims/figure_counted.tsv"), true),
        ("figure_words.tsv", include_str!("../../../data/cues/claims/figure_words.tsv"), true),
        ("figure_attribution.tsv", include_str!("../../../data/cues/claims/figure_attribution.tsv"), true),
        ("captives.tsv", include_str!("../../../data/cues/claims/captives.tsv"), true),
        ("quote_cues.tsv", include_str!("../../../data/cues/claims/quote_cues.tsv"), false),
        ("quote_words.tsv", include_str!("../../../data/cues/claims/quote_words.tsv"), true),
        ("citation_cues.tsv", include_str!("../../../data/cues/claims/citation_cues.tsv"), true),
        ("event_triggers.tsv", include_str!("../../../data/cues/claims/event_triggers.tsv"), true),
        ("event_words.tsv", include_str!("../../../data/cues/claims/event_words.tsv"), true),
        ("anonymous_sources.tsv", include_str!("../../../data/cues/claims/anonymous_sources.tsv"), true),
    ];

    #[test]
    fn every_file_in_the_directory_is_loaded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/cues/claims");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("data/cues/claims")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut known: Vec<String> = FILES.iter().map(|f| f.0.to_string()).collect();
        known.sort();
        assert_eq!(on_disk, known);
    }

    #[test]
    fn every_entry_is_folded_and_no_list_is_empty() {
        for (file, text, names_matched) in FILES {
            let lists = parse(text).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(!lists.is_empty(), "{file}: no list");
            for (name, entries) in &lists {
                assert!(!entries.is_empty(), "{file}: list {name:?} is empty");
                if names_matched {
                    assert!(is_folded_entry(name), "{file}: list name {name:?} is not folded");
                }
                for e in entries {
                    assert!(is_folded_entry(e), "{file}: {name:?} entry {e:?} is not in its Fold::Letters form");
                }
            }
        }
    }

    #[test]
    fn every_static_loads_with_its_lists() {
        let f = &*FIGURE_COUNTED;
        for l in [&f.killed, &f.wounded, &f.hostage, &f.captive, &f.displaced].into_iter().chain([
            &f.missing,
            &f.arrested,
            &f.aid,
            &f.population,
            &f.money,
        ]) {
            assert!(!l.is_empty());
        }
        let w = &*FIGURE_WORDS;
        for l in [&w.release, &w.truce, &w.proposed, &w.demanded, &w.discussed].into_iter().chain([
            &w.at_once,
            &w.locative,
            &w.result,
            &w.period_start,
        ]) {
            assert!(!l.is_empty());
        }
        let a = &*FIGURE_ATTRIBUTION;
        assert!([&a.phrase, &a.verb, &a.stop].iter().all(|l| !l.is_empty()));
        let c = &*CAPTIVES;
        let captives = [&c.nationality_hostage, &c.nationality_prisoner, &c.hostage_word, &c.hostage_place, &c.prison];
        assert!(captives.iter().all(|l| !l.is_empty()));
        for code in c.nationality_hostage.iter().chain(&c.nationality_prisoner) {
            assert!(code.len() == 2 && code.chars().all(|ch| ch.is_ascii_uppercase()), "country code {code:?}");
        }
        let q = &*QUOTE_WORDS;
        assert!([&q.speaker_stop, &q.that, &q.venue, &q.writer_voice].iter().all(|l| !l.is_empty()));
        let c = &*CITATION_CUES;
        assert!([&c.phrase, &c.verb, &c.outlet_noun, &c.anaphor, &c.via_stop].iter().all(|l| !l.is_empty()));
        let e = &*EVENT_WORDS;
        assert!([&e.agreed, &e.concluded, &e.negation, &e.weak_meeting].iter().all(|l| !l.is_empty()));
        assert!(!ANONYMOUS_SOURCES.anonymous.is_empty());
        assert!(QUOTE_CUES.len() > 1 && QUOTE_CUES[0].0 == "قال");
        let kinds: Vec<EventKind> = EVENT_TRIGGERS.iter().map(|t| t.0).collect();
        assert_eq!(kinds.len(), 9, "{kinds:?}");
        assert_eq!(kinds[0], EventKind::Exchange);
    }

    #[test]
    fn malformed_lines_are_rejected() {
        assert_eq!(parse("# comment\n\nkilled\tقتل\nkilled\tقتلت\nwounded\tجريح\n").unwrap().len(), 2);
        for bad in [
            "killed قتل\n",                               // no TAB
            "killed\tقتل\tقتلت\n",                        // three columns
            "\tقتل\n",                                    // no list name
            "killed\t\n",                                 // no entry
            "killed\tوقف  النار\n",                       // two spaces
            "killed\t قتل\n",                             // leading space
            "killed\tقتل \n",                             // trailing space
            "kil led\tقتل\n",                             // a name with a space
            "killed\tقتل\nkilled\tقتل\n",                 // a repeated entry
            "killed\tقتل\nwounded\tجريح\nkilled\tقتلت\n", // a list split in two
            " # not a comment\n",
        ] {
            assert!(parse(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    #[should_panic(expected = "unknown list")]
    fn an_unknown_list_is_rejected() {
        let mut f = Named::new("test.tsv", "killed\tقتل\nkiled\tقتلت\n");
        f.take("killed");
        f.done();
    }

    #[test]
    #[should_panic(expected = "no list")]
    fn a_missing_list_is_rejected() {
        Named::new("test.tsv", "killed\tقتل\n").take("wounded");
    }
}
