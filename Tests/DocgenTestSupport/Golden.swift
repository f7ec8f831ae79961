import Foundation

/// Golden (snapshot) files under `Tests/Goldens/`. Run the tests with `DOCGEN_UPDATE_GOLDENS=1`
/// to rewrite them from the current output, then review the diff.
public enum Golden {
    /// The `Tests/Goldens` folder of this package.
    public static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Goldens")
    }

    /// Compares `actual` with the golden file `name`. Returns nil when they match (or the golden
    /// was just written), otherwise a message with the first differing line.
    public static func mismatch(_ actual: String, golden name: String) -> String? {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DOCGEN_UPDATE_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: file)
            return nil
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "Golden file \(name) is missing; run with DOCGEN_UPDATE_GOLDENS=1 to create it."
        }
        guard expected != actual else { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            if want != got {
                return "Golden \(name) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)\n(set DOCGEN_UPDATE_GOLDENS=1 to accept the new output)"
            }
        }
        return "Golden \(name) differs"
    }
}
