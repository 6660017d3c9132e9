//! Section `server_throughput` of BENCHMARKS.md (placeholder until written).

fn main() {
    let _options = ivs_bench::Options::from_args();
    println!("## server_throughput\n\n(not written yet)\n");
}
