//! The passphrase lock of links and roster packages: AES-256-GCM with a key derived from the
//! passphrase by Argon2id.
//!
//! Choices, and why:
//! - **Argon2id** (RFC 9106) with OWASP's minimum, 19 MiB of memory, 2 passes, 1 lane: memory
//!   hard, so a guessing rig gains far less than against PBKDF2, and it costs the page some
//!   tens of milliseconds rather than PBKDF2-600,000's second in wasm. The parameters are
//!   fixed by the format version (in the link prefix, in the package header), never read from
//!   the input: a crafted link cannot make the page allocate gigabytes.
//! - **Random salt (16 bytes) and nonce (12 bytes) come in as arguments** ([`RANDOM_BYTES`]):
//!   the core has no randomness of its own, the page draws them from `getRandomValues` and the
//!   CLI from the OS. A fresh salt gives a fresh key per message, so the nonce never repeats
//!   under one key.
//! - **A check value**: Argon2id gives 40 bytes, 32 for the key and 8 stored beside the
//!   ciphertext. A wrong passphrase is told by the check before decrypting; with AES-GCM
//!   alone it would look exactly like a damaged file. The check makes guessing no cheaper:
//!   each guess still costs one Argon2id.
//! - **What is authenticated**: the caller's context (the link prefix, the package header)
//!   and the salt, nonce and check, as associated data; the ciphertext by the GCM tag.
//! - The passphrase is NFC-normalised first: Vietnamese keyboards type the same letters as
//!   precomposed or combining characters, and both must open the lock.
//!
//! Layout: `salt (16) | nonce (12) | check (8) | ciphertext | tag (16)`.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use argon2::{Algorithm, Argon2, Params, Version};
use std::fmt;
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

/// Random bytes a lock needs: the salt, then the nonce.
pub const RANDOM_BYTES: usize = SALT + NONCE;

const SALT: usize = 16;
const NONCE: usize = 12;
const CHECK: usize = 8;
const KEY: usize = 32;
const TAG: usize = 16;
/// Bytes a lock adds to what it seals.
pub const OVERHEAD: usize = SALT + NONCE + CHECK + TAG;

/// Argon2id memory in KiB, passes and lanes (OWASP's recommended minimum).
pub const ARGON2_MEMORY_KIB: u32 = 19_456;
pub const ARGON2_PASSES: u32 = 2;
pub const ARGON2_LANES: u32 = 1;

/// Why sealing or opening failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoError {
    EmptyPassphrase,
    /// The check value does not match: another passphrase.
    WrongPassphrase,
    /// The passphrase is right but the sealed bytes were changed.
    Tampered,
    /// Shorter than any sealed message.
    Truncated,
}

impl fmt::Display for CryptoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CryptoError::EmptyPassphrase => "a passphrase is needed",
            CryptoError::WrongPassphrase => "wrong passphrase",
            CryptoError::Tampered => "the sealed data was changed or damaged",
            CryptoError::Truncated => "the sealed data is cut short",
        })
    }
}

impl std::error::Error for CryptoError {}

/// The key and the check value of a passphrase and salt.
fn derive(passphrase: &str, salt: &[u8]) -> Result<Zeroizing<[u8; KEY + CHECK]>, CryptoError> {
    let normalised: Zeroizing<String> = Zeroizing::new(passphrase.nfc().collect());
    if normalised.is_empty() {
        return Err(CryptoError::EmptyPassphrase);
    }
    let mut out = Zeroizing::new([0u8; KEY + CHECK]);
    let params = Params::new(
        ARGON2_MEMORY_KIB,
        ARGON2_PASSES,
        ARGON2_LANES,
        Some(KEY + CHECK),
    )
    .map_err(|_| CryptoError::EmptyPassphrase)?;
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(normalised.as_bytes(), salt, out.as_mut_slice())
        // Only out-of-range parameters fail, and these are constants in range; a salt of 16
        // bytes and any passphrase are accepted.
        .map_err(|_| CryptoError::EmptyPassphrase)?;
    Ok(out)
}

fn cipher(key: &[u8]) -> Result<Aes256Gcm, CryptoError> {
    Aes256Gcm::new_from_slice(key).map_err(|_| CryptoError::Tampered)
}

/// Seal `plain` under `passphrase`, authenticating `context` with it.
pub fn seal(
    passphrase: &str,
    random: &[u8; RANDOM_BYTES],
    context: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let (salt, nonce) = random.split_at(SALT);
    let derived = derive(passphrase, salt)?;
    let (key, check) = derived.split_at(KEY);
    let mut out = Vec::with_capacity(plain.len() + OVERHEAD);
    out.extend_from_slice(salt);
    out.extend_from_slice(nonce);
    out.extend_from_slice(check);
    let aad = [context, &out].concat();
    let nonce: [u8; NONCE] = nonce.try_into().map_err(|_| CryptoError::Truncated)?;
    let sealed = cipher(key)?
        .encrypt(
            &Nonce::from(nonce),
            Payload {
                msg: plain,
                aad: &aad,
            },
        )
        .map_err(|_| CryptoError::Tampered)?;
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Open what [`seal`] made with the same `context`.
pub fn open(passphrase: &str, context: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if sealed.len() < OVERHEAD {
        return Err(CryptoError::Truncated);
    }
    let (head, body) = sealed.split_at(SALT + NONCE + CHECK);
    let (salt, rest) = head.split_at(SALT);
    let (nonce, check) = rest.split_at(NONCE);
    let derived = derive(passphrase, salt)?;
    let (key, expected) = derived.split_at(KEY);
    if !constant_time_eq(check, expected) {
        return Err(CryptoError::WrongPassphrase);
    }
    let aad = [context, head].concat();
    let nonce: [u8; NONCE] = nonce.try_into().map_err(|_| CryptoError::Truncated)?;
    cipher(key)?
        .decrypt(
            &Nonce::from(nonce),
            Payload {
                msg: body,
                aad: &aad,
            },
        )
        .map_err(|_| CryptoError::Tampered)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const RANDOM: [u8; RANDOM_BYTES] = [7; RANDOM_BYTES];

    #[test]
    fn sealed_bytes_open_with_the_passphrase_and_only_with_it() {
        let sealed = seal("mật khẩu", &RANDOM, b"ctx", b"figures").unwrap();
        assert_eq!(sealed.len(), 7 + OVERHEAD);
        assert_eq!(open("mật khẩu", b"ctx", &sealed).unwrap(), b"figures");
        assert_eq!(
            open("mat khau", b"ctx", &sealed),
            Err(CryptoError::WrongPassphrase)
        );
        assert_eq!(open("", b"ctx", &sealed), Err(CryptoError::EmptyPassphrase));
        assert_eq!(
            open("mật khẩu", b"ctx", &sealed[..OVERHEAD - 1]),
            Err(CryptoError::Truncated)
        );
    }

    #[test]
    fn a_changed_byte_or_context_is_tampering_not_a_wrong_passphrase() {
        let sealed = seal("pass", &RANDOM, b"ctx", b"figures").unwrap();
        assert_eq!(open("pass", b"other", &sealed), Err(CryptoError::Tampered));
        // Nonce, ciphertext, tag: each changed byte fails the tag.
        for i in SALT..sealed.len() {
            if (SALT + NONCE..SALT + NONCE + CHECK).contains(&i) {
                continue;
            }
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert_eq!(
                open("pass", b"ctx", &bad),
                Err(CryptoError::Tampered),
                "{i}"
            );
        }
        // A changed salt or check value: the check no longer matches.
        for i in [0, SALT + NONCE] {
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert_eq!(
                open("pass", b"ctx", &bad),
                Err(CryptoError::WrongPassphrase)
            );
        }
    }

    #[test]
    fn precomposed_and_combining_vietnamese_open_the_same_lock() {
        let nfc = "Hà Nội";
        let nfd = "Ha\u{300} N\u{f4}\u{323}i";
        assert_ne!(nfc, nfd);
        let sealed = seal(nfc, &RANDOM, b"", b"x").unwrap();
        assert_eq!(open(nfd, b"", &sealed).unwrap(), b"x");
    }
}
