//! Getting bytes from the browser: files the user picked or dropped, and the bundled sample.

use canbo_core::import::FileInput;
use canbo_core::Text;
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList, Response};

use crate::state::Picked;

/// The sample roster shipped in dist/assets (a copy of shared/samples/mau-son-bieu.xlsx).
const SAMPLE_URL: &str = "assets/mau-son-bieu.xlsx";
const SAMPLE_NAME: &str = "mau-son-bieu.xlsx";

/// Reads every file of a pick or a drop. A file the browser cannot read (deleted or moved
/// since it was picked) becomes a message; the others are still read.
pub async fn read_files(list: &FileList) -> Picked {
    read_each((0..list.length()).filter_map(|i| list.item(i))).await
}

/// Reads each file in turn, as [`read_files`] does those of a pick or a drop.
pub async fn read_each(files: impl IntoIterator<Item = File>) -> Picked {
    let mut picked = Picked::default();
    for file in files {
        match read_file(&file).await {
            Ok(bytes) => picked.files.push(FileInput {
                name: file.name(),
                bytes,
            }),
            Err(_) => picked.unreadable.push(Text::new(
                format!("{}: trình duyệt không đọc được tệp này", file.name()),
                format!("{}: the browser could not read this file", file.name()),
            )),
        }
    }
    picked
}

async fn read_file(file: &File) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    Ok(into_wasm(&Uint8Array::new(&buffer)).await)
}

/// Bytes copied between JavaScript and the page's memory in one task: some 5 ms here (a
/// province's 20 MB workbook copied in and out at once held the page for 55 to 130 ms, the
/// longest task of its import).
pub const COPIED_AT_ONCE: usize = 4 << 20;

/// `copy` of each slice of `len` bytes, [`COPIED_AT_ONCE`] at a time, the browser drawing
/// between two.
async fn in_slices(len: usize, mut copy: impl FnMut(std::ops::Range<usize>)) {
    for from in (0..len).step_by(COPIED_AT_ONCE) {
        if from > 0 {
            crate::turns::let_the_browser_draw().await;
        }
        copy(from..len.min(from + COPIED_AT_ONCE));
    }
}

/// `array`'s bytes in the page's memory, a slice at a time ([`in_slices`]).
pub async fn into_wasm(array: &Uint8Array) -> Vec<u8> {
    let len = array.length() as usize;
    // Room for all at once; each slice zeroed, then copied over, in its own task.
    let mut bytes = Vec::with_capacity(len);
    in_slices(len, |slice| {
        bytes.resize(slice.end, 0);
        let js = array.subarray(slice.start as u32, slice.end as u32);
        js.copy_to(&mut bytes[slice]);
    })
    .await;
    bytes
}

/// `bytes` in a new JavaScript array (to be handed to a worker), a slice at a time
/// ([`in_slices`]).
pub async fn out_of_wasm(bytes: &[u8]) -> Uint8Array {
    let array = Uint8Array::new_with_length(bytes.len() as u32);
    in_slices(bytes.len(), |slice| {
        let js = array.subarray(slice.start as u32, slice.end as u32);
        js.copy_from(&bytes[slice]);
    })
    .await;
    array
}

/// Downloads the bundled sample roster from the page's own origin.
pub async fn fetch_sample() -> Picked {
    match fetch_bytes(SAMPLE_URL).await {
        Ok(bytes) => Picked {
            files: vec![FileInput {
                name: SAMPLE_NAME.to_string(),
                bytes,
            }],
            unreadable: vec![],
        },
        Err(_) => Picked {
            files: vec![],
            unreadable: vec![Text::new(
                format!("Không tải được dữ liệu mẫu ({SAMPLE_NAME}); hãy tải lại trang rồi thử lại"),
                format!("The sample roster ({SAMPLE_NAME}) could not be loaded; reload the page and try again"),
            )],
        },
    }
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, JsValue> {
    let response: Response = JsFuture::from(leptos::prelude::window().fetch_with_str(url))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from(response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::data_transfer;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn file_list(files: &[(&str, &[u8])]) -> FileList {
        data_transfer(files).files().unwrap()
    }

    #[wasm_bindgen_test]
    async fn reads_every_file_of_a_drop_with_its_name_and_bytes() {
        let list = file_list(&[
            ("a.csv", b"H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan\n"),
            ("b.xlsx", &[0x50, 0x4b, 3, 4, 0, 255]),
        ]);
        let picked = read_files(&list).await;
        assert!(picked.unreadable.is_empty());
        let got: Vec<(&str, &[u8])> = picked
            .files
            .iter()
            .map(|f| (f.name.as_str(), f.bytes.as_slice()))
            .collect();
        assert_eq!(
            got,
            [
                ("a.csv", "Họ và tên\n".as_bytes()),
                ("b.xlsx", &[0x50, 0x4b, 3, 4, 0, 255][..])
            ]
        );
    }

    #[wasm_bindgen_test]
    async fn bytes_cross_into_the_page_and_out_again_a_slice_at_a_time_unchanged() {
        for len in [
            0,
            1,
            COPIED_AT_ONCE - 1,
            COPIED_AT_ONCE,
            2 * COPIED_AT_ONCE + 3,
        ] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 + i / 251) as u8).collect();
            let array = Uint8Array::from(&bytes[..]);
            let into = into_wasm(&array).await;
            assert!(into == bytes, "{len} bytes in");
            let out = out_of_wasm(&bytes).await;
            assert_eq!(out.length() as usize, len);
            assert!(out.to_vec() == bytes, "{len} bytes out");
        }
    }

    #[wasm_bindgen_test]
    async fn an_empty_drop_reads_nothing() {
        let picked = read_files(&file_list(&[])).await;
        assert!(picked.files.is_empty() && picked.unreadable.is_empty());
    }
}
