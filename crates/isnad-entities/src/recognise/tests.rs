//! End-to-end tests of the recogniser.

use super::*;
use isnad_model::{char_slice, Entity};

fn rec(text: &str) -> Entities {
    let found = run(text, &[], &[]);
    for e in &found.entities {
        for m in &e.mentions {
            assert_eq!(char_slice(text, m.start, m.end), m.surface);
        }
    }
    for a in &found.nationalities {
        assert_eq!(char_slice(text, a.start, a.end), a.surface);
    }
    found
}

/// The char span of the first occurrence of `s` in `text`.
fn span_of(text: &str, s: &str) -> Span {
    let chars: Vec<char> = text.chars().collect();
    let sc: Vec<char> = s.chars().collect();
    let i = chars.windows(sc.len()).position(|w| w == sc.as_slice()).expect("the phrase is in the text");
    Span::new(i, i + sc.len())
}

fn find<'a>(f: &'a Entities, t: EntityType, surface: &str) -> Option<&'a Entity> {
    f.entities.iter().find(|e| e.entity_type == t && e.mentions.iter().any(|m| !m.role && m.surface == surface))
}

#[test]
fn a_short_role_after_an_unresolved_fuller_one_is_not_a_namesake() {
    let text = "قال رئيس الوزراء القطري إن المحادثات تتقدم. وأضاف رئيس الوزراء أن الوسطاء متفائلون. \
                ورفض رئيس الوزراء الإسرائيلي بنيامين نتنياهو الاقتراح.";
    let found = rec(text);
    let netanyahu = found.entities.iter().find(|e| e.canonical.contains("نتنياهو")).expect("netanyahu");
    // The role of the second sentence (after `وأضاف `).
    let at = text.find("وأضاف رئيس").map(|b| text[..b].chars().count() + 6).expect("offset");
    assert!(netanyahu.mentions.iter().all(|m| m.start != at), "{:?}", netanyahu.mentions);
    assert!(netanyahu.mentions.iter().any(|m| m.surface == "بنيامين نتنياهو"));
}

#[test]
fn title_and_nasab_chain_make_a_person_with_a_role() {
    let f = rec("التقى رئيس الوزراء الأردني الشيخ عبد الله بن حسين آل فلان بالصحفيين أمس.");
    let p = find(&f, EntityType::Person, "عبد الله بن حسين آل فلان").expect("person");
    assert_eq!(p.roles, ["رئيس الوزراء الأردني"]);
    assert!(f.nationalities.iter().any(|a| a.surface == "الأردني" && a.country_code == "JO"));
    assert!(find(&f, EntityType::Place, "الأردني").is_none());
}

#[test]
fn foreign_names_with_initials_and_latin_script() {
    let f = rec(
        "وقال ويليام ك. تومسون إن الأمر انتهى، وكتب جوليان إي ماركس تقريرا لبرنامج Meet the Press على شبكة إن بي سي.",
    );
    assert!(find(&f, EntityType::Person, "ويليام ك. تومسون").is_some(), "{:#?}", f.entities);
    assert!(find(&f, EntityType::Person, "جوليان إي ماركس").is_some(), "{:#?}", f.entities);
    assert!(find(&f, EntityType::Outlet, "Meet the Press").is_some());
    assert!(find(&f, EntityType::Outlet, "إن بي سي").is_some());
}

#[test]
fn clitics_are_seen_through_and_left_out_of_spans() {
    let f = rec("وصل الوفد بالدوحة ثم التقى لحماس ممثلا، وواشنطن والولايات المتحدة تراقبان.");
    assert!(find(&f, EntityType::Place, "الدوحة").is_some());
    assert!(find(&f, EntityType::Org, "حماس").is_some());
    let us = find(&f, EntityType::Place, "الولايات المتحدة").expect("US");
    assert_eq!(us.country.as_deref(), Some("US"));
    assert!(find(&f, EntityType::Place, "واشنطن").is_some());
}

#[test]
fn short_forms_and_roles_resolve_to_the_full_name() {
    let text = "وقال المتحدث باسم الخارجية الكندية مارك هولدن إن الجولة انتهت. وأضاف هولدن أن المتحدث باسم الخارجية الكندية سيعلن النتائج.";
    let f = rec(text);
    let p = find(&f, EntityType::Person, "مارك هولدن").expect("person");
    assert!(p.mentions.iter().any(|m| m.surface == "هولدن"));
    assert!(p.mentions.iter().any(|m| m.role), "{:#?}", p);
    assert_eq!(f.entities.iter().filter(|e| e.entity_type == EntityType::Person).count(), 1);
}

#[test]
fn epithet_names_israel_but_the_common_noun_does_not() {
    let f = rec("قصفت دولة الاحتلال المدينة، وقال مسؤولو الاحتلال إن العملية مستمرة.");
    let il = find(&f, EntityType::Place, "دولة الاحتلال").expect("Israel");
    assert_eq!(il.country.as_deref(), Some("IL"));
    assert!(il.mentions.iter().any(|m| m.surface == "الاحتلال"));
    let f = rec("تخشى العائلات الاحتلال الكامل للمدينة.");
    assert!(f.entities.is_empty(), "{:#?}", f.entities);
}

#[test]
fn a_capital_that_speaks_is_its_government() {
    let f = rec("وتقول القاهرة إن المعبر مفتوح، بينما زار الوفد القاهرة أمس.");
    let c = find(&f, EntityType::Place, "القاهرة").expect("Cairo");
    assert_eq!(c.mentions[0].metonymy.as_deref(), Some("government"));
    assert_eq!(c.mentions[1].metonymy, None);
}

#[test]
fn outlets_after_cues_and_bodies_built_on_names() {
    let f = rec(
        "ونقلت صحيفة \"الأخبار\" عن المكتب السياسي لحماس، بحسب موقع “زاوية الخبر” الإلكتروني، أن إدارة ترامب تدرس الرد.",
    );
    assert!(find(&f, EntityType::Outlet, "الأخبار").is_some());
    assert!(find(&f, EntityType::Outlet, "زاوية الخبر").is_some(), "{:#?}", f.entities);
    assert!(find(&f, EntityType::Org, "المكتب السياسي لحماس").is_some());
    assert!(find(&f, EntityType::Org, "حماس").is_some());
    assert!(find(&f, EntityType::Org, "إدارة ترامب").is_some());
    // Without a cue the common word is not an outlet.
    let f = rec("وصلت الأخبار متأخرة.");
    assert!(f.entities.is_empty());
}

#[test]
fn national_bodies_take_their_nationality() {
    let f = rec("أعلن الجيش الأردني والشرطة المصرية حالة التأهب، وقال 40 جنديا أمريكيا إنهم بخير.");
    let a = find(&f, EntityType::Org, "الجيش الأردني").expect("army");
    assert_eq!(a.country.as_deref(), Some("JO"));
    assert!(find(&f, EntityType::Org, "الشرطة المصرية").is_some());
    assert!(f.nationalities.iter().any(|n| n.country_code == "US"));
}

#[test]
fn tagger_candidates_need_support_except_people() {
    let text = "التقى سامر قنديلجي بممثلي لجنة الإغاثة الأهلية في بلدة كفرنبل.";
    let span_of = |s: &str| span_of(text, s);
    let tagged = vec![
        Candidate { span: span_of("سامر قنديلجي"), class: EntityType::Person, score: 0.9 },
        Candidate { span: span_of("لجنة الإغاثة الأهلية"), class: EntityType::Org, score: 0.8 },
        Candidate { span: span_of("كفرنبل"), class: EntityType::Place, score: 0.8 },
        Candidate { span: span_of("التقى"), class: EntityType::Org, score: 0.3 },
    ];
    let f = run(text, &[], &tagged);
    assert!(find(&f, EntityType::Person, "سامر قنديلجي").is_some());
    assert!(find(&f, EntityType::Org, "لجنة الإغاثة الأهلية").is_some());
    // The head names the village with it (`بلدة كفرنبل`), before any tagger span.
    assert!(find(&f, EntityType::Place, "بلدة كفرنبل").is_some());
    assert!(find(&f, EntityType::Org, "التقى").is_none());
}

#[test]
fn a_tagged_person_starts_after_its_clitic() {
    let text = "حضر الاجتماع سامر حداد وعلي قنديلجي.";
    let at = |s: &str| span_of(text, s);
    let tagged = vec![Candidate { span: at("وعلي قنديلجي"), class: EntityType::Person, score: 0.9 }];
    let f = run(text, &[], &tagged);
    let person = find(&f, EntityType::Person, "علي قنديلجي").expect("the name without و");
    assert_eq!(person.mentions[0].start, at("علي قنديلجي").start);
    assert!(find(&f, EntityType::Person, "وعلي قنديلجي").is_none());
}

#[test]
fn ids_are_stable_across_documents() {
    let a = rec("زار الوزير قطر أمس.");
    let b = rec("وقالت قطر إنها ترحب.");
    assert_eq!(a.entities[0].id, b.entities[0].id);
    assert!(a.entities[0].id.starts_with("place:"));
}

#[test]
fn heads_name_organisations_and_places() {
    let text =
        "قال زعيم حزب العمال البريطاني إن وزارة الخارجية الأمريكية وجامعة كيلمارتن ومحافظة صعدة ومطار صنعاء تأثرت.";
    let f = rec(text);
    assert!(find(&f, EntityType::Org, "حزب العمال البريطاني").is_some());
    assert!(find(&f, EntityType::Org, "وزارة الخارجية الأمريكية").is_some());
    assert!(find(&f, EntityType::Org, "جامعة كيلمارتن").is_some());
    // An administrative unit joins the place it names; a site is a place of its own.
    let saada = find(&f, EntityType::Place, "محافظة صعدة").expect("محافظة صعدة");
    assert!(saada.id.ends_with("صعده"), "{}", saada.id);
    let airport = find(&f, EntityType::Place, "مطار صنعاء").expect("مطار صنعاء");
    assert!(!airport.id.ends_with(":صنعاء"));
    for e in &f.entities {
        for m in &e.mentions {
            assert_eq!(char_slice(text, m.start, m.end), m.surface);
        }
    }
}

#[test]
fn heads_do_not_name_common_phrases() {
    let f = rec("عاد إلى بلده الثاني، وأدى البركان إلى أضرار في منطقة آمنة. وتوقفت حركة المرور أمام محكمة للاستئناف.");
    let found: Vec<String> = f.entities.iter().flat_map(|e| e.mentions.iter().map(|m| m.surface.clone())).collect();
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn speech_to_an_outlet_is_no_person() {
    let text = "وقال الوزير لبي بي سي إن الاتفاق قريب.";
    let at = |s: &str| span_of(text, s);
    let tagged = vec![Candidate { span: at("لبي بي سي"), class: EntityType::Person, score: 0.9 }];
    let f = run(text, &[], &tagged);
    assert!(f.entities.iter().all(|e| e.entity_type != EntityType::Person), "{:?}", f.entities);
}
