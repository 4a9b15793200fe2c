//! The page's parts. Each reads the shared [`crate::state::AppState`] from context.

mod data_menu;
pub mod document;
mod drop_zone;
pub mod figures;
pub mod import_bar;
mod import_errors;
pub mod people;
pub mod print_form;
pub mod prose;
pub mod report;
pub mod retirement;
mod review;
pub mod share;
mod snapshots;
pub mod standards;
mod summary;

pub use data_menu::{DataMenu, StorageError};
pub use drop_zone::DropZone;
pub use import_bar::ImportBar;
pub use import_errors::ImportErrors;
pub use review::{ImportReview, UnreadCount, UnreadValues};
pub use snapshots::Snapshots;
pub use summary::Summary;
