//! Deliberately does not compile: `tests/tests/consumer.rs` runs `cargo check --example
//! refused_literal` and expects exactly this error. A struct literal of a generated structure
//! would miss a member a minor version adds, so `#[non_exhaustive]` refuses it today (E0639);
//! `Default` and the `with_<member>` setters are the way (see `src/main.rs`).

fn main() {
    let channel = ivs_model::Channel {
        name: Some("literal".to_string()),
        ..Default::default()
    };
    println!("{channel:?}");
}
