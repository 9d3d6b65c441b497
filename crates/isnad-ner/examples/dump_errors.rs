//! Prints test sentences with gold/predicted labels where they differ (for error analysis).
//! `cargo run --release -p isnad-ner --example dump_errors -- MODEL TESTFILE`
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(model), Some(test)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: dump_errors MODEL TESTFILE");
        return;
    };
    let tagger = isnad_ner::Tagger::from_file(std::path::Path::new(model)).expect("model");
    let sents = isnad_ner::conll::read_anercorp_camel(std::path::Path::new(test)).expect("test");
    for s in sents.iter().take(200) {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let pred = tagger.tag(&toks);
        if pred != s.labels {
            for ((t, g), p) in toks.iter().zip(&s.labels).zip(&pred) {
                let mark = if g != p { "  <<<" } else { "" };
                println!("{t}\t{}\t{}{mark}", g.as_string(), p.as_string());
            }
            println!();
        }
    }
}
