//! Our side: checks that each value is valid and survives its binding, then times each step.

use std::hint::black_box;

use ivs_bench::Options;
use ivs_bench::measure::ns_per_call;
use ivs_model::Validate;
use ivs_model::runtime::protocol::Operation;
use serde_json::json;

use crate::case::{Case, Direction, Step, size};
use crate::json::Json;

/// Measures the input `input` of operation `O`; `labels` are its URI-bound members (wire name
/// and value, in URI order), which the JSON body does not carry.
pub fn input<O: Operation>(
    options: &Options,
    id: &'static str,
    input: &O::Input,
    labels: &[(&str, String)],
) -> Result<Case, String>
where
    O::Input: Json + PartialEq,
{
    let name = O::INFO.name;
    input
        .validate()
        .map_err(|e| format!("{name} input fails validate(): {e}"))?;
    let label_values: Vec<String> = labels.iter().map(|(_, value)| value.clone()).collect();
    let (parts, body) = O::encode_input(input)
        .map_err(|e| format!("{name} input cannot be encoded: {e}"))?
        .into_parts();
    let decoded =
        O::decode_input(&parts, &label_values, &body).map_err(|e| format!("{name} input cannot be decoded: {e}"))?;
    if decoded != *input {
        return Err(format!("{name} input differs after encode_input and decode_input"));
    }
    let text = std::str::from_utf8(&body).map_err(|e| format!("{name} input body is not UTF-8: {e}"))?;

    eprintln!("ours: {name} input");
    let ours = vec![
        (Step::Validate, ns_per_call(options, || black_box(input).validate())),
        (
            Step::Serialize,
            ns_per_call(options, || O::encode_input(black_box(input))),
        ),
        (Step::SerializeJson, ns_per_call(options, || black_box(input).to_json())),
        (
            Step::Deserialize,
            ns_per_call(options, || O::decode_input(&parts, &label_values, black_box(&body))),
        ),
    ];

    // botocore takes every member as a parameter, the URI-bound ones included.
    let mut params = input.to_json_value().map_err(|e| format!("{name} input: {e}"))?;
    for (member, value) in labels {
        params[*member] = json!(value);
    }
    Ok(Case {
        id,
        title: format!("{name} input ({})", size(body.len())),
        direction: Direction::Input,
        ours,
        document: json!({
            "id": id,
            "operation": name,
            "input": params,
            "path": parts.uri.path(),
            "body": text,
        }),
    })
}

/// Measures the output `output` of operation `O`; `what` follows the operation's name in the
/// titles (`output, 100 items`).
pub fn output<O: Operation>(options: &Options, id: &'static str, what: &str, output: &O::Output) -> Result<Case, String>
where
    O::Output: Validate + Json + PartialEq,
{
    let name = O::INFO.name;
    output
        .validate()
        .map_err(|e| format!("{name} output fails validate(): {e}"))?;
    let (parts, body) = O::encode_output(output)
        .map_err(|e| format!("{name} output cannot be encoded: {e}"))?
        .into_parts();
    let decoded = O::decode_output(&parts, &body).map_err(|e| format!("{name} output cannot be decoded: {e}"))?;
    if decoded != *output {
        return Err(format!("{name} output differs after encode_output and decode_output"));
    }
    let text = std::str::from_utf8(&body).map_err(|e| format!("{name} output body is not UTF-8: {e}"))?;

    eprintln!("ours: {name} {what}");
    let ours = vec![
        (Step::Validate, ns_per_call(options, || black_box(output).validate())),
        (
            Step::Serialize,
            ns_per_call(options, || O::encode_output(black_box(output))),
        ),
        (
            Step::SerializeJson,
            ns_per_call(options, || black_box(output).to_json()),
        ),
        (
            Step::Deserialize,
            ns_per_call(options, || O::decode_output(&parts, black_box(&body))),
        ),
    ];
    Ok(Case {
        id,
        title: format!("{name} {what} ({})", size(body.len())),
        direction: Direction::Output,
        ours,
        document: json!({
            "id": id,
            "operation": name,
            "output": text,
        }),
    })
}
