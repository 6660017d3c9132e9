//! What is measured: cases (one value of one operation) and the steps timed on each.

/// Which side of its operation a case's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// What a client sends: validated by the client before encoding, by the server after decoding.
    Input,
    /// What a server answers: neither side validates it.
    Output,
}

/// One step timed on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// `Validate::validate()`.
    Validate,
    /// The operation's binding: `encode_input` or `encode_output`.
    Serialize,
    /// `serde_json::to_vec` of the same value, without the HTTP part.
    SerializeJson,
    /// The operation's binding: `decode_input` or `decode_output`. It is `serde_json::from_slice`
    /// and a few label copies, so a plain `serde_json` row would say nothing more.
    Deserialize,
}

impl Step {
    /// The step's name in the table.
    pub fn label(self, direction: Direction) -> &'static str {
        match (self, direction) {
            (Step::Validate, _) => "validate",
            (Step::Serialize, Direction::Input) => "serialize (`encode_input`)",
            (Step::Serialize, Direction::Output) => "serialize (`encode_output`)",
            (Step::SerializeJson, _) => "serialize, `serde_json::to_vec` only",
            (Step::Deserialize, Direction::Input) => "deserialize (`decode_input`)",
            (Step::Deserialize, Direction::Output) => "deserialize (`decode_output`)",
        }
    }

    /// The step's key in `botocore_serde.py`'s answer, when botocore has a counterpart:
    /// it validates and serializes inputs and parses outputs, nothing else.
    pub fn botocore_key(self, direction: Direction) -> Option<&'static str> {
        match (self, direction) {
            (Step::Validate, Direction::Input) => Some("validate"),
            (Step::Serialize, Direction::Input) => Some("serialize"),
            (Step::Deserialize, Direction::Output) => Some("deserialize"),
            _ => None,
        }
    }
}

/// One value measured: its row titles, our figures, and the document botocore is given.
#[derive(Debug, Clone)]
pub struct Case {
    /// Its key in the documents and in botocore's answer.
    pub id: &'static str,
    /// The start of its rows' titles, e.g. `CreateChannel input (612 B)`.
    pub title: String,
    /// Input or output.
    pub direction: Direction,
    /// Our ns per call of each step, in table order.
    pub ours: Vec<(Step, f64)>,
    /// What `botocore_serde.py` measures for this case (see that script).
    pub document: serde_json::Value,
}

/// A body size as the titles show it: `612 B`, `26.1 kB`.
pub fn size(bytes: usize) -> String {
    if bytes < 1000 {
        format!("{bytes} B")
    } else {
        format!("{:.1} kB", bytes as f64 / 1000.0)
    }
}
