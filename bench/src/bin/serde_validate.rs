//! Section `serde_validate` of BENCHMARKS.md (placeholder until written).

fn main() {
    let _options = ivs_bench::Options::from_args();
    println!("## serde_validate\n\n(not written yet)\n");
}
