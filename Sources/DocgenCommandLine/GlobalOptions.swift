import ArgumentParser

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only findings and errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print more detail (each file as it is processed, timings).")
    var verbose = false
}
