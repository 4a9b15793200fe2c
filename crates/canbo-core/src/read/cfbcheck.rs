//! A compound file's sector map, checked before calamine reads it: calamine 0.38 panics
//! (`slice index starts at 4608 but ends at 4271`, found by fuzzing) when a sector number in
//! the file points just past its end. Every sector number calamine will follow from the
//! header, the FAT and the directory is checked to lie inside the file.

/// Sector numbers from here up are markers (free, end of chain, FAT, DIFAT), not sectors.
const MARKERS: u32 = 0xFFFF_FFFA;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

/// `Err` with the reason when a sector number points outside the file.
pub(super) fn check(bytes: &[u8]) -> Result<(), String> {
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
        fat.extend(ids(sector(id)));
    }
    if let Some(&bad) = fat.iter().find(|&&id| !inside(id)) {
        return Err(past(bad));
    }
    // Directory entries of streams kept in whole sectors (4096 bytes and more, and the root).
    let mut dir = u32_at(0x30).ok_or_else(short)?;
    let mut hops = 0u64;
    while dir < MARKERS && hops <= sectors {
        for entry in sector(dir).chunks_exact(128) {
            let kind = entry[66];
            let start = u32::from_le_bytes([entry[116], entry[117], entry[118], entry[119]]);
            let len = u32::from_le_bytes([entry[120], entry[121], entry[122], entry[123]]);
            if (kind == 5 || (kind == 2 && len >= 4096)) && !inside(start) {
                return Err(past(start));
            }
        }
        dir = fat.get(dir as usize).copied().unwrap_or(END_OF_CHAIN);
        hops += 1;
    }
    Ok(())
}
