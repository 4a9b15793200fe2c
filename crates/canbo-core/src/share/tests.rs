use super::*;
use crate::import::{import, FileInput, Overrides};
use crate::report::{report, ReportOptions};
use crate::retirement::{forecast, RetirementLaw, RetirementOptions};
use crate::standards::{self, StandardsOptions};

const RANDOM: [u8; RANDOM_BYTES] = [42; RANDOM_BYTES];

fn sample_path(name: &str) -> String {
    format!(
        "{}/../../../shared/samples/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A sample's roster, imported once for all the tests (importing is the slow part).
fn roster(name: &str) -> crate::Roster {
    static ROSTERS: std::sync::OnceLock<
        std::sync::Mutex<std::collections::HashMap<String, crate::Roster>>,
    > = std::sync::OnceLock::new();
    let rosters = ROSTERS.get_or_init(Default::default);
    let mut rosters = rosters.lock().unwrap_or_else(|e| e.into_inner());
    rosters
        .entry(name.to_string())
        .or_insert_with(|| {
            let input = FileInput {
                name: name.into(),
                bytes: std::fs::read(sample_path(name)).unwrap(),
            };
            import(&[input], &Overrides::default()).roster
        })
        .clone()
}

fn options() -> ReportOptions {
    ReportOptions {
        as_of: "2024-12-31".parse().unwrap(),
        bands: "30,41,51,61".parse().unwrap(),
        ..Default::default()
    }
}

/// A sample's whole shared report: the report, the standards and the forecast.
fn shared_of(roster: &crate::Roster, options: &ReportOptions) -> Shared {
    let r = report(roster, options);
    let sets = standards::defaults();
    let rules = standards::choose(&sets, None, options.as_of).unwrap();
    let st = standards::standards(roster, rules, &StandardsOptions::new(options.as_of));
    let f = forecast(
        roster,
        &RetirementLaw::default(),
        &RetirementOptions::new(options.as_of),
    );
    Shared::new(&r, options, Some(&st), Some(&f))
}

fn sample(name: &str) -> Shared {
    shared_of(&roster(name), &options())
}

/// A roster of one unit: the people of the sample's unit `i`.
fn commune(i: usize) -> crate::Roster {
    let mut r = roster("mau-son-don-gian.xlsx");
    let units = r.units();
    let key = crate::roster::unit_key(&units[i]);
    r.people.retain(|p| crate::roster::unit_key(&p.unit) == key);
    r
}

#[test]
fn every_sample_round_trips_exactly_and_carries_no_person() {
    for name in [
        "mau-son-don-gian.xlsx",
        "mau-son-bieu.xlsx",
        "mau-son-xa.xlsx",
        "mau-son.csv",
        "mau-son-tcvn3.xlsx",
        "mau-son.xls",
    ] {
        let shared = sample(name);
        assert!(shared.source_count > 0 && shared.report.sources.is_empty());
        let link = shared.encode().unwrap();
        assert!(link.starts_with("r1."), "{name}");
        let back = decode(&link).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(back, shared, "{name}");
        // Nobody's name or birth date: the link holds unit names and labels only.
        let json = serde_json::to_string(&back).unwrap();
        let roster = roster(name);
        for p in roster.people.iter().take(50) {
            assert!(!json.contains(&p.name), "{name}: {}", p.name);
        }
        assert!(!json.contains(name), "{name}: the file name leaked");
    }
}

#[test]
fn a_link_is_read_from_a_fragment_a_url_or_a_wrapped_paste() {
    let link = sample("mau-son.csv").encode().unwrap();
    let expected = decode(&link).unwrap();
    let (head, tail) = link.split_at(link.len() / 2);
    for text in [
        format!("#{link}"),
        format!("https://canbo.example/app/#{link}"),
        format!("  {head}\n{tail} \n"),
    ] {
        assert_eq!(decode(&text).unwrap(), expected);
    }
    assert_eq!(kind(&link), Ok(LinkKind::Plain));
}

#[test]
fn foreign_newer_and_locked_links_say_so() {
    assert_eq!(decode("https://example.com/#top"), Err(LinkError::NotALink));
    assert_eq!(decode(""), Err(LinkError::NotALink));
    assert_eq!(decode("r0.AAAA"), Err(LinkError::NotALink));
    assert_eq!(
        decode("#r2.eJwDAAAAAAE"),
        Err(LinkError::NewerVersion { found: 2 })
    );
    assert_eq!(
        decode("#r17e.AAAA"),
        Err(LinkError::NewerVersion { found: 17 })
    );
    assert!(matches!(
        decode("r1.!!!"),
        Err(LinkError::Damaged(Damage::Encoding))
    ));
    assert!(matches!(
        decode(&"r1.".repeat(1_000_000)),
        Err(LinkError::TooLong { .. })
    ));
    let locked = sample("mau-son.csv")
        .encode_locked("mật khẩu", &RANDOM)
        .unwrap();
    assert!(locked.starts_with("r1e."));
    assert_eq!(decode(&locked), Err(LinkError::Locked));
    assert_eq!(kind(&locked), Ok(LinkKind::Locked));
    for e in [LinkError::NotALink, LinkError::Damaged(Damage::Truncated)] {
        assert!(e
            .message_vi()
            .starts_with("Liên kết bị hỏng hoặc không đầy đủ"));
    }
}

#[test]
fn a_locked_link_opens_with_its_passphrase_only() {
    let shared = sample("mau-son-xa.xlsx");
    let locked = shared.encode_locked("Hà Nội 2024", &RANDOM).unwrap();
    assert_eq!(decode_locked(&locked, "Hà Nội 2024").unwrap(), shared);
    assert_eq!(
        decode_locked(&locked, "Ha Noi 2024"),
        Err(LinkError::WrongPassphrase)
    );
    assert_eq!(decode_locked(&locked, ""), Err(LinkError::EmptyPassphrase));
    // A changed character in the ciphertext: the passphrase is right, the content is not.
    let mut bytes = locked.clone().into_bytes();
    let at = bytes.len() - 30;
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    let edited = String::from_utf8(bytes).unwrap();
    assert_eq!(
        decode_locked(&edited, "Hà Nội 2024"),
        Err(LinkError::Damaged(Damage::Sealed))
    );
    assert_eq!(
        unlock(&locked, "Hà Nội 2024").unwrap(),
        shared.encode().unwrap()
    );
    let relocked = lock(&shared.encode().unwrap(), "x", &RANDOM).unwrap();
    assert_eq!(decode_locked(&relocked, "x").unwrap(), shared);
}

/// A link made as chosen is the link of the report titled, hidden and locked by hand, and
/// the same when made in two halves (the page's `chosen` payload, another thread's link).
#[test]
fn a_link_is_made_as_chosen_in_one_go_or_in_two_halves() {
    let shared = sample("mau-son-xa.xlsx");
    let halves = |choice: &LinkChoice| {
        let payload = shared.clone().chosen(choice).unwrap().payload().unwrap();
        link_of_payload(&payload, &choice.passphrase, &RANDOM).unwrap()
    };

    let plain = LinkChoice::default();
    assert_eq!(
        shared.clone().link(&plain, &RANDOM).unwrap(),
        shared.encode().unwrap()
    );
    assert_eq!(halves(&plain), shared.encode().unwrap());
    let choice = LinkChoice {
        title: "  Xã Na Sơn ".into(),
        hide_below: Some(3),
        passphrase: String::new(),
    };
    let mut by_hand = shared.clone();
    by_hand.title = Some("Xã Na Sơn".into());
    by_hand.hide_small(3).unwrap();
    let made = shared.clone().link(&choice, &RANDOM).unwrap();
    assert_eq!(made, by_hand.encode().unwrap());
    assert_eq!(halves(&choice), made);
    assert!(
        !decode(&made).unwrap().hidden.paths.is_empty(),
        "small counts hidden"
    );

    let locked = LinkChoice {
        passphrase: "Hà Nội 2024".into(),
        title: " ".into(),
        ..LinkChoice::default()
    };
    let made = shared.clone().link(&locked, &RANDOM).unwrap();
    assert_eq!(made, shared.encode_locked("Hà Nội 2024", &RANDOM).unwrap());
    assert_eq!(halves(&locked), made);
    assert_eq!(decode_locked(&made, "Hà Nội 2024").unwrap(), shared);
    assert_eq!(
        shared.encode_locked("", &RANDOM),
        Err(LinkError::EmptyPassphrase)
    );

    let bad = LinkChoice {
        hide_below: Some(HIDE_MAX + 1),
        ..LinkChoice::default()
    };
    assert_eq!(
        shared.link(&bad, &RANDOM),
        Err(LinkError::BadThreshold {
            below: HIDE_MAX + 1
        })
    );
}

#[test]
fn every_truncation_is_refused() {
    let link = sample("mau-son-bieu.xlsx").encode().unwrap();
    for end in 0..link.len() {
        assert!(decode(&link[..end]).is_err(), "{end} of {}", link.len());
    }
}

#[test]
fn every_changed_character_is_refused_or_reads_as_a_valid_report() {
    let link = sample("mau-son-bieu.xlsx").encode().unwrap();
    let alphabet = b"AZaz09-_";
    let mut accepted = 0;
    for at in PREFIX.len()..link.len() {
        for &c in alphabet {
            let mut bytes = link.clone().into_bytes();
            if bytes[at] == c {
                continue;
            }
            bytes[at] = c;
            let edited = String::from_utf8(bytes).unwrap();
            // `decode` validates before returning: an Ok is a report whose figures add up.
            if decode(&edited).is_ok() {
                accepted += 1;
            }
        }
    }
    // The Adler-32 of zlib catches nearly all; a change in the unused low bits of the last
    // base64 character changes no byte.
    assert!(accepted < 10, "{accepted} edited links read");
}

/// zlib + base64 around a raw payload: a link crafted past the checksum.
fn crafted(payload: &[u8]) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(payload, 6);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

#[test]
fn every_changed_byte_of_the_payload_is_refused_or_valid() {
    let shared = sample("mau-son-xa.xlsx");
    let payload = codec::encode(&shared).unwrap();
    assert_eq!(decode(&crafted(&payload)).unwrap(), shared);
    for at in 0..payload.len() {
        let mut bad = payload.clone();
        bad[at] = bad[at].wrapping_add([1u8, 0x80, 0xff][at % 3]);
        // Never a panic; an Ok passed validation.
        let _ = decode(&crafted(&bad));
        assert!(decode(&crafted(&payload[..at])).is_err(), "cut at {at}");
    }
}

#[test]
fn crafted_payloads_hit_their_bounds() {
    // Ten 0xff bytes: a varint past 64 bits.
    assert_eq!(
        decode(&crafted(&[0xff; 12])),
        Err(LinkError::Damaged(Damage::Number))
    );
    // Unknown flags.
    assert_eq!(
        decode(&crafted(&[0x40])),
        Err(LinkError::Damaged(Damage::OutOfRange("flags")))
    );
    // A valid head announcing 20,000 units in a payload of a few bytes.
    let mut w = wire::Writer::default();
    w.uint(0); // flags
    w.int(20_000); // date
    w.uint(1);
    w.uint(30); // bands
    w.uint(0); // filter
    w.uint(0);
    w.uint(0); // sources, warnings
    w.uint(0); // breakdowns
    w.uint(0); // names
    w.uint(20_000); // units
    assert_eq!(
        decode(&crafted(&w.bytes)),
        Err(LinkError::Damaged(Damage::Truncated))
    );
    let mut w = wire::Writer::default();
    w.uint(0);
    w.int(20_000);
    w.uint(1);
    w.uint(30);
    w.uint(0);
    w.uint(0);
    w.uint(0);
    w.uint(0);
    w.uint(0);
    w.uint(1_000_000); // units past the limit
    assert_eq!(
        decode(&crafted(&w.bytes)),
        Err(LinkError::Damaged(Damage::OutOfRange("units")))
    );
    // A deflate bomb: 64 MiB of zeros in a few kilobytes.
    let bomb = crafted(&vec![0u8; 64 << 20]);
    assert!(bomb.len() < 200_000, "{}", bomb.len());
    assert_eq!(decode(&bomb), Err(LinkError::Damaged(Damage::TooLarge)));
    // Figures that do not add up: one more man than people.
    let mut shared = sample("mau-son.csv");
    if let Some(g) = shared.report.figures.gender.as_mut() {
        g.set(
            crate::codes::Gender::Nam,
            g.get(crate::codes::Gender::Nam) + 1,
        );
    }
    let payload = codec::encode(&shared).unwrap();
    assert!(matches!(
        decode(&crafted(&payload)),
        Err(LinkError::Damaged(Damage::Inconsistent(_)))
    ));
}

#[test]
fn a_figure_past_the_bounds_is_refused_when_encoding_not_only_when_decoding() {
    let mut shared = sample("mau-son.csv");
    shared.source_count = u32::MAX;
    assert!(
        shared.encode().is_ok(),
        "a count of sources is not a figure"
    );
    shared.report.figures.people = limits::PEOPLE + 1;
    assert_eq!(shared.encode(), Err(LinkError::TooLarge));
    let mut long = sample("mau-son.csv");
    long.title = Some("x".repeat(limits::TEXT + 1));
    assert_eq!(long.encode(), Err(LinkError::TooLarge));
}

#[test]
fn small_counts_hide_in_units_and_totals_stay_exact() {
    let exact = sample("mau-son-don-gian.xlsx");
    let mut hidden = exact.clone();
    hidden.hide_small(3).unwrap();
    assert!(!hidden.hidden.is_empty());
    assert_eq!(hidden.report.figures, exact.report.figures, "totals exact");
    for (i, (h, e)) in hidden
        .report
        .units
        .iter()
        .zip(&exact.report.units)
        .enumerate()
    {
        assert_eq!(h.people, e.people);
        for (hs, es) in crate::report::stats(&h.figures)
            .iter()
            .zip(crate::report::stats(&e.figures))
        {
            let is_hidden = hidden.hidden.unit(i, &hs.path);
            assert_eq!(is_hidden, (1..3).contains(&es.value), "{i} {}", hs.path);
            let shown = hidden
                .hidden
                .shown(&format!("units.{i}.{}", hs.path), hs.value);
            if is_hidden {
                assert_eq!(shown, Shown::Below(3));
                assert_eq!(shown.to_string(), "<3");
            } else {
                assert_eq!(shown, Shown::Exact(es.value));
            }
        }
    }
    let st = hidden.standards.as_ref().unwrap();
    assert_eq!(st.total, exact.standards.as_ref().unwrap().total);
    let link = hidden.encode().unwrap();
    assert_eq!(decode(&link).unwrap(), hidden);
    assert_eq!(
        hidden.hide_small(1),
        Err(LinkError::BadThreshold { below: 1 })
    );
}

#[test]
fn links_of_communes_combine_into_a_district() {
    let parts: Vec<Part> = (0..3)
        .map(|i| Part {
            shared: shared_of(&commune(i), &options()),
            name: None,
        })
        .collect();
    let district = combine(&parts).unwrap();
    assert_eq!(district.report.units.len(), 3);
    for (unit, part) in district.report.units.iter().zip(&parts) {
        assert_eq!(unit.unit, part.shared.report.units[0].unit);
        assert_eq!(unit.figures, part.shared.report.figures);
    }
    let people: u32 = parts.iter().map(|p| p.shared.report.people).sum();
    assert_eq!(district.report.people, people);
    // The sum is what the three communes' roster gives as one.
    let mut together = commune(0);
    for i in 1..3 {
        together.people.extend(commune(i).people);
    }
    let direct = report(&together, &options());
    assert_eq!(district.report.figures, direct.figures);
    let st = district.standards.as_ref().unwrap();
    let sets = standards::defaults();
    let rules = standards::choose(&sets, None, options().as_of).unwrap();
    let direct_st = standards::standards(&together, rules, &StandardsOptions::new(options().as_of));
    assert_eq!(st.total, direct_st.total);
    assert_eq!(st.by_category, direct_st.by_category);
    let ret = district.retirement.as_ref().unwrap();
    let direct_f = forecast(
        &together,
        &RetirementLaw::default(),
        &RetirementOptions::new(options().as_of),
    );
    assert_eq!(ret.years, direct_f.years);
    assert_eq!(ret.by_title, direct_f.by_title);
    // It travels as a link again.
    assert_eq!(decode(&district.encode().unwrap()).unwrap(), district);

    // Hidden counts in a commune's link do not reach the district's totals.
    let mut hidden = parts.clone();
    for p in &mut hidden {
        p.shared.hide_small(3).unwrap();
    }
    let again = combine(&hidden).unwrap();
    assert_eq!(again.report, district.report);
    assert!(again.retirement.as_ref().unwrap().by_title.is_empty());
}

#[test]
fn links_that_differ_cannot_be_combined_and_the_error_names_the_link() {
    let a = Part {
        shared: shared_of(&commune(0), &options()),
        name: None,
    };
    let later = ReportOptions {
        as_of: "2025-06-30".parse().unwrap(),
        ..options()
    };
    let b = Part {
        shared: shared_of(&commune(1), &later),
        name: None,
    };
    let error = combine(&[a.clone(), b]).unwrap_err();
    assert!(matches!(error, CombineError::DifferentDate { link: 2, .. }));
    assert!(
        error.message_vi().contains("Liên kết 2"),
        "{}",
        error.message_vi()
    );
    let bands = ReportOptions {
        bands: "31,41,51,61".parse().unwrap(),
        ..options()
    };
    let c = Part {
        shared: shared_of(&commune(1), &bands),
        name: None,
    };
    assert!(matches!(
        combine(&[a.clone(), c]),
        Err(CombineError::DifferentBands { link: 2, .. })
    ));
    assert!(matches!(
        combine(&[a.clone(), a.clone()]),
        Err(CombineError::SameUnit {
            link: 2,
            first: 1,
            ..
        })
    ));
    let whole = Part {
        shared: sample("mau-son-don-gian.xlsx"),
        name: None,
    };
    assert!(matches!(
        combine(&[a.clone(), whole.clone()]),
        Err(CombineError::NameNeeded { link: 2 })
    ));
    let named = Part {
        name: Some("Huyện Mẫu Sơn".into()),
        ..whole
    };
    let two = combine(&[a, named]).unwrap();
    assert_eq!(two.report.units[1].unit, "Huyện Mẫu Sơn");
    assert_eq!(combine(&[]), Err(CombineError::NoLinks));
}

#[test]
fn a_package_round_trips_and_refuses_wrong_damaged_and_newer_files() {
    let content = PackageContent {
        roster: roster("mau-son-xa.xlsx"),
        settings: [("as_of".to_string(), "2024-12-31".to_string())].into(),
        rule_sets: standards::defaults(),
        ..Default::default()
    };
    let bytes = package::pack(&content, "mật khẩu", &RANDOM).unwrap();
    assert!(package::is_package(&bytes));
    assert_eq!(package::unpack(&bytes, "mật khẩu").unwrap(), content);
    assert_eq!(
        package::unpack(&bytes, "mat khau"),
        Err(PackageError::WrongPassphrase)
    );
    let mut tampered = bytes.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 1;
    assert!(matches!(
        package::unpack(&tampered, "mật khẩu"),
        Err(PackageError::Damaged(_))
    ));
    assert!(matches!(
        package::unpack(&bytes[..bytes.len() / 2], "mật khẩu"),
        Err(PackageError::Damaged(_))
    ));
    let mut newer = bytes.clone();
    newer[package::MAGIC.len()] = 2;
    assert_eq!(
        package::unpack(&newer, "mật khẩu"),
        Err(PackageError::NewerVersion { found: 2 })
    );
    assert_eq!(
        package::unpack(b"PK\x03\x04 a spreadsheet", "x"),
        Err(PackageError::NotAPackage)
    );
    assert!(matches!(
        package::unpack(&bytes[..4], "x"),
        Err(PackageError::Damaged(_))
    ));
}

#[test]
fn exports_of_a_shared_report_show_hidden_figures_as_below_the_threshold() {
    let mut shared = sample("mau-son-bieu.xlsx");
    let exact = crate::export::csv::report(&shared.report);
    shared.hide_small(3).unwrap();
    let csv = crate::export::csv::report_hiding(&shared.report, &shared.hidden);
    let text =
        crate::export::text::report_hiding(&shared.report, crate::export::Lang::Vi, &shared.hidden);
    let units = shared.report.units.len();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[1..=units].iter().any(|l| l.contains("<3")));
    // The total row is exact.
    assert_eq!(lines.last().copied(), exact.lines().last());
    assert!(!lines.last().unwrap().contains('<'));
    assert!(text.contains("<3"));
}
