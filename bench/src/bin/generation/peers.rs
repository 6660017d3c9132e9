//! The generation peers, as far as this machine can run them in the same run.

use ivs_bench::Options;
use ivs_bench::process::{ensure_python_peers, run_python};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The median wall time of `java -version`, or `None` when there is no `java`.
pub fn jvm_start(options: &Options) -> Option<Duration> {
    let runs = if options.smoke { 1 } else { 9 };
    let mut times = Vec::new();
    for _ in 0..runs {
        let started = Instant::now();
        let status = Command::new("java")
            .arg("-version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        match status {
            Ok(s) if s.success() => times.push(started.elapsed()),
            _ => return None,
        }
    }
    times.sort();
    Some(times[times.len() / 2])
}

/// The median time botocore takes to load the IVS service model and resolve every operation's shapes.
pub fn botocore_load(root: &Path, options: &Options) -> Result<Duration, String> {
    ensure_python_peers(root)?;
    let runs = if options.smoke { 1 } else { 21 };
    let out = run_python(root, "botocore_load.py", &[runs.to_string()])?;
    let value: serde_json::Value =
        serde_json::from_str(&out).map_err(|e| format!("botocore_load.py printed `{out}`: {e}"))?;
    let ns = value["median_ns"]
        .as_f64()
        .ok_or(format!("botocore_load.py printed `{out}`"))?;
    Ok(Duration::from_nanos(ns as u64))
}

/// Why smithy-rs has no figure, checked in this run: what it needs and whether this machine has it.
pub fn smithy_rs_note() -> String {
    let gradle = Command::new("gradle")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let maven = reachable("repo.maven.apache.org:443");
    format!(
        "smithy-rs, the generator of `aws-sdk-ivs`, is a Gradle build on the JVM that fetches the Smithy \
         libraries and its plugins from Maven Central. In this run: Gradle {}, Maven Central {}. {}",
        if gradle { "found" } else { "not found" },
        if maven { "reachable" } else { "unreachable" },
        if gradle && maven {
            "It could be run here, but this benchmark does not drive a Gradle build yet."
        } else {
            "So it cannot run on this machine and no generation time of it is claimed; the table gives what \
             can be measured beside ours in the same run: the JVM's own start, a floor under any smithy-rs \
             run, and botocore, which loads its IVS model at run time instead of generating code."
        }
    )
}

fn reachable(host_port: &str) -> bool {
    let Ok(mut addrs) = host_port.to_socket_addrs() else {
        return false;
    };
    addrs.any(|addr| TcpStream::connect_timeout(&addr, Duration::from_secs(3)).is_ok())
}
