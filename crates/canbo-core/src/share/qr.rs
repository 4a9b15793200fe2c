//! The QR code of a link, as SVG text, for a phone to scan from the screen or from a printed
//! report. Error correction M (15 % of the code may be lost) when the link fits, else L; a
//! QR code holds at most 2,953 bytes, so a link past that has none.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use std::fmt;

/// The most bytes any QR code holds (version 40, level L).
const MAX_BYTES: usize = 2_953;

/// Why a link has no QR code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrError {
    TooLong { bytes: usize },
}

impl QrError {
    /// The message in `lang` (English: the same words as `Display`).
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Vi => self.message_vi(),
            crate::lang::Lang::En => self.to_string(),
        }
    }

    pub fn message_vi(&self) -> String {
        match self {
            QrError::TooLong { bytes } => format!(
                "Liên kết quá dài để làm mã QR ({bytes} ký tự; mã QR chứa tối đa {MAX_BYTES}): hãy gửi liên kết hoặc gói dữ liệu."
            ),
        }
    }
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QrError::TooLong { bytes } => write!(
                f,
                "the link is too long for a QR code ({bytes} bytes; a QR code holds {MAX_BYTES} at most)"
            ),
        }
    }
}

impl std::error::Error for QrError {}

/// An SVG drawing of the QR code of `text` (a whole URL with its `#r1.…` fragment), black on
/// white with the standard quiet zone, at least 256 px wide.
pub fn qr_svg(text: &str) -> Result<String, QrError> {
    let too_long = QrError::TooLong { bytes: text.len() };
    if text.len() > MAX_BYTES {
        return Err(too_long);
    }
    [EcLevel::M, EcLevel::L]
        .into_iter()
        .find_map(|level| QrCode::with_error_correction_level(text, level).ok())
        .map(|code| {
            code.render::<svg::Color>()
                .min_dimensions(256, 256)
                .quiet_zone(true)
                .build()
        })
        .ok_or(too_long)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_an_svg_and_an_overlong_one_is_refused() {
        let svg = qr_svg("https://canbo.example/#r1.eNoLL8pMTlVIzs8rSc0rAQA").unwrap();
        assert!(
            svg.starts_with("<?xml") || svg.starts_with("<svg"),
            "{}",
            &svg[..40]
        );
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
        let long = "A".repeat(2_500);
        assert!(qr_svg(&long).is_ok(), "level L holds 2,500 bytes");
        assert_eq!(
            qr_svg(&"A".repeat(3_000)),
            Err(QrError::TooLong { bytes: 3_000 })
        );
    }
}
