//! Child processes: servers started for a measurement and stopped when it ends, and Python.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A child process that is killed when this guard is dropped.
pub struct ChildGuard(pub Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts this same binary with `args` (a server mode) and waits for the line it prints,
/// `listening on http://ADDR`; returns the guard and `ADDR`.
pub fn spawn_self(args: &[&str]) -> Result<(ChildGuard, String), String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this binary: {e}"))?;
    let child = Command::new(exe)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start server {args:?}: {e}"))?;
    let mut guard = ChildGuard(child);
    let stdout = guard.0.stdout.take().ok_or("server has no stdout")?;
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .map_err(|e| format!("server {args:?} printed nothing: {e}"))?;
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .ok_or(format!("server {args:?} printed `{}`", line.trim()))?
        .to_string();
    Ok((guard, addr))
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(0)
}

/// Waits until something accepts connections on 127.0.0.1:`port`.
pub fn wait_for_port(port: u16, timeout: Duration) -> Result<(), String> {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("nothing listens on 127.0.0.1:{port} after {timeout:?}"))
}

/// The Python interpreter: `$PYTHON`, else `python3`.
pub fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Makes sure boto3, botocore and moto import; pip-installs `tests/python/requirements.txt` if not.
pub fn ensure_python_peers(root: &Path) -> Result<(), String> {
    let imports = Command::new(python())
        .args(["-c", "import boto3, botocore, moto"])
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run {}: {e}", python()))?;
    if imports.success() {
        return Ok(());
    }
    let requirements = root.join("tests/python/requirements.txt");
    let status = Command::new(python())
        .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r"])
        .arg(&requirements)
        .status()
        .map_err(|e| format!("cannot run pip: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("pip could not install {}", requirements.display()))
    }
}

/// Runs a Python script of `bench/python` with `args` and returns its stdout (JSON by convention).
pub fn run_python(root: &Path, script: &str, args: &[String]) -> Result<String, String> {
    let path = root.join("bench/python").join(script);
    let output = Command::new(python())
        .arg(&path)
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {script}: {e}"))?;
    if !output.status.success() {
        return Err(format!("{script} failed ({})", output.status));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("{script} printed non-UTF-8: {e}"))
}
