//! Text from the service, made safe to show: messages are shown in `Display`, written to
//! logs and terminals, so a hostile or broken endpoint must not be able to fill them with
//! megabytes or with control characters (a terminal's escape sequences, forged log lines).
//!
//! [`message`] caps a message at [`MAX_MESSAGE_BYTES`] and escapes control characters;
//! [`error_body`] does it to the message members of an error response before the error is
//! decoded, so every way of reading the error (its `Display`, `message()`, logs) sees the
//! safe text.

use std::borrow::Cow;
use std::fmt::Write as _;

/// The most bytes of a service's message the client keeps; the rest is cut (ending in `...`).
pub const MAX_MESSAGE_BYTES: usize = 4096;

/// The members of an error body that hold its message (see [`crate::protocol::ErrorMeta`]).
const MESSAGE_MEMBERS: [&str; 3] = ["exceptionMessage", "message", "Message"];

/// `text` cut at [`MAX_MESSAGE_BYTES`] (on a character boundary, ending in `...`), with
/// control characters escaped (`\n`, `\u{1b}`): one line of printable text.
pub fn message(text: &str) -> Cow<'_, str> {
    let long = text.len() > MAX_MESSAGE_BYTES;
    if !long && !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len().min(MAX_MESSAGE_BYTES) + 3);
    for c in text.chars() {
        if safe.len() >= MAX_MESSAGE_BYTES {
            safe.push_str("...");
            break;
        }
        if c.is_control() {
            let _ = write!(safe, "{}", c.escape_default());
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// An error response's body with its message members made safe by [`message`]; the body
/// as it was when it is not a JSON object or nothing needed changing.
pub fn error_body(body: &[u8]) -> Cow<'_, [u8]> {
    let Ok(mut object) = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(body) else {
        return Cow::Borrowed(body);
    };
    let mut changed = false;
    for name in MESSAGE_MEMBERS {
        if let Some(serde_json::Value::String(text)) = object.get_mut(name)
            && let Cow::Owned(safe) = message(text)
        {
            *text = safe;
            changed = true;
        }
    }
    if !changed {
        return Cow::Borrowed(body);
    }
    serde_json::to_vec(&object).map_or(Cow::Borrowed(body), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_short_messages_are_kept_as_they_are() {
        assert!(matches!(
            message("Channel not found"),
            Cow::Borrowed("Channel not found")
        ));
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(message("a\nb\u{1b}[31mc\r"), "a\\nb\\u{1b}[31mc\\r");
    }

    #[test]
    fn long_messages_are_cut_on_a_character_boundary() {
        let long = "é".repeat(MAX_MESSAGE_BYTES);
        let safe = message(&long);
        assert!(safe.len() <= MAX_MESSAGE_BYTES + 4, "{}", safe.len());
        assert!(safe.ends_with("é..."));
    }

    #[test]
    fn error_bodies_get_safe_messages_and_keep_the_rest() {
        let body = serde_json::json!({"exceptionMessage": "x\ny", "message": "z".repeat(10_000), "code": "C"});
        let safe = error_body(body.to_string().as_bytes()).into_owned();
        let safe: serde_json::Value = serde_json::from_slice(&safe).unwrap();
        assert_eq!(safe["exceptionMessage"], "x\\ny");
        assert_eq!(safe["message"].as_str().unwrap().len(), MAX_MESSAGE_BYTES + 3);
        assert_eq!(safe["code"], "C");
        assert!(matches!(error_body(b"<html>"), Cow::Borrowed(b"<html>")));
        assert!(matches!(error_body(br#"{"message":"ok"}"#), Cow::Borrowed(_)));
    }
}
