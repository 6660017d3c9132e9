"""botocore's side of the `serde_validate` benchmark section (run by that section's binary).

Usage: botocore_serde.py DOCUMENTS.json [--smoke]

DOCUMENTS.json holds the same values the Rust side measures:
    {"cases": [{"id": ..., "operation": ..., "input": PARAMS, "path": ..., "body": ...}
               | {"id": ..., "operation": ..., "output": BODY_TEXT}]}
For an input, `path` and `body` are what our `encode_input` produced; botocore's request must
agree with them (same path, same JSON), or the script fails. For an output, botocore's parse
must equal the JSON body. Then it times, with time.perf_counter loops as the Rust side does
(median of 15 batches of about 60 ms; one call each with --smoke):
    input:  ParamValidator().validate(params, input_shape) ("validate"), and the rest-json
            serializer without its validation decorator ("serialize")
    output: the rest-json parser ("deserialize")
and prints {"botocore": VERSION, "python": VERSION, "ns": {"<id>": {"<step>": ns per call}}} as JSON
on stdout.
"""

import json
import math
import platform
import sys
import time

import botocore
import botocore.session
from botocore.parsers import create_parser
from botocore.serialize import create_serializer
from botocore.validate import ParamValidator

BATCH = 0.060
BATCHES = 15


def ns_per_call(f, smoke):
    """Median ns per call of f over BATCHES batches of about BATCH seconds; one call if smoke."""
    if smoke:
        start = time.perf_counter()
        f()
        return (time.perf_counter() - start) * 1e9
    per_batch = 1
    while True:
        start = time.perf_counter()
        for _ in range(per_batch):
            f()
        elapsed = time.perf_counter() - start
        if elapsed >= BATCH / 4:
            per_batch = max(1, math.ceil(BATCH / (elapsed / per_batch)))
            break
        per_batch *= 2
    samples = []
    for _ in range(BATCHES):
        start = time.perf_counter()
        for _ in range(per_batch):
            f()
        samples.append((time.perf_counter() - start) * 1e9 / per_batch)
    samples.sort()
    return samples[len(samples) // 2]


def fail(case, what):
    sys.exit(f"botocore_serde.py: {case['id']}: {what}")


def measure_input(case, operation, smoke):
    params = case["input"]
    shape = operation.input_shape
    validator = ParamValidator()
    # Without the validation decorator, so that "serialize" is serialization only; a boto3
    # client call pays both figures.
    serializer = create_serializer("rest-json", include_validation=False)

    report = validator.validate(params, shape)
    if report.has_errors():
        fail(case, f"botocore rejects the input: {report.generate_report()}")
    request = serializer.serialize_to_request(params, operation)
    if request["url_path"] != case["path"]:
        fail(case, f"botocore's path {request['url_path']!r} is not ours {case['path']!r}")
    if json.loads(request["body"]) != json.loads(case["body"]):
        fail(case, f"botocore's body {request['body']!r} is not ours {case['body']!r}")

    return {
        "validate": ns_per_call(lambda: validator.validate(params, shape), smoke),
        "serialize": ns_per_call(lambda: serializer.serialize_to_request(params, operation), smoke),
    }


def measure_output(case, operation, smoke):
    body = case["output"].encode()
    shape = operation.output_shape
    parser = create_parser("rest-json")
    response = {"status_code": 200, "headers": {"content-type": "application/json"}, "body": body}

    parsed = parser.parse(response, shape)
    parsed.pop("ResponseMetadata", None)
    if parsed != json.loads(body):
        fail(case, f"botocore parses {parsed!r}, not the body")

    return {"deserialize": ns_per_call(lambda: parser.parse(response, shape), smoke)}


def main():
    if len(sys.argv) not in (2, 3) or sys.argv[2:] not in ([], ["--smoke"]):
        sys.exit("usage: botocore_serde.py DOCUMENTS.json [--smoke]")
    smoke = sys.argv[2:] == ["--smoke"]
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    model = botocore.session.get_session().get_service_model("ivs")
    results = {}
    for case in cases:
        operation = model.operation_model(case["operation"])
        print(f"botocore: {case['id']}", file=sys.stderr)
        if "input" in case:
            results[case["id"]] = measure_input(case, operation, smoke)
        else:
            results[case["id"]] = measure_output(case, operation, smoke)
    print(json.dumps({"botocore": botocore.__version__, "python": platform.python_version(), "ns": results}))


if __name__ == "__main__":
    main()
