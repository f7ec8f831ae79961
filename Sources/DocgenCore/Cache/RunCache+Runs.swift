import Foundation

/// A command's use of the cache, from looking for the last run's result to storing its own: what
/// `build` and `lint` share.
extension RunCache {
    /// One run: the slot of its command and options, the key of its inputs when it began, how to
    /// make that key, and the file hashes it was made with.
    public struct Run {
        let slot: String
        let key: String
        let makeKey: (FileHashes) -> String
        let hashes: FileHashes
    }

    /// Begins a run of `slot`: works out its inputs with `makeInputs`, and returns them with the
    /// result the last run whose inputs had the same `key` stored, or nil. `notes` gets what could
    /// not be trusted. With `keepingEarlier`, a result stored for other inputs is returned as
    /// `earlier`, for a run that can reuse what did not change.
    /// `prefetched` gives the slot's entry as ``prefetch(_:slot:)`` read it, taken instead of
    /// reading it; it is asked for once the inputs are worked out (while another thread reads it).
    public func begin<Result: CacheCodable, Inputs>(
        _ type: Result.Type, slot: String, notes: inout [String], keepingEarlier: Bool = false, prefetched: (() -> Prefetched<Result>)? = nil,
        inputs makeInputs: @escaping (FileHashes) -> Inputs, key: @escaping (Inputs) -> String
    ) -> (run: Run, stored: Result?, earlier: Result?, inputs: Inputs) {
        let hashes = fileHashes(notes: &notes)
        let inputs = makeInputs(hashes)
        let run = Run(slot: slot, key: key(inputs), makeKey: { key(makeInputs($0)) }, hashes: hashes)
        let ahead = prefetched?()
        func decoded(_ payload: [UInt8]) -> Result? {
            // The entry read ahead was decoded then: a payload it could not decode is not tried again.
            if let ahead { return ahead.result }
            return Self.decoded(payload)
        }
        switch ahead?.entry ?? entry(slot: slot) {
        case .found(let stored, let payload) where stored == run.key: return (run, decoded(payload), nil, inputs)
        case .found(_, let payload): return (run, nil, keepingEarlier ? decoded(payload) : nil, inputs)
        case .absent: return (run, nil, nil, inputs)
        case .ignored(let note):
            notes.append(note)
            return (run, nil, nil, inputs)
        }
    }

    /// A slot's entry, read and decoded before a run begins (``prefetch(_:slot:)``).
    public struct Prefetched<Result: CacheCodable> {
        /// What the slot held.
        let entry: Entry
        /// Its payload decoded, when it was a whole entry in a format this docgen reads.
        let result: Result?
    }

    /// Reads and decodes the entry of `slot` now: on another thread, it overlaps what a run does
    /// before it begins (`serve` lists the content to watch it meanwhile). Reads only the cache
    /// folder, never the content.
    public func prefetch<Result: CacheCodable>(_ type: Result.Type, slot: String) -> Prefetched<Result> {
        let found = entry(slot: slot)
        guard case .found(_, let payload) = found else { return Prefetched(entry: found, result: nil) }
        return Prefetched(entry: found, result: Self.decoded(payload))
    }

    /// `payload` decoded as a `Result`; nil when it is not one. The checksum matched, so only a
    /// format this docgen does not read fails here.
    private static func decoded<Result: CacheCodable>(_ payload: [UInt8]) -> Result? {
        var reader = CacheReader(payload)
        guard let result = try? Result(from: &reader), reader.isAtEnd else { return nil }
        return result
    }

    /// Ends a run that reported its stored result: keeps the file hashes it read.
    public func reused(_ run: Run) {
        keepFileHashes(run.hashes)
    }

    /// Ends a run that did the work: stores `result` for the run's key, unless an input changed
    /// while it ran (compared by status; the files are not read again), and keeps the file
    /// hashes. Returns a note when the cache could not be written.
    public func finish<Result: CacheCodable>(_ run: Run, result: () -> Result) -> String? {
        let after = FileHashes(following: run.hashes)
        // Inputs that changed while the run read them would tie its result to the wrong key.
        guard run.makeKey(after) == run.key else { return nil }
        var writer = CacheWriter()
        result().write(to: &writer)
        if let note = store(slot: run.slot, key: run.key, payload: writer.bytes) { return note }
        keepFileHashes(after)
        return nil
    }
}

extension RunCache.Prefetched: Sendable where Result: Sendable {}
