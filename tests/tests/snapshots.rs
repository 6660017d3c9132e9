//! Snapshots of everything the generator emits: one snapshot per generated file (so a
//! change to one operation is a small diff of one file), plus the API surface digest.
//!
//! Review changes with `cargo insta review` after `cargo xtask codegen`.

use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives in the repository")
}

fn generate(job: &xtask::Job) -> codegen::Generated {
    xtask::generate(root(), job).unwrap_or_else(|e| panic!("{e}"))
}

/// The snapshot name of a generated file: its path with `/` as `__`.
fn snapshot_name(path: &str) -> String {
    path.replace('/', "__")
}

/// Asserts every file of every default job against its snapshot, and that no snapshot is
/// left over from a file the generator no longer emits.
#[test]
fn generated_files_match_snapshots() {
    let jobs = xtask::default_jobs(root());
    let mut expected = BTreeSet::new();
    for job in &jobs {
        let folder = if job.name == "ivs" { "ivs" } else { "fixtures" };
        let generated = generate(job);
        for (path, text) in &generated.files {
            let name = snapshot_name(path);
            expected.insert(format!("{folder}/{name}.snap"));
            insta::with_settings!({
                snapshot_path => format!("snapshots/{folder}"),
                prepend_module_to_snapshot => false,
                omit_expression => true,
                input_file => path.as_str(),
            }, {
                insta::assert_snapshot!(name, text);
            });
        }
    }
    let on_disk = snapshot_files(&root().join("tests/tests/snapshots"));
    let orphans: Vec<&String> = on_disk
        .iter()
        .filter(|f| f.ends_with(".snap") && !expected.contains(*f) && !f.starts_with("digest/"))
        .collect();
    assert!(
        orphans.is_empty(),
        "snapshots of files the generator no longer emits (delete them): {orphans:?}"
    );
}

/// The API surface digest of the IVS model: the changelog a reviewer reads first.
#[test]
fn ivs_api_digest() {
    let jobs = xtask::default_jobs(root());
    let ivs = jobs.iter().find(|j| j.name == "ivs").expect("the ivs job");
    let digest = codegen::emit::digest::digest(&generate(ivs).service);
    insta::with_settings!({ snapshot_path => "snapshots/digest", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("ivs_api_digest", digest);
    });
}

fn snapshot_files(dir: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let Ok(folders) = std::fs::read_dir(dir) else {
        return found;
    };
    for folder in folders.flatten() {
        let Ok(files) = std::fs::read_dir(folder.path()) else {
            continue;
        };
        for file in files.flatten() {
            found.insert(format!(
                "{}/{}",
                folder.file_name().to_string_lossy(),
                file.file_name().to_string_lossy()
            ));
        }
    }
    found
}
