//! `@endpoint`'s `hostPrefix` with `@hostLabel` placeholders: filling in the labels.

use super::EncodeError;

/// Expands a host prefix template such as `foo.{label}.`: each `{name}` is replaced by the
/// value of the `@hostLabel` member `name` given in `labels`.
///
/// The spec requires that a missing or empty value fails, and that the result is a valid host.
/// Where it is silent, this is stricter than a host name would allow, as the AWS SDKs are:
/// each value must be one DNS label (1 to 63 ASCII letters, digits and `-`, not starting or
/// ending with `-`), so that user input can neither add a dot and move the request to another
/// domain nor smuggle a port, a path or user info into the host.
pub fn expand_host_prefix(template: &str, labels: &[(&str, Option<&str>)]) -> Result<String, EncodeError> {
    let mut expanded = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        expanded.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| EncodeError::new(format!("the host prefix {template:?} has an unclosed `{{`")))?;
        let name = &after[..close];
        let value = labels
            .iter()
            .find(|(label, _)| *label == name)
            .ok_or_else(|| EncodeError::new(format!("the host prefix {template:?} names no host label `{name}`")))?
            .1;
        match value {
            None | Some("") => {
                return Err(EncodeError::new(format!(
                    "the host label `{name}` must be set (and not empty): it is part of the host"
                )));
            }
            Some(value) if !is_host_label(value) => {
                return Err(EncodeError::new(format!(
                    "the host label `{name}` is {value:?}, which is not a valid host label \
                     (1 to 63 letters, digits and '-', not starting or ending with '-')"
                )));
            }
            Some(value) => expanded.push_str(value),
        }
        rest = &after[close + 1..];
    }
    expanded.push_str(rest);
    Ok(expanded)
}

/// One DNS label as RFC 1123 has it.
fn is_host_label(value: &str) -> bool {
    (1..=63).contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_filled_in() {
        assert_eq!(expand_host_prefix("foo.", &[]).unwrap(), "foo.");
        assert_eq!(
            expand_host_prefix("foo.{label}.", &[("label", Some("bar"))]).unwrap(),
            "foo.bar."
        );
        assert_eq!(
            expand_host_prefix("{a}-{b}.data.", &[("b", Some("def")), ("a", Some("abc"))]).unwrap(),
            "abc-def.data."
        );
        assert_eq!(expand_host_prefix("{a}.", &[("a", Some("A-1"))]).unwrap(), "A-1.");
    }

    #[test]
    fn unset_empty_and_invalid_values_are_refused() {
        let error = |value: Option<&str>| {
            expand_host_prefix("foo.{label}.", &[("label", value)])
                .unwrap_err()
                .to_string()
        };
        assert!(error(None).contains("must be set"), "{}", error(None));
        assert!(error(Some("")).contains("must be set"));
        let long = "a".repeat(64);
        for bad in [
            "a.b",
            "evil.com/",
            "-a",
            "a-",
            "a:80",
            "user@a",
            "a b",
            "ä",
            long.as_str(),
        ] {
            assert!(
                error(Some(bad)).contains("not a valid host label"),
                "{bad}: {}",
                error(Some(bad))
            );
        }
        assert!(expand_host_prefix("foo.{label}.", &[("label", Some(&"a".repeat(63)))]).is_ok());
    }

    #[test]
    fn a_broken_template_is_an_error_not_a_panic() {
        assert!(expand_host_prefix("foo.{label", &[("label", Some("x"))]).is_err());
        assert!(expand_host_prefix("foo.{other}.", &[("label", Some("x"))]).is_err());
    }
}
