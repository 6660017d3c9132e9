//! Section `build_size` of BENCHMARKS.md (placeholder until written).

fn main() {
    let _options = ivs_bench::Options::from_args();
    println!("## build_size\n\n(not written yet)\n");
}
