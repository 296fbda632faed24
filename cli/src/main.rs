//! The `dechrome` command: `dechrome --help` lists every option, and [`dechrome_cli::app`]
//! documents the exit codes.
#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    let code = dechrome_cli::app::run(
        std::env::args_os().collect(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::ExitCode::from(code)
}
