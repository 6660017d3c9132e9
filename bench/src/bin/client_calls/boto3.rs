//! boto3, run by bench/python/boto3_calls.py in its own Python process, one round per run.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};

use ivs_bench::process::run_python;

use crate::inputs::{ACCESS_KEY, CHANNEL_TYPE, LATENCY_MODE, NAME, PAGE, REGION, SECRET_KEY, tags_json};
use crate::operation::Operation;
use crate::rounds::{Budget, Round};

/// Runs boto3 rounds against one endpoint.
pub struct Boto3 {
    root: PathBuf,
    settings: Value,
}

impl Boto3 {
    /// Rounds against `endpoint`, whose recorded channel is `arn`.
    pub fn new(root: &Path, endpoint: &str, arn: &str) -> Boto3 {
        let settings = json!({
            "endpoint": endpoint,
            "region": REGION,
            "accessKey": ACCESS_KEY,
            "secretKey": SECRET_KEY,
            "name": NAME,
            "latencyMode": LATENCY_MODE,
            "type": CHANNEL_TYPE,
            "tags": tags_json(),
            "maxResults": PAGE,
            "arn": arn,
        });
        Boto3 {
            root: root.to_path_buf(),
            settings,
        }
    }

    /// One round of `operation` (the script checks every answer and fails on a wrong one), and
    /// `boto3 X (botocore Y)`.
    pub fn round(&self, operation: Operation, budget: Budget) -> Result<(Round, String), String> {
        let mut settings = self.settings.clone();
        settings["operation"] = operation.name().into();
        settings["seconds"] = budget.round.as_secs_f64().into();
        let output = run_python(&self.root, "boto3_calls.py", &[settings.to_string()])?;
        let output: Value =
            serde_json::from_str(&output).map_err(|e| format!("boto3_calls.py printed no JSON ({e}): {output}"))?;
        let version = format!(
            "boto3 {} (botocore {})",
            output["versions"]["boto3"].as_str().unwrap_or("?"),
            output["versions"]["botocore"].as_str().unwrap_or("?")
        );
        Ok((round(&output["round"])?, version))
    }
}

/// A round as the script prints it: `{"calls": n, "wall": seconds, "cpu": seconds}`.
fn round(value: &Value) -> Result<Round, String> {
    let seconds = |key: &str| {
        value[key]
            .as_f64()
            .filter(|s| s.is_finite() && *s >= 0.0)
            .map(Duration::from_secs_f64)
            .ok_or(format!("boto3_calls.py: round without `{key}`: {value}"))
    };
    Ok(Round {
        calls: value["calls"]
            .as_u64()
            .filter(|&calls| calls > 0)
            .ok_or(format!("boto3_calls.py: round without `calls`: {value}"))?,
        wall: seconds("wall")?,
        cpu: seconds("cpu")?,
    })
}
