//! Section `serde_validate` of BENCHMARKS.md: what `validate()` and each operation's JSON
//! bindings cost on typical values, beside botocore doing the same in the same run.

mod botocore;
mod case;
mod json;
mod ours;
mod values;

use ivs_bench::report::{Table, heading, nanos, times_smaller};
use ivs_bench::{Options, process, repo_root};
use ivs_model::operation::create_channel::CreateChannel;
use ivs_model::operation::get_channel::GetChannel;
use ivs_model::operation::list_channels::ListChannels;
use ivs_model::operation::tag_resource::TagResource;

use crate::case::Case;

/// Items in the list case: a full page of ListChannels.
const LIST_ITEMS: usize = 100;
/// Tags in the map case: the most TagResource accepts.
const TAGS: usize = 50;

fn main() -> std::process::ExitCode {
    ivs_bench::run_section("serde_validate", run)
}

/// Measures every case on both sides and returns the section as Markdown.
fn run(options: &Options) -> Result<String, String> {
    let root = repo_root();
    process::ensure_python_peers(&root)?;
    let cases = vec![
        ours::input::<CreateChannel>(options, "create_channel", &values::create_channel(), &[])?,
        ours::output::<GetChannel>(options, "get_channel", "output", &values::get_channel())?,
        ours::output::<ListChannels>(
            options,
            "list_channels",
            &format!("output, {LIST_ITEMS} items"),
            &values::list_channels(LIST_ITEMS),
        )?,
        ours::input::<TagResource>(
            options,
            "tag_resource",
            &values::tag_resource(TAGS),
            &[("resourceArn", values::channel_arn())],
        )?,
    ];
    let peer = botocore::measure(&root, options, &cases)?;
    // A blank line after the table, as after every section.
    Ok(format!(
        "{}{}\n",
        heading("4. Validation and serde", "serde_validate", &explanation(&peer)),
        table(&cases, &peer)?.to_markdown()
    ))
}

/// One row per case and step: ours, botocore's, and how many times smaller ours is.
fn table(cases: &[Case], peer: &botocore::Botocore) -> Result<Table, String> {
    let mut table = Table::new(&["case / step", "ours", "botocore", "botocore / ours"]);
    for case in cases {
        for &(step, ours) in &case.ours {
            let (botocore, ratio) = match peer.ns(case, step)? {
                Some(ns) => (nanos(ns), times_smaller(ours, ns)),
                None => ("—".to_string(), "—".to_string()),
            };
            table.row(vec![
                format!("{} / {}", case.title, step.label(case.direction)),
                nanos(ours),
                botocore,
                ratio,
            ]);
        }
    }
    Ok(table)
}

/// What each figure includes.
fn explanation(peer: &botocore::Botocore) -> String {
    format!(
        "Time per call (median of 15 batches of about 60 ms, one thread) on four values: \
CreateChannel's input with a name, 3 tags and every option; GetChannel's output holding a full \
Channel; a ListChannels page of {LIST_ITEMS} summaries with 3 tags each; TagResource with {TAGS} tags. \
Sizes are of the JSON body.\n\n\
- **ours**: `validate` checks every constraint of the model (required, lengths, ranges, \
ECMA-262 patterns, enum values), collecting all violations. The client calls it before \
`encode_input`, the server after `decode_input`; nobody validates outputs. **serialize** is the \
operation's binding (`encode_input` / `encode_output`): path with percent-encoded labels, headers \
and the `serde_json` body, into an `http` request or response; it does not validate. \
**deserialize** is `decode_input` / `decode_output`: `serde_json::from_slice` of the body \
(plus the URI labels), without validation. The `to_vec only` rows are plain `serde_json::to_vec` of \
the same value; the rest of `encode_*` is building the `http` request or response.\n\
- **botocore** {} (Python {}): `validate` is `ParamValidator().validate(params, input_shape)`, \
which checks types, required members and minimum lengths only (no maximum, pattern or enum); \
serialize is the rest-json serializer's `serialize_to_request` without its validation decorator \
(a boto3 call pays both); deserialize is the rest-json parser on a 200 response. botocore has no \
output validation or serialization and never reads a request: —. Before timing, botocore's \
request must match ours (same path, same JSON) and its parse must equal the body.\n\
- aws-sdk-ivs (smithy-rs) is not a column: its client checks no constraints (no validate at \
all), and its serializers are not public.",
        peer.version, peer.python
    )
}
