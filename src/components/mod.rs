//! The page's parts. Each reads the shared [`crate::state::AppState`] from context.

mod drop_zone;
mod import_bar;
mod import_errors;
mod summary;

pub use drop_zone::DropZone;
pub use import_bar::ImportBar;
pub use import_errors::ImportErrors;
pub use summary::Summary;
