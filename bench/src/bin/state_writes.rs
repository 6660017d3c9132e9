//! Section `state_writes` of BENCHMARKS.md: how long one acknowledged write takes on ivs-local
//! with a state file (`--state`), with 100 and with 10,000 resources in the state. Each
//! acknowledged write is on disk (appended to the journal and synced), so the figure is
//! mostly the disk's sync; what matters is that it does not grow with the state.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use ivs_bench::Options;
use ivs_bench::measure::percentile;
use ivs_bench::process::spawn_self;
use ivs_bench::report::{self, Table};

/// The hidden argument that runs ivs-local on the state file given next.
const SERVE: &str = "--serve-with-state";

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some(SERVE) {
        let served = match args.get(1) {
            Some(path) => serve(path),
            None => Err(format!("{SERVE} needs a path")),
        };
        return match served {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("state_writes: {message}");
                std::process::ExitCode::FAILURE
            }
        };
    }
    ivs_bench::run_section("state_writes", run)
}

/// ivs-local's router over a state file, on one tokio worker thread.
fn serve(path: &str) -> Result<(), String> {
    let settings = ivs_local::Settings {
        state_file: Some(path.into()),
        ..ivs_local::Settings::default()
    };
    let emulator = ivs_local::Emulator::open(settings).map_err(|e| e.to_string())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start tokio: {e}"))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| format!("cannot listen: {e}"))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        println!("listening on http://{addr}");
        axum::serve(listener, emulator.into_router(ivs_server::ServerConfig::default()))
            .await
            .map_err(|e| e.to_string())
    })
}

/// One measured state size.
struct Row {
    resources: usize,
    fill: Duration,
    writes: Vec<Duration>,
}

fn run(options: &Options) -> Result<String, String> {
    let (sizes, writes) = if options.smoke {
        ([10, 100], 5)
    } else {
        ([100, 10_000], 300)
    };
    let mut rows = Vec::new();
    for resources in sizes {
        eprintln!("state_writes: {resources} resources");
        let dir = std::env::temp_dir().join(format!("ivs-bench-state-{}-{resources}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let path = dir.join("state.json");
        let (server, addr) = spawn_self(&[SERVE, &path.to_string_lossy()])?;
        let mut connection = Connection::open(&addr)?;
        let started = Instant::now();
        let mut first = None;
        for index in 0..resources {
            let body = format!(r#"{{"name":"policy-{index}"}}"#);
            let answer = connection.post("CreatePlaybackRestrictionPolicy", &body)?;
            if first.is_none() {
                first = answer
                    .split("\"arn\":\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .map(str::to_owned);
            }
        }
        let fill = started.elapsed();
        let arn = first.ok_or("CreatePlaybackRestrictionPolicy answered no ARN")?;
        let mut latencies = Vec::with_capacity(writes);
        for index in 0..writes {
            let body = format!(r#"{{"tags":{{"n":"{index}"}}}}"#);
            let started = Instant::now();
            connection.post(&format!("tags/{}", percent_encode(&arn)), &body)?;
            latencies.push(started.elapsed());
        }
        drop(server);
        let _ = std::fs::remove_dir_all(&dir);
        latencies.sort();
        rows.push(Row {
            resources,
            fill,
            writes: latencies,
        });
    }
    Ok(section(options.smoke, &rows))
}

fn section(smoke: bool, rows: &[Row]) -> String {
    let what = format!(
        "ivs-local with a state file (`--state`, the router on one tokio worker thread, the state in the \
         system's temporary directory): the state is filled with N playback restriction policies (one \
         resource each, one request after another), then TagResource on one of them is sent {} times \
         over one keep-alive connection, each after the previous answer. A write's latency is from sending \
         it to the last byte of its answer; an answered write is on disk (appended to the journal and \
         synced). The old design rewrote and synced the whole state file on every write (39 ms at 574 \
         channels in issue 17's measurement).{}",
        rows.first().map_or(0, |row| row.writes.len()),
        if smoke {
            " Smoke run: a few writes, not a measurement."
        } else {
            ""
        }
    );
    let mut table = Table::new(&[
        "resources in the state",
        "write p50",
        "write p99",
        "write mean",
        "filling the state (per create)",
    ]);
    for row in rows {
        let mean = row.writes.iter().sum::<Duration>() / row.writes.len().max(1) as u32;
        let per_create = row.fill / row.resources.max(1) as u32;
        table.row(vec![
            row.resources.to_string(),
            report::duration(percentile(&row.writes, 50.0)),
            report::duration(percentile(&row.writes, 99.0)),
            report::duration(mean),
            report::duration(per_create),
        ]);
    }
    format!(
        "{}{}",
        report::heading("6. ivs-local writes with a state file", "state_writes", &what),
        table.to_markdown()
    )
}

/// `:` and `/` of an ARN, percent-encoded for a URI label.
fn percent_encode(text: &str) -> String {
    text.replace(':', "%3A").replace('/', "%2F")
}

/// One keep-alive HTTP/1.1 connection, written by hand (the figure is the server's).
struct Connection {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Connection {
    fn open(addr: &str) -> Result<Connection, String> {
        let stream = TcpStream::connect(addr).map_err(|e| format!("cannot connect to {addr}: {e}"))?;
        stream.set_nodelay(true).map_err(|e| e.to_string())?;
        let writer = stream.try_clone().map_err(|e| e.to_string())?;
        Ok(Connection {
            reader: BufReader::new(stream),
            writer,
        })
    }

    /// Posts `body` to `/path` and returns the answer's body; an answer other than 200 is an error.
    fn post(&mut self, path: &str, body: &str) -> Result<String, String> {
        let request = format!(
            "POST /{path} HTTP/1.1\r\nhost: bench\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        self.writer
            .write_all(request.as_bytes())
            .map_err(|e| format!("cannot send: {e}"))?;
        let mut status = String::new();
        self.reader.read_line(&mut status).map_err(|e| e.to_string())?;
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).map_err(|e| e.to_string())?;
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().map_err(|_| format!("bad length {value}"))?;
            }
        }
        let mut answer = vec![0; length];
        self.reader.read_exact(&mut answer).map_err(|e| e.to_string())?;
        let answer = String::from_utf8_lossy(&answer).into_owned();
        if !status.starts_with("HTTP/1.1 200") {
            return Err(format!("{path}: {} {answer}", status.trim()));
        }
        Ok(answer)
    }
}
