import Foundation

/// Runs the built `docgen` executable as a user would and captures what it prints.
struct CommandLineRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Runs `docgen arguments` in `directory` (the package root by default) with `NO_COLOR` set.
    /// `build` and `lint` run without the cache (each run does the whole work, and nothing is
    /// written into the fixtures) unless `cache` is true.
    static func run(_ arguments: [String], in directory: URL = packageRoot, cache: Bool = false) throws -> Result {
        let process = Process()
        process.executableURL = packageRoot.appendingPathComponent(".build/debug/docgen")
        let cached = ["build", "lint"].contains(arguments.first ?? "") && !cache && !arguments.contains("--help")
        process.arguments = cached ? arguments + ["--no-cache"] : arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once: a run that fills one while the other is read would wait forever.
        let errors = PipeReader(err)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Reads a pipe to its end on another thread.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread.detachNewThread { [self] in
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
