//! The `dechrome` command as a library, so that its tests drive it in-process: [`app::run`]
//! takes the arguments and the output streams and returns the exit code.
#![forbid(unsafe_code)]

pub mod app;
pub mod batch;
