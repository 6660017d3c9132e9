//! A reader for the AWS shared config and credentials files (`~/.aws/config`,
//! `~/.aws/credentials`): INI sections of `key = value` lines.
//!
//! It follows the AWS CLI's reading of the format: `#` and `;` start comment lines, and
//! also inline comments when preceded by whitespace; section names and keys are trimmed;
//! keys are compared without regard to case; an indented line after `key =` is a nested
//! setting (like `s3 =` sub-keys), which no key we read uses, so it is skipped. A line that
//! is none of these is ignored rather than failing the whole file: one odd line elsewhere
//! must not hide the profile the caller asked for.
//!
//! Hand-written for the lean path only (see `env.rs`): the AWS SDKs' own parser lives in
//! `aws-runtime`, which brings the SDK's request pipeline with it; builds with feature
//! `aws-config` read profiles through `aws-config` instead.

use std::collections::BTreeMap;

/// One file: its sections in order, each a map from lower-cased key to value. A section
/// that appears twice is merged, later keys winning, as the CLI does.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Ini {
    sections: BTreeMap<String, BTreeMap<String, String>>,
}

impl Ini {
    /// Parses the text of a file.
    pub(crate) fn parse(text: &str) -> Self {
        let mut ini = Ini::default();
        let mut section: Option<String> = None;
        let mut in_nested_block = false;
        for line in text.lines() {
            let indented = line.starts_with([' ', '\t']);
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with(['#', ';']) {
                continue;
            }
            if indented && in_nested_block {
                continue;
            }
            in_nested_block = false;
            if let Some(rest) = trimmed.strip_prefix('[') {
                let name = strip_comment(rest).trim_end();
                section = name.strip_suffix(']').map(|name| name.trim().to_owned());
                if let Some(name) = &section {
                    ini.sections.entry(name.clone()).or_default();
                }
                continue;
            }
            let (Some(name), Some((key, value))) = (&section, trimmed.split_once('=')) else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = strip_comment(value).trim();
            if key.is_empty() {
                continue;
            }
            // `s3 =` followed by indented `key = value` lines.
            in_nested_block = value.is_empty();
            ini.sections
                .entry(name.clone())
                .or_default()
                .insert(key, value.to_owned());
        }
        ini
    }

    /// The section named exactly `name` (after trimming), if the file has it.
    pub(crate) fn section(&self, name: &str) -> Option<&BTreeMap<String, String>> {
        self.sections.get(name)
    }
}

/// Cuts an inline comment: `#` or `;` preceded by whitespace. (`#` inside a value without a
/// space before it, as in a secret key, stays.)
fn strip_comment(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, pair) in bytes.windows(2).enumerate() {
        if let [before, b'#' | b';'] = pair
            && before.is_ascii_whitespace()
        {
            return text.get(..i).unwrap_or(text);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_keys_and_values() {
        let ini = Ini::parse(
            "# a comment\n\
             ; another\n\
             [default]\n\
             aws_access_key_id = AKID\n\
             AWS_Secret_Access_Key=se#cret ; inline comment\n\
             \n\
             [ profile dev ]  # trailing comment\n\
             \tregion =  eu-west-1   \n\
             s3 =\n\
             \x20 max_concurrent_requests = 20\n\
             output = json\n\
             [empty]\n",
        );
        let default = ini.section("default").unwrap();
        assert_eq!(default.get("aws_access_key_id").map(String::as_str), Some("AKID"));
        assert_eq!(
            default.get("aws_secret_access_key").map(String::as_str),
            Some("se#cret")
        );
        let dev = ini.section("profile dev").unwrap();
        assert_eq!(dev.get("region").map(String::as_str), Some("eu-west-1"));
        assert_eq!(dev.get("s3").map(String::as_str), Some(""));
        assert_eq!(dev.get("max_concurrent_requests"), None);
        assert_eq!(dev.get("output").map(String::as_str), Some("json"));
        assert!(ini.section("empty").unwrap().is_empty());
        assert!(ini.section("missing").is_none());
    }

    #[test]
    fn odd_lines_are_skipped_and_repeated_sections_merge() {
        let ini = Ini::parse(
            "key_before_any_section = 1\n\
             [a]\n\
             no equals sign here\n\
             = no key\n\
             x = 1\n\
             [broken\n\
             y = 2\n\
             [a]\n\
             x = 3\n\
             z = 4\r\n",
        );
        let a = ini.section("a").unwrap();
        assert_eq!(a.get("x").map(String::as_str), Some("3"));
        assert_eq!(a.get("z").map(String::as_str), Some("4"));
        // `y` follows a malformed header, so it belongs to no section.
        assert_eq!(a.get("y"), None);
        assert_eq!(ini.sections.len(), 1);
    }

    #[test]
    fn empty_and_comment_only_files() {
        assert_eq!(Ini::parse(""), Ini::default());
        assert_eq!(Ini::parse("# nothing\n;\n   \n"), Ini::default());
    }
}
