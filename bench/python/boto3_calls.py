"""boto3's per-call cost, for bench section client_calls (run by its binary, once per round).

Usage: boto3_calls.py SETTINGS_JSON
SETTINGS_JSON holds endpoint, region, accessKey, secretKey, operation (CreateChannel, GetChannel
or ListChannels), seconds, and the requests' name, latencyMode, type, tags, maxResults and the
recorded channel's arn. The server answers fixed bodies. After one untimed call (boto3 loads its
service model lazily), makes sequential calls of the operation for at least `seconds` (and at
least one call), checks every answer, and prints JSON on stdout:
{"versions": {"boto3": ..., "botocore": ...}, "round": {"calls": n, "wall": s, "cpu": s}}
where cpu is time.process_time() (this process, all threads). Exits non-zero with a message on
stderr when an answer is not the expected one.
"""

import json
import sys
import time

import boto3
import botocore

settings = json.loads(sys.argv[1])
ARN = settings["arn"]
NAME = settings["name"]
TAGS = settings["tags"]
PAGE = settings["maxResults"]

# Default settings otherwise: what boto3 users get.
ivs = boto3.client(
    "ivs",
    endpoint_url=settings["endpoint"],
    region_name=settings["region"],
    aws_access_key_id=settings["accessKey"],
    aws_secret_access_key=settings["secretKey"],
)


def fail(message):
    print(f"boto3_calls: {message}", file=sys.stderr)
    sys.exit(1)


def create_channel():
    answer = ivs.create_channel(
        name=NAME, latencyMode=settings["latencyMode"], type=settings["type"], tags=TAGS
    )
    channel = answer.get("channel", {})
    key = answer.get("streamKey", {}).get("value")
    if channel.get("arn") != ARN or channel.get("name") != NAME or channel.get("tags") != TAGS or not key:
        fail(f"CreateChannel answered {channel!r}, expected channel {ARN} named {NAME} with tags {TAGS}, and a key")


def get_channel():
    arn = ivs.get_channel(arn=ARN).get("channel", {}).get("arn")
    if arn != ARN:
        fail(f"GetChannel answered arn {arn!r}, expected {ARN}")


def list_channels():
    page = ivs.list_channels(maxResults=PAGE)
    channels = page.get("channels", [])
    tagged = sum(1 for channel in channels if channel.get("tags") == TAGS)
    if len(channels) != PAGE or tagged != PAGE or not page.get("nextToken"):
        fail(f"ListChannels answered {len(channels)} channels ({tagged} tagged); expected {PAGE} tagged, a nextToken")


def timed_round(call, seconds):
    calls = 0
    wall, cpu = time.perf_counter(), time.process_time()
    while True:
        call()
        calls += 1
        if time.perf_counter() - wall >= seconds:
            break
    return {"calls": calls, "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


OPERATIONS = {"CreateChannel": create_channel, "GetChannel": get_channel, "ListChannels": list_channels}
call = OPERATIONS.get(settings["operation"]) or fail(f"unknown operation {settings['operation']!r}")
call()
measured = timed_round(call, settings["seconds"])
print(json.dumps({"versions": {"boto3": boto3.__version__, "botocore": botocore.__version__}, "round": measured}))
