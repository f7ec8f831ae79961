import Foundation

/// Standard output and error, colour only on a terminal without `NO_COLOR`.
enum Console {
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// Whether to colour output written to stdout (`fd` 1) or stderr (2).
    static func useColor(fd: Int32) -> Bool {
        isatty(fd) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes each of `lines` to stderr on its own line, a few hundred kilobytes per write: a
    /// large site's tens of thousands of findings, a write each, cost a tenth of a second.
    static func error(lines: some Sequence<String>) {
        var chunk = ""
        for line in lines {
            chunk += line
            chunk += "\n"
            if chunk.utf8.count >= 256 * 1024 {
                FileHandle.standardError.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        if !chunk.isEmpty { FileHandle.standardError.write(Data(chunk.utf8)) }
    }
}
