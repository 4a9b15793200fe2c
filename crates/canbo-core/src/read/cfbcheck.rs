//! A compound file's sector map, checked before calamine reads it: calamine 0.38 panics
//! (`slice index starts at 4608 but ends at 4271`, found by fuzzing) when a sector number in
//! the file points just past its end. Every sector number calamine will follow from the
//! header, the FAT and the directory is checked to lie inside the file.
//!
//! Then every chain calamine will follow (the directory, the mini FAT, the mini stream and
//! each stream) is walked once: a chain that comes back to a sector it has already passed
//! loops forever, and calamine 0.38 reads the directory's chain without a length, so such a
//! loop grew memory until the process died (out of memory, found by fuzzing). A chain may
//! pass each sector at most once, so everything calamine reads is at most the file's size.

/// Sector numbers from here up are markers (free, end of chain, FAT, DIFAT), not sectors.
const MARKERS: u32 = 0xFFFF_FFFA;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

/// `Err` with the reason when a sector number points outside the file or a chain loops;
/// else the workbook stream (`Workbook`, else `Book`) as calamine will read it, if there is
/// one, for `xlscheck` to look through before calamine does.
pub(super) fn check(bytes: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let u16_at = |at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let u32_at = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let short = || "the file ends inside its header".to_string();
    let size: usize = match u16_at(0x1E).ok_or_else(short)? {
        9 => 512,
        12 => 4096,
        other => return Err(format!("sector shift {other}")),
    };
    // Sectors lie after the header, which fills the first sector.
    let sectors = bytes.len().saturating_sub(size).div_ceil(size) as u64;
    let inside = |id: u32| id >= MARKERS || u64::from(id) < sectors;
    let past = |id: u32| format!("sector {id} points past the end of the file ({sectors} sectors)");
    let sector = |id: u32| {
        let start = (id as usize + 1) * size;
        bytes
            .get(start..(start + size).min(bytes.len()))
            .unwrap_or(&[])
    };
    // A sector of the FAT, the DIFAT or the mini FAT is read as 32-bit numbers, and calamine
    // 0.38 asserts it holds a whole number of them: one cut by the end of the file panicked
    // (`to_u32`, `cfb.rs:130`, found by fuzzing). Such a sector must lie wholly in the file.
    let whole = |id: u32, what: &str| {
        if sector(id).len() < size {
            Err(format!("the file ends inside {what} sector {id}"))
        } else {
            Ok(())
        }
    };
    let ids = |s: &[u8]| -> Vec<u32> {
        s.chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect()
    };
    for at in [0x30, 0x3C, 0x44] {
        let id = u32_at(at).ok_or_else(short)?;
        if !inside(id) {
            return Err(past(id));
        }
    }
    // The FAT's own sectors: 109 in the header, then the DIFAT chain.
    let mut fat_sectors: Vec<u32> = ids(bytes.get(0x4C..0x200).ok_or_else(short)?);
    let mut difat = u32_at(0x44).ok_or_else(short)?;
    let mut hops = 0u64;
    while difat < MARKERS && hops <= sectors {
        whole(difat, "DIFAT")?;
        let mut entries = ids(sector(difat));
        difat = entries.pop().unwrap_or(END_OF_CHAIN);
        if !inside(difat) {
            return Err(past(difat));
        }
        fat_sectors.extend(entries);
        hops += 1;
    }
    let mut fat = Vec::new();
    for id in fat_sectors.into_iter().filter(|&id| id < MARKERS) {
        if !inside(id) {
            return Err(past(id));
        }
        whole(id, "FAT")?;
        fat.extend(ids(sector(id)));
    }
    if let Some(&bad) = fat.iter().find(|&&id| !inside(id)) {
        return Err(past(bad));
    }
    // The directory, walked as calamine reads it: its whole chain.
    let dir_start = u32_at(0x30).ok_or_else(short)?;
    let dir_chain = chain(dir_start, &fat, "directory")?;
    let entries: Vec<&[u8]> = dir_chain
        .iter()
        .flat_map(|&id| sector(id).chunks_exact(128))
        .collect();
    let Some(root) = entries.first() else {
        return Ok(None); // calamine says "empty root directory"
    };
    let start_of = |e: &[u8]| u32::from_le_bytes([e[116], e[117], e[118], e[119]]);
    let len_of = |e: &[u8]| u64::from_le_bytes(e[120..128].try_into().unwrap_or([0; 8]));
    // A 512-byte-sector file keeps a 32-bit length (the high half may hold anything); a
    // 4096-byte one a 64-bit length, which calamine turns into a `usize` with `unwrap`: past
    // 4 GB that panics on a 32-bit target (the page's wasm32).
    let len_of = |e: &[u8]| match size {
        512 => len_of(e) & 0xFFFF_FFFF,
        _ => len_of(e),
    };
    for e in &entries {
        if len_of(e) > u64::from(u32::MAX) {
            return Err(format!(
                "a directory entry declares {} bytes, more than a compound file holds",
                len_of(e)
            ));
        }
    }
    for e in &entries {
        let kind = e[66];
        let start = start_of(e);
        if (kind == 5 || (kind == 2 && len_of(e) >= 4096)) && !inside(start) {
            return Err(past(start));
        }
    }
    // The mini stream (the root entry's chain) and the mini FAT, both in whole sectors.
    let mini_fat_len = u32_at(0x40).ok_or_else(short)?;
    let mut mini_stream = Vec::new();
    let (mini_fat, mini_sectors) = if mini_fat_len > 0 {
        let stream = chain(start_of(root), &fat, "mini stream")?;
        mini_stream = stream.clone();
        let mini_fat_start = u32_at(0x3C).ok_or_else(short)?;
        let mini_fat_sectors = chain(mini_fat_start, &fat, "mini FAT")?;
        for &id in &mini_fat_sectors {
            whole(id, "mini FAT")?;
        }
        let table: Vec<u32> = mini_fat_sectors
            .into_iter()
            .flat_map(|id| ids(sector(id)))
            .collect();
        // calamine keeps the chain cut at the root's declared length.
        let held = ((stream.len() * size) as u64)
            .min(len_of(root))
            .div_ceil(64) as usize;
        (table, held)
    } else {
        (Vec::new(), 0)
    };
    // Each stream: in whole sectors from 4096 bytes up, else in the mini stream's 64-byte ones.
    // (An empty stream is never read, wherever it says it starts.)
    for e in entries
        .iter()
        .skip(1)
        .filter(|e| e[66] == 2 && len_of(e) > 0)
    {
        let start = start_of(e);
        if len_of(e) >= 4096 {
            chain(start, &fat, "stream")?;
        } else if start < MARKERS {
            let found = chain(start, &mini_fat, "mini stream")?;
            if let Some(&bad) = found.iter().find(|&&id| id as usize >= mini_sectors) {
                return Err(format!(
                    "mini sector {bad} points past the end of the mini stream ({mini_sectors} mini sectors)"
                ));
            }
        }
    }
    // The workbook stream, found as calamine finds it (the first entry of that name).
    let name_of = |e: &[u8]| {
        let units: Vec<u16> = e[..64]
            .chunks_exact(2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .take_while(|&u| u != 0)
            .collect();
        String::from_utf16_lossy(&units)
    };
    let find = |wanted: &str| {
        entries
            .iter()
            .find(|e| name_of(e).eq_ignore_ascii_case(wanted))
    };
    let Some(book) = find("Workbook").or_else(|| find("Book")) else {
        return Ok(None);
    };
    let len = len_of(book) as usize;
    let mut stream = Vec::new();
    if len == 0 {
        // Empty: calamine reads nothing, wherever it says it starts.
    } else if len >= 4096 {
        for id in chain(start_of(book), &fat, "stream")? {
            stream.extend_from_slice(sector(id));
        }
    } else if start_of(book) < MARKERS {
        let held: Vec<u8> = mini_stream
            .iter()
            .flat_map(|&id| sector(id))
            .copied()
            .collect();
        for id in chain(start_of(book), &mini_fat, "mini stream")? {
            let at = id as usize * 64;
            stream.extend_from_slice(held.get(at..(at + 64).min(held.len())).unwrap_or(&[]));
        }
    }
    stream.truncate(len);
    Ok(Some(stream))
}

/// The sectors of the chain from `start` through `table` (the FAT or the mini FAT), each
/// once; `Err` when a sector has no entry in the table or the chain comes back to a sector it
/// already passed (it would never end).
fn chain(start: u32, table: &[u32], what: &str) -> Result<Vec<u32>, String> {
    let mut seen = vec![false; table.len()];
    let mut out = Vec::new();
    let mut id = start;
    while id < MARKERS {
        let Some(was) = seen.get_mut(id as usize) else {
            return Err(format!(
                "the {what}'s sector {id} is not in the allocation table ({} entries)",
                table.len()
            ));
        };
        if *was {
            return Err(format!(
                "the {what}'s chain of sectors loops back to sector {id}"
            ));
        }
        *was = true;
        out.push(id);
        id = table[id as usize];
    }
    Ok(out)
}
