//! The Python peer: moto's server in a child process.

use std::process::{Command, Stdio};
use std::time::Duration;

use ivs_bench::process::{ChildGuard, free_port, python, wait_for_port};

/// How long moto may take to start (importing it is slow).
const STARTUP: Duration = Duration::from_secs(60);

/// Starts `python -m moto.server` on a free port; returns it and its `host:port`.
pub fn start() -> Result<(ChildGuard, String), String> {
    let port = free_port();
    if port == 0 {
        return Err("no free port for moto".to_string());
    }
    let child = Command::new(python())
        .args(["-m", "moto.server", "-p", &port.to_string()])
        .stdin(Stdio::null())
        // It logs every request; those lines would bury the progress on stderr.
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start moto's server with {}: {e}", python()))?;
    let guard = ChildGuard(child);
    wait_for_port(port, STARTUP).map_err(|e| format!("moto's server did not start: {e}"))?;
    Ok((guard, format!("127.0.0.1:{port}")))
}
