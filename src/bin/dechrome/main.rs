//! The `dechrome` command (built with the `cli` feature): `dechrome --help` lists every
//! option, and [`app`] documents the exit codes.
#![forbid(unsafe_code)]

mod app;
mod batch;
mod warc_in;

fn main() -> std::process::ExitCode {
    let code = app::run(
        std::env::args_os().collect(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::ExitCode::from(code)
}
