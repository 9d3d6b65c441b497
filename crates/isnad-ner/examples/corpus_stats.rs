//! Label counts of each training corpus as loaded (sanity check of the readers).
use std::collections::BTreeMap;
fn main() {
    let d = isnad_ner::train::default_data_dir();
    let sets = [
        (
            "anercorp",
            isnad_ner::conll::read_anercorp_benajiba(&d.join("anercorp_benajiba_variant/ANERCorp.train-part.txt")),
        ),
        ("test", isnad_ner::conll::read_anercorp_camel(&isnad_ner::train::test_split_path(&d))),
        ("newsfane", isnad_ner::conll::read_fane(&d.join("fane_gold_2014/NewsFANE_Gold_2014_170K.txt"))),
        ("aqmar", isnad_ner::conll::read_aqmar(&d.join("aqmar"), true)),
    ];
    for (name, s) in sets {
        let s = s.expect("corpus");
        let mut c: BTreeMap<String, usize> = BTreeMap::new();
        for x in &s {
            for l in &x.labels {
                *c.entry(l.as_string()).or_default() += 1;
            }
        }
        println!("{name}: {} sentences {:?}", s.len(), c);
        if let Some(x) = s.get(5) {
            println!("  {:?}", x.tokens.iter().zip(&x.labels).take(12).collect::<Vec<_>>());
        }
    }
}
