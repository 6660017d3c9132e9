"""boto3 against ivs-local, the local Amazon IVS (started by tests/tests/local_boto3.rs).

Usage: local_boto3.py ENDPOINT_URL ACCESS_KEY SECRET_KEY KEY_DIR [MODE]
KEY_DIR holds p384-public.pem, p384-public-2.pem and p256-public.pem. The emulator must be
fresh (no resources). MODE "scenario" (the default) runs a full scenario over every kind of
resource; MODE "page-defaults" checks the page sizes the API reference documents for lists
called without maxResults. Exits non-zero with a message on the first mismatch.
"""

import re
import sys
from pathlib import Path

import boto3
from botocore.config import Config

from expect import check, expect_error

endpoint, access_key, secret_key, key_dir = sys.argv[1:5]
mode = sys.argv[5] if len(sys.argv) > 5 else "scenario"
ACCOUNT = "123456789012"
REGION = "us-west-2"
PREFIX = f"arn:aws:ivs:{REGION}:{ACCOUNT}:"


def client(**config):
    return boto3.client(
        "ivs",
        region_name=REGION,
        endpoint_url=endpoint,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        config=Config(retries={"max_attempts": 1, "mode": "standard"}, **config),
    )


ivs = client()
# For inputs botocore would refuse before sending (min constraints): the server must refuse them.
unchecked = client(parameter_validation=False)


def not_found(call, arn):
    """Runs `call`, which must fail with ResourceNotFoundException naming `arn`."""
    expect_error(call, "ResourceNotFoundException", 404, arn)


def arn_of(kind, arn):
    check(re.fullmatch(re.escape(PREFIX + kind) + "/[A-Za-z0-9]{12}", arn), f"bad {kind} ARN {arn!r}")
    return arn


def unknown(arn):
    """An ARN of the same kind as `arn` that names nothing."""
    return arn.rsplit("/", 1)[0] + "/zzzzzzzzzzzz"


def section(name):
    print(f"ok: {name}")


def page_defaults():
    """Without maxResults, ListChannels answers at most 100 channels ("Default: 100") and
    ListPlaybackRestrictionPolicies one policy ("Default: 1"), each with a nextToken for more."""
    channels = [ivs.create_channel()["channel"]["arn"] for _ in range(101)]
    page = ivs.list_channels()
    check(len(page["channels"]) == 100 and page.get("nextToken"), "ListChannels default page is not 100")
    policies = [ivs.create_playback_restriction_policy()["playbackRestrictionPolicy"] for _ in range(2)]
    page = ivs.list_playback_restriction_policies()
    got = len(page["playbackRestrictionPolicies"])
    check(
        got == 1 and page.get("nextToken"),
        f"ListPlaybackRestrictionPolicies without maxResults answered {got} of 2 policies "
        f"(nextToken {page.get('nextToken')!r}); the API reference says maxResults defaults to 1",
    )
    for arn in channels:
        ivs.delete_channel(arn=arn)
    for policy in policies:
        ivs.delete_playback_restriction_policy(arn=policy["arn"])
    section("default page sizes of ListChannels and ListPlaybackRestrictionPolicies")


if mode == "page-defaults":
    page_defaults()
    print("all local boto3 checks passed")
    sys.exit(0)
check(mode == "scenario", f"unknown mode {mode!r}")


# --- pagination (first, while the emulator holds exactly the channels made here) -------------
page_arns = [ivs.create_channel(name=f"page-{i}")["channel"]["arn"] for i in range(5)]
pages = list(ivs.get_paginator("list_channels").paginate(PaginationConfig={"PageSize": 2}))
sizes = [len(page["channels"]) for page in pages]
check(sizes == [2, 2, 1], f"list_channels pages of {sizes}, expected [2, 2, 1]")
check("nextToken" not in pages[-1], "the last page has a nextToken")
listed = [c["arn"] for page in pages for c in page["channels"]]
check(sorted(listed) == sorted(page_arns), f"paginated {listed}, expected {page_arns}")
first = ivs.list_channels(maxResults=2)
check(len(first["channels"]) == 2 and first.get("nextToken"), f"maxResults=2 gave {first}")
expect_error(lambda: ivs.list_channels(nextToken="bm90LW91cnM"), "ValidationException", 400, "nextToken")
expect_error(lambda: unchecked.list_channels(maxResults=0), "ValidationException", 400, "maxResults")
for arn in page_arns:
    ivs.delete_channel(arn=arn)
check(ivs.list_channels()["channels"] == [], "channels left after deleting them all")
section("ListChannels paginator, nextToken, maxResults")

# --- channels --------------------------------------------------------------------------------
created = ivs.create_channel(name="main", tags={"team": "video"})
channel = created["channel"]
arn = arn_of("channel", channel["arn"])
expected = {
    "name": "main",
    "latencyMode": "LOW",
    "type": "STANDARD",
    "authorized": False,
    "insecureIngest": False,
    "containerFormat": "TS",
    "preset": "",
    "recordingConfigurationArn": "",
    "playbackRestrictionPolicyArn": "",
    "tags": {"team": "video"},
}
for field, value in expected.items():
    check(channel.get(field) == value, f"CreateChannel {field} is {channel.get(field)!r}, expected {value!r}")
check(channel.get("ingestEndpoint"), f"no ingestEndpoint in {channel}")
check(channel.get("playbackUrl", "").startswith("https://"), f"bad playbackUrl in {channel}")
key = created["streamKey"]
check(key["value"].startswith(f"sk_{REGION}_"), f"stream key value {key['value']!r}")
check(key["channelArn"] == arn, f"stream key of {key['channelArn']}, expected {arn}")
arn_of("stream-key", key["arn"])
check(ivs.get_channel(arn=arn)["channel"] == channel, "GetChannel differs from CreateChannel")

advanced = ivs.create_channel(name="advanced", type="ADVANCED_HD")["channel"]
check(advanced["preset"] == "HIGHER_BANDWIDTH_DELIVERY", f"ADVANCED_HD preset {advanced['preset']!r}")
expect_error(
    lambda: ivs.create_channel(name="preset", preset="CONSTRAINED_BANDWIDTH_DELIVERY"),
    "ValidationException",
    400,
    "preset",
)

batch = ivs.batch_get_channel(arns=[arn, unknown(arn)])
check([c["arn"] for c in batch["channels"]] == [arn], f"BatchGetChannel channels {batch['channels']}")
errors = batch["errors"]
check(len(errors) == 1, f"BatchGetChannel errors {errors}")
check(errors[0]["arn"] == unknown(arn), f"BatchGetChannel error ARN {errors[0]}")
check(errors[0]["code"] == "ResourceNotFoundException", f"BatchGetChannel error code {errors[0]}")

updated = ivs.update_channel(arn=arn, name="renamed", latencyMode="NORMAL", authorized=True)["channel"]
check(updated["name"] == "renamed", f"UpdateChannel name {updated['name']!r}")
check(updated["latencyMode"] == "NORMAL", f"UpdateChannel latencyMode {updated['latencyMode']!r}")
check(updated["authorized"] is True, "UpdateChannel authorized")
unchanged = updated["type"] == "STANDARD" and updated["tags"] == {"team": "video"}
check(unchanged, f"UpdateChannel lost fields: {updated}")
check(ivs.get_channel(arn=arn)["channel"] == updated, "GetChannel differs from UpdateChannel")
sd = ivs.update_channel(
    arn=advanced["arn"], type="ADVANCED_SD", preset="CONSTRAINED_BANDWIDTH_DELIVERY"
)["channel"]
check(sd["preset"] == "CONSTRAINED_BANDWIDTH_DELIVERY", f"ADVANCED_SD preset {sd['preset']!r}")
standard = ivs.update_channel(arn=advanced["arn"], type="STANDARD")["channel"]
check(standard["preset"] == "", f"preset {standard['preset']!r} after going back to STANDARD")

named = ivs.list_channels(filterByName="renamed")["channels"]
check([c["arn"] for c in named] == [arn], f"filterByName gave {named}")
check(ivs.list_channels(filterByName="nobody")["channels"] == [], "filterByName matched nobody")
not_found(lambda: ivs.get_channel(arn=unknown(arn)), unknown(arn))
not_found(lambda: ivs.update_channel(arn=unknown(arn), name="x"), unknown(arn))
not_found(lambda: ivs.delete_channel(arn=unknown(arn)), unknown(arn))
expect_error(lambda: ivs.create_channel(name="has spaces"), "ValidationException", 400, "name")
section("channels: defaults, get, batch get, update, filter by name, errors")

# --- stream keys -----------------------------------------------------------------------------
expect_error(lambda: ivs.create_stream_key(channelArn=arn), "ServiceQuotaExceededException", 402)
not_found(lambda: ivs.create_stream_key(channelArn=unknown(arn)), unknown(arn))
ivs.delete_stream_key(arn=key["arn"])
not_found(lambda: ivs.get_stream_key(arn=key["arn"]), key["arn"])
key = ivs.create_stream_key(channelArn=arn, tags={"k": "v"})["streamKey"]
arn_of("stream-key", key["arn"])
check(key["value"].startswith(f"sk_{REGION}_") and key["tags"] == {"k": "v"}, f"CreateStreamKey {key}")
check(ivs.get_stream_key(arn=key["arn"])["streamKey"] == key, "GetStreamKey differs from CreateStreamKey")
batch = ivs.batch_get_stream_key(arns=[key["arn"], unknown(key["arn"])])
check([k["arn"] for k in batch["streamKeys"]] == [key["arn"]], f"BatchGetStreamKey {batch['streamKeys']}")
errors = [(e["arn"], e["code"]) for e in batch["errors"]]
check(errors == [(unknown(key["arn"]), "ResourceNotFoundException")], f"BatchGetStreamKey errors {errors}")
keys = ivs.list_stream_keys(channelArn=arn)["streamKeys"]
check([(k["arn"], k["channelArn"]) for k in keys] == [(key["arn"], arn)], f"ListStreamKeys {keys}")
paginator = ivs.get_paginator("list_stream_keys")
pages = list(paginator.paginate(channelArn=arn, PaginationConfig={"PageSize": 1}))
check([len(p["streamKeys"]) for p in pages] == [1], f"list_stream_keys pages {pages}")
not_found(lambda: ivs.list_stream_keys(channelArn=unknown(arn)), unknown(arn))
section("stream keys: quota, delete and create, get, batch get, list")

# --- recording configurations ----------------------------------------------------------------
recordings = [
    ivs.create_recording_configuration(
        name=f"rec-{i}", destinationConfiguration={"s3": {"bucketName": "ivs-local-recordings"}}
    )["recordingConfiguration"]
    for i in range(2)
]
recording = recordings[0]
recording_arn = arn_of("recording-configuration", recording["arn"])
check(recording["state"] == "ACTIVE", f"recording configuration state {recording['state']!r}")
check(recording["destinationConfiguration"]["s3"]["bucketName"] == "ivs-local-recordings", f"{recording}")
got = ivs.get_recording_configuration(arn=recording_arn)["recordingConfiguration"]
check(got == recording, f"GetRecordingConfiguration {got} differs from {recording}")
listed = ivs.list_recording_configurations()["recordingConfigurations"]
check(sorted(r["arn"] for r in listed) == sorted(r["arn"] for r in recordings), f"listed {listed}")
paginator = ivs.get_paginator("list_recording_configurations")
pages = list(paginator.paginate(PaginationConfig={"PageSize": 1}))
check([len(p["recordingConfigurations"]) for p in pages] == [1, 1], "list_recording_configurations pages")
ivs.delete_recording_configuration(arn=recordings[1]["arn"])
not_found(lambda: ivs.get_recording_configuration(arn=recordings[1]["arn"]), recordings[1]["arn"])
section("recording configurations: create, get, list, paginate, delete")

# --- playback key pairs ----------------------------------------------------------------------
pem = Path(key_dir, "p384-public.pem").read_text()
pair = ivs.import_playback_key_pair(name="signer", publicKeyMaterial=pem)["keyPair"]
pair_arn = arn_of("playback-key", pair["arn"])
check(re.fullmatch("([0-9a-f]{2}:)+[0-9a-f]{2}", pair.get("fingerprint", "")), f"fingerprint of {pair}")
check(pair["name"] == "signer", f"ImportPlaybackKeyPair name {pair['name']!r}")
expect_error(lambda: ivs.import_playback_key_pair(publicKeyMaterial=pem), "ConflictException", 409, pair_arn)
expect_error(lambda: ivs.import_playback_key_pair(publicKeyMaterial="garbage"), "ValidationException", 400)
p256 = Path(key_dir, "p256-public.pem").read_text()
expect_error(
    lambda: ivs.import_playback_key_pair(publicKeyMaterial=p256),
    "ValidationException", 400, "P-384"
)
pem2 = Path(key_dir, "p384-public-2.pem").read_text()
second = ivs.import_playback_key_pair(publicKeyMaterial=pem2)["keyPair"]
check(second["fingerprint"] != pair["fingerprint"], "two keys, one fingerprint")
check(ivs.get_playback_key_pair(arn=pair_arn)["keyPair"] == pair, "GetPlaybackKeyPair differs from import")
listed = ivs.list_playback_key_pairs()["keyPairs"]
check(sorted(p["arn"] for p in listed) == sorted([pair_arn, second["arn"]]), f"ListPlaybackKeyPairs {listed}")
pages = list(ivs.get_paginator("list_playback_key_pairs").paginate(PaginationConfig={"PageSize": 1}))
check([len(p["keyPairs"]) for p in pages] == [1, 1], "list_playback_key_pairs pages")
ivs.delete_playback_key_pair(arn=second["arn"])
not_found(lambda: ivs.get_playback_key_pair(arn=second["arn"]), second["arn"])
not_found(lambda: ivs.delete_playback_key_pair(arn=second["arn"]), second["arn"])
section("playback key pairs: import, duplicate, bad keys, get, list, paginate, delete")

# --- playback restriction policies -----------------------------------------------------------
policy = ivs.create_playback_restriction_policy(
    name="policy", allowedCountries=["US"], allowedOrigins=["https://example.com"]
)["playbackRestrictionPolicy"]
policy_arn = arn_of("playback-restriction-policy", policy["arn"])
check(policy["enableStrictOriginEnforcement"] is False, f"strict origin default in {policy}")
check(policy["allowedCountries"] == ["US"], f"allowedCountries in {policy}")
got = ivs.get_playback_restriction_policy(arn=policy_arn)["playbackRestrictionPolicy"]
check(got == policy, f"GetPlaybackRestrictionPolicy {got} differs from {policy}")
changed = ivs.update_playback_restriction_policy(
    arn=policy_arn, allowedCountries=["US", "CA"], enableStrictOriginEnforcement=True
)["playbackRestrictionPolicy"]
check(changed["allowedCountries"] == ["US", "CA"], f"UpdatePlaybackRestrictionPolicy {changed}")
check(changed["enableStrictOriginEnforcement"] is True, f"UpdatePlaybackRestrictionPolicy {changed}")
check(changed["name"] == "policy", f"UpdatePlaybackRestrictionPolicy lost the name: {changed}")
check(changed["allowedOrigins"] == ["https://example.com"], f"Update lost origins: {changed}")
listed = ivs.list_playback_restriction_policies()["playbackRestrictionPolicies"]
check([p["arn"] for p in listed] == [policy_arn], f"ListPlaybackRestrictionPolicies {listed}")
no_policy = unknown(policy_arn)
not_found(lambda: ivs.update_playback_restriction_policy(arn=no_policy, name="x"), no_policy)
section("playback restriction policies: create, get, update, list")

# --- ad configurations -----------------------------------------------------------------------
media_tailor = [
    {"playbackConfigurationArn": f"arn:aws:mediatailor:{REGION}:{ACCOUNT}:playbackConfiguration/test"}
]
ad = ivs.create_ad_configuration(name="ads", mediaTailorPlaybackConfigurations=media_tailor)
ad = ad["adConfiguration"]
ad_arn = arn_of("ad-configuration", ad["arn"])
check(ad["mediaTailorPlaybackConfigurations"] == media_tailor, f"CreateAdConfiguration {ad}")
check(ivs.get_ad_configuration(arn=ad_arn)["adConfiguration"] == ad, "GetAdConfiguration differs")
listed = ivs.list_ad_configurations()["adConfigurations"]
check([a["arn"] for a in listed] == [ad_arn], f"ListAdConfigurations {listed}")
not_found(lambda: ivs.get_ad_configuration(arn=unknown(ad_arn)), unknown(ad_arn))
section("ad configurations: create, get, list")

# --- tags on every kind of resource ----------------------------------------------------------
taggable = {
    "channel": arn,
    "stream key": key["arn"],
    "recording configuration": recording_arn,
    "playback key pair": pair_arn,
    "playback restriction policy": policy_arn,
    "ad configuration": ad_arn,
}
for kind, resource in taggable.items():
    before = ivs.list_tags_for_resource(resourceArn=resource)["tags"]
    ivs.tag_resource(resourceArn=resource, tags={"stage": "prod", "cost": "42"})
    tags = ivs.list_tags_for_resource(resourceArn=resource)["tags"]
    check(tags == {**before, "stage": "prod", "cost": "42"}, f"{kind} tags {tags} after TagResource")
    ivs.untag_resource(resourceArn=resource, tagKeys=["cost"])
    tags = ivs.list_tags_for_resource(resourceArn=resource)["tags"]
    check(tags == {**before, "stage": "prod"}, f"{kind} tags {tags} after UntagResource")
    not_found(lambda: ivs.list_tags_for_resource(resourceArn=unknown(resource)), unknown(resource))
    not_found(lambda: ivs.tag_resource(resourceArn=unknown(resource), tags={"a": "b"}), unknown(resource))
tags_before = ivs.list_tags_for_resource(resourceArn=arn)["tags"]
ivs.tag_resource(resourceArn=arn, tags={f"t{i}": "x" for i in range(30)})
expect_error(
    lambda: ivs.tag_resource(resourceArn=arn, tags={f"u{i}": "x" for i in range(25)}),
    "ValidationException",
    400,
    "50",
)
reserved = {"aws:owner": "me"}
expect_error(lambda: ivs.tag_resource(resourceArn=arn, tags=reserved), "ValidationException", 400, "aws:")
expect_error(lambda: ivs.create_channel(name="reserved", tags=reserved), "ValidationException", 400, "aws:")
tags = ivs.list_tags_for_resource(resourceArn=arn)["tags"]
check(len(tags) == len(tags_before) + 30, f"refused TagResource changed the tags: {len(tags)} tags")
ivs.untag_resource(resourceArn=arn, tagKeys=[f"t{i}" for i in range(30)])
section("tags on all six kinds of resource, the 50-tag limit, reserved aws: keys")

# --- resources in use, and the ListChannels filters ------------------------------------------
user = ivs.create_channel(
    name="user",
    recordingConfigurationArn=recording_arn,
    playbackRestrictionPolicyArn=policy_arn,
    adConfigurationArn=ad_arn,
)["channel"]
user_arn = user["arn"]
for field, filter_name, value in [
    ("recordingConfigurationArn", "filterByRecordingConfigurationArn", recording_arn),
    ("playbackRestrictionPolicyArn", "filterByPlaybackRestrictionPolicyArn", policy_arn),
    ("adConfigurationArn", "filterByAdConfigurationArn", ad_arn),
]:
    check(user[field] == value, f"channel {field} is {user[field]!r}, expected {value!r}")
    matched = ivs.list_channels(**{filter_name: value})["channels"]
    check([c["arn"] for c in matched] == [user_arn], f"{filter_name} gave {matched}")
expect_error(
    lambda: ivs.list_channels(filterByName="user", filterByRecordingConfigurationArn=recording_arn),
    "ConflictException",
    409,
)
no_recording = unknown(recording_arn)
not_found(lambda: ivs.update_channel(arn=user_arn, recordingConfigurationArn=no_recording), no_recording)
deletes = [
    (ivs.delete_recording_configuration, recording_arn, ivs.get_recording_configuration),
    (ivs.delete_playback_restriction_policy, policy_arn, ivs.get_playback_restriction_policy),
    (ivs.delete_ad_configuration, ad_arn, ivs.get_ad_configuration),
]
for delete, resource, _ in deletes:
    expect_error(lambda: delete(arn=resource), "ConflictException", 409, user_arn)
released = ivs.update_channel(
    arn=user_arn, recordingConfigurationArn="", playbackRestrictionPolicyArn="", adConfigurationArn=""
)["channel"]
check(released["recordingConfigurationArn"] == "" and released["adConfigurationArn"] == "", f"{released}")
for delete, resource, get in deletes:
    delete(arn=resource)
    not_found(lambda: get(arn=resource), resource)
    not_found(lambda: delete(arn=resource), resource)
section("delete in use is a ConflictException; ListChannels filters, two at once conflict")

# --- streams (ivs-local has no ingest: no channel is ever live) ------------------------------
no_channel = unknown(arn)
stream_calls = {
    "GetStream": lambda channel: ivs.get_stream(channelArn=channel),
    "StopStream": lambda channel: ivs.stop_stream(channelArn=channel),
    "PutMetadata": lambda channel: ivs.put_metadata(channelArn=channel, metadata="hello"),
    "InsertAdBreak": lambda channel: ivs.insert_ad_break(channelArn=channel, durationSeconds=30),
}
for name, call in stream_calls.items():
    expect_error(lambda: call(arn), "ChannelNotBroadcasting", 404, arn)
    not_found(lambda: call(no_channel), no_channel)
check(ivs.list_streams()["streams"] == [], "ListStreams is not empty")
pages = list(ivs.get_paginator("list_streams").paginate(PaginationConfig={"PageSize": 2}))
check([p["streams"] for p in pages] == [[]], f"list_streams pages {pages}")
check(ivs.list_stream_sessions(channelArn=arn)["streamSessions"] == [], "ListStreamSessions is not empty")
not_found(lambda: ivs.list_stream_sessions(channelArn=no_channel), no_channel)
expect_error(lambda: ivs.get_stream_session(channelArn=arn), "ResourceNotFoundException", 404, arn)
ivs.start_viewer_session_revocation(channelArn=arn, viewerId="viewer-1")
not_found(lambda: ivs.start_viewer_session_revocation(channelArn=no_channel, viewerId="v"), no_channel)
revoked = ivs.batch_start_viewer_session_revocation(
    viewerSessions=[{"channelArn": arn, "viewerId": "v1"}, {"channelArn": no_channel, "viewerId": "v2"}]
)
errors = [(e["channelArn"], e["viewerId"], e["code"]) for e in revoked["errors"]]
check(errors == [(no_channel, "v2", "ResourceNotFoundException")], f"revocation errors {errors}")
section("streams: not broadcasting, unknown channels, empty lists, viewer-session revocations")

# --- clean up: deleting a channel deletes its stream key -------------------------------------
for channel_arn in [arn, advanced["arn"], user_arn]:
    ivs.delete_channel(arn=channel_arn)
    not_found(lambda: ivs.get_channel(arn=channel_arn), channel_arn)
not_found(lambda: ivs.get_stream_key(arn=key["arn"]), key["arn"])
ivs.delete_playback_key_pair(arn=pair_arn)
check(ivs.list_channels()["channels"] == [], "channels left at the end")
check(ivs.list_playback_key_pairs()["keyPairs"] == [], "key pairs left at the end")
section("delete channels (and their stream keys), key pairs")

print("all local boto3 checks passed")
