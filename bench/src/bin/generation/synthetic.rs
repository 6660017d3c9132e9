//! Synthetic models: the IVS model repeated N times under new names, to see how generation
//! cost grows with the size of a model.

use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// The model files, each with every shape of `namespace` (but the service) copied `times - 1`
/// more times, copy k's names ending in `X<k>`; the service gets every copy's operations and
/// each copy's HTTP routes get the same suffix, so the result is one valid, `times`-fold model.
pub fn repeat(files: &[Value], namespace: &str, times: usize) -> Result<Vec<Value>, String> {
    let prefix = format!("{namespace}#");
    let ids: BTreeSet<String> = files
        .iter()
        .filter_map(|f| f.get("shapes")?.as_object())
        .flat_map(|shapes| shapes.iter())
        .filter(|(id, shape)| id.starts_with(&prefix) && shape["type"] != "service" && shape["type"] != "apply")
        .map(|(id, _)| id.clone())
        .collect();
    let mut out = Vec::new();
    for file in files {
        let shapes = file
            .get("shapes")
            .and_then(Value::as_object)
            .ok_or("a model file has no `shapes` object")?;
        let mut repeated = Map::new();
        for (id, shape) in shapes {
            repeated.insert(id.clone(), shape.clone());
            if shape["type"] == "service" {
                continue;
            }
            // An `apply` copies with its target; a shape copies when it is one of the namespace's.
            let base = id.split('$').next().unwrap_or(id);
            if !ids.contains(base) {
                continue;
            }
            for k in 1..times {
                repeated.insert(rename(id, &ids, k), renamed(shape, &ids, k));
            }
        }
        for shape in repeated.values_mut().filter(|s| s["type"] == "service") {
            let Some(operations) = shape.get_mut("operations").and_then(Value::as_array_mut) else {
                continue;
            };
            let originals = operations.clone();
            for k in 1..times {
                operations.extend(originals.iter().map(|op| renamed(op, &ids, k)));
            }
        }
        let mut file = file.clone();
        file["shapes"] = Value::Object(repeated);
        out.push(file);
    }
    Ok(out)
}

/// Copy k of a shape id (`ns#Name` or `ns#Name$member`).
fn rename(id: &str, ids: &BTreeSet<String>, k: usize) -> String {
    match id.split_once('$') {
        Some((shape, member)) if ids.contains(shape) => format!("{shape}X{k}${member}"),
        None if ids.contains(id) => format!("{id}X{k}"),
        _ => id.to_string(),
    }
}

/// Copy k of a JSON value: shape ids renamed, HTTP routes suffixed.
fn renamed(value: &Value, ids: &BTreeSet<String>, k: usize) -> Value {
    match value {
        Value::String(s) => Value::String(rename(s, ids, k)),
        Value::Array(items) => Value::Array(items.iter().map(|v| renamed(v, ids, k)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, v)| {
                    let v = if key == "smithy.api#http" {
                        suffixed_route(v, k)
                    } else {
                        renamed(v, ids, k)
                    };
                    (rename(key, ids, k), v)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The `@http` trait with `X<k>` added to the first segment of its URI (`/tags/{arn}` → `/tagsX3/{arn}`).
fn suffixed_route(http: &Value, k: usize) -> Value {
    let mut http = http.clone();
    if let Some(uri) = http.get("uri").and_then(Value::as_str) {
        let end = uri[1..].find(['/', '?', '{']).map_or(uri.len(), |i| i + 1);
        http["uri"] = Value::String(format!("{}X{k}{}", &uri[..end], &uri[end..]));
    }
    http
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn copies_rename_shapes_references_and_routes() {
        let model = json!({"smithy": "2.0", "shapes": {
            "n#S": {"type": "service", "operations": [{"target": "n#Op"}]},
            "n#Op": {"type": "operation", "input": {"target": "n#In"},
                     "traits": {"smithy.api#http": {"method": "POST", "uri": "/tags/{arn}"}}},
            "n#In": {"type": "structure", "members": {"arn": {"target": "smithy.api#String"}}},
        }});
        let files = repeat(&[model], "n", 3).unwrap();
        let shapes = &files[0]["shapes"];
        assert_eq!(shapes["n#S"]["operations"].as_array().unwrap().len(), 3);
        assert_eq!(shapes["n#OpX2"]["input"]["target"], "n#InX2");
        assert_eq!(shapes["n#OpX2"]["traits"]["smithy.api#http"]["uri"], "/tagsX2/{arn}");
        assert_eq!(shapes["n#InX1"]["members"]["arn"]["target"], "smithy.api#String");
    }
}
