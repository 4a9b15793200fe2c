//! Numbers and dates the Vietnamese way: `1.234`, `31/12/2024`.

use canbo_core::date::Date;

/// A count with `.` between thousands.
pub fn count(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

pub fn date(date: Date) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn counts_group_thousands_with_dots() {
        assert_eq!(count(0), "0");
        assert_eq!(count(420), "420");
        assert_eq!(count(1234), "1.234");
        assert_eq!(count(100_000), "100.000");
        assert_eq!(count(4_294_967_295), "4.294.967.295");
    }

    #[wasm_bindgen_test]
    fn dates_read_day_month_year() {
        assert_eq!(date(Date::new(2024, 12, 31).unwrap()), "31/12/2024");
        assert_eq!(date(Date::new(2025, 1, 5).unwrap()), "05/01/2025");
    }
}
