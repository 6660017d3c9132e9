//! Section `client_calls` of BENCHMARKS.md (placeholder until written).

fn main() {
    let _options = ivs_bench::Options::from_args();
    println!("## client_calls\n\n(not written yet)\n");
}
