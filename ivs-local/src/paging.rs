//! Pagination over ARN-ordered maps with opaque tokens.
//!
//! A token is the last ARN of the page, tagged and base64-encoded: the next page starts after
//! it, so deleting or creating resources between calls neither repeats nor skips the ones that
//! stay. A token that does not decode is a `ValidationException`.

use std::collections::BTreeMap;
use std::ops::Bound;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ivs_server::model::ValidationException;

use crate::faults::invalid;

const TAG: &str = "ivs-local/1/";

/// One page of values satisfying `keep`, after the position `next_token` names, at most
/// `max_results` long (`default_max` when absent), and the token of the page after it.
pub(crate) fn page<'a, T>(
    items: &'a BTreeMap<String, T>,
    next_token: Option<&str>,
    max_results: Option<i32>,
    default_max: usize,
    keep: impl Fn(&T) -> bool,
) -> Result<(Vec<&'a T>, Option<String>), ValidationException> {
    let start = match next_token.filter(|token| !token.is_empty()) {
        Some(token) => Bound::Excluded(decode(token).ok_or_else(|| invalid(format!("invalid nextToken: {token}")))?),
        None => Bound::Unbounded,
    };
    let limit = max_results
        .and_then(|max| usize::try_from(max).ok())
        .filter(|&max| max > 0)
        .unwrap_or(default_max);
    let mut matching = items
        .range::<String, _>((start, Bound::Unbounded))
        .filter(|(_, item)| keep(item));
    let page: Vec<(&String, &T)> = matching.by_ref().take(limit).collect();
    let next = match (page.last(), matching.next()) {
        (Some((last, _)), Some(_)) => Some(encode(last)),
        _ => None,
    };
    Ok((page.into_iter().map(|(_, item)| item).collect(), next))
}

fn encode(arn: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{TAG}{arn}"))
}

fn decode(token: &str) -> Option<String> {
    let bytes = URL_SAFE_NO_PAD.decode(token).ok()?;
    String::from_utf8(bytes).ok()?.strip_prefix(TAG).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(n: usize) -> BTreeMap<String, usize> {
        (0..n).map(|i| (format!("arn:{i:03}"), i)).collect()
    }

    fn walk(items: &BTreeMap<String, usize>, max: i32, keep: impl Fn(&usize) -> bool + Copy) -> Vec<Vec<usize>> {
        let mut pages = Vec::new();
        let mut token = None;
        loop {
            let (page, next) = page(items, token.as_deref(), Some(max), 100, keep).unwrap();
            pages.push(page.into_iter().copied().collect());
            match next {
                Some(next) => token = Some(next),
                None => return pages,
            }
        }
    }

    #[test]
    fn pages_cover_everything_once_and_the_last_has_no_token() {
        assert_eq!(walk(&items(5), 2, |_| true), vec![vec![0, 1], vec![2, 3], vec![4]]);
        assert_eq!(walk(&items(4), 2, |_| true), vec![vec![0, 1], vec![2, 3]]);
        assert_eq!(walk(&items(0), 2, |_| true), vec![Vec::<usize>::new()]);
        assert_eq!(walk(&items(7), 2, |i| i % 2 == 0), vec![vec![0, 2], vec![4, 6]]);
    }

    #[test]
    fn tokens_match_the_model_pattern_and_survive_deletions() {
        let mut all = items(4);
        let (_, token) = page(&all, None, Some(2), 100, |_| true).unwrap();
        let token = token.unwrap();
        assert!(
            token
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=_-".contains(&b)),
            "{token}"
        );
        all.remove("arn:001");
        let (next, _) = page(&all, Some(&token), Some(2), 100, |_| true).unwrap();
        assert_eq!(next, vec![&2, &3]);
    }

    #[test]
    fn a_token_that_is_not_ours_is_a_validation_error() {
        for token in ["garbage!", "bm90LW91cnM", "%%%"] {
            let error = page(&items(3), Some(token), None, 100, |_| true).unwrap_err();
            assert_eq!(
                error.exception_message.as_deref(),
                Some(format!("invalid nextToken: {token}").as_str())
            );
        }
    }
}
