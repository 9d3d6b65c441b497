//! Named entities: people, organisations, places and outlets, one identity each.

use serde::{Deserialize, Serialize};

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation: governments, ministries, agencies, armed groups, parties, companies, bodies.
    Org,
    /// A place: countries, cities, regions, territories, landmarks.
    Place,
    /// A news outlet, agency, channel, website or programme.
    Outlet,
}

impl EntityType {
    /// The upper-case name used in JSON (`PERSON`, `ORG`, `PLACE`, `OUTLET`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
            EntityType::Outlet => "OUTLET",
        }
    }
}

/// One occurrence of an entity in the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Start in the cleaned text (chars), after any clitic (`لحماس` starts at `ح`).
    pub start: usize,
    /// End in the cleaned text (chars).
    pub end: usize,
    /// `text[start..end]`, verbatim.
    pub surface: String,
    /// Set when the name stands for something else: `"government"` for a
    /// capital or country standing for its government (`واشنطن تعتقد`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metonymy: Option<String>,
    /// True when the mention is a title or role standing for the person
    /// (`رئيس الوزراء القطري`), not a name.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub role: bool,
}

/// A real-world entity named in a document, with every mention of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id derived from the type and the normalized canonical name
    /// (the same entity gets the same id in every document).
    pub id: String,
    /// The fullest name form (or the gazetteer's canonical name).
    pub canonical: String,
    /// The kind of entity.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// The English name, when a gazetteer gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub english: Option<String>,
    /// ISO 3166 code: the country itself for a country, the country it is in
    /// for a city, the nationality of a national body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Titles and roles attached to a person (`رئيس الوزراء القطري`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// A nationality adjective (nisba: `الإسرائيلي`, `القطرية`) and the country it names.
///
/// Nisbas are not mentions of the country; later stages attach them to the
/// noun they modify (a role, a counted noun).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute {
    /// Start in the cleaned text (chars), after any clitic.
    pub start: usize,
    /// End in the cleaned text (chars).
    pub end: usize,
    /// `text[start..end]`, verbatim.
    pub surface: String,
    /// ISO 3166-1 alpha-2 code of the country.
    pub country_code: String,
}
