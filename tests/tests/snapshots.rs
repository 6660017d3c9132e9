//! API digests: one readable line per operation, member and error, for the IVS model and for
//! each fixture model. The generated files themselves are not snapshotted: they are checked
//! in (`generated/`, `tests/fixture-crates/`) and guarded by the freshness test, so a
//! generator change shows up once in a pull request, as a diff of those files. A digest is
//! what the diff of the files does not give: the API change in a few lines.
//!
//! Review changes with `cargo insta review` after `cargo xtask codegen`.

use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives in the repository")
}

/// The snapshot name of a job's digest: `ivs_api_digest` for IVS (the changelog a reviewer
/// reads first), `fixture_<model>_api_digest` for the fixtures.
fn digest_name(job: &xtask::Job) -> String {
    format!("{}_api_digest", job.name.replace(' ', "_"))
}

/// Every default job's digest matches its snapshot, and no snapshot is left over from a job
/// that no longer exists (or from the per-file snapshots this test used to write).
#[test]
fn api_digests_match_snapshots() {
    let mut expected = BTreeSet::new();
    for job in xtask::default_jobs(root()) {
        let generated = xtask::generate(root(), &job).unwrap_or_else(|e| panic!("{e}"));
        let digest = codegen::emit::digest::digest(&generated.service);
        let name = digest_name(&job);
        expected.insert(format!("digest/{name}.snap"));
        insta::with_settings!({
            snapshot_path => "snapshots/digest",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, digest);
        });
    }
    let on_disk = snapshot_files(&root().join("tests/tests/snapshots"));
    let orphans: Vec<&String> = on_disk
        .iter()
        .filter(|f| f.ends_with(".snap") && !expected.contains(*f))
        .collect();
    assert!(
        orphans.is_empty(),
        "snapshots nothing asserts any more (delete them): {orphans:?}"
    );
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
