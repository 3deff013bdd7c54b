//! Hostile input: every class of bad input gets exit 2 with a located one-line reason, or a
//! correct result; nothing panics, aborts or hangs, and no file is clobbered.

pub mod arithmetic;
pub mod files;
mod imports;
pub(crate) mod window;
