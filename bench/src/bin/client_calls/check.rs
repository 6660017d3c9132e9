//! The checks every answer passes, the same for each client, so a client that parses the
//! fixed bodies wrongly fails the benchmark instead of looking fast.

use crate::inputs::{NAME, PAGE, TAGS};

/// What a CreateChannel answer must hold: the recorded channel with its stream key.
pub fn created(
    client: &str,
    arn: Option<&str>,
    name: Option<&str>,
    tags: usize,
    key: bool,
    expected: &str,
) -> Result<(), String> {
    if arn != Some(expected) || name != Some(NAME) || tags != TAGS.len() || !key {
        return Err(format!(
            "{client}: CreateChannel answered arn {arn:?}, name {name:?}, {tags} tags, stream key {key}; \
             expected arn {expected:?}, name {NAME:?}, {} tags and a stream key",
            TAGS.len()
        ));
    }
    Ok(())
}

/// What a GetChannel answer must hold: the channel asked for.
pub fn got(client: &str, arn: Option<&str>, expected: &str) -> Result<(), String> {
    if arn != Some(expected) {
        return Err(format!(
            "{client}: GetChannel answered arn {arn:?}, expected {expected:?}"
        ));
    }
    Ok(())
}

/// What a ListChannels answer must hold: a full page of tagged summaries and a next token.
pub fn listed(client: &str, items: usize, tagged: usize, next_token: bool) -> Result<(), String> {
    if items != PAGE || tagged != PAGE || !next_token {
        return Err(format!(
            "{client}: ListChannels answered {items} channels ({tagged} with {} tags), next token {next_token}; \
             expected {PAGE}, all tagged, and a next token",
            TAGS.len()
        ));
    }
    Ok(())
}
