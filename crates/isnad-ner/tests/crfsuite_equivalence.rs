//! The pure-Rust decoder (`Tagger`) gives crfsuite's labels for the same model
//! and features. Uses the ANERcorp test split when `shared/` is present, else
//! a few built-in sentences.

use std::path::Path;

use crfsuite::{Attribute, Model};
use isnad_ner::features::sentence_features;
use isnad_ner::train::{default_data_dir, test_split_path};
use isnad_ner::{conll, repair_bio, Label, Tagger};

static MODEL: &[u8] = include_bytes!("../model/ner.crfsuite");

fn crfsuite_tag(model: &Model, tokens: &[&str]) -> Vec<Label> {
    let xseq: Vec<Vec<Attribute>> = sentence_features(tokens)
        .into_iter()
        .map(|f| f.into_iter().map(|name| Attribute { name, value: 1.0 }).collect())
        .collect();
    let mut tagger = model.tagger().expect("tagger");
    let y = tagger.tag(&xseq).expect("tag");
    repair_bio(y.iter().map(|s| Label::parse(s).unwrap_or(Label::O)))
}

#[test]
fn same_labels_as_crfsuite() {
    let model = Model::from_memory(MODEL).expect("model");
    let tagger = Tagger::bundled().expect("bundled");
    let path = test_split_path(&default_data_dir());
    let sents: Vec<Vec<String>> = if Path::new(&path).exists() {
        conll::read_anercorp_camel(&path).expect("test split").into_iter().map(|s| s.tokens).collect()
    } else {
        vec![
            "قال الرئيس الأمريكي جورج بوش في واشنطن إن الأمم المتحدة".split(' ').map(String::from).collect(),
            "وصل وزير الخارجية إلى بغداد من الولايات المتحدة .".split(' ').map(String::from).collect(),
        ]
    };
    let (mut diff, mut total) = (0, 0);
    for s in &sents {
        let toks: Vec<&str> = s.iter().map(String::as_str).collect();
        let a = crfsuite_tag(&model, &toks);
        let b = tagger.tag(&toks);
        total += a.len();
        diff += a.iter().zip(&b).filter(|(x, y)| x != y).count();
    }
    assert_eq!(diff, 0, "{diff} of {total} labels differ from crfsuite");
}
