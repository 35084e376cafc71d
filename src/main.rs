//! The `coolplan` binary: a thin shell over the library's CLI and GUI.

fn main() -> std::process::ExitCode {
    coolplan::cli::main()
}
