//! Which HTTP proxy the default HTTP client goes through: [`ProxyConfig`], read from the
//! environment by default (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`) or set in code,
//! checked when the [`Config`](super::Config) is built and matched per request by
//! `hyper-util`'s proxy matcher (curl's `NO_PROXY` rules).

use std::fmt;
use std::sync::Arc;

use http::{HeaderValue, Uri};
use hyper_util::client::proxy::matcher::Matcher;

use super::config::ConfigError;

/// The proxies of the default HTTP client: a proxy for `http` endpoints, one for `https`
/// endpoints, and the hosts that bypass them.
///
/// The default, [`ProxyConfig::from_env`], reads the variables curl reads, when the
/// configuration is built: `HTTPS_PROXY` (or `https_proxy`) for `https` endpoints,
/// `HTTP_PROXY` (or `http_proxy`) for `http` endpoints, `ALL_PROXY` (or `all_proxy`) for
/// either when its own is unset, and `NO_PROXY` (or `no_proxy`), a comma-separated list of
/// host names (each also matching its subdomains), IP addresses, CIDR ranges, or `*` for
/// everything. Loopback addresses are not special: like curl and boto3, the client sends
/// requests for `127.0.0.1` through a configured proxy unless `NO_PROXY` lists it. When
/// `REQUEST_METHOD` is set (the process is a CGI script, whose `HTTP_PROXY` a request's
/// `Proxy:` header can set) the variables are ignored, as `hyper-util` ignores them.
///
/// A proxy is an `http://` URL (no scheme means `http://`), optionally with a user and
/// password (`http://user:pass@proxy:3128`, percent-encoded), sent as basic
/// `Proxy-Authorization`. Requests to `https` endpoints go through a `CONNECT` tunnel (TLS
/// stays end to end); requests to `http` endpoints are sent to the proxy in absolute form.
/// Other proxy schemes (`https://`, `socks5://`) make [`ConfigBuilder::build`](super::ConfigBuilder::build)
/// fail, naming the setting, rather than being ignored.
///
/// Only the default HTTP client uses this; one set with
/// [`ConfigBuilder::http_client`](super::ConfigBuilder::http_client) does its own routing.
///
/// ```
/// use smithy_runtime::client::{Config, ProxyConfig};
///
/// // Through a corporate proxy, except for hosts of the internal domain.
/// let builder = Config::builder().proxy(ProxyConfig::new().all("http://proxy.corp:3128").no_proxy(".corp.internal"));
/// // Never through a proxy, whatever the environment says.
/// let builder = Config::builder().proxy(ProxyConfig::disabled());
/// # let _ = builder;
/// ```
#[derive(Clone, Default)]
pub struct ProxyConfig {
    /// The settings from code or from an environment already read; `None` to read the
    /// process environment when the configuration is built.
    given: Option<Settings>,
}

/// Proxies as given, each with where it came from (for error messages).
#[derive(Clone, Default)]
struct Settings {
    http: Option<Setting>,
    https: Option<Setting>,
    no_proxy: String,
}

#[derive(Clone)]
struct Setting {
    /// Where the value came from: a variable's name or the setter's.
    origin: String,
    url: String,
}

impl ProxyConfig {
    /// No proxy, until one is set with [`ProxyConfig::http`], [`ProxyConfig::https`] or
    /// [`ProxyConfig::all`]; the environment is not read.
    pub fn new() -> Self {
        ProxyConfig {
            given: Some(Settings::default()),
        }
    }

    /// No proxy at all, whatever the environment says (the same as [`ProxyConfig::new`],
    /// named for reading).
    pub fn disabled() -> Self {
        Self::new()
    }

    /// The proxies the process environment names, read when the configuration is built (the
    /// default; see [`ProxyConfig`] for the variables).
    pub fn from_env() -> Self {
        ProxyConfig { given: None }
    }

    /// The proxies named by the variables `lookup` returns, read now: the same rules as
    /// [`ProxyConfig::from_env`], for an environment other than the process's (a test's).
    pub fn from_env_with(lookup: impl Fn(&str) -> Option<String>) -> Self {
        ProxyConfig {
            given: Some(Settings::from_lookup(&lookup)),
        }
    }

    /// The proxy for `http` endpoints.
    pub fn http(self, url: impl Into<String>) -> Self {
        self.set(
            |settings, url| settings.http = Some(url),
            "ProxyConfig::http",
            url.into(),
        )
    }

    /// The proxy for `https` endpoints.
    pub fn https(self, url: impl Into<String>) -> Self {
        self.set(
            |settings, url| settings.https = Some(url),
            "ProxyConfig::https",
            url.into(),
        )
    }

    /// The proxy for both `http` and `https` endpoints.
    pub fn all(self, url: impl Into<String>) -> Self {
        let url = url.into();
        self.set(
            |settings, url| {
                settings.http = Some(url.clone());
                settings.https = Some(url);
            },
            "ProxyConfig::all",
            url,
        )
    }

    /// The hosts that bypass the proxies, in `NO_PROXY`'s syntax: `localhost,.internal,10.0.0.0/8`.
    pub fn no_proxy(mut self, list: impl Into<String>) -> Self {
        self.given().no_proxy = list.into();
        self
    }

    fn set(mut self, apply: impl FnOnce(&mut Settings, Setting), origin: &str, url: String) -> Self {
        apply(
            self.given(),
            Setting {
                origin: origin.to_owned(),
                url,
            },
        );
        self
    }

    /// The settings to change: a configuration still to be read from the environment starts
    /// from nothing once a proxy is set in code.
    fn given(&mut self) -> &mut Settings {
        self.given.get_or_insert_with(Settings::default)
    }

    /// The settings read from the process environment if that is where they come from,
    /// checked: what the transport matches requests against.
    pub(crate) fn resolve(&self) -> Result<Proxies, ConfigError> {
        match &self.given {
            None => Settings::from_lookup(&|name| std::env::var(name).ok()).resolve(),
            Some(settings) => settings.resolve(),
        }
    }
}

impl fmt::Debug for ProxyConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.given {
            None => f.write_str("ProxyConfig::from_env()"),
            Some(settings) => f
                .debug_struct("ProxyConfig")
                .field("http", &settings.http.as_ref().map(|s| redact(&s.url)))
                .field("https", &settings.https.as_ref().map(|s| redact(&s.url)))
                .field("no_proxy", &settings.no_proxy)
                .finish(),
        }
    }
}

impl Settings {
    /// curl's variables, upper case before lower case as `hyper-util` reads them; an empty
    /// value counts as unset.
    fn from_lookup(lookup: &dyn Fn(&str) -> Option<String>) -> Settings {
        if lookup("REQUEST_METHOD").is_some() {
            return Settings::default();
        }
        let first = |names: &[&str]| {
            names.iter().find_map(|name| {
                lookup(name)
                    .map(|value| value.trim().to_owned())
                    .filter(|value| !value.is_empty())
                    .map(|url| Setting {
                        origin: (*name).to_owned(),
                        url,
                    })
            })
        };
        Settings {
            http: first(&["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]),
            https: first(&["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"]),
            no_proxy: first(&["NO_PROXY", "no_proxy"]).map(|s| s.url).unwrap_or_default(),
        }
    }

    fn resolve(&self) -> Result<Proxies, ConfigError> {
        let mut matcher = Matcher::builder().no(self.no_proxy.as_str());
        if let Some(setting) = &self.http {
            matcher = matcher.http(check(setting)?);
        }
        if let Some(setting) = &self.https {
            matcher = matcher.https(check(setting)?);
        }
        // `*` alone means every host, as in curl; `hyper-util`'s matcher applies it to names
        // but not to IP addresses, so it is handled here.
        let everything_bypassed = self.no_proxy.split(',').any(|entry| entry.trim() == "*");
        let any = (self.http.is_some() || self.https.is_some()) && !everything_bypassed;
        Ok(Proxies {
            matcher: any.then(|| Arc::new(matcher.build())),
        })
    }
}

/// The proxy URL if `hyper-util`'s matcher will use it as given: an `http` URL with a host.
/// The matcher itself drops what it cannot use without a word; a proxy the user asked for
/// and the client silently bypasses would be worse than an error.
fn check(setting: &Setting) -> Result<String, ConfigError> {
    let refuse = |reason: &str| ConfigError::InvalidProxy {
        origin: setting.origin.clone(),
        url: redact(&setting.url),
        reason: reason.to_owned(),
    };
    let uri: Uri = setting
        .url
        .parse()
        .map_err(|e: http::uri::InvalidUri| refuse(&e.to_string()))?;
    match uri.scheme_str() {
        None | Some("http") => {}
        Some("https") => {
            return Err(refuse(
                "TLS to the proxy (https://) is not supported; use an http:// proxy",
            ));
        }
        Some(other) => {
            return Err(refuse(&format!(
                "the {other} scheme is not supported; use an http:// proxy"
            )));
        }
    }
    if uri.host().is_none_or(str::is_empty) {
        return Err(refuse("it names no host"));
    }
    // `Uri` keeps a port it cannot read as a number (`proxy:99999`, `proxy:`) without a word;
    // the connection would then quietly go to port 80.
    let authority = uri.authority().map_or("", |authority| authority.as_str());
    let host_and_port = authority.rsplit_once('@').map_or(authority, |(_user_info, rest)| rest);
    if let Some((_, port)) = host_and_port.rsplit_once(':')
        && !port.contains(']') // `[::1]`: the colon is the address's
        && port.parse::<u16>().is_err()
    {
        return Err(refuse(&format!("port {port:?} is not a number from 0 to 65535")));
    }
    Ok(setting.url.clone())
}

/// `url` with the password of its user info (if any) replaced by `***`, for messages.
fn redact(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |at| at + 3);
    let authority_end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |at| after_scheme + at);
    match url[after_scheme..authority_end].rfind('@') {
        Some(at) => match url[after_scheme..after_scheme + at].split_once(':') {
            Some((user, _password)) => format!("{}{user}:***{}", &url[..after_scheme], &url[after_scheme + at..]),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// The checked proxies, shared by the connector (which proxy to connect through) and the
/// transport (the `Proxy-Authorization` of requests sent to a proxy in absolute form).
#[derive(Clone, Default)]
pub(crate) struct Proxies {
    /// `None` when no proxy is configured: every request goes direct without matching.
    matcher: Option<Arc<Matcher>>,
}

/// Where one request goes.
pub(crate) struct Route {
    /// The proxy's URI (`http://host:port/`).
    pub(crate) proxy: Uri,
    /// Basic `Proxy-Authorization` from the proxy URL's user info.
    pub(crate) auth: Option<HeaderValue>,
}

impl Proxies {
    /// The proxy for a request to `destination`, or `None` to connect directly.
    pub(crate) fn route(&self, destination: &Uri) -> Option<Route> {
        let intercept = self.matcher.as_ref()?.intercept(destination)?;
        Some(Route {
            proxy: intercept.uri().clone(),
            auth: intercept.basic_auth().cloned(),
        })
    }
}

impl fmt::Debug for Proxies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The matcher's Debug leaves credentials out.
        f.debug_struct("Proxies").field("matcher", &self.matcher).finish()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn from_vars(vars: &[(&str, &str)]) -> ProxyConfig {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        ProxyConfig::from_env_with(move |name| vars.get(name).cloned())
    }

    fn proxy_for(config: &ProxyConfig, url: &str) -> Option<String> {
        let proxies = config.resolve().expect("valid proxies");
        proxies
            .route(&url.parse().unwrap())
            .map(|route| route.proxy.to_string())
    }

    #[test]
    fn each_scheme_uses_its_own_variable_then_all_proxy() {
        let config = from_vars(&[("HTTPS_PROXY", "http://tls-proxy:3128"), ("all_proxy", "fallback:8080")]);
        assert_eq!(
            proxy_for(&config, "https://ivs.us-west-2.amazonaws.com/").as_deref(),
            Some("http://tls-proxy:3128/")
        );
        assert_eq!(
            proxy_for(&config, "http://127.0.0.1:4566/").as_deref(),
            Some("http://fallback:8080/")
        );
        let config = from_vars(&[("http_proxy", "http://plain:80")]);
        assert_eq!(proxy_for(&config, "http://a/").as_deref(), Some("http://plain:80/"));
        assert_eq!(proxy_for(&config, "https://a/"), None);
    }

    #[test]
    fn upper_case_wins_and_empty_counts_as_unset() {
        let config = from_vars(&[("HTTPS_PROXY", "http://upper:1"), ("https_proxy", "http://lower:2")]);
        assert_eq!(proxy_for(&config, "https://a/").as_deref(), Some("http://upper:1/"));
        let config = from_vars(&[("HTTPS_PROXY", " "), ("https_proxy", "http://lower:2")]);
        assert_eq!(proxy_for(&config, "https://a/").as_deref(), Some("http://lower:2/"));
    }

    #[test]
    fn no_proxy_follows_curl() {
        let config = from_vars(&[
            ("ALL_PROXY", "http://proxy:3128"),
            ("NO_PROXY", "internal.example, 10.0.0.0/8,::1"),
        ]);
        for bypassed in [
            "https://internal.example/",
            "https://api.internal.example/",
            "http://10.1.2.3:8080/",
            "http://[::1]:80/",
        ] {
            assert_eq!(proxy_for(&config, bypassed), None, "{bypassed}");
        }
        for proxied in [
            "https://notinternal.example/",
            "http://127.0.0.1:4566/",
            "https://ivs.us-west-2.amazonaws.com/",
        ] {
            assert!(proxy_for(&config, proxied).is_some(), "{proxied}");
        }
        let everything = from_vars(&[("ALL_PROXY", "http://proxy:3128"), ("no_proxy", "*")]);
        assert_eq!(proxy_for(&everything, "https://a.b/"), None);
        assert_eq!(proxy_for(&everything, "http://127.0.0.1:4566/"), None);
        assert_eq!(proxy_for(&everything, "http://[::1]:4566/"), None);
    }

    #[test]
    fn a_cgi_process_ignores_the_variables() {
        let config = from_vars(&[("HTTP_PROXY", "http://injected:80"), ("REQUEST_METHOD", "GET")]);
        assert_eq!(proxy_for(&config, "http://a/"), None);
    }

    #[test]
    fn user_info_becomes_basic_proxy_authorization() {
        let config = ProxyConfig::new().https("http://Aladdin:open%20sesame@proxy:3128");
        let route = config.resolve().unwrap().route(&"https://a/".parse().unwrap()).unwrap();
        assert_eq!(route.proxy, "http://proxy:3128/");
        // base64("Aladdin:open sesame")
        assert_eq!(route.auth.unwrap(), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    #[test]
    fn settings_in_code_replace_the_environment() {
        assert_eq!(proxy_for(&ProxyConfig::disabled(), "https://a/"), None);
        let config = ProxyConfig::from_env().http("http://mine:1");
        assert_eq!(proxy_for(&config, "http://a/").as_deref(), Some("http://mine:1/"));
        assert_eq!(proxy_for(&config, "https://a/"), None);
    }

    #[test]
    fn unusable_proxies_are_refused_by_name_without_the_password() {
        for (vars, origin, reason) in [
            (
                [("HTTPS_PROXY", "https://user:secret@proxy:443")],
                "HTTPS_PROXY",
                "https://",
            ),
            ([("ALL_PROXY", "socks5://proxy:1080")], "ALL_PROXY", "socks5"),
            ([("http_proxy", "http://")], "http_proxy", ""),
        ] {
            let error = from_vars(&vars).resolve().unwrap_err();
            let message = error.to_string();
            assert!(message.contains(origin), "{message}");
            assert!(message.contains(reason), "{message}");
            assert!(!message.contains("secret"), "{message}");
        }
        let error = ProxyConfig::new().all("http://proxy:99999").resolve().unwrap_err();
        assert!(error.to_string().contains("ProxyConfig::all"), "{error}");
        assert!(error.to_string().contains("99999"), "{error}");
        for fine in ["http://u:p@proxy", "http://[::1]", "http://[::1]:3128", "proxy:3128"] {
            assert!(ProxyConfig::new().all(fine).resolve().is_ok(), "{fine}");
        }
    }

    #[test]
    fn an_unused_all_proxy_is_not_checked() {
        let config = from_vars(&[
            ("HTTP_PROXY", "http://a:1"),
            ("HTTPS_PROXY", "http://b:2"),
            ("ALL_PROXY", "socks5://c:3"),
        ]);
        assert!(config.resolve().is_ok());
    }

    #[test]
    fn passwords_never_show() {
        assert_eq!(redact("http://u:p@h:1/x"), "http://u:***@h:1/x");
        assert_eq!(redact("u:p@h:1"), "u:***@h:1");
        assert_eq!(redact("http://h:1/a@b"), "http://h:1/a@b");
        let debug = format!("{:?}", ProxyConfig::new().all("http://u:hunter2@h:1"));
        assert!(!debug.contains("hunter2"), "{debug}");
    }
}
