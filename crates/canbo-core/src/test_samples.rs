//! The shared sample rosters (`../shared/samples`), read for the crate's unit tests.

use crate::import::{import, FileInput, Overrides};
use crate::roster::Roster;
use std::path::PathBuf;

fn dir() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples")
}

/// The names of the sample rosters (every spreadsheet and CSV), sorted.
pub fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            [".xlsx", ".xls", ".ods", ".csv"]
                .iter()
                .any(|x| n.ends_with(x))
        })
        .collect();
    names.sort();
    names
}

/// The sample `name` as a file given to the importer.
pub fn input(name: &str) -> FileInput {
    let path = dir().join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    FileInput {
        name: name.into(),
        bytes,
    }
}

/// Every sample roster and every independent roster (`tests/independent`, written by
/// helpers who had not seen the code), as files given to the importer.
pub fn with_independent() -> Vec<FileInput> {
    let mut inputs: Vec<FileInput> = names().iter().map(|name| input(name)).collect();
    let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/independent")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                dirs.push(path);
            } else if [".xlsx", ".xls", ".ods", ".csv"]
                .iter()
                .any(|x| name.ends_with(x))
            {
                inputs.push(FileInput {
                    name,
                    bytes: std::fs::read(&path).unwrap(),
                });
            }
        }
    }
    inputs
}

/// The roster the importer reads from the sample `name`.
pub fn roster(name: &str) -> Roster {
    import(&[input(name)], &Overrides::default()).roster
}
