fn main() -> std::process::ExitCode {
    yishi::cli::main()
}
