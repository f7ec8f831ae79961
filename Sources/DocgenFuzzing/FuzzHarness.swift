import Foundation

/// What the libFuzzer entry points call: turns the input into a site and runs the pipeline.
/// The templates are `$DOCGEN_FUZZ_TEMPLATES`, else `site-templates/` in the working folder; the
/// site is written under `$DOCGEN_FUZZ_WORK` when set, else in `/dev/shm` or the temporary folder.
public enum FuzzHarness {
    private nonisolated(unsafe) static var pipeline: FuzzPipeline?
    /// The content root to remove at exit (libFuzzer ends the process with `exit`).
    private nonisolated(unsafe) static var rootToRemove: String?

    /// Runs one input of `target`. libFuzzer calls its entry point from one thread at a time.
    public static func run(_ target: FuzzInput.Target, _ bytes: UnsafePointer<UInt8>?, _ count: Int) {
        let pipeline = self.pipeline ?? makePipeline()
        self.pipeline = pipeline
        let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
        do {
            try pipeline.run(FuzzInput.files(data, target: target))
        } catch {
            // Not a finding about docgen: the fuzzer's own folder could not be written.
            fatalError("cannot write the fuzz site into \(pipeline.root.path): \(error)")
        }
    }

    private static func makePipeline() -> FuzzPipeline {
        let environment = ProcessInfo.processInfo.environment
        let folder = environment["DOCGEN_FUZZ_TEMPLATES"] ?? "site-templates"
        do {
            let pipeline = try FuzzPipeline(templates: URL(fileURLWithPath: folder), workFolder: environment["DOCGEN_FUZZ_WORK"].map { URL(fileURLWithPath: $0) })
            rootToRemove = pipeline.root.path
            atexit { FuzzHarness.rootToRemove.map { _ = try? FileManager.default.removeItem(atPath: $0) } }
            return pipeline
        } catch {
            fatalError("cannot load the templates in \(folder) (set DOCGEN_FUZZ_TEMPLATES): \(error)")
        }
    }
}
