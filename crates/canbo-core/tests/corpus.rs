//! Every spreadsheet in ../shared/corpus (odd and broken files from calamine's own tests)
//! ends in a roster or a clean error: no panic, no hang.

use canbo_core::{import, report, FileInput, Overrides, ReportOptions};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn corpus() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("../shared/corpus is beside the repository") {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e != "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_corpus_file_gives_a_report_or_a_clean_error() {
    let files = corpus();
    assert!(files.len() > 100, "corpus has {} files", files.len());
    let options = ReportOptions {
        as_of: "2024-12-31".parse().unwrap(),
        ..Default::default()
    };
    let mut slow = Vec::new();
    let (mut ok, mut errors) = (0, 0);
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(|| {
            let imported = import(
                &[FileInput {
                    name: name.clone(),
                    bytes,
                }],
                &Overrides::default(),
            );
            let r = report(&imported.roster, &options);
            (imported.errors.len(), r.people)
        });
        let (errs, people) = outcome.unwrap_or_else(|_| panic!("{name}: the importer panicked"));
        if errs > 0 {
            errors += 1;
        } else {
            ok += 1;
            assert!(people > 0, "{name}: imported without error but no people");
        }
        if started.elapsed() > Duration::from_secs(20) {
            slow.push(format!("{name}: {:?}", started.elapsed()));
        }
    }
    assert!(slow.is_empty(), "files that nearly hung: {slow:?}");
    eprintln!("corpus: {ok} files gave people, {errors} gave a clean error");
}

#[test]
fn errors_name_the_file_and_say_why() {
    let imported = import(
        &[FileInput {
            name: "ảnh.png".into(),
            bytes: vec![0x89, b'P', b'N', b'G', 0, 1, 2, 0, 0],
        }],
        &Overrides::default(),
    );
    let err = &imported.errors[0];
    assert_eq!(err.file(), "ảnh.png");
    assert!(err.to_string().contains("not a spreadsheet"), "{err}");
    assert!(
        err.message_vi().contains("không phải bảng tính"),
        "{}",
        err.message_vi()
    );
}

/// What the page asks of a file's bytes to send it to the import worker with the full
/// reader at once (`read::kind_needs_full_reader`) never says so of a file the own readers
/// read: it implies `read::needs_full_reader`, on every corpus file; and it tells every
/// xlsb and ods there that the zip reader finds to be one.
#[test]
fn a_file_sent_to_the_full_reader_by_its_bytes_needs_it() {
    let mut told = 0;
    for path in corpus() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let by_kind = canbo_core::read::kind_needs_full_reader(&bytes);
        let needs = canbo_core::read::needs_full_reader(&bytes);
        assert!(
            !by_kind || needs,
            "{name}: sent to the full reader, which it does not need"
        );
        if (name.ends_with(".xlsb") || name.ends_with(".ods")) && needs {
            assert!(
                by_kind,
                "{name}: an {} not told by its bytes",
                &name[name.len() - 4..]
            );
            told += 1;
        }
    }
    assert!(told >= 10, "{told} xlsb and ods told");
}
