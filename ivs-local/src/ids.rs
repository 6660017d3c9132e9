//! Identifiers the service makes up: ARNs, stream-key values, endpoints.
//!
//! Shapes follow what the real service returns (12-character resource ids, `sk_<region>_` key
//! values, `live-video.net` hosts), so code that parses or logs them sees realistic values.

const ALPHANUMERIC: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// The kinds of resource that have ARNs, with the resource type written in the ARN.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Channel,
    StreamKey,
    RecordingConfiguration,
    PlaybackKeyPair,
    PlaybackRestrictionPolicy,
    AdConfiguration,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::Channel,
        Kind::StreamKey,
        Kind::RecordingConfiguration,
        Kind::PlaybackKeyPair,
        Kind::PlaybackRestrictionPolicy,
        Kind::AdConfiguration,
    ];

    /// The resource type as the ARN spells it.
    pub fn arn_type(self) -> &'static str {
        match self {
            Kind::Channel => "channel",
            Kind::StreamKey => "stream-key",
            Kind::RecordingConfiguration => "recording-configuration",
            Kind::PlaybackKeyPair => "playback-key",
            Kind::PlaybackRestrictionPolicy => "playback-restriction-policy",
            Kind::AdConfiguration => "ad-configuration",
        }
    }

    /// The resource's name in messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Channel => "channel",
            Kind::StreamKey => "stream key",
            Kind::RecordingConfiguration => "recording configuration",
            Kind::PlaybackKeyPair => "playback key pair",
            Kind::PlaybackRestrictionPolicy => "playback restriction policy",
            Kind::AdConfiguration => "ad configuration",
        }
    }
}

/// Where the emulated resources live: their region and account.
#[derive(Clone, Debug)]
pub(crate) struct Env {
    pub region: String,
    pub account_id: String,
}

impl Env {
    /// A new ARN of `kind` in this region and account.
    pub fn new_arn(&self, kind: Kind) -> String {
        format!(
            "arn:aws:ivs:{}:{}:{}/{}",
            self.region,
            self.account_id,
            kind.arn_type(),
            random(12)
        )
    }

    /// The kind of resource `arn` names, if it is an IVS ARN of this region and account.
    /// ARNs of other regions or accounts name nothing here, as they would on the real service.
    pub fn kind_of(&self, arn: &str) -> Option<Kind> {
        let rest = arn.strip_prefix("arn:aws:ivs:")?;
        let rest = rest.strip_prefix(self.region.as_str())?.strip_prefix(':')?;
        let rest = rest.strip_prefix(self.account_id.as_str())?.strip_prefix(':')?;
        let (resource_type, _id) = rest.split_once('/')?;
        Kind::ALL.into_iter().find(|kind| kind.arn_type() == resource_type)
    }

    /// A stream-key value like the real service's: `sk_<region>_` and 36 random characters.
    pub fn stream_key_value(&self) -> String {
        format!("sk_{}_{}", self.region, random(36))
    }

    /// The ingest endpoint, SRT endpoint and playback URL of a new channel with ARN `arn`.
    pub fn channel_endpoints(&self, arn: &str) -> ChannelEndpoints {
        let host = random_hex(12);
        let id = arn.rsplit('/').next().unwrap_or_default();
        ChannelEndpoints {
            ingest: format!("{host}.global-contribute.live-video.net"),
            srt: format!("{host}.srt.live-video.net"),
            playback_url: format!(
                "https://{host}.{region}.playback.live-video.net/api/video/v1/{region}.{account}.channel.{id}.m3u8",
                region = self.region,
                account = self.account_id,
            ),
        }
    }
}

/// The endpoints of one channel.
pub(crate) struct ChannelEndpoints {
    pub ingest: String,
    pub srt: String,
    pub playback_url: String,
}

/// `length` random ASCII letters and digits, from the operating system's cryptographic
/// random source: these become stream keys and SRT passphrases, which are secrets.
pub(crate) fn random(length: usize) -> String {
    random_from(ALPHANUMERIC, length)
}

fn random_hex(length: usize) -> String {
    random_from(b"0123456789abcdef", length)
}

/// `length` characters of `alphabet` (at most 256), each equally likely: random bytes at or
/// above the largest multiple of the alphabet's size are drawn again rather than folded in.
fn random_from(alphabet: &[u8], length: usize) -> String {
    let size = alphabet.len();
    let limit = 256 - 256 % size;
    let mut out = String::with_capacity(length);
    let mut bytes = [0u8; 64];
    while out.len() < length {
        // The OS random source does not fail on the systems this runs on; if it ever did,
        // the panic is answered as a 500 by the router, never with a guessable key.
        if let Err(error) = getrandom::fill(&mut bytes) {
            panic!("the operating system's random source failed: {error}");
        }
        for &byte in &bytes {
            if usize::from(byte) < limit && out.len() < length {
                out.push(char::from(alphabet[usize::from(byte) % size]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env() -> Env {
        Env {
            region: "us-west-2".into(),
            account_id: "123456789012".into(),
        }
    }

    #[test]
    fn new_arns_name_their_kind_and_match_the_model_pattern() {
        for kind in Kind::ALL {
            let arn = env().new_arn(kind);
            assert_eq!(env().kind_of(&arn), Some(kind), "{arn}");
            let id = arn.rsplit('/').next().unwrap();
            assert_eq!(id.len(), 12);
            assert!(id.bytes().all(|b| b.is_ascii_alphanumeric()), "{arn}");
        }
    }

    #[test]
    fn arns_of_other_places_or_types_name_nothing() {
        let env = env();
        assert_eq!(
            env.kind_of("arn:aws:ivs:eu-west-1:123456789012:channel/abcdABCDefgh"),
            None
        );
        assert_eq!(
            env.kind_of("arn:aws:ivs:us-west-2:999999999999:channel/abcdABCDefgh"),
            None
        );
        assert_eq!(
            env.kind_of("arn:aws:ivs:us-west-2:123456789012:thing/abcdABCDefgh"),
            None
        );
        assert_eq!(
            env.kind_of("arn:aws:ivschat:us-west-2:123456789012:room/abcdABCDefgh"),
            None
        );
        assert_eq!(
            env.kind_of("arn:aws:ivs:us-west-2:123456789012channel/abcdABCDefgh"),
            None
        );
    }

    #[test]
    fn random_text_uses_the_whole_alphabet_evenly() {
        let text = random(62_000);
        assert_eq!(text.len(), 62_000);
        for &c in ALPHANUMERIC {
            let count = text.bytes().filter(|&b| b == c).count();
            // 1,000 expected; a biased or broken generator falls far outside this.
            assert!((800..1200).contains(&count), "{} appears {count} times", char::from(c));
        }
        assert_ne!(random(36), random(36));
    }

    #[test]
    fn stream_key_values_and_endpoints_look_like_the_services() {
        let env = env();
        let value = env.stream_key_value();
        assert!(value.starts_with("sk_us-west-2_") && value.len() == 13 + 36, "{value}");
        let arn = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh";
        let endpoints = env.channel_endpoints(arn);
        assert!(endpoints.ingest.ends_with(".global-contribute.live-video.net"));
        assert!(endpoints.srt.ends_with(".srt.live-video.net"));
        assert!(
            endpoints.playback_url.ends_with(
                ".us-west-2.playback.live-video.net/api/video/v1/us-west-2.123456789012.channel.abcdABCDefgh.m3u8"
            ),
            "{}",
            endpoints.playback_url
        );
    }
}
