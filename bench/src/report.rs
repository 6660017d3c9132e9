//! Markdown output: tables, human units and ratios.

use std::time::Duration;

/// A Markdown table.
#[derive(Debug, Clone)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column titles.
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; it should have one cell per column.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as Markdown, ending with a newline.
    pub fn to_markdown(&self) -> String {
        let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
        let mut out = line(&self.header);
        out.push_str(&line(&vec!["---".to_string(); self.header.len()]));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }
}

/// A time in nanoseconds with a readable unit: `850 ns`, `4.2 µs`, `12.3 ms`, `1.20 s`.
pub fn nanos(ns: f64) -> String {
    if ns < 1_000.0 {
        format!("{ns:.0} ns")
    } else if ns < 1_000_000.0 {
        format!("{:.1} µs", ns / 1_000.0)
    } else if ns < 1_000_000_000.0 {
        format!("{:.1} ms", ns / 1_000_000.0)
    } else {
        format!("{:.2} s", ns / 1_000_000_000.0)
    }
}

/// A duration with a readable unit.
pub fn duration(d: Duration) -> String {
    nanos(d.as_nanos() as f64)
}

/// How many times better `ours` is than `peer` when smaller is better (times, sizes): `3.2×`.
pub fn times_smaller(ours: f64, peer: f64) -> String {
    if ours <= 0.0 || peer <= 0.0 {
        return "n/a".to_string();
    }
    format!("{:.1}×", peer / ours)
}

/// How many times better `ours` is than `peer` when larger is better (rates): `3.2×`.
pub fn times_larger(ours: f64, peer: f64) -> String {
    times_smaller(peer, ours)
}

/// A rate such as requests per second, rounded to three significant figures.
pub fn rate(per_second: f64) -> String {
    if per_second >= 100.0 {
        format!("{:.0}", round_sig(per_second, 3))
    } else {
        format!("{per_second:.1}")
    }
}

fn round_sig(x: f64, digits: i32) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    let scale = 10f64.powi(digits - 1 - x.abs().log10().floor() as i32);
    (x * scale).round() / scale
}

/// The start of a section: its title, the command that reruns it, and what it measures.
pub fn heading(title: &str, section: &str, what: &str) -> String {
    format!(
        "## {title}\n\nCommand: `{}` (or all sections: `cargo xtask bench`).\n\n{what}\n\n",
        crate::section_command(section)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_ratios_read_well() {
        assert_eq!(nanos(850.0), "850 ns");
        assert_eq!(nanos(4_200.0), "4.2 µs");
        assert_eq!(nanos(12_345_678.0), "12.3 ms");
        assert_eq!(times_smaller(2.0, 10.0), "5.0×");
        assert_eq!(times_larger(10.0, 2.0), "5.0×");
        assert_eq!(rate(12_345.0), "12300");
        let mut table = Table::new(&["a", "b"]);
        table.row(vec!["1".into(), "2".into()]);
        assert_eq!(table.to_markdown(), "| a | b |\n| --- | --- |\n| 1 | 2 |\n");
    }
}
