//! JSON pointer paths, traversal helpers and a generated-style shape.

use std::collections::{BTreeMap, HashMap};

use super::*;

#[test]
fn present_member_is_checked_at_its_path() {
    let mut v = Validator::new();
    v.member("channel", Some("x"), true, |v, _| {
        assert_eq!(v.path(), "/channel");
        v.member("name", Some("abc"), true, |v, value: &str| {
            assert_eq!(v.path(), "/channel/name");
            v.length_str(value, Some(5), None);
        });
        assert_eq!(v.path(), "/channel");
    });
    assert_eq!(v.path(), "");
    assert_eq!(
        v.violations(),
        [Violation {
            path: "/channel/name".into(),
            message: "Value with length 3 at '/channel/name' failed to satisfy constraint: \
                      Member must have length greater than or equal to 5"
                .into(),
        }]
    );
}

#[test]
fn required_violation_path_includes_member() {
    let mut v = Validator::new();
    v.member("channel", Some(&()), true, |v, _| {
        v.member::<u8>("arn", None, true, |_, _| {})
    });
    assert_eq!(v.violations()[0].path, "/channel/arn");
    assert_eq!(
        v.violations()[0].message,
        "Value at '/channel/arn' failed to satisfy constraint: Member must not be null"
    );
}

#[test]
fn items_use_index_segments() {
    let names = vec!["ok", "", "fine", ""];
    let mut v = Validator::new();
    v.at("names", |v| {
        v.items(&names, |v, name| v.length_str(name, Some(1), None))
    });
    let paths: Vec<_> = v.violations().iter().map(|x| x.path.as_str()).collect();
    assert_eq!(paths, ["/names/1", "/names/3"]);
    assert_eq!(
        v.violations()[1].message,
        "Value with length 0 at '/names/3' failed to satisfy constraint: \
         Member must have length greater than or equal to 1"
    );
    assert_eq!(v.path(), "");
}

#[test]
fn entries_use_key_segments_for_key_and_value() {
    let mut tags = BTreeMap::new();
    tags.insert("good".to_string(), "v".to_string());
    tags.insert("bad key".to_string(), String::new());
    let key_pattern = Pattern::new("^[a-z]+$");
    let mut v = Validator::new();
    v.at("tags", |v| {
        v.entries(
            &tags,
            |v, key| v.pattern(key, &key_pattern),
            |v, value: &String| v.length_str(value, Some(1), None),
        )
    });
    let paths: Vec<_> = v.violations().iter().map(|x| x.path.as_str()).collect();
    assert_eq!(paths, ["/tags/bad key", "/tags/bad key"]);
}

#[test]
fn entries_accept_hash_maps_and_str_keys() {
    let mut map: HashMap<&str, i64> = HashMap::new();
    map.insert("n", 7);
    let mut v = Validator::new();
    v.entries(
        map.iter().map(|(k, val)| (*k, val)),
        |_, _| {},
        |v, n| v.range_int(*n, None, Some(5)),
    );
    assert_eq!(v.violations()[0].path, "/n");
    let owned: HashMap<String, i64> = HashMap::from([("m".to_string(), 9)]);
    v.entries(&owned, |_, _| {}, |v, n| v.range_int(*n, None, Some(5)));
    assert_eq!(v.violations()[1].path, "/m");
}

#[test]
fn json_pointer_escaping() {
    let map = BTreeMap::from([("a/b~c".to_string(), 1), ("~/".to_string(), 2), ("~1".to_string(), 3)]);
    let mut v = Validator::new();
    v.at("m/~", |v| {
        v.entries(&map, |_, _| {}, |v, n| v.range_int(*n, None, Some(0)))
    });
    let paths: Vec<_> = v.violations().iter().map(|x| x.path.as_str()).collect();
    assert_eq!(paths, ["/m~1~0/a~1b~0c", "/m~1~0/~0~1", "/m~1~0/~01"]);
    assert_eq!(
        v.violations()[0].message,
        "Value 1 at '/m~1~0/a~1b~0c' failed to satisfy constraint: Member must be less than or equal to 0"
    );
    // Empty and non-ASCII segments are kept as they are.
    let mut v = Validator::new();
    v.at("", |v| v.at("clé", |v| v.range_int(1, None, Some(0))));
    assert_eq!(v.violations()[0].path, "//clé");
}

#[test]
fn root_path_is_empty() {
    let mut v = Validator::new();
    v.length(3, None, Some(2));
    assert_eq!(v.violations()[0].path, "");
    assert!(v.violations()[0].message.contains(" at '' "));
}

// A shape as the generator would emit it, including recursion through Box.
struct Node {
    name: Option<String>,
    children: Vec<Node>,
    next: Option<Box<Node>>,
}

static NODE_NAME: Pattern = Pattern::new("^[a-z]+$");

impl Validate for Node {
    fn validate_into(&self, v: &mut Validator) {
        v.member("name", self.name.as_deref(), true, |v, name| {
            v.length_str(name, Some(1), Some(8));
            v.pattern(name, &NODE_NAME);
        });
        v.member("children", Some(&self.children), false, |v, children| {
            v.length(children.len(), None, Some(2));
            v.items(children, |v, child| child.validate_into(v));
        });
        v.member("next", self.next.as_ref(), false, |v, next| next.validate_into(v));
    }
}

fn node(name: Option<&str>) -> Node {
    Node {
        name: name.map(str::to_string),
        children: Vec::new(),
        next: None,
    }
}

#[test]
fn generated_style_shape() {
    let ok = Node {
        children: vec![node(Some("b"))],
        next: Some(Box::new(node(Some("c")))),
        ..node(Some("a"))
    };
    assert_eq!(ok.validate(), Ok(()));

    let bad = Node {
        children: vec![node(Some("ok")), node(None), node(Some("UPPER"))],
        next: Some(Box::new(Node {
            next: Some(Box::new(node(Some("")))),
            ..node(Some("x"))
        })),
        ..node(Some("a"))
    };
    let err = Box::new(bad).validate().unwrap_err();
    let found: Vec<_> = err
        .violations
        .iter()
        .map(|x| (x.path.as_str(), x.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "/children",
                "Value with length 3 at '/children' failed to satisfy constraint: \
                 Member must have length less than or equal to 2"
            ),
            (
                "/children/1/name",
                "Value at '/children/1/name' failed to satisfy constraint: Member must not be null"
            ),
            (
                "/children/2/name",
                "Value at '/children/2/name' failed to satisfy constraint: \
                 Member must satisfy regular expression pattern: ^[a-z]+$"
            ),
            (
                "/next/next/name",
                "Value with length 0 at '/next/next/name' failed to satisfy constraint: \
                 Member must have length between 1 and 8, inclusive"
            ),
            (
                "/next/next/name",
                "Value at '/next/next/name' failed to satisfy constraint: \
                 Member must satisfy regular expression pattern: ^[a-z]+$"
            ),
        ]
    );
}

#[test]
fn record_uses_current_path() {
    let mut v = Validator::new();
    v.at_index(4, |v| {
        let message = format!("custom at '{}'", v.path());
        v.record(message);
    });
    assert_eq!(
        v.violations(),
        [Violation {
            path: "/4".into(),
            message: "custom at '/4'".into()
        }]
    );
}
