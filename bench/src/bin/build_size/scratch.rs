//! Scratch programs that use one client each, built in the bench's target folder.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What `cargo metadata` says of a manifest's packages.
pub struct Metadata(Value);

impl Metadata {
    pub fn of(manifest: &Path) -> Result<Metadata, String> {
        let output = Command::new("cargo")
            .args(["metadata", "--format-version", "1", "--manifest-path"])
            .arg(manifest)
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
        if !output.status.success() {
            return Err(format!("cargo metadata failed for {}", manifest.display()));
        }
        serde_json::from_slice(&output.stdout)
            .map(Metadata)
            .map_err(|e| format!("cargo metadata printed no JSON: {e}"))
    }

    fn package(&self, name: &str) -> Result<&Value, String> {
        self.0["packages"]
            .as_array()
            .and_then(|packages| packages.iter().find(|p| p["name"] == name))
            .ok_or(format!("cargo metadata lists no package `{name}`"))
    }

    /// The folder of a package's sources.
    pub fn package_dir(&self, name: &str) -> Result<PathBuf, String> {
        let manifest = self.package(name)?["manifest_path"]
            .as_str()
            .ok_or(format!("`{name}` has no manifest path"))?;
        Path::new(manifest)
            .parent()
            .map(Path::to_path_buf)
            .ok_or(format!("`{name}`'s manifest has no folder"))
    }

    /// A package's version.
    pub fn version(&self, name: &str) -> Result<String, String> {
        self.package(name)?["version"]
            .as_str()
            .map(str::to_string)
            .ok_or(format!("`{name}` has no version"))
    }
}

/// A scratch program: a library with one function that sets up one client and calls
/// GetChannel through it.
pub struct Consumer {
    dir: PathBuf,
}

impl Consumer {
    /// The program on our generated client with its default features: the SDK-style setup,
    /// `aws_config::load_defaults` (re-exported by the client) and `Client::new(&config)`.
    pub fn ours(root: &Path) -> Result<Consumer, String> {
        let client = root.join("generated/ivs-client");
        let dependency = format!("ivs-client = {{ path = {:?} }}", client.display().to_string());
        let body = "use ivs_client::aws_config::{self, BehaviorVersion};\n\n\
                    pub async fn channel_name(arn: &str) -> Option<String> {\n    \
                    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;\n    \
                    let client = ivs_client::Client::new(&config);\n    \
                    client.get_channel().arn(arn).send().await.ok()?.channel?.name\n}\n";
        Consumer::write(root, "ours", &dependency, body)
    }

    /// The program on our generated client without default features (no aws-config: keys
    /// from the environment and static profiles only).
    pub fn ours_lean(root: &Path) -> Result<Consumer, String> {
        let client = root.join("generated/ivs-client");
        let dependency = format!(
            "ivs-client = {{ path = {:?}, default-features = false }}",
            client.display().to_string()
        );
        let body = "pub async fn channel_name(arn: &str) -> Option<String> {\n    \
                    let client = ivs_client::Client::from_env().ok()?;\n    \
                    client.get_channel().arn(arn).send().await.ok()?.channel?.name\n}\n";
        Consumer::write(root, "ours-lean", &dependency, body)
    }

    /// The program on `aws-sdk-ivs` at `version` with `aws-config`, as the SDK's README sets
    /// it up.
    pub fn sdk(root: &Path, version: &str) -> Result<Consumer, String> {
        let dependency = format!(
            "aws-sdk-ivs = {{ version = \"={version}\", features = [\"behavior-version-latest\"] }}\n\
             aws-config = {{ version = \"1\", features = [\"behavior-version-latest\"] }}"
        );
        let body = "use aws_config::BehaviorVersion;\n\n\
                    pub async fn channel_name(arn: &str) -> Option<String> {\n    \
                    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;\n    \
                    let client = aws_sdk_ivs::Client::new(&config);\n    \
                    client.get_channel().arn(arn).send().await.ok()?.channel?.name\n}\n";
        Consumer::write(root, "sdk", &dependency, body)
    }

    fn write(root: &Path, name: &str, dependency: &str, body: &str) -> Result<Consumer, String> {
        let dir = root.join("target/bench/build-size").join(name);
        let write = |path: PathBuf, text: &str| {
            std::fs::create_dir_all(path.parent().unwrap_or(&dir))
                .and_then(|_| std::fs::write(&path, text))
                .map_err(|e| format!("cannot write {}: {e}", path.display()))
        };
        let manifest = format!(
            "[package]\nname = \"consumer-{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\n{dependency}\n\n[workspace]\n"
        );
        write(dir.join("Cargo.toml"), &manifest)?;
        write(dir.join("src/lib.rs"), body)?;
        // The bench's lock file pins the same versions the other sections measured; cargo drops what is unused.
        std::fs::copy(root.join("bench/Cargo.lock"), dir.join("Cargo.lock"))
            .map_err(|e| format!("cannot copy bench/Cargo.lock: {e}"))?;
        Ok(Consumer { dir })
    }

    fn cargo(&self, args: &[&str]) -> Command {
        let mut command = Command::new("cargo");
        command
            .args(args)
            .arg("--manifest-path")
            .arg(self.dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", self.dir.join("target"));
        command
    }

    /// How many distinct crates the program's build depends on, itself included.
    pub fn dependency_count(&self) -> Result<usize, String> {
        let output = self
            .cargo(&["tree", "-e", "normal", "--prefix", "none"])
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run cargo tree: {e}"))?;
        if !output.status.success() {
            return Err(format!("cargo tree failed in {}", self.dir.display()));
        }
        let text = String::from_utf8_lossy(&output.stdout);
        let mut crates: Vec<&str> = text
            .lines()
            .map(|l| l.trim_end_matches(" (*)"))
            .filter(|l| !l.is_empty())
            .collect();
        crates.sort();
        crates.dedup();
        Ok(crates.len())
    }

    /// The wall time of `cargo build` into an emptied target folder.
    pub fn clean_build(&self) -> Result<Duration, String> {
        let target = self.dir.join("target");
        if target.exists() {
            std::fs::remove_dir_all(&target).map_err(|e| format!("cannot empty {}: {e}", target.display()))?;
        }
        let started = Instant::now();
        let status = self
            .cargo(&["build", "--quiet"])
            .status()
            .map_err(|e| format!("cannot run cargo build: {e}"))?;
        let elapsed = started.elapsed();
        if !status.success() {
            return Err(format!("cargo build failed in {}", self.dir.display()));
        }
        Ok(elapsed)
    }
}
