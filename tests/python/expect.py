"""Checks the boto3 scripts share (imported from the script's own folder)."""

from botocore.exceptions import ClientError


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def expect_error(call, code, status, message_part=None):
    """Runs `call`, which must fail with `code` and `status`, a request id, and `message_part`
    (when given) in the message; returns the message."""
    try:
        call()
    except ClientError as e:
        got_code = e.response["Error"]["Code"]
        got_status = e.response["ResponseMetadata"]["HTTPStatusCode"]
        message = e.response["Error"].get("Message", "")
        check(got_code == code, f"code {got_code!r}, expected {code!r} ({message})")
        check(got_status == status, f"{code}: status {got_status}, expected {status}")
        if message_part is not None:
            check(message_part in message, f"{code}: message {message!r} lacks {message_part!r}")
        check(e.response["ResponseMetadata"].get("RequestId"), f"{code}: no request id")
        print(f"ok: {code} {status}: {message}")
        return message
    raise AssertionError(f"expected {code} ({status}), the call succeeded")
