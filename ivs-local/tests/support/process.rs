//! Running the `ivs-local` binary in tests: start it, read its endpoint, signal it.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// A running `ivs-local`, killed when dropped.
pub struct Emulator {
    /// The process.
    pub child: Child,
    /// Its endpoint, `http://127.0.0.1:PORT`.
    pub url: String,
}

impl Emulator {
    /// Starts the binary with `args` and `env` and waits for its endpoint line.
    pub fn start(args: &[&str], env: &[(&str, &str)]) -> Emulator {
        Emulator::start_command(command(args, env))
    }

    /// Starts `command` (the binary, or a shell that runs it) and waits for the endpoint line.
    pub fn start_command(mut command: Command) -> Emulator {
        let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let Some(url) = line.trim().strip_prefix("ivs-local listening on ") else {
            let mut stderr = String::new();
            child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
            panic!("ivs-local did not start: {line:?} {stderr}");
        };
        Emulator {
            url: url.to_string(),
            child,
        }
    }

    /// A client signing with the test key.
    pub fn client(&self) -> ivs_client::Client {
        ivs_client::Client::new(super::config(&self.url, super::SECRET_KEY).build().unwrap())
    }

    /// Sends SIGINT (what Ctrl-C sends) and waits for the process to end.
    pub fn interrupt(self) -> (ExitStatus, String, String) {
        self.signal("-INT")
    }

    /// Sends `signal` (a `kill` option) and waits for the process to end; returns its exit
    /// status, the rest of its stdout, and its stderr (the request log).
    pub fn signal(mut self, signal: &str) -> (ExitStatus, String, String) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args([signal, &pid]).status().unwrap().success());
        let status = wait(&mut self.child, Duration::from_secs(10));
        let (mut stdout, mut stderr) = (String::new(), String::new());
        if let Some(mut out) = self.child.stdout.take() {
            out.read_to_string(&mut stdout).unwrap();
        }
        if let Some(mut err) = self.child.stderr.take() {
            err.read_to_string(&mut stderr).unwrap();
        }
        (status, stdout, stderr)
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The binary with `--port 0`, `args`, and only `env` of the emulator's variables.
pub fn command(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ivs-local"));
    command.args(["--port", "0"]).args(args);
    for variable in [
        "IVS_LOCAL_ACCESS_KEY_ID",
        "IVS_LOCAL_SECRET_ACCESS_KEY",
        "IVS_LOCAL_STATE",
    ] {
        command.env_remove(variable);
    }
    command.envs(env.iter().copied());
    command
}

/// Waits for `child` to end, failing the test after `limit`.
pub fn wait(child: &mut Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(start.elapsed() < limit, "ivs-local did not stop within {limit:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}
