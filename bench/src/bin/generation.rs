//! Section `generation` of BENCHMARKS.md (placeholder until written).

fn main() {
    let _options = ivs_bench::Options::from_args();
    println!("## generation\n\n(not written yet)\n");
}
