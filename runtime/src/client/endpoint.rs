//! Where requests go: the endpoint URL, and joining it with an operation's origin-form URI.

use http::uri::{Authority, PathAndQuery, Scheme, Uri};

/// Which variant of the service's default endpoint to use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Variant {
    /// FIPS 140 validated endpoints (`AWS_USE_FIPS_ENDPOINT`, `use_fips_endpoint`).
    pub(crate) fips: bool,
    /// Endpoints reachable over IPv6 and IPv4 (`AWS_USE_DUALSTACK_ENDPOINT`, `use_dualstack_endpoint`).
    pub(crate) dual_stack: bool,
}

/// A parsed endpoint: scheme, host and port, and a path prefix without a trailing `/`
/// (empty for none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Endpoint {
    scheme: Scheme,
    authority: Authority,
    base_path: String,
}

impl Endpoint {
    /// The service's default endpoint, `https://{prefix}.{region}.amazonaws.com` (or
    /// `.amazonaws.com.cn` in the China regions, the other AWS partition with its own DNS
    /// suffix that takes ordinary region names), with the FIPS and dual-stack variants the AWS SDKs' standard
    /// endpoint rules give (the rules of the sibling IVS models, `ivschat` and
    /// `ivs-realtime`, and the endpoint tests of `aws-sdk-ivs`): FIPS puts `-fips` after the
    /// prefix, dual-stack (IPv4 and IPv6) uses the partition's dual-stack DNS suffix,
    /// `api.aws` (`api.amazonwebservices.com.cn` in China).
    pub(crate) fn variant_url(prefix: &str, region: &str, variant: Variant) -> String {
        let china = region.starts_with("cn-");
        let suffix = match (variant.dual_stack, china) {
            (false, false) => "amazonaws.com",
            (false, true) => "amazonaws.com.cn",
            (true, false) => "api.aws",
            (true, true) => "api.amazonwebservices.com.cn",
        };
        let fips = if variant.fips { "-fips" } else { "" };
        format!("https://{prefix}{fips}.{region}.{suffix}")
    }

    /// This endpoint with `prefix` prepended to its host (`@endpoint`'s `hostPrefix`).
    pub(crate) fn with_host_prefix(&self, prefix: &str) -> Result<Self, String> {
        let authority: Authority = format!("{prefix}{}", self.authority)
            .parse()
            .map_err(|e| format!("the host prefix {prefix:?} does not make a valid host: {e}"))?;
        Ok(Endpoint {
            authority,
            ..self.clone()
        })
    }

    /// Parses an endpoint URL: `http` or `https`, a host, an optional port and path; no
    /// query, fragment or user name (which would end up in the `host` header).
    pub(crate) fn parse(url: &str) -> Result<Self, String> {
        let uri: Uri = url.parse().map_err(|e| format!("not a URL: {e}"))?;
        let parts = uri.into_parts();
        let scheme = parts.scheme.ok_or("the URL has no scheme (http:// or https://)")?;
        if scheme != Scheme::HTTP && scheme != Scheme::HTTPS {
            return Err(format!("the scheme is {scheme}, not http or https"));
        }
        let authority = parts.authority.ok_or("the URL has no host")?;
        if authority.as_str().contains('@') {
            return Err("the URL must not hold a user name or password".to_owned());
        }
        if authority.host().is_empty() {
            return Err("the URL has no host".to_owned());
        }
        let path_and_query = parts.path_and_query.unwrap_or_else(|| PathAndQuery::from_static("/"));
        if path_and_query.query().is_some() {
            return Err("the URL must not have a query".to_owned());
        }
        let base_path = path_and_query.path().trim_end_matches('/').to_owned();
        Ok(Endpoint {
            scheme,
            authority,
            base_path,
        })
    }

    /// The `host` header's value: host and port as given.
    pub(crate) fn authority(&self) -> &Authority {
        &self.authority
    }

    /// The absolute URI for an origin-form request target (`/path?query`): the endpoint's
    /// path prefix, then the target's path.
    pub(crate) fn join(&self, target: &Uri) -> Result<Uri, String> {
        let target = target.path_and_query().map_or("/", PathAndQuery::as_str);
        let separator = if target.starts_with('/') { "" } else { "/" };
        let path_and_query: PathAndQuery = format!("{}{separator}{target}", self.base_path)
            .parse()
            .map_err(|e| format!("cannot join {target} to the endpoint: {e}"))?;
        Uri::builder()
            .scheme(self.scheme.clone())
            .authority(self.authority.clone())
            .path_and_query(path_and_query)
            .build()
            .map_err(|e| format!("cannot join {target} to the endpoint: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_prefix_goes_in_front_of_the_host() {
        let endpoint = Endpoint::parse("https://ivs.us-west-2.amazonaws.com:8443/base").unwrap();
        let prefixed = endpoint.with_host_prefix("data.").unwrap();
        assert_eq!(prefixed.authority().as_str(), "data.ivs.us-west-2.amazonaws.com:8443");
        assert_eq!(
            prefixed.join(&"/x?y=1".parse().unwrap()).unwrap(),
            "https://data.ivs.us-west-2.amazonaws.com:8443/base/x?y=1"
        );
        assert!(endpoint.with_host_prefix("bad prefix ").is_err());
    }

    fn join(endpoint: &str, target: &str) -> String {
        Endpoint::parse(endpoint)
            .unwrap()
            .join(&target.parse().unwrap())
            .unwrap()
            .to_string()
    }

    #[test]
    fn joins_paths_and_queries() {
        assert_eq!(
            join("https://ivs.us-west-2.amazonaws.com", "/GetChannel"),
            "https://ivs.us-west-2.amazonaws.com/GetChannel"
        );
        assert_eq!(
            join("https://ivs.us-west-2.amazonaws.com/", "/tags/a%3Ab?x=1"),
            "https://ivs.us-west-2.amazonaws.com/tags/a%3Ab?x=1"
        );
        assert_eq!(
            join("http://127.0.0.1:8080/prefix", "/GetChannel"),
            "http://127.0.0.1:8080/prefix/GetChannel"
        );
        assert_eq!(
            join("http://127.0.0.1:8080/prefix/", "/GetChannel?a=b"),
            "http://127.0.0.1:8080/prefix/GetChannel?a=b"
        );
        assert_eq!(join("http://localhost", "/"), "http://localhost/");
        assert_eq!(join("http://localhost/p/", "/"), "http://localhost/p/");
    }

    #[test]
    fn defaults_and_host() {
        assert_eq!(
            Endpoint::variant_url("ivs", "us-west-2", Variant::default()),
            "https://ivs.us-west-2.amazonaws.com"
        );
        assert_eq!(
            Endpoint::variant_url("ivs", "cn-north-1", Variant::default()),
            "https://ivs.cn-north-1.amazonaws.com.cn"
        );
        let endpoint = Endpoint::parse("http://127.0.0.1:1234").unwrap();
        assert_eq!(endpoint.authority().as_str(), "127.0.0.1:1234");
    }

    #[test]
    fn fips_and_dual_stack_variants() {
        let url = |region, fips, dual_stack| Endpoint::variant_url("ivs", region, Variant { fips, dual_stack });
        assert_eq!(url("us-east-1", false, false), "https://ivs.us-east-1.amazonaws.com");
        assert_eq!(
            url("us-east-1", true, false),
            "https://ivs-fips.us-east-1.amazonaws.com"
        );
        assert_eq!(url("us-east-1", false, true), "https://ivs.us-east-1.api.aws");
        assert_eq!(url("us-east-1", true, true), "https://ivs-fips.us-east-1.api.aws");
        assert_eq!(
            url("cn-north-1", true, true),
            "https://ivs-fips.cn-north-1.api.amazonwebservices.com.cn"
        );
        assert_eq!(
            url("cn-north-1", false, true),
            "https://ivs.cn-north-1.api.amazonwebservices.com.cn"
        );
    }

    #[test]
    fn rejects_what_cannot_be_an_endpoint() {
        for url in [
            "",
            "127.0.0.1:80",
            "/path",
            "ftp://host",
            "http://user:pw@host",
            "https://host/?q=1",
            "http:// x",
        ] {
            assert!(Endpoint::parse(url).is_err(), "{url}");
        }
    }
}
