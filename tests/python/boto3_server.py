"""boto3 against the generated IVS server (started by tests/tests/server_boto3.rs).

Usage: boto3_server.py ENDPOINT_URL ACCESS_KEY SECRET_KEY MODE
MODE is "open" (no authentication) or "auth" (the server checks SigV4 signatures; a second
client with a wrong secret must be refused). Exits non-zero with a message on any mismatch.
"""

import sys

import boto3
from botocore.config import Config

from expect import expect_error

endpoint, access_key, secret_key, mode = sys.argv[1:5]


def client(secret):
    return boto3.client(
        "ivs",
        region_name="us-west-2",
        endpoint_url=endpoint,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret,
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


ivs = client(secret_key)

channel = ivs.create_channel(name="boto3-demo", type="BASIC", tags={"team": "video"})["channel"]
arn = channel["arn"]
assert arn.startswith("arn:aws:ivs:us-west-2:123456789012:channel/"), arn
assert channel["name"] == "boto3-demo", channel
assert channel["type"] == "BASIC", channel
print("ok: CreateChannel", arn)

assert ivs.get_channel(arn=arn)["channel"]["arn"] == arn
print("ok: GetChannel")

# The ARN travels in the path as one percent-encoded segment: /tags/arn%3Aaws%3A...
ivs.tag_resource(resourceArn=arn, tags={"stage": "prod", "cost": "42"})
tags = ivs.list_tags_for_resource(resourceArn=arn)["tags"]
assert tags == {"team": "video", "stage": "prod", "cost": "42"}, tags
ivs.untag_resource(resourceArn=arn, tagKeys=["team", "cost"])
tags = ivs.list_tags_for_resource(resourceArn=arn)["tags"]
assert tags == {"stage": "prod"}, tags
print("ok: TagResource, UntagResource, ListTagsForResource")

missing = arn[:-4] + "zzzz"
expect_error(lambda: ivs.get_channel(arn=missing), "ResourceNotFoundException", 404, missing)
expect_error(lambda: ivs.list_tags_for_resource(resourceArn=missing), "ResourceNotFoundException", 404, missing)

# botocore checks neither patterns nor enum values; the server reports both at once.
expect_error(
    lambda: ivs.create_channel(name="not a valid name!", latencyMode="FAST"),
    "ValidationException",
    400,
    "2 validation errors detected",
)
# Operations the implementation leaves out answer 501.
expect_error(lambda: ivs.list_stream_keys(channelArn=arn), "NotImplementedException", 501, "ListStreamKeys")

if mode == "auth":
    impostor = client(secret_key + "-wrong")
    expect_error(lambda: impostor.get_channel(arn=arn), "InvalidSignatureException", 403, "signature")

print("all boto3 checks passed")
