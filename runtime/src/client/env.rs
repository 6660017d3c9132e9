//! Region and credentials from the environment and the shared AWS files, for
//! [`ConfigBuilder::from_env`](super::ConfigBuilder::from_env).
//!
//! This is the lean path: what `ConfigBuilder::from_env` reads, and what `from_env_for`
//! reads in builds without feature `aws-config` (which brings the AWS SDKs' own profile parser
//! and credential providers, see `default_chain.rs`). It stays hand-written so that a lean
//! build needs neither `aws-config` nor its HTTPS stack.
//!
//! Everything goes through a lookup function for environment variables, so tests run
//! against a made-up environment without touching the process's.

use std::path::{Path, PathBuf};

use aws_credential_types::Credentials;

use super::ini::Ini;

/// What the environment and the files provided, and what got in the way.
#[derive(Debug, Default)]
pub(crate) struct EnvSettings {
    /// The region, if any source named one.
    pub(crate) region: Option<String>,
    /// Static credentials, if any source had a complete pair.
    pub(crate) credentials: Option<Credentials>,
    /// Why a source was passed over (an unreadable file, an incomplete key pair, a profile
    /// kind this loader does not support), to explain a missing region or credentials.
    pub(crate) notes: Vec<String>,
    /// The endpoint: `AWS_ENDPOINT_URL_<SERVICE>`, else `AWS_ENDPOINT_URL`, else the profile's
    /// `endpoint_url` (read only for a service, see [`load_for`]).
    pub(crate) endpoint_url: Option<String>,
    /// `AWS_MAX_ATTEMPTS`, else the profile's `max_attempts`.
    pub(crate) max_attempts: Option<u32>,
    /// `AWS_USE_FIPS_ENDPOINT`, else the profile's `use_fips_endpoint`.
    pub(crate) use_fips: Option<bool>,
    /// `AWS_USE_DUALSTACK_ENDPOINT`, else the profile's `use_dualstack_endpoint`.
    pub(crate) use_dual_stack: Option<bool>,
    /// A setting present but invalid (`AWS_MAX_ATTEMPTS=0`, `AWS_USE_FIPS_ENDPOINT=yes`): the
    /// configuration refuses to build, naming it, rather than silently ignoring it.
    pub(crate) refused: Option<String>,
}

/// Reads the settings: region from `AWS_REGION`, then `AWS_DEFAULT_REGION`, then the
/// profile's `region`; credentials from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` /
/// `AWS_SESSION_TOKEN`, then the profile. The profile is `AWS_PROFILE` (default `default`),
/// read from the credentials file (`AWS_SHARED_CREDENTIALS_FILE`, default
/// `~/.aws/credentials`, section `[name]`) over the config file (`AWS_CONFIG_FILE`, default
/// `~/.aws/config`, section `[profile name]`, or `[default]`).
///
/// With `Some(service)`, the SDK id of a client's service, also the endpoint, retry and
/// endpoint-variant settings the AWS SDKs read from the same places (`from_env`, which has no
/// service, reads none of them). The service's own endpoint variable is `AWS_ENDPOINT_URL_`
/// and the SDK id in upper case with spaces as `_` (`AWS_ENDPOINT_URL_IVS`). `AWS_RETRY_MODE`
/// may be `standard`, `legacy` or `adaptive`, all served by this client's one (standard)
/// retry strategy.
pub(crate) fn load_for(lookup: &dyn Fn(&str) -> Option<String>, service: Option<&str>) -> EnvSettings {
    let var = |name: &str| lookup(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let mut settings = EnvSettings::default();

    settings.region = var("AWS_REGION").or_else(|| var("AWS_DEFAULT_REGION"));
    settings.credentials = env_credentials(&var, &mut settings.notes);
    if settings.region.is_some() && settings.credentials.is_some() && service.is_none() {
        return settings;
    }

    let profile_name = var("AWS_PROFILE").unwrap_or_else(|| "default".to_owned());
    let home = var("HOME").or_else(|| var("USERPROFILE")).map(PathBuf::from);
    let config_path = file_path(var("AWS_CONFIG_FILE"), home.as_deref(), "config");
    let credentials_path = file_path(var("AWS_SHARED_CREDENTIALS_FILE"), home.as_deref(), "credentials");
    let config = config_path.and_then(|path| read(&path, &mut settings.notes));
    let credentials_file = credentials_path.and_then(|path| read(&path, &mut settings.notes));
    let profile = Profile::merge(&profile_name, config.as_ref(), credentials_file.as_ref());

    if settings.region.is_none() {
        settings.region = profile.get("region");
    }
    if settings.credentials.is_none() {
        settings.credentials = profile_credentials(&profile, &mut settings.notes);
    }
    if let Some(service) = service {
        service_settings(&var, &profile, service, &mut settings);
    }
    settings
}

/// The endpoint, retry and endpoint-variant settings, environment first, then the profile.
fn service_settings(
    var: &dyn Fn(&str) -> Option<String>,
    profile: &Profile<'_>,
    service: &str,
    settings: &mut EnvSettings,
) {
    let service_variable = format!(
        "AWS_ENDPOINT_URL_{}",
        service.to_ascii_uppercase().replace([' ', '-'], "_")
    );
    settings.endpoint_url = var(&service_variable)
        .or_else(|| var("AWS_ENDPOINT_URL"))
        .or_else(|| profile.get("endpoint_url"));
    let setting = |variable: &str, key: &str| {
        var(variable).map(|v| (variable.to_owned(), v)).or_else(|| {
            profile
                .get(key)
                .map(|v| (format!("{key} of profile {}", profile.name), v))
        })
    };
    let mut refuse = |what: &str, value: &str, expected: &str| {
        settings
            .refused
            .get_or_insert_with(|| format!("{what} is {value:?}; expected {expected}"));
    };
    if let Some((what, value)) = setting("AWS_MAX_ATTEMPTS", "max_attempts") {
        match value.parse::<u32>() {
            Ok(n) if n > 0 => settings.max_attempts = Some(n),
            _ => refuse(&what, &value, "a whole number of at least 1"),
        }
    }
    if let Some((what, value)) = setting("AWS_RETRY_MODE", "retry_mode")
        && !["standard", "legacy", "adaptive"].contains(&value.to_ascii_lowercase().as_str())
    {
        refuse(&what, &value, "standard, legacy or adaptive");
    }
    for (variable, key, slot) in [
        ("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint", &mut settings.use_fips),
        (
            "AWS_USE_DUALSTACK_ENDPOINT",
            "use_dualstack_endpoint",
            &mut settings.use_dual_stack,
        ),
    ] {
        if let Some((what, value)) = setting(variable, key) {
            match value.to_ascii_lowercase().as_str() {
                "true" => *slot = Some(true),
                "false" => *slot = Some(false),
                _ => refuse(&what, &value, "true or false"),
            }
        }
    }
}

/// Credentials from `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (both, or neither).
fn env_credentials(var: &dyn Fn(&str) -> Option<String>, notes: &mut Vec<String>) -> Option<Credentials> {
    match (var("AWS_ACCESS_KEY_ID"), var("AWS_SECRET_ACCESS_KEY")) {
        (Some(id), Some(secret)) => Some(Credentials::new(
            id,
            secret,
            var("AWS_SESSION_TOKEN"),
            None,
            "environment",
        )),
        (Some(_), None) => {
            notes.push("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not".to_owned());
            None
        }
        (None, Some(_)) => {
            notes.push("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not".to_owned());
            None
        }
        (None, None) => None,
    }
}

/// The file named by the variable (a leading `~` meaning the home directory), else
/// `~/.aws/<default_name>`.
fn file_path(from_env: Option<String>, home: Option<&Path>, default_name: &str) -> Option<PathBuf> {
    match from_env {
        Some(path) => match (path.strip_prefix("~/").or_else(|| path.strip_prefix("~\\")), home) {
            (Some(rest), Some(home)) => Some(home.join(rest)),
            _ => Some(PathBuf::from(path)),
        },
        None => home.map(|home| home.join(".aws").join(default_name)),
    }
}

/// Reads and parses a file; a missing file is normal (no note), an unreadable one is noted.
fn read(path: &Path, notes: &mut Vec<String>) -> Option<Ini> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(Ini::parse(&text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => {
            notes.push(format!("could not read {}: {error}", path.display()));
            None
        }
    }
}

/// One profile's settings from both files.
struct Profile<'a> {
    name: &'a str,
    /// Highest priority first: the credentials file's section, then the config file's.
    sections: Vec<&'a std::collections::BTreeMap<String, String>>,
}

impl<'a> Profile<'a> {
    fn merge(name: &'a str, config: Option<&'a Ini>, credentials: Option<&'a Ini>) -> Self {
        let mut sections = Vec::new();
        sections.extend(credentials.and_then(|ini| ini.section(name)));
        if let Some(config) = config {
            sections.extend(config.section(&format!("profile {name}")));
            // Only the default profile may be written without the `profile` prefix.
            if name == "default" {
                sections.extend(config.section("default"));
            }
        }
        Profile { name, sections }
    }

    fn get(&self, key: &str) -> Option<String> {
        self.sections
            .iter()
            .find_map(|section| section.get(key))
            .filter(|v| !v.is_empty())
            .cloned()
    }
}

/// Static credentials from the profile, noting why there are none when it has a partial
/// pair or uses a kind of credentials this loader does not read.
fn profile_credentials(profile: &Profile<'_>, notes: &mut Vec<String>) -> Option<Credentials> {
    let name = profile.name;
    match (profile.get("aws_access_key_id"), profile.get("aws_secret_access_key")) {
        (Some(id), Some(secret)) => {
            return Some(Credentials::new(
                id,
                secret,
                profile.get("aws_session_token"),
                None,
                "profile",
            ));
        }
        (Some(_), None) => notes.push(format!(
            "profile {name} has aws_access_key_id but no aws_secret_access_key"
        )),
        (None, Some(_)) => notes.push(format!(
            "profile {name} has aws_secret_access_key but no aws_access_key_id"
        )),
        (None, None) => {}
    }
    let unsupported = [
        "role_arn",
        "credential_process",
        "sso_session",
        "sso_start_url",
        "web_identity_token_file",
    ];
    if let Some(key) = unsupported.iter().find(|key| profile.get(key).is_some()) {
        notes.push(format!(
            "profile {name} uses {key}, which this loader does not support; \
             pass a provider from aws-config to ConfigBuilder::credentials_provider"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// A fresh directory under the system temp dir, unique to this test run.
    fn temp_dir() -> PathBuf {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "smithy-runtime-env-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn load_with(vars: &[(&str, &str)]) -> EnvSettings {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        load_for(&|name| vars.get(name).cloned(), None)
    }

    fn keys(settings: &EnvSettings) -> Option<(String, String, Option<String>)> {
        settings.credentials.as_ref().map(|c| {
            (
                c.access_key_id().to_owned(),
                c.secret_access_key().to_owned(),
                c.session_token().map(str::to_owned),
            )
        })
    }

    #[test]
    fn environment_variables_come_first() {
        let dir = temp_dir();
        std::fs::write(dir.join("config"), "[default]\nregion = eu-west-1\n").unwrap();
        let config = dir.join("config");
        let settings = load_with(&[
            ("AWS_REGION", "us-west-2"),
            ("AWS_DEFAULT_REGION", "us-east-1"),
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "SECRET"),
            ("AWS_SESSION_TOKEN", "TOKEN"),
            ("AWS_CONFIG_FILE", config.to_str().unwrap()),
        ]);
        assert_eq!(settings.region.as_deref(), Some("us-west-2"));
        assert_eq!(
            keys(&settings),
            Some(("AKID".into(), "SECRET".into(), Some("TOKEN".into())))
        );

        let settings = load_with(&[("AWS_REGION", " "), ("AWS_DEFAULT_REGION", "us-east-1")]);
        assert_eq!(settings.region.as_deref(), Some("us-east-1"));
        assert!(settings.credentials.is_none());
    }

    #[test]
    fn the_default_profile_from_home() {
        let home = temp_dir();
        std::fs::create_dir_all(home.join(".aws")).unwrap();
        std::fs::write(
            home.join(".aws/config"),
            "[default]\nREGION = ap-south-1\n[profile other]\nregion = x\n",
        )
        .unwrap();
        std::fs::write(
            home.join(".aws/credentials"),
            "[default]\naws_access_key_id = AKID\naws_secret_access_key = SECRET # comment\n",
        )
        .unwrap();
        let settings = load_with(&[("HOME", home.to_str().unwrap())]);
        assert_eq!(settings.region.as_deref(), Some("ap-south-1"));
        assert_eq!(keys(&settings), Some(("AKID".into(), "SECRET".into(), None)));
        assert!(settings.notes.is_empty(), "{:?}", settings.notes);
    }

    #[test]
    fn a_named_profile_from_overridden_files() {
        let dir = temp_dir();
        std::fs::write(
            dir.join("cfg"),
            "[default]\nregion = wrong\n[dev]\nregion = wrong-too\n\
             [profile dev]\nregion = eu-central-1\naws_access_key_id = FROMCONFIG\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("creds"),
            "[default]\naws_access_key_id = NO\naws_secret_access_key = NO\n\
             [dev]\naws_access_key_id = AKID\naws_secret_access_key = SECRET\naws_session_token = TOKEN\n",
        )
        .unwrap();
        let settings = load_with(&[
            ("AWS_PROFILE", "dev"),
            ("AWS_CONFIG_FILE", dir.join("cfg").to_str().unwrap()),
            ("AWS_SHARED_CREDENTIALS_FILE", dir.join("creds").to_str().unwrap()),
            ("AWS_DEFAULT_REGION", ""),
        ]);
        assert_eq!(settings.region.as_deref(), Some("eu-central-1"));
        // The credentials file wins over the config file.
        assert_eq!(
            keys(&settings),
            Some(("AKID".into(), "SECRET".into(), Some("TOKEN".into())))
        );
    }

    #[test]
    fn a_tilde_path_is_under_home() {
        let home = temp_dir();
        std::fs::write(home.join("my-config"), "[profile p]\nregion = sa-east-1\n").unwrap();
        let settings = load_with(&[
            ("HOME", home.to_str().unwrap()),
            ("AWS_CONFIG_FILE", "~/my-config"),
            ("AWS_PROFILE", "p"),
        ]);
        assert_eq!(settings.region.as_deref(), Some("sa-east-1"));
    }

    #[test]
    fn missing_things_are_explained() {
        let dir = temp_dir();
        std::fs::write(dir.join("creds"), "[default]\naws_access_key_id = AKID\n").unwrap();
        std::fs::write(dir.join("cfg"), "[profile sso]\nsso_session = corp\n").unwrap();
        let settings = load_with(&[
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SHARED_CREDENTIALS_FILE", dir.join("creds").to_str().unwrap()),
            ("AWS_CONFIG_FILE", dir.join("missing").to_str().unwrap()),
        ]);
        assert!(settings.region.is_none());
        assert!(settings.credentials.is_none());
        assert_eq!(
            settings.notes,
            [
                "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not",
                "profile default has aws_access_key_id but no aws_secret_access_key",
            ]
        );

        let settings = load_with(&[
            ("AWS_PROFILE", "sso"),
            ("AWS_CONFIG_FILE", dir.join("cfg").to_str().unwrap()),
        ]);
        assert!(settings.credentials.is_none());
        assert_eq!(settings.notes.len(), 1);
        assert!(settings.notes[0].contains("sso_session"), "{:?}", settings.notes);

        // A directory cannot be read as a file: noted, not fatal.
        let settings = load_with(&[("AWS_CONFIG_FILE", dir.to_str().unwrap()), ("AWS_REGION", "us-east-1")]);
        assert_eq!(settings.region.as_deref(), Some("us-east-1"));
        assert!(
            settings.notes.iter().any(|n| n.starts_with("could not read")),
            "{:?}",
            settings.notes
        );

        // No HOME, no files, no variables: nothing, quietly.
        let settings = load_with(&[]);
        assert!(settings.region.is_none() && settings.credentials.is_none() && settings.notes.is_empty());
    }
}
